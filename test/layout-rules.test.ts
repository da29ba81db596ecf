/**
 * One fixture per layout rule (test/fixtures/layouts/<rule>/layouts/tiny.yaml,
 * planned against the small register set in test/fixtures/layouts/_specs):
 * the exact file, line, column and message of each problem.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLayouts } from "../generators/layout/load.js";
import { formatDiagnostic, type DiagnosticCode } from "../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { FIXTURES } from "./helpers.js";

const DIR = join(FIXTURES, "layouts");
const { model, diagnostics: specProblems } = loadRegisterSpecs(join(DIR, "_specs"), DIR);

const EXPECTED: Record<string, [DiagnosticCode, string][]> = {
  valid: [],
  "placed-twice": [["placed-twice", "layouts/tiny.yaml:15:29: error: HCR_EL2 is placed twice (also at layouts/tiny.yaml:14:88)"]],
  "placed-nowhere": [["placed-nowhere", "layouts/tiny.yaml:5:9: error: ESR_EL2 is placed nowhere (stores: all)"]],
  "unknown-register": [["unknown-register", "layouts/tiny.yaml:14:88: error: SCTRL_EL2 has no register spec"]],
  "unknown-container": [
    ["unknown-container", "layouts/tiny.yaml:14:43: error: count NR_EL2_REGS is not the count of an enum declared before this field"],
  ],
  "element-too-narrow": [
    ["element-too-narrow", "layouts/tiny.yaml:14:29: error: a 32-bit element cannot hold ESR_EL2: its bits 63:32 are not all RES0"],
  ],
  "vncr-mismatch": [
    [
      "vncr-mismatch",
      "layouts/tiny.yaml:17:37: error: SCTLR_EL1 is at VNCR offset 0x100 here but at 0x110 in its spec (_specs/registers/el1/SCTLR_EL1.yaml:2:7)",
    ],
  ],
};

describe("layout rules", () => {
  it("the fixture registers are clean", () => expect(specProblems).toEqual([]));

  it("has a fixture for every expectation and an expectation for every fixture", () => {
    expect(readdirSync(DIR).filter((d) => !d.startsWith("_")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [rule, expected] of Object.entries(EXPECTED)) {
    it(`${rule}: ${expected.length ? "reports the exact position" : "plans"}`, () => {
      const r = loadLayouts(join(DIR, rule), model, join(DIR, rule));
      expect(r.diagnostics.map((d) => [d.code, formatDiagnostic(d)])).toEqual(expected);
      expect(r.layouts.length).toBe(expected.length ? 0 : 1);
    });
  }

  it("selectors take the rest in the order asked, after a reserved slot", () => {
    const r = loadLayouts(join(DIR, "valid"), model, DIR);
    const sys = r.layouts[0]?.registers.filter((p) => p.container === "sys_regs").map((p) => [p.name, p.index]);
    // HCR_EL2 (3,4,1,1,0) sorts after SCTLR_EL2 (3,4,1,0,0) and ESR_EL2 (3,4,5,2,0) last.
    expect(sys).toEqual([
      ["SCTLR_EL1", 1],
      ["SCTLR_EL2", 2],
      ["HCR_EL2", 3],
      ["ESR_EL2", 4],
    ]);
  });
});
