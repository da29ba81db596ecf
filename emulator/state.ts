/**
 * Where the vCPU's architectural state lives. The core (vcpu.ts) reads and
 * writes registers by number through this interface and never knows how they
 * are stored: `NamedState` (reference-state.ts) keeps them by name, with no
 * layout at all; `LayoutState` (layout-state.ts) keeps them in one
 * ArrayBuffer laid out as a layout's struct kvm_cpu_context, next to a model
 * of the physical EL1 register file, and moves them with the layout's copy
 * plan when the virtual EL crosses EL2.
 */

export interface Counters {
  /** Exceptions taken (any EL). */
  exceptions: number;
  /** System register accesses trapped to (virtual) EL2 by the guest hypervisor's trap controls. */
  traps: number;
  /** Nested world switches (virtual EL2 <-> EL1/EL0), both directions. */
  worldSwitches: number;
  /** Registers, bytes and copy runs the world switches moved. */
  registersCopied: number;
  bytesCopied: number;
  copyRuns: number;
  /** Distinct 64-byte lines of the context the world switches touched, summed per switch. */
  cacheLines: number;
}

export function newCounters(): Counters {
  return { exceptions: 0, traps: 0, worldSwitches: 0, registersCopied: 0, bytesCopied: 0, copyRuns: 0, cacheLines: 0 };
}

/** Every register's reset value, by register number (vcpu.ts builds it once per register index). */
export interface ResetValues {
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  /** Values that do not fit 64 bits: written with set(). */
  readonly big: ReadonlyMap<number, bigint>;
}

/** What resetRegisters does by default: resetTo() (or set()) every register the storage has, in number order. */
export function resetEach(state: ArchState, values: ResetValues): void {
  for (let r = 0; r < values.lo.length; r++) {
    if (!state.has(r)) continue;
    const big = values.big.get(r);
    if (big !== undefined) state.set(r, big);
    else state.resetTo(r, values.lo[r] as number, values.hi[r] as number);
  }
}

export interface ArchState {
  /** Whether this storage has the register at all (a layout without EL2 state has no EL2 registers). */
  has(r: number): boolean;
  /** Low and high 32 bits of a register's architectural value: the hot path. */
  lo(r: number): number;
  hi(r: number): number;
  put(r: number, lo: number, hi: number): void;
  /**
   * dst = (src & ~clear) | set, on 32-bit halves: what MRS and MSR do (with
   * RES0/RES1 masks for MSR). One call, so a layout resolves each register's
   * location once.
   */
  move(dst: number, src: number, clearLo: number, clearHi: number, setLo: number, setHi: number): void;
  /** The same as a bigint (128-bit for V registers): for edges, never the hot path. */
  get(r: number): bigint;
  set(r: number, value: bigint): void;
  /**
   * What reset writes: `set(r, (hi << 32) | lo)`, without a BigInt (a register wider than 64 bits
   * gets zero above). Reset writes every register of every vCPU A/B runs make.
   */
  resetTo(r: number, lo: number, hi: number): void;
  /** Between beforeReset() and afterReset(): every register it has to its reset value (resetEach()). */
  resetRegisters(values: ResetValues): void;
  /**
   * The virtual EL moved from EL2 to EL1/EL0 (`entry`) or back (`exit`); `e2h`
   * is the guest hypervisor's HCR_EL2.E2H, which decides whether EL2 values
   * reach the EL1 registers translated.
   */
  worldSwitch(direction: "entry" | "exit", e2h: boolean): void;
  /** HCR_EL2.E2H changed while the guest hypervisor runs: reload what depends on it. */
  e2hChanged(e2h: boolean): void;
  /** Reset is about to write every register: nothing may be held anywhere but the context. */
  beforeReset(): void;
  /** After reset: the physical registers hold the state of the EL the vCPU starts in. */
  afterReset(atEl2: boolean, e2h: boolean): void;
  readonly counters: Counters;
}
