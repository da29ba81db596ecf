import { describe, expect, it } from "vitest";
import { hex, maskToRanges, parseBits, rangeMask, toMask } from "../generators/spec/bits.js";

describe("bit ranges and masks", () => {
  it("parses a bit, a range, and rejects a reversed range", () => {
    expect(parseBits(5n)).toEqual({ hi: 5, lo: 5 });
    expect(parseBits("15:12")).toEqual({ hi: 15, lo: 12 });
    expect(parseBits("12:15")).toBeUndefined();
    expect(parseBits("x")).toBeUndefined();
  });

  it("builds masks up to bit 63 without losing precision", () => {
    expect(rangeMask({ hi: 63, lo: 38 })).toBe(0xffffffc000000000n);
    expect(rangeMask({ hi: 0, lo: 0 })).toBe(1n);
  });

  it("splits masks into 32-bit halves for the hot path", () => {
    // SCTLR_EL2's RES1 bits (Linux SCTLR_EL2_RES1) straddle no halves; TCR_EL1.IPS (34:32) does.
    expect(toMask(0x30c50830n)).toEqual({ value: 0x30c50830n, lo32: 0x30c50830, hi32: 0 });
    expect(toMask(0x7_0000_0000n | 0x8000_0000n)).toEqual({ value: 0x780000000n, lo32: 0x80000000, hi32: 7 });
  });

  it("turns a mask back into maximal ranges, highest first", () => {
    expect(maskToRanges(0xf0fn)).toEqual([{ hi: 11, lo: 8 }, { hi: 3, lo: 0 }]);
    expect(maskToRanges(1n << 63n)).toEqual([{ hi: 63, lo: 63 }]);
    expect(maskToRanges(0n)).toEqual([]);
  });

  it("prints values one way", () => {
    expect(hex(0x30c50830n)).toBe("0x30c50830");
    expect(hex(0x13e080n, 16)).toBe("0x000000000013e080");
  });
});
