/**
 * The specs' declarative EL2 -> EL1 mappings against Linux's translate_*
 * helpers (transcribed in test/reference/linux-nested-translate.ts), on
 * random 64-bit values from fast-check (the seed is printed on failure).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMapRules, toCounterpartValue } from "../generators/spec/counterpart-map.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import type { Register } from "../generators/spec/model.js";
import { LINUX_TRANSLATIONS } from "./reference/linux-nested-translate.js";
import { SPECS } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const reg = (name: string): Register => {
  const r = model.byName.get(name);
  if (!r || r.kind !== "register") throw new Error(`no register ${name}`);
  return r;
};

describe("EL2 -> EL1 counterpart mappings", () => {
  for (const [el2, [el1, linux]] of Object.entries(LINUX_TRANSLATIONS)) {
    it(`${el2} -> ${el1} agrees with Linux's translation on every value`, () => {
      const r = reg(el2);
      expect(r.counterpart).toBe(el1);
      expect(Array.isArray(r.toCounterpart)).toBe(true);
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => {
          expect(toCounterpartValue(r, reg(el1), v)).toBe(linux(v));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it("every other EL2 register with a counterpart copies as is or says none", () => {
    const others = model.registers.filter((r) => r.counterpart && Array.isArray(r.toCounterpart) && !(r.name in LINUX_TRANSLATIONS));
    expect(others.map((r) => r.name)).toEqual([]);
  });

  it("a one-bit source fills a wider target, inverted when asked", () => {
    const rules = [{ kind: "copy", from: { hi: 10, lo: 10 }, to: { hi: 21, lo: 20 }, invert: true }] as const;
    expect(applyMapRules(rules, 0n, 0n)).toBe(3n << 20n);
    expect(applyMapRules(rules, 1n << 10n, 0n)).toBe(0n);
    expect(applyMapRules([{ kind: "set", to: { hi: 23, lo: 23 } }], 0n, 1n << 4n)).toBe((1n << 23n) | (1n << 4n));
  });
});
