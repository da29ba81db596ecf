/**
 * The A64 subset (emulator/a64/) against GNU binutils, both ways: the same
 * text through GNU as and our assembler must give the same word, and the
 * same word through objdump and our disassembler the same text: objdump's
 * default text or its `-M no-aliases` text (we print `nop`, as objdump does,
 * not `hint #0x0`; and `movz x0, #0x1234, lsl #16`, not objdump's preferred
 * `mov x0, #0x12340000`). objdump prints register names in lower case and a
 * generic s3_4_c15_c0_0 for an encoding it has no name for; we print the
 * specs' spelling. Where reglab and binutils differ on purpose, the difference is in
 * DIVERGENCES below with its reason, and checked to still hold.
 */
import { describe, expect, it } from "vitest";
import { decode } from "../emulator/a64/decode.js";
import { disassemble } from "../emulator/a64/disasm.js";
import { AsmError, assemble, encode } from "../emulator/a64/encode.js";
import { UnsupportedInstructionError, type Instruction } from "../emulator/a64/instruction.js";
import { genericSysregName, sysregNames } from "../emulator/a64/sysreg-names.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { assembleAndDisassemble, GNU_MARCH, haveGnuAs, haveGnuObjdump, type Disassembled } from "./gnu-as.js";
import { SPECS } from "./helpers.js";

const inCI = process.env.CI === "true" || process.env.CI === "1";
const available = haveGnuAs() && haveGnuObjdump();

const hex32 = (w: number): string => "0x" + (w >>> 0).toString(16).padStart(8, "0");
const xreg = (n: number): string => (n === 31 ? "xzr" : `x${n}`);
const GENERIC = /^s[0-3]_[0-7]_c[0-9]+_c[0-9]+_[0-7]$/;

type Comparison = "same" | "objdump-generic" | "ours-generic" | "different";

/**
 * Our text against objdump's, case-insensitively. For MRS/MSR the register
 * may differ only where one side has a name and the other the generic form.
 */
function compareOne(ours: string, objdump: string): Comparison {
  const a = ours.toLowerCase().split(/[ ,]+/);
  const b = objdump.toLowerCase().split(/[ ,]+/);
  if (a.join(" ") === b.join(" ")) return "same";
  if (a.length !== b.length || a[0] !== b[0] || (a[0] !== "mrs" && a[0] !== "msr")) return "different";
  const reg = a[0] === "mrs" ? 2 : 1;
  if (a.some((t, i) => i !== reg && t !== b[i])) return "different";
  const [ra = "", rb = ""] = [a[reg], b[reg]];
  if (GENERIC.test(rb) && !GENERIC.test(ra)) return "objdump-generic";
  if (GENERIC.test(ra) && !GENERIC.test(rb)) return "ours-generic";
  return "different";
}

/** Against objdump's default text, else its no-aliases text. */
function compareText(ours: string, gnu: Disassembled, i: number): Comparison {
  const c = compareOne(ours, gnu.texts[i] ?? "");
  return c === "different" ? compareOne(ours, gnu.textsNoAliases[i] ?? "") : c;
}

function objdumpText(gnu: Disassembled, i: number): string {
  return `${gnu.texts[i] ?? ""}' / '${gnu.textsNoAliases[i] ?? ""}`;
}

function tryAssemble(text: string, names: ReturnType<typeof sysregNames>): number | AsmError {
  try {
    return assemble(text, names);
  } catch (e) {
    if (e instanceof AsmError) return e;
    throw e;
  }
}

function tryDecode(w: number): Instruction | undefined {
  try {
    return decode(w);
  } catch (e) {
    if (e instanceof UnsupportedInstructionError) return undefined;
    throw e;
  }
}

/**
 * Where reglab and GNU binutils 2.40 disagree on purpose. `gnu`/`reglab`:
 * whether each assembles the line.
 */
const DIVERGENCES: readonly { text: string; gnu: boolean; reglab: boolean; reason: string }[] = [
  ...[2, 7, 15].map((imm) => ({
    text: `msr SPSel, #${imm}`,
    gnu: false,
    reglab: true,
    reason: "the Arm ARM's MSR (immediate) takes a 4-bit immediate for SPSel (PSTATE.SP = CRm<0>); binutils caps it at 1 and prints CRm 2-15 as `msr s0_0_c4_cN_5, xzr`",
  })),
  { text: "mrs x0, s1_0_c0_c0_0", gnu: true, reglab: false, reason: "op0 1 is SYS/SYSL, not MRS; GNU as encodes the generic name anyway" },
  { text: "hvc #010", gnu: true, reglab: false, reason: "GNU as reads a leading 0 as octal (8); reglab's numbers are decimal or 0x hex, so it refuses the ambiguity" },
  { text: "mov x0, #1", gnu: true, reglab: false, reason: "reglab assembles the canonical MOVZ/MOVN/MOVK only, not the MOV alias" },
  { text: "msr pan, #1", gnu: true, reglab: false, reason: "MSR (immediate) to PSTATE fields other than DAIFSet/DAIFClr/SPSel is outside the subset" },
];

/** Lines both must refuse. */
const BOTH_REFUSE = [
  "movz w0, #1, lsl #32",
  "movk x0, #1, lsl #8",
  "movz x0, #0x10000",
  "movz sp, #1",
  "hvc #65536",
  "svc #-1",
  "mrs w0, SCTLR_EL2",
  "mrs x31, SCTLR_EL2",
  "mrs x0, NO_SUCH_REG_EL2",
  "msr DAIFSet, #16",
  "msr SPSel, #16",
  "isb #16",
  "isb #0x10",
  "eret x0",
];

describe("A64 subset agrees with GNU binutils", () => {
  it.runIf(!available && inCI)("needs aarch64-linux-gnu-as and -objdump in CI (.ci/run installs binutils-aarch64-linux-gnu)", () => {
    expect.fail("aarch64-linux-gnu-as or aarch64-linux-gnu-objdump is missing; CI must install binutils-aarch64-linux-gnu");
  });
  if (!available && !inCI) {
    console.warn("SKIPPED: aarch64-linux-gnu-as/objdump not found; install binutils-aarch64-linux-gnu to compare the A64 subset");
  }
  if (!available) return;

  const { model } = loadRegisterSpecs(SPECS);
  const names = sysregNames(model);

  it(`mrs/msr of every register and alias: same word as GNU as, same name as objdump (-march=${GNU_MARCH})`, () => {
    const named = [...model.registers, ...model.aliases].flatMap((r) => (r.encoding ? [{ name: r.name, encoding: r.encoding }] : []));
    expect(named.length).toBeGreaterThan(0);
    // Per register: by name and by generic name (GNU as accepts S3_... for any encoding), both directions; Rt cycles through 0..31.
    const lines = named.flatMap((r, i) => {
      const generic = i % 2 ? genericSysregName(r.encoding) : genericSysregName(r.encoding).toUpperCase();
      const [rt, rt2] = [xreg(i % 32), xreg((i + 7) % 32)];
      return [`mrs ${rt}, ${r.name}`, `msr ${r.name}, ${rt2}`, `mrs ${rt}, ${generic}`, `msr ${generic}, ${rt2}`];
    });
    const gnu = assembleAndDisassemble(lines);

    const mismatches: string[] = [];
    const unknownToAs: string[] = [];
    const unnamedByObjdump = new Set<string>();
    named.forEach((r, i) => {
      const knownToAs = gnu.words[4 * i] != null || gnu.words[4 * i + 1] != null;
      if (!knownToAs) unknownToAs.push(r.name);
      for (let k = 0; k < 4; k++) {
        const line = lines[4 * i + k] ?? "";
        const word = gnu.words[4 * i + k];
        const ours = tryAssemble(line, names);
        if (ours instanceof AsmError) {
          mismatches.push(`${line}: reglab refuses it: ${ours.message}`);
          continue;
        }
        if (word == null) {
          if (k >= 2) mismatches.push(`${line}: GNU as refuses the generic name: ${gnu.errors.get(4 * i + k) ?? ""}`);
          else if (knownToAs) mismatches.push(`${line}: GNU as refuses one direction only: ${gnu.errors.get(4 * i + k) ?? ""}`);
          continue;
        }
        if (ours !== word) mismatches.push(`${line}: GNU as ${hex32(word)}, reglab ${hex32(ours)}`);
        const text = disassemble(word, names);
        const c = compareText(text, gnu, 4 * i + k);
        if (c === "objdump-generic") unnamedByObjdump.add(r.name);
        else if (c !== "same") mismatches.push(`${hex32(word)}: objdump '${objdumpText(gnu, 4 * i + k)}', reglab '${text}'`);
      }
    });
    console.log(
      `A64 mrs/msr: ${named.length} names, ${lines.length} lines compared with binutils; ` +
        `GNU as does not know by name (${unknownToAs.length}): ${unknownToAs.join(", ") || "none"}; ` +
        `objdump prints a generic name for (${unnamedByObjdump.size}): ${[...unnamedByObjdump].join(", ") || "none"}`,
    );
    expect(mismatches).toEqual([]);
    expect(unknownToAs.length).toBeLessThan(named.length / 2);
  });

  it("every other form, with a spread of operands: same word as GNU as, same text as objdump", () => {
    const lines: string[] = [];
    for (const f of ["DAIFSet", "DAIFClr"]) for (let imm = 0; imm < 16; imm++) lines.push(`msr ${imm % 2 ? f : f.toLowerCase()}, #${imm % 3 ? imm : "0x" + imm.toString(16)}`);
    lines.push("msr SPSel, #0", "msr spsel, #1", "MSR SPSEL, 1");
    lines.push("eret", "ERET", "nop", "isb", "isb sy", "ISB SY", "isb #15");
    for (let o = 0; o < 15; o++) lines.push(`isb #${o}`);
    const imm16s = [0, 1, 2, 0x7f, 0x80, 0x1234, 0x7fff, 0x8000, 0xabcd, 0xfffe, 0xffff];
    for (let k = 0; k < 16; k++) imm16s.push((k * 0x1111 + k * 7) & 0xffff);
    for (const op of ["hvc", "svc", "smc"]) for (const [k, imm] of imm16s.entries()) lines.push(`${op} ${k % 2 ? "#" : ""}${k % 3 ? imm : "0x" + imm.toString(16)}`);
    const rds = [0, 1, 7, 15, 16, 29, 30, 31];
    let n = 0;
    for (const op of ["movz", "movk", "movn"]) {
      for (const sf of [0, 1]) {
        for (let hw = 0; hw < (sf ? 4 : 2); hw++) {
          for (const imm of [0, 1, 0x1234, 0x7fff, 0x8000, 0xfffe, 0xffff]) {
            const rd = rds[n++ % rds.length] ?? 0;
            const reg = rd === 31 ? (sf ? "xzr" : "wzr") : `${sf ? "x" : "w"}${rd}`;
            const shift = hw ? `, lsl #${hw * 16}` : n % 3 === 0 ? ", lsl #0" : "";
            lines.push(`${n % 4 === 0 ? op.toUpperCase() : op} ${reg}, #0x${imm.toString(16)}${shift}`);
          }
        }
      }
    }
    lines.push("  mrs\tx1 ,SCTLR_EL2", "MRS X2, sctlr_el2", "msr S3_4_C1_C0_0,x3", "movz x0,#1,LSL#16", "hvc 0x10");
    const gnu = assembleAndDisassemble(lines);

    const mismatches: string[] = [];
    lines.forEach((line, i) => {
      const word = gnu.words[i];
      const ours = tryAssemble(line, names);
      if (word == null) return void mismatches.push(`${line}: GNU as refuses it: ${gnu.errors.get(i) ?? ""}`);
      if (ours instanceof AsmError) return void mismatches.push(`${line}: reglab refuses it: ${ours.message}`);
      if (ours !== word) mismatches.push(`${line}: GNU as ${hex32(word)}, reglab ${hex32(ours)}`);
      const text = disassemble(word, names);
      if (compareText(text, gnu, i) !== "same") mismatches.push(`${hex32(word)}: objdump '${objdumpText(gnu, i)}', reglab '${text}'`);
      if (encode(decode(word)) !== word) mismatches.push(`${hex32(word)}: encode(decode(w)) is ${hex32(encode(decode(word)))}`);
    });
    console.log(`A64 forms: ${lines.length} lines compared with binutils`);
    expect(mismatches).toEqual([]);
  });

  it("words one bit away from each form: reglab decodes exactly those objdump shows as one of its forms", () => {
    // Every field value of the small forms, and a spread of the others; then every single-bit flip of each.
    const base: Instruction[] = [
      { op: "mrs", rt: 1, sysreg: { op0: 3, op1: 4, crn: 1, crm: 0, op2: 0 } },
      { op: "msr", rt: 30, sysreg: { op0: 2, op1: 0, crn: 0, crm: 2, op2: 5 } },
      { op: "msr-imm", field: "DAIFSet", imm: 0xf },
      { op: "msr-imm", field: "DAIFClr", imm: 0x2 },
      { op: "msr-imm", field: "SPSel", imm: 1 },
      { op: "eret" },
      { op: "nop" },
      { op: "isb" },
      { op: "isb", option: 0 },
      { op: "hvc", imm: 0x1234 },
      { op: "svc", imm: 0 },
      { op: "smc", imm: 0xffff },
      { op: "movz", sf: 1, rd: 0, imm16: 0x1234, hw: 1 },
      { op: "movk", sf: 0, rd: 31, imm16: 0xffff, hw: 0 },
      { op: "movn", sf: 0, rd: 2, imm16: 0, hw: 1 },
      { op: "movn", sf: 1, rd: 17, imm16: 0x8000, hw: 3 },
    ];
    const words = new Set<number>();
    for (const i of base) {
      const w = encode(i);
      words.add(w);
      for (let b = 0; b < 32; b++) words.add((w ^ (1 << b)) >>> 0);
    }
    const list = [...words];
    const gnu = assembleAndDisassemble(list.map((w) => `.inst ${hex32(w)}`));

    const mismatches: string[] = [];
    const documented: string[] = [];
    let decoded = 0;
    let oursGeneric = 0;
    list.forEach((w, i) => {
      const insn = tryDecode(w);
      if (!insn) {
        // objdump shows something else (another instruction, `.inst ... ; undefined`, a
        // register move with op0 0/1): our assembler must not accept that text either.
        for (const objdump of [gnu.texts[i] ?? "", gnu.textsNoAliases[i] ?? ""]) {
          const back = tryAssemble(objdump, names);
          if (!(back instanceof AsmError)) mismatches.push(`${hex32(w)}: reglab does not decode it, but assembles objdump's '${objdump}' to ${hex32(back)}`);
        }
        return;
      }
      decoded++;
      const text = disassemble(w, names);
      if (insn.op === "msr-imm" && insn.field === "SPSel" && insn.imm > 1) {
        documented.push(`${hex32(w)} '${text}' (objdump '${gnu.texts[i] ?? ""}')`);
        return;
      }
      const c = compareText(text, gnu, i);
      if (c === "ours-generic") oursGeneric++;
      else if (c !== "same") mismatches.push(`${hex32(w)}: objdump '${objdumpText(gnu, i)}', reglab '${text}'`);
    });
    console.log(
      `A64 near words: ${list.length} words, ${decoded} in the subset, ${oursGeneric} named by objdump but not by the specs; ` +
        `SPSel #2-15 (DIVERGENCES): ${documented.join(", ") || "none"}`,
    );
    expect(mismatches).toEqual([]);
    expect(decoded).toBeGreaterThan(base.length);
  });

  it("refusals: both refuse the same bad lines; every documented divergence still holds", () => {
    const lines = [...BOTH_REFUSE, ...DIVERGENCES.map((d) => d.text)];
    const gnu = assembleAndDisassemble(lines);
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      const d = DIVERGENCES.find((x) => x.text === line);
      const want = d ?? { gnu: false, reglab: false };
      const gnuAccepts = gnu.words[i] != null;
      const reglabAccepts = !(tryAssemble(line, names) instanceof AsmError);
      if (gnuAccepts !== want.gnu) wrong.push(`${line}: GNU as ${gnuAccepts ? "accepts" : "refuses"} it`);
      if (reglabAccepts !== want.reglab) wrong.push(`${line}: reglab ${reglabAccepts ? "accepts" : "refuses"} it`);
    });
    expect(wrong).toEqual([]);
  });
});
