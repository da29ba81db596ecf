/**
 * The spec's declarative EL2 -> EL1 mappings (toCounterpart), compiled once
 * into operations on 32-bit halves, so a world switch translates without a
 * BigInt. Same meaning as generators/spec/counterpart-map.ts (which the tests
 * compare with Linux's translate_* helpers): unmapped bits are zero, the
 * counterpart's RES1 bits are then set.
 */
import type { MapRule } from "../generators/spec/model.js";

/** copy: `width` (<= 16) bits from `from` to `to`, xor `flip`; fill: all of `to` if bit `from` (xor flip) is 1. */
type Op =
  | { readonly kind: 0; readonly from: number; readonly to: number; readonly width: number; readonly flip: number }
  | { readonly kind: 1; readonly from: number; readonly to: number; readonly width: number; readonly flip: number };

export interface CompiledMapping {
  readonly ops: readonly Op[];
  readonly setLo: number;
  readonly setHi: number;
}

function bits(lo: number, hi: number, pos: number, width: number): number {
  const mask = width === 32 ? 0xffffffff : (1 << width) - 1;
  if (pos >= 32) return (hi >>> (pos - 32)) & mask;
  if (pos + width <= 32) return (lo >>> pos) & mask;
  return ((lo >>> pos) | (hi << (32 - pos))) & mask;
}

function orBits(out: Uint32Array, pos: number, value: number): void {
  if (pos >= 32) out[1] = ((out[1] ?? 0) | (value << (pos - 32))) >>> 0;
  else {
    out[0] = ((out[0] ?? 0) | (value << pos)) >>> 0;
    if (pos > 16) out[1] = ((out[1] ?? 0) | (value >>> (32 - pos))) >>> 0;
  }
}

function maskHalves(lo: number, hi: number): [number, number] {
  let mlo = 0;
  let mhi = 0;
  for (let b = lo; b <= hi; b++) {
    if (b < 32) mlo |= 1 << b;
    else mhi |= 1 << (b - 32);
  }
  return [mlo >>> 0, mhi >>> 0];
}

export function compileMapping(rules: readonly MapRule[], res1: bigint): CompiledMapping {
  const ops: Op[] = [];
  let setLo = Number(res1 & 0xffffffffn) >>> 0;
  let setHi = Number((res1 >> 32n) & 0xffffffffn) >>> 0;
  for (const r of rules) {
    if (r.kind === "set") {
      const [lo, hi] = maskHalves(r.to.lo, r.to.hi);
      setLo = (setLo | lo) >>> 0;
      setHi = (setHi | hi) >>> 0;
      continue;
    }
    const fromWidth = r.from.hi - r.from.lo + 1;
    const toWidth = r.to.hi - r.to.lo + 1;
    if (fromWidth === 1 && toWidth > 1) {
      ops.push({ kind: 1, from: r.from.lo, to: r.to.lo, width: toWidth, flip: r.invert ? 1 : 0 });
      continue;
    }
    for (let k = 0; k < fromWidth; k += 16) {
      const w = Math.min(16, fromWidth - k);
      ops.push({ kind: 0, from: r.from.lo + k, to: r.to.lo + k, width: w, flip: r.invert ? (1 << w) - 1 : 0 });
    }
  }
  return { ops, setLo, setHi };
}

/** Translate (lo, hi) into out[0], out[1]. */
export function applyMapping(m: CompiledMapping, lo: number, hi: number, out: Uint32Array): void {
  out[0] = m.setLo;
  out[1] = m.setHi;
  for (const op of m.ops) {
    if (op.kind === 0) orBits(out, op.to, (bits(lo, hi, op.from, op.width) ^ op.flip) >>> 0);
    else if ((bits(lo, hi, op.from, 1) ^ op.flip) === 1) {
      for (let k = 0; k < op.width; k += 16) {
        const w = Math.min(16, op.width - k);
        orBits(out, op.to + k, (1 << w) - 1);
      }
    }
  }
}
