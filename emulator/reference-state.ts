/**
 * The reference model's storage: architectural state by register name, in a
 * Map, with no layout, no physical register file and nothing to copy on a
 * world switch. It is the oracle A/B runs compare every layout against; it
 * is meant to be obviously right, not fast.
 */
import type { RegisterIndex } from "./register-index.js";
import { newCounters, resetEach, type ArchState, type Counters, type ResetValues } from "./state.js";

const M32 = 0xffffffffn;

export class NamedState implements ArchState {
  readonly counters: Counters = newCounters();
  private readonly values = new Map<string, bigint>();

  constructor(private readonly index: RegisterIndex) {}

  has(r: number): boolean {
    return r >= 0 && r < this.index.names.length;
  }

  private name(r: number): string {
    const n = this.index.names[r];
    if (n === undefined) throw new Error(`no register number ${r}`);
    return n;
  }

  get(r: number): bigint {
    return this.values.get(this.name(r)) ?? 0n;
  }

  set(r: number, value: bigint): void {
    const bits = BigInt((this.index.bytes[r] ?? 8) * 8);
    this.values.set(this.name(r), value & ((1n << bits) - 1n));
  }

  resetRegisters(values: ResetValues): void {
    resetEach(this, values);
  }

  resetTo(r: number, lo: number, hi: number): void {
    this.put(r, lo, hi);
  }

  lo(r: number): number {
    return Number(this.get(r) & M32) >>> 0;
  }

  hi(r: number): number {
    return Number((this.get(r) >> 32n) & M32) >>> 0;
  }

  put(r: number, lo: number, hi: number): void {
    this.set(r, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  }

  move(dst: number, src: number, clearLo: number, clearHi: number, setLo: number, setHi: number): void {
    this.put(dst, ((this.lo(src) & ~clearLo) | setLo) >>> 0, ((this.hi(src) & ~clearHi) | setHi) >>> 0);
  }

  worldSwitch(): void {}

  e2hChanged(): void {}

  beforeReset(): void {}

  afterReset(): void {}
}
