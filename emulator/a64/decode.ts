/**
 * A64 decoder for reglab's subset: pure bit manipulation against the
 * encodings in opcodes.ts (Arm ARM C4.1 "A64 instruction set encoding",
 * C6.2 instruction pages).
 */
import { ISB_SY, UnsupportedInstructionError, type Instruction, type PstateField } from "./instruction.js";
import { ERET, EXCEPTION_GENERATION, ISB, MOVE_WIDE, MSR_IMM, NOP, PSTATE_FIELD_OPS, SYSREG_MOVE } from "./opcodes.js";

/** Bits hi..lo of w, as an unsigned number. */
function bits(w: number, hi: number, lo: number): number {
  return (w >>> lo) & ((1 << (hi - lo + 1)) - 1);
}

function matches(w: number, p: { readonly mask: number; readonly value: number }): boolean {
  return (w & p.mask) >>> 0 === p.value;
}

/** op1:op2 -> PSTATE field, for MSR (immediate). */
const PSTATE_FIELDS: ReadonlyMap<number, PstateField> = new Map(
  Object.entries(PSTATE_FIELD_OPS).map(([field, { op1, op2 }]) => [(op1 << 3) | op2, field as PstateField]),
);

const MOVE_WIDE_OPS = ["movn", undefined, "movz", "movk"] as const;

/** Decode one A64 word; anything outside the subset throws UnsupportedInstructionError. */
export function decode(word: number): Instruction {
  const w = word >>> 0;

  // C6.2 "MRS", "MSR (register)".
  if (matches(w, SYSREG_MOVE)) {
    const sysreg = { op0: 2 + bits(w, 19, 19), op1: bits(w, 18, 16), crn: bits(w, 15, 12), crm: bits(w, 11, 8), op2: bits(w, 7, 5) };
    return { op: bits(w, 21, 21) === 1 ? "mrs" : "msr", rt: bits(w, 4, 0), sysreg };
  }

  // C6.2 "MSR (immediate)". Other op1:op2 values are CFINV, XAFLAG, AXFLAG,
  // PAN, UAO, DIT, SSBS, TCO, SVCR*, ALLINT, PM: not modelled.
  if (matches(w, MSR_IMM)) {
    const field = PSTATE_FIELDS.get((bits(w, 18, 16) << 3) | bits(w, 7, 5));
    if (field) return { op: "msr-imm", field, imm: bits(w, 11, 8) };
  }

  // C6.2 "NOP" (the other HINT encodings are not modelled).
  if (w === NOP) return { op: "nop" };

  // C6.2 "ISB".
  if (matches(w, ISB)) {
    const option = bits(w, 11, 8);
    return option === ISB_SY ? { op: "isb" } : { op: "isb", option };
  }

  // C6.2 "ERET".
  if (w === ERET) return { op: "eret" };

  // C6.2 "SVC", "HVC", "SMC".
  switch ((w & EXCEPTION_GENERATION.mask) >>> 0) {
    case EXCEPTION_GENERATION.svc:
      return { op: "svc", imm: bits(w, 20, 5) };
    case EXCEPTION_GENERATION.hvc:
      return { op: "hvc", imm: bits(w, 20, 5) };
    case EXCEPTION_GENERATION.smc:
      return { op: "smc", imm: bits(w, 20, 5) };
  }

  // C6.2 "MOVN", "MOVZ", "MOVK".
  if (matches(w, MOVE_WIDE)) {
    const sf = bits(w, 31, 31) === 1 ? 1 : 0;
    const op = MOVE_WIDE_OPS[bits(w, 30, 29)];
    const hw = bits(w, 22, 21);
    if (op && (sf === 1 || hw < 2)) return { op, sf, rd: bits(w, 4, 0), imm16: bits(w, 20, 5), hw };
  }

  throw new UnsupportedInstructionError(w);
}
