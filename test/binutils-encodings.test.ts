/**
 * Every encoding in the specs, checked against GNU as: for each register (and
 * alias) with an encoding, assemble `mrs x0, NAME` and `msr NAME, x1` and
 * compare op0/op1/CRn/CRm/op2 of each word with the spec. The MRS/MSR
 * (register) encoding is Arm ARM C6.2 "MRS"/"MSR (register)":
 *   1101 0101 00 L 1 o0 op1 CRn CRm op2 Rt, with op0 = 2 + o0, L = 1 for MRS.
 * Registers binutils 2.40 does not know by name are listed in the output.
 */
import { describe, expect, it } from "vitest";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import type { Encoding } from "../generators/spec/model.js";
import { assemble, GNU_MARCH, haveGnuAs } from "./gnu-as.js";
import { SPECS } from "./helpers.js";

function decodeSysregWord(w: number): { l: number; rt: number; enc: Encoding } | null {
  if ((w & 0xffd00000) >>> 0 !== 0xd5100000) return null;
  return {
    l: (w >>> 21) & 1,
    rt: w & 31,
    enc: { op0: 2 + ((w >>> 19) & 1), op1: (w >>> 16) & 7, crn: (w >>> 12) & 15, crm: (w >>> 8) & 15, op2: (w >>> 5) & 7 },
  };
}

const inCI = process.env.CI === "true" || process.env.CI === "1";
const available = haveGnuAs();

describe("encodings agree with GNU binutils", () => {
  it("decodes the MRS word DESIGN.md quotes: 0xd53c1001 is mrs x1, SCTLR_EL2 (3, 4, 1, 0, 0)", () => {
    expect(decodeSysregWord(0xd53c1001)).toEqual({ l: 1, rt: 1, enc: { op0: 3, op1: 4, crn: 1, crm: 0, op2: 0 } });
    expect(decodeSysregWord(0xd503201f)).toBeNull(); // NOP is not a system register move
  });

  it.runIf(!available && inCI)("needs aarch64-linux-gnu-as in CI (.ci/run installs binutils-aarch64-linux-gnu)", () => {
    expect.fail("aarch64-linux-gnu-as is missing; CI must install binutils-aarch64-linux-gnu");
  });
  if (!available && !inCI) {
    console.warn("SKIPPED: aarch64-linux-gnu-as not found; install binutils-aarch64-linux-gnu to check encodings");
  }

  it.runIf(available)(`every named register assembles to its spec encoding (-march=${GNU_MARCH})`, () => {
    // Built from every spec that passes the schema; spec-tree cleanliness is specs.test.ts's job.
    const { model } = loadRegisterSpecs(SPECS);
    const named = [...model.registers, ...model.aliases].flatMap((r) =>
      r.encoding ? [{ name: r.name, encoding: r.encoding, access: r.access }] : [],
    );
    expect(named.length).toBeGreaterThan(0);
    const lines = named.flatMap((r) => [`mrs x0, ${r.name}`, `msr ${r.name}, x1`]);
    const out = assemble(lines);

    const unknown: string[] = [];
    const mismatches: string[] = [];
    let checked = 0;
    named.forEach((r, i) => {
      const words = [out.words[2 * i], out.words[2 * i + 1]];
      if (words[0] == null && words[1] == null) {
        unknown.push(r.name);
        return;
      }
      checked++;
      words.forEach((w, dir) => {
        if (w == null) return;
        const d = decodeSysregWord(w);
        const want = { l: dir === 0 ? 1 : 0, rt: dir === 0 ? 0 : 1, enc: r.encoding };
        if (!d || JSON.stringify(d) !== JSON.stringify(want)) {
          mismatches.push(`${lines[2 * i + dir]}: GNU as gives 0x${w.toString(16)} = ${JSON.stringify(d)}, spec says ${JSON.stringify(want.enc)}`);
        }
      });
      // The assembler knows which registers are read-only / write-only: the spec must agree.
      const writable = r.access.some((a) => a === "rw" || a === "wo");
      const readable = r.access.some((a) => a === "rw" || a === "ro");
      if (/cannot be written/.test(out.warnings.get(2 * i + 1) ?? "") && writable) {
        mismatches.push(`${r.name}: GNU as says it cannot be written; the spec makes it writable`);
      }
      if (/cannot be read/.test(out.warnings.get(2 * i) ?? "") && readable) {
        mismatches.push(`${r.name}: GNU as says it cannot be read; the spec makes it readable`);
      }
    });
    console.log(
      `binutils checked ${checked} of ${named.length} encoded names; not known to GNU as 2.40 (${unknown.length}): ${unknown.join(", ") || "none"}`,
    );
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(named.length / 2);
  });
});
