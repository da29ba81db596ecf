/**
 * Canonical text of an A64 word, in the style of GNU objdump -d -M no-aliases:
 * lower-case mnemonic, one space before the operands (objdump prints a tab),
 * immediates as #0x<hex> (shift amounts in decimal: `lsl #16`), register 31
 * as xzr/wzr, an encoding without a name as s3_4_c15_c0_0. Differences from
 * objdump's default output, all on purpose:
 * - system registers and PSTATE fields print as the specs and the Arm ARM
 *   spell them (SCTLR_EL2, DAIFSet); objdump prints lower case;
 * - MOVZ/MOVN always print as themselves; objdump prefers the `mov x0, #value`
 *   alias where the Arm ARM does, which `reglab asm` does not accept. Every
 *   line printed here assembles back to the same word with `reglab asm`.
 */
import { decode } from "./decode.js";
import type { Instruction } from "./instruction.js";
import { sysregName, type SysregNames } from "./sysreg-names.js";

function imm(n: number): string {
  return `#0x${n.toString(16)}`;
}

function gpr(n: number, sf: 0 | 1): string {
  return n === 31 ? (sf ? "xzr" : "wzr") : `${sf ? "x" : "w"}${n}`;
}

export function formatInstruction(insn: Instruction, names: SysregNames): string {
  switch (insn.op) {
    case "mrs":
      return `mrs ${gpr(insn.rt, 1)}, ${sysregName(names, insn.sysreg)}`;
    case "msr":
      return `msr ${sysregName(names, insn.sysreg)}, ${gpr(insn.rt, 1)}`;
    case "msr-imm":
      return `msr ${insn.field}, ${imm(insn.imm)}`;
    case "eret":
    case "nop":
      return insn.op;
    case "isb":
      return insn.option === undefined ? "isb" : `isb ${imm(insn.option)}`;
    case "hvc":
    case "svc":
    case "smc":
      return `${insn.op} ${imm(insn.imm)}`;
    case "movz":
    case "movk":
    case "movn":
      return `${insn.op} ${gpr(insn.rd, insn.sf)}, ${imm(insn.imm16)}${insn.hw ? `, lsl #${insn.hw * 16}` : ""}`;
  }
}

/** Decode and format one word; throws UnsupportedInstructionError outside the subset. */
export function disassemble(word: number, names: SysregNames): string {
  return formatInstruction(decode(word), names);
}
