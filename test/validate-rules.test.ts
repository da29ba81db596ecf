/**
 * One fixture per validation rule: each folder under test/fixtures/validate/
 * holds a small spec tree with one kind of mistake, and the test pins the
 * exact file, line, column, code and message reglab reports for it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, type DiagnosticCode } from "../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { FIXTURES, reglab } from "./helpers.js";

const DIR = join(FIXTURES, "validate");

/** rule folder -> the diagnostics it must produce, in order: [code, "file:line:col: error: message"]. */
const EXPECTED: Record<string, [DiagnosticCode, string][]> = {
  "yaml-syntax": [
    ["yaml-syntax", "registers/el2/VBAR_EL2.yaml:8:1: error: Flow map in block collection must be sufficiently indented and end with a }"],
  ],
  "schema-comment": [
    [
      "schema-comment",
      "registers/el2/VBAR_EL2.yaml:1:1: error: the first line must be '# yaml-language-server: $schema=../../schema/register.schema.json' so editors check the file as it is typed",
    ],
  ],
  "file-name": [["file-name", "registers/el2/VBAR.yaml:2:7: error: register VBAR_EL2 must live in VBAR_EL2.yaml, not VBAR.yaml"]],
  "unknown-key": [["unknown-key", "registers/el2/VBAR_EL2.yaml:9:1: error: unknown key 'resetValue'"]],
  "wrong-type": [["wrong-type", "registers/el2/VBAR_EL2.yaml:7:25: error: encoding.op1: expected an integer, got the string 'four'"]],
  "missing-key": [["missing-key", "registers/el2/VBAR_EL2.yaml:2:1: error: missing key 'width'"]],
  "duplicate-name": [
    ["duplicate-name", "registers/el2x/VBAR_EL2.yaml:2:7: error: register VBAR_EL2 is already defined at registers/el2/VBAR_EL2.yaml:2:7"],
  ],
  "duplicate-encoding": [
    [
      "duplicate-encoding",
      "registers/el2/VBAR_EL2.yaml:7:11: error: encoding op0=3 op1=4 CRn=12 CRm=0 op2=0 is already used by RVBAR_EL2 (registers/el2/RVBAR_EL2.yaml:8:11)",
    ],
  ],
  "field-overlap": [["field-overlap", "registers/el2/HSTR_EL2.yaml:14:22: error: field T3 (3:2) overlaps field T2 (2)"]],
  "field-outside-width": [
    ["field-outside-width", "registers/el2/ESR_EL2.yaml:13:24: error: field ISS2 55:32 is outside the 32-bit register"],
  ],
  "field-in-reserved": [["field-in-reserved", "registers/el2/VBAR_EL2.yaml:11:23: error: field VBA (63:10) lies in RES0 bit 10"]],
  "fields-incomplete": [
    [
      "fields-incomplete",
      "registers/el2/VBAR_EL2.yaml:12:17: error: fieldsComplete is true but nothing describes bit 10 (no field, RES0 or RES1)",
    ],
  ],
  "reset-res0": [["reset-res0", "registers/el2/VBAR_EL2.yaml:8:8: error: reset value 0x80000400 sets RES0 bit 10"]],
  "reset-res1": [["reset-res1", "registers/el2/SCTLR_EL2.yaml:8:8: error: reset value 0x30c50800 clears RES1 bits 5:4"]],
  "unknown-counterpart": [
    ["unknown-counterpart", "registers/el2/VBAR_EL2.yaml:9:14: error: counterpart VBAR_EL1 is not a register with a spec"],
  ],
  "unknown-alias-target": [
    ["unknown-alias-target", "registers/el2/VBAR_EL12.yaml:8:10: error: alias target VBAR_EL1 is not a register with a spec"],
  ],
  "unknown-trap-control": [
    ["unknown-trap-control", "registers/el2/MAIR_EL1.yaml:11:11: error: trap control HCR_EL2.TWM: HCR_EL2 has no field TWM"],
  ],
  "bad-mapping": [
    ["bad-mapping", "registers/el2/CPTR_EL2.yaml:12:5: error: mapping 11:10 -> 22:20: a copy needs equal widths or a one-bit source"],
  ],
  "vncr-unaligned": [["vncr-unaligned", "registers/el2/HCR_EL2.yaml:9:7: error: VNCR offset 0x7c is not 8-byte aligned"]],
  "vncr-outside-page": [
    ["vncr-outside-page", "registers/el2/HCR_EL2.yaml:9:7: error: VNCR offset 0x1000 + 8 bytes is outside the 4 KiB VNCR page"],
  ],
  "vncr-shared": [
    ["vncr-shared", "registers/el2/VTTBR_EL2.yaml:9:7: error: VNCR offset 0x78 is also given to HCR_EL2 (registers/el2/HCR_EL2.yaml:9:7)"],
  ],
  "all-at-once": [
    ["field-in-reserved", "registers/el2/SCTLR_EL2.yaml:17:23: error: field WXN (29) lies in RES1 bit 29"],
    ["duplicate-field", "registers/el2/SCTLR_EL2.yaml:18:12: error: field C is defined twice (also fields[2])"],
    ["unknown-counterpart", "registers/el2/SCTLR_EL2.yaml:19:14: error: counterpart SCTLR_EL1 is not a register with a spec"],
    ["unknown-key", "registers/el2/SCTLR_EL2.yaml:21:1: error: unknown key 'colour'"],
    ["bad-value", "registers/el2/TPIDR_EL2.yaml:8:8: error: reset: must be a value or `unknown`, got the string 'unknwn'"],
  ],
};

describe("validation rules", () => {
  it("has a fixture for every expectation and an expectation for every fixture", () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [rule, expected] of Object.entries(EXPECTED)) {
    it(`${rule}: reports the exact position`, () => {
      const r = loadRegisterSpecs(join(DIR, rule), join(DIR, rule));
      expect(r.diagnostics.map((d) => [d.code, formatDiagnostic(d)])).toEqual(expected);
    });
  }

  it("the CLI prints every problem at once on stderr and exits 1", () => {
    const r = reglab(["validate", "--specs", "."], join(DIR, "all-at-once"));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual(EXPECTED["all-at-once"]?.map(([, line]) => line));
    expect(lines.at(-1)).toBe("5 errors in 2 files");
    expect(r.stdout).toBe("");
  });
});
