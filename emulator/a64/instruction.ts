/**
 * The A64 instructions reglab executes: the system subset a hypervisor test
 * needs (system register moves, PSTATE writes, exception generation and
 * return, NOP, ISB) and the move-wide immediates that build values.
 *
 * One value per architectural encoding: decode(encode(i)) is i, and
 * encode(decode(w)) is w for every word decode accepts.
 */
import type { Encoding } from "../../generators/spec/model.js";
import { hex } from "../../generators/spec/bits.js";

export type { Encoding };

/** The PSTATE fields MSR (immediate) can write that reglab models. */
export type PstateField = "DAIFSet" | "DAIFClr" | "SPSel";

export type Instruction =
  /** MRS Xt, <sysreg>; rt 31 = xzr. */
  | { readonly op: "mrs"; readonly rt: number; readonly sysreg: Encoding }
  /** MSR <sysreg>, Xt; rt 31 = xzr. */
  | { readonly op: "msr"; readonly rt: number; readonly sysreg: Encoding }
  /** MSR <pstatefield>, #imm; imm is the 4-bit CRm field (SPSel uses bit 0 only). */
  | { readonly op: "msr-imm"; readonly field: PstateField; readonly imm: number }
  | { readonly op: "eret" }
  | { readonly op: "nop" }
  /**
   * ISB {option}: `option` is CRm, absent for SY (0b1111), the only defined
   * option; the reserved values 0..14 execute as SY but keep their encoding.
   */
  | { readonly op: "isb"; readonly option?: number }
  | { readonly op: "hvc" | "svc" | "smc"; readonly imm: number }
  /** MOVZ/MOVK/MOVN Rd, #imm16, LSL #(16 * hw); sf 0 = 32-bit (hw 0..1), 1 = 64-bit (hw 0..3); rd 31 = wzr/xzr. */
  | {
      readonly op: "movz" | "movk" | "movn";
      readonly sf: 0 | 1;
      readonly rd: number;
      readonly imm16: number;
      readonly hw: number;
    };

/** ISB's one defined option, SY, encoded as CRm = 0b1111. */
export const ISB_SY = 0b1111;

/** A word outside the subset (or unallocated): the emulator turns it into UNDEFINED, the CLI into an error. */
export class UnsupportedInstructionError extends Error {
  readonly word: number;
  constructor(word: number) {
    super(`unsupported instruction ${hex(word >>> 0, 8)}`);
    this.name = "UnsupportedInstructionError";
    this.word = word >>> 0;
  }
}
