/**
 * The A64 encoder, decoder, assembler and disassembler of the system subset
 * (emulator/a64/): round trips over every Instruction value (fast-check; the
 * seed is printed on failure), words outside the subset, assembler error
 * columns, and the `reglab asm` / `reglab disasm` commands. The comparison
 * with GNU binutils is test/a64-binutils.test.ts.
 */
import { execFile } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode } from "../emulator/a64/decode.js";
import { disassemble, formatInstruction } from "../emulator/a64/disasm.js";
import { AsmError, assemble, encode, parseInstruction } from "../emulator/a64/encode.js";
import { UnsupportedInstructionError, type Encoding, type Instruction } from "../emulator/a64/instruction.js";
import { ERET, EXCEPTION_GENERATION, ISB, MOVE_WIDE, MSR_IMM, NOP, SYSREG_MOVE } from "../emulator/a64/opcodes.js";
import { sysregNames } from "../emulator/a64/sysreg-names.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { CLI, ROOT, SPECS, reglab, type CliResult } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const names = sysregNames(model);
const specEncodings = [...model.registers, ...model.aliases].flatMap((r) => (r.encoding ? [r.encoding] : []));

const hex32 = (w: number): string => "0x" + (w >>> 0).toString(16).padStart(8, "0");
const u = (width: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: 2 ** width - 1 });

const anyEncoding: fc.Arbitrary<Encoding> = fc.record({ op0: fc.integer({ min: 2, max: 3 }), op1: u(3), crn: u(4), crm: u(4), op2: u(3) });
/** Half from the specs (so names print), half anything MRS/MSR can encode (so generic names print). */
const sysregArb = fc.oneof(anyEncoding, fc.constantFrom(...specEncodings));

/** Every Instruction value, in its canonical form (ISB SY has no `option`). */
const instructionArb: fc.Arbitrary<Instruction> = fc.oneof(
  fc.record({ op: fc.constantFrom("mrs" as const, "msr" as const), rt: u(5), sysreg: sysregArb }),
  fc.record({ op: fc.constant("msr-imm" as const), field: fc.constantFrom("DAIFSet" as const, "DAIFClr" as const, "SPSel" as const), imm: u(4) }),
  fc.constantFrom<Instruction>({ op: "eret" }, { op: "nop" }, { op: "isb" }),
  fc.record({ op: fc.constant("isb" as const), option: fc.integer({ min: 0, max: 14 }) }),
  fc.record({ op: fc.constantFrom("hvc" as const, "svc" as const, "smc" as const), imm: u(16) }),
  fc.constantFrom(0 as const, 1 as const).chain((sf) =>
    fc.record({
      op: fc.constantFrom("movz" as const, "movk" as const, "movn" as const),
      sf: fc.constant(sf),
      rd: u(5),
      imm16: u(16),
      hw: fc.integer({ min: 0, max: sf === 1 ? 3 : 1 }),
    }),
  ),
);

/** Words near the subset: a form's fixed bits, random free bits, sometimes one fixed bit flipped. */
const PATTERNS = [SYSREG_MOVE, MSR_IMM, ISB, MOVE_WIDE, { mask: EXCEPTION_GENERATION.mask, value: EXCEPTION_GENERATION.hvc }];
const nearWordArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.tuple(fc.constantFrom(...PATTERNS), fc.integer({ min: 0, max: 0xffffffff }), fc.option(fc.integer({ min: 0, max: 31 }))).map(
    ([p, free, flip]) => ((p.value | (free & ~p.mask)) ^ (flip === null ? 0 : 1 << flip)) >>> 0,
  ),
  fc.tuple(fc.constantFrom(NOP, ERET, EXCEPTION_GENERATION.svc, EXCEPTION_GENERATION.smc), fc.integer({ min: 0, max: 31 })).map(
    ([w, flip]) => (w ^ (1 << flip)) >>> 0,
  ),
);

describe("A64 encode/decode", () => {
  it("decode(encode(i)) is i for every instruction", () => {
    fc.assert(
      fc.property(instructionArb, (i) => {
        expect(decode(encode(i))).toEqual(i);
      }),
      { numRuns: 5_000 },
    );
  });

  it("the canonical text assembles back to the same instruction", () => {
    fc.assert(
      fc.property(instructionArb, (i) => {
        expect(parseInstruction(formatInstruction(i, names), names)).toEqual(i);
      }),
      { numRuns: 5_000 },
    );
  });

  it("every word decodes to an instruction that encodes to it and prints text that assembles to it, or is unsupported", () => {
    fc.assert(
      fc.property(nearWordArb, (w) => {
        let i: Instruction;
        try {
          i = decode(w);
        } catch (e) {
          expect(e).toBeInstanceOf(UnsupportedInstructionError);
          expect((e as Error).message).toBe(`unsupported instruction ${hex32(w)}`);
          return;
        }
        expect(hex32(encode(i))).toBe(hex32(w));
        expect(hex32(assemble(disassemble(w, names), names))).toBe(hex32(w));
      }),
      { numRuns: 10_000 },
    );
  });

  it("encode refuses operands the encoding cannot hold", () => {
    const bad: Instruction[] = [
      { op: "mrs", rt: 32, sysreg: { op0: 3, op1: 0, crn: 1, crm: 0, op2: 0 } },
      { op: "msr", rt: 0, sysreg: { op0: 1, op1: 0, crn: 1, crm: 0, op2: 0 } },
      { op: "msr", rt: 0, sysreg: { op0: 3, op1: 8, crn: 1, crm: 0, op2: 0 } },
      { op: "msr-imm", field: "DAIFSet", imm: 16 },
      { op: "isb", option: 16 },
      { op: "hvc", imm: 0x10000 },
      { op: "svc", imm: -1 },
      { op: "movz", sf: 0, rd: 0, imm16: 0, hw: 2 },
      { op: "movk", sf: 1, rd: 0, imm16: 1.5, hw: 0 },
    ];
    expect(
      bad.map((i) => {
        try {
          return hex32(encode(i));
        } catch (e) {
          return (e as Error).message;
        }
      }),
    ).toMatchInlineSnapshot(`
      [
        "mrs: Rt 32 out of range 0..31",
        "msr: op0 1 out of range 2..3",
        "msr: op1 8 out of range 0..7",
        "msr: DAIFSet 16 out of range 0..15",
        "isb: option 16 out of range 0..15",
        "hvc: imm16 65536 out of range 0..65535",
        "svc: imm16 -1 out of range 0..65535",
        "movz: hw 2 out of range 0..1",
        "movk: imm16 1.5 out of range 0..65535",
      ]
    `);
  });
});

describe("A64 words and text", () => {
  // Words from GNU as 2.40 (see a64-binutils.test.ts for the live comparison).
  const table: [text: string, word: number, canonical?: string][] = [
    ["mrs x1, SCTLR_EL2", 0xd53c1001], // DESIGN.md
    ["msr SCTLR_EL2, x0", 0xd51c1000],
    ["mrs xzr, sctlr_el2", 0xd53c101f, "mrs xzr, SCTLR_EL2"],
    ["MRS X0, S3_4_C1_C0_0", 0xd53c1000, "mrs x0, SCTLR_EL2"],
    ["mrs x0, s3_4_c15_c0_0", 0xd53cf000],
    ["msr sctlr_el12, x3", 0xd51d1003, "msr SCTLR_EL12, x3"],
    ["msr DAIFSet, #0xf", 0xd5034fdf],
    ["msr daifclr, #0", 0xd50340ff, "msr DAIFClr, #0x0"],
    ["msr spsel, #1", 0xd50041bf, "msr SPSel, #0x1"],
    ["eret", 0xd69f03e0],
    ["hvc #0x1234", 0xd4024682],
    ["svc #0", 0xd4000001, "svc #0x0"],
    ["smc #1", 0xd4000023, "smc #0x1"],
    ["smc 65535", 0xd41fffe3, "smc #0xffff"],
    ["nop", 0xd503201f],
    ["isb", 0xd5033fdf],
    ["ISB SY", 0xd5033fdf, "isb"],
    ["isb #15", 0xd5033fdf, "isb"],
    ["isb #3", 0xd50333df, "isb #0x3"],
    ["movz x0, #0x1234, lsl #16", 0xd2a24680],
    ["movz x0, #0, lsl #0", 0xd2800000, "movz x0, #0x0"],
    ["movk w1, #0xffff", 0x729fffe1],
    ["movk x1, #0xffff, lsl #48", 0xf2ffffe1],
    ["movn x2, #0", 0x92800002, "movn x2, #0x0"],
    ["movn w2, #0xffff, lsl #16", 0x12bfffe2],
    ["movz wzr, #5", 0x528000bf, "movz wzr, #0x5"],
  ];
  it.each(table)("%s", (text, word, canonical = text) => {
    expect(hex32(assemble(text, names))).toBe(hex32(word));
    expect(disassemble(word, names)).toBe(canonical);
  });

  it("words outside the subset throw UnsupportedInstructionError naming the word", () => {
    const words = [
      0xd503309f, // SSBB (DSB with CRm = 0)
      0xd50330bf, // DMB with CRm = 0
      0xd503203f, // YIELD (another HINT)
      0xd500401f, // CFINV (MSR (immediate) op1:op2 = 000 000)
      0xd500409f, // MSR PAN, #0 (a PSTATE field reglab does not model)
      0xd5080000, // SYS (op0 = 1)
      0xd5280000, // SYSL
      0xd69f03e1, // ERET with Rn<0> = 1... in the fixed Rm field
      0xd6bf03e0, // DRPS
      0xd4000000, // exception generation, LL = 00
      0xd4000004, // SVC with op2 != 0
      0xd4200000, // BRK
      0x52c00000, // MOVZ (32-bit) with hw = 2
      0x32800000, // move wide, opc = 01
      0x00000000, // UDF
      0xffffffff,
    ];
    const messages = words.map((w) => {
      try {
        return `${hex32(w)} decodes as ${JSON.stringify(decode(w))}`;
      } catch (e) {
        expect(e).toBeInstanceOf(UnsupportedInstructionError);
        expect((e as UnsupportedInstructionError).word).toBe(w);
        return (e as Error).message;
      }
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "unsupported instruction 0xd503309f",
        "unsupported instruction 0xd50330bf",
        "unsupported instruction 0xd503203f",
        "unsupported instruction 0xd500401f",
        "unsupported instruction 0xd500409f",
        "unsupported instruction 0xd5080000",
        "unsupported instruction 0xd5280000",
        "unsupported instruction 0xd69f03e1",
        "unsupported instruction 0xd6bf03e0",
        "unsupported instruction 0xd4000000",
        "unsupported instruction 0xd4000004",
        "unsupported instruction 0xd4200000",
        "unsupported instruction 0x52c00000",
        "unsupported instruction 0x32800000",
        "unsupported instruction 0x00000000",
        "unsupported instruction 0xffffffff",
      ]
    `);
  });

  it("assembler errors point at the column where the problem starts", () => {
    const texts = [
      "",
      "   ",
      "mov x0, #1",
      "brk #0",
      "mrs x1, FOO_EL2",
      "mrs x1 SCTLR_EL2",
      "mrs x1,",
      "mrs x1",
      "mrs w1, SCTLR_EL2",
      "mrs x31, SCTLR_EL2",
      "mrs sp, SCTLR_EL2",
      "mrs x1, SCTLR_EL2, x2",
      "mrs x1, s1_0_c0_c0_0",
      "msr SCTLR_EL2, #1",
      "msr DAIFSet, x0",
      "msr DAIFSet, #16",
      "msr spsel, #-1",
      "hvc #0x10000",
      "hvc x0",
      "svc",
      "smc #010",
      "smc #0x1g",
      "movz w0, #1, lsl #32",
      "movk x0, #1, lsl #8",
      "movz x0, #0x10000",
      "movn x0, #1, asr #16",
      "movz x0, #",
      "isb ish",
      "isb #16",
      "eret x0",
      "nop; nop",
    ];
    const rendered = texts.map((t) => {
      try {
        return `${t} -> ${hex32(assemble(t, names))}`;
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        return `${t}\n${" ".repeat(e.column - 1)}^ ${e.message}`;
      }
    });
    expect("\n" + rendered.join("\n") + "\n").toMatchInlineSnapshot(`
      "

      ^ expected an instruction
         
      ^ expected an instruction
      mov x0, #1
      ^ unknown or unsupported instruction 'mov' (write movz, movn or movk)
      brk #0
      ^ unknown or unsupported instruction 'brk' (reglab assembles mrs, msr, eret, nop, isb, hvc, svc, smc, movz, movk, movn)
      mrs x1, FOO_EL2
              ^ unknown system register FOO_EL2 (not in the specs; S<op0>_<op1>_C<n>_C<m>_<op2> names any encoding)
      mrs x1 SCTLR_EL2
             ^ expected ',' or end of instruction, found 'SCTLR_EL2'
      mrs x1,
             ^ expected an operand, found end of instruction
      mrs x1
            ^ missing operand: mrs Xt, <sysreg>
      mrs w1, SCTLR_EL2
          ^ mrs needs a 64-bit register (x0-x30 or xzr), not w1
      mrs x31, SCTLR_EL2
          ^ there is no x31: register 31 is written xzr
      mrs sp, SCTLR_EL2
          ^ sp cannot be used here: register 31 is xzr in this instruction
      mrs x1, SCTLR_EL2, x2
                         ^ too many operands: mrs Xt, <sysreg>
      mrs x1, s1_0_c0_c0_0
              ^ s1_0_c0_c0_0 has op0 1: mrs and msr reach op0 2 and 3 only (op0 0 and 1 are other system instructions)
      msr SCTLR_EL2, #1
          ^ msr with an immediate writes a PSTATE field: DAIFSet, DAIFClr or SPSel, not SCTLR_EL2
      msr DAIFSet, x0
                   ^ DAIFSet takes an immediate: msr DAIFSet, #0-15
      msr DAIFSet, #16
                   ^ immediate #16 out of range 0 to 15
      msr spsel, #-1
                 ^ immediate #-1 out of range 0 to 15
      hvc #0x10000
          ^ immediate #0x10000 out of range 0 to 0xffff
      hvc x0
          ^ expected an immediate #0-0xffff, found 'x0'
      svc
         ^ missing operand: svc #imm16
      smc #010
           ^ ambiguous number 010: GNU as reads a leading 0 as octal; write it in decimal without the 0, or in 0x hex
      smc #0x1g
           ^ bad number 0x1g: write decimal or 0x hex
      movz w0, #1, lsl #32
                       ^ shift amount #32 must be 0 or 16 (a w register)
      movk x0, #1, lsl #8
                       ^ shift amount #8 must be 0, 16, 32 or 48
      movz x0, #0x10000
               ^ immediate #0x10000 out of range 0 to 0xffff
      movn x0, #1, asr #16
                   ^ expected 'lsl #shift', found 'asr #16'
      movz x0, #
                ^ expected a number, found end of instruction
      isb ish
          ^ expected SY or #0-15, found 'ish'
      isb #16
          ^ immediate #16 out of range 0 to 15
      eret x0
           ^ too many operands: eret
      nop; nop
         ^ unexpected character ';'
      "
    `);
  });
});

/** Like helpers.ts reglab(), but several at once. */
function reglabAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("reglab asm / disasm (built CLI)", () => {
  it('DESIGN.md: reglab asm "mrs x1, SCTLR_EL2" prints 0xd53c1001; disasm prints the canonical text; errors exit 1', async () => {
    // Started first so they run while the synchronous reglab() below does.
    const others = Promise.all([
      reglabAsync(["disasm", "0xd53c1001", "0x12345678", "0xd2a24680"]),
      reglabAsync(["asm", "movz w0, #1, lsl #32"]),
    ]);
    const design = reglab(["asm", "mrs x1, SCTLR_EL2"]);
    expect(design).toEqual({ status: 0, stdout: "0xd53c1001\n", stderr: "" });
    const [disasm, bad] = await others;
    expect(disasm).toEqual({
      status: 1,
      stdout: "mrs x1, SCTLR_EL2\nmovz x0, #0x1234, lsl #16\n",
      stderr: "error: unsupported instruction 0x12345678\n",
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatchInlineSnapshot(`
      "error: shift amount #32 must be 0 or 16 (a w register)
        movz w0, #1, lsl #32
                         ^
      "
    `);
  });
});
