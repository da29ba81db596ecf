/**
 * The fixed bits of each encoding in reglab's A64 subset, as the Arm ARM
 * (DDI 0487) lays them out in C4.1 "A64 instruction set encoding" and on the
 * instruction pages of C6.2. decode.ts matches them, encode.ts fills them in.
 */

/**
 * C4.1 "Branches, Exception Generating and System instructions" -> "System
 * register move"; C6.2 "MRS" and "MSR (register)":
 *   1101 0101 00 L 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5   op0 = 2 + o0, L = 1 for MRS
 */
export const SYSREG_MOVE = { mask: 0xffd00000, value: 0xd5100000, L: 1 << 21 } as const;

/**
 * C4.1 "PSTATE"; C6.2 "MSR (immediate)":
 *   1101 0101 0000 0 op1:3 0100 CRm:4 op2:3 11111
 * op1:op2 selects the PSTATE field, CRm is the 4-bit immediate: DAIFSet
 * op1 = 3 op2 = 6, DAIFClr op1 = 3 op2 = 7, SPSel op1 = 0 op2 = 5
 * (PSTATE.SP = CRm<0>).
 */
export const MSR_IMM = { mask: 0xfff8f01f, value: 0xd500401f } as const;
export const PSTATE_FIELD_OPS = {
  SPSel: { op1: 0b000, op2: 0b101 },
  DAIFSet: { op1: 0b011, op2: 0b110 },
  DAIFClr: { op1: 0b011, op2: 0b111 },
} as const;

/** C4.1 "Hints"; C6.2 "NOP": HINT #0, 1101 0101 0000 0011 0010 0000 000 11111. */
export const NOP = 0xd503201f;

/**
 * C4.1 "Barriers"; C6.2 "ISB": 1101 0101 0000 0011 0011 CRm:4 110 11111.
 * CRm = 0b1111 is SY; the other values are reserved and execute as SY.
 */
export const ISB = { mask: 0xfffff0ff, value: 0xd50330df } as const;

/** C4.1 "Unconditional branch (register)"; C6.2 "ERET": 1101 0110 1001 1111 0000 00 11111 00000. */
export const ERET = 0xd69f03e0;

/**
 * C4.1 "Exception generation"; C6.2 "SVC", "HVC", "SMC":
 *   1101 0100 opc:3 imm16 op2:3 LL:2   opc = 000, op2 = 000, LL = 01 SVC / 10 HVC / 11 SMC
 */
export const EXCEPTION_GENERATION = { mask: 0xffe0001f, svc: 0xd4000001, hvc: 0xd4000002, smc: 0xd4000003 } as const;

/**
 * C4.1 "Data Processing -- Immediate" -> "Move wide (immediate)"; C6.2
 * "MOVN", "MOVZ", "MOVK":
 *   sf opc:2 100101 hw:2 imm16 Rd:5   opc 00 MOVN, 10 MOVZ, 11 MOVK (01 unallocated);
 *   sf = 0 with hw<1> = 1 is unallocated. Rd = 31 is the zero register.
 */
export const MOVE_WIDE = { mask: 0x1f800000, value: 0x12800000, opc: { movn: 0b00, movz: 0b10, movk: 0b11 } } as const;
