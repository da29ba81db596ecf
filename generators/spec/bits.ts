/**
 * Bit ranges and masks. Register values are 64-bit (some 128-bit), so masks
 * are bigint; the emulator's hot path wants 32-bit halves, which `Mask` keeps
 * beside the bigint so nobody has to split it again.
 */

/** An inclusive bit range, high first as the Arm ARM writes it. */
export interface BitRange {
  readonly hi: number;
  readonly lo: number;
}

/** A mask as a bigint and as the two 32-bit halves of its low 64 bits. */
export interface Mask {
  readonly value: bigint;
  readonly lo32: number;
  readonly hi32: number;
}

/** Parse `5`, `"5"` or `"15:12"`; undefined when malformed or reversed. */
export function parseBits(bits: bigint | number | string): BitRange | undefined {
  if (typeof bits !== "string") {
    const n = Number(bits);
    return { hi: n, lo: n };
  }
  const m = /^(\d{1,3})(?::(\d{1,3}))?$/.exec(bits);
  if (!m?.[1]) return undefined;
  const hi = Number(m[1]);
  const lo = m[2] === undefined ? hi : Number(m[2]);
  if (lo > hi) return undefined;
  return { hi, lo };
}

export function rangeWidth(r: BitRange): number {
  return r.hi - r.lo + 1;
}

export function rangeMask(r: BitRange): bigint {
  return ((1n << BigInt(rangeWidth(r))) - 1n) << BigInt(r.lo);
}

export function widthMask(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}

export function toMask(value: bigint): Mask {
  return {
    value,
    lo32: Number(value & 0xffffffffn) >>> 0,
    hi32: Number((value >> 32n) & 0xffffffffn) >>> 0,
  };
}

export function masksOf(ranges: readonly BitRange[]): bigint {
  let m = 0n;
  for (const r of ranges) m |= rangeMask(r);
  return m;
}

export function formatRange(r: BitRange): string {
  return r.hi === r.lo ? `${r.hi}` : `${r.hi}:${r.lo}`;
}

/** The set bits of a mask as maximal ranges, highest first: 0xf0f -> ["11:8", "3:0"]. */
export function maskToRanges(mask: bigint): BitRange[] {
  const out: BitRange[] = [];
  let bit = 0;
  let start = -1;
  for (let m = mask; m !== 0n || start >= 0; m >>= 1n, bit++) {
    const set = (m & 1n) === 1n;
    if (set && start < 0) start = bit;
    if (!set && start >= 0) {
      out.push({ hi: bit - 1, lo: start });
      start = -1;
    }
  }
  return out.reverse();
}

/** The one way reglab prints a register value: 0x + lower-case hex. */
export function hex(value: bigint | number, digits = 0): string {
  const v = typeof value === "number" ? BigInt(value) : value;
  return "0x" + v.toString(16).padStart(digits, "0");
}
