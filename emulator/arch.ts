/**
 * Architectural constants the emulator needs, named as the Arm ARM (DDI 0487)
 * and Linux (arch/arm64/include/asm/esr.h, ptrace.h) name them.
 */

/** ESR_ELx.EC values (Arm ARM D24.2.x ESR_EL2, "EC, bits [31:26]"; Linux ESR_ELx_EC_*). */
export const EC = {
  /** Unknown reason: UNDEFINED instructions (ESR_ELx_EC_UNKNOWN). */
  UNKNOWN: 0x00,
  /** Access to SVE, Advanced SIMD or floating-point functionality trapped by CPACR_EL1/CPTR_EL2 (ESR_ELx_EC_FP_ASIMD). */
  FP_ASIMD: 0x07,
  /** Illegal Execution state: PSTATE.IL was 1 (ESR_ELx_EC_ILL). */
  ILLEGAL: 0x0e,
  /** SVC in AArch64 state (ESR_ELx_EC_SVC64). */
  SVC64: 0x15,
  /** HVC in AArch64 state (ESR_ELx_EC_HVC64). */
  HVC64: 0x16,
  /** SMC in AArch64 state, trapped by HCR_EL2.TSC (ESR_ELx_EC_SMC64). */
  SMC64: 0x17,
  /** Trapped MSR, MRS or System instruction in AArch64 state (ESR_ELx_EC_SYS64). */
  SYS64: 0x18,
  /** ERET/ERETAA/ERETAB trapped by HCR_EL2.NV (ESR_ELx_EC_ERET). */
  ERET: 0x1a,
} as const;

/** ESR_ELx.IL, bit 25: the trapped instruction was 32 bits wide (always, in AArch64). */
export const ESR_IL = 1 << 25;
export const ESR_EC_SHIFT = 26;

/**
 * ISS of EC 0x18 (Arm ARM "ISS encoding for an exception from MSR, MRS, or
 * System instruction execution in AArch64 state"; Linux ESR_ELx_SYS64_ISS_*):
 * Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1],
 * Direction [0] (1 = read, MRS).
 */
export function sys64Iss(op0: number, op1: number, crn: number, crm: number, op2: number, rt: number, read: boolean): number {
  return (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | (read ? 1 : 0);
}

export function esr(ec: number, iss: number): number {
  return ((ec << ESR_EC_SHIFT) | ESR_IL | (iss & 0x1ffffff)) >>> 0;
}

/**
 * PSTATE / SPSR_ELx bits for AArch64 (Arm ARM C5.2.18 SPSR_EL2; Linux
 * arch/arm64/include/uapi/asm/ptrace.h PSR_*).
 */
export const PSR = {
  MODE_MASK: 0x0000000f,
  /** M[4]: 1 = AArch32. */
  MODE32_BIT: 0x00000010,
  F: 1 << 6,
  I: 1 << 7,
  A: 1 << 8,
  D: 1 << 9,
  DAIF_MASK: 0x3c0,
  /** PSTATE.IL, illegal execution state (bit 20). */
  IL: 1 << 20,
  /** PSTATE.SS, software step (bit 21). */
  SS: 1 << 21,
  NZCV_MASK: 0xf0000000,
} as const;

/** M[3:0] encodings: EL in bits 3:2, SP select in bit 0 (Linux PSR_MODE_EL0t ... PSR_MODE_EL2h). */
export const MODE = {
  EL0t: 0b0000,
  EL1t: 0b0100,
  EL1h: 0b0101,
  EL2t: 0b1000,
  EL2h: 0b1001,
} as const;

export function modeOf(el: number, spx: boolean): number {
  return (el << 2) | (el > 0 && spx ? 1 : 0);
}

/**
 * Vector offsets from VBAR_ELx (Arm ARM D1.3.1 "Exception vectors", table
 * "Vector offsets from vector table base address"): synchronous exceptions at
 * +0x000 from the current EL with SP_EL0, +0x200 from the current EL with
 * SP_ELx, +0x400 from a lower EL using AArch64, +0x600 from AArch32.
 */
export const VECTOR = {
  CURRENT_SP0: 0x000,
  CURRENT_SPX: 0x200,
  LOWER_A64: 0x400,
  LOWER_A32: 0x600,
} as const;

/**
 * PSTATE after KVM's vCPU reset (arch/arm64/kvm/reset.c): EL1h with D, A, I,
 * F masked, or EL2h for a vCPU with nested virtualization
 * (VCPU_RESET_PSTATE_EL1 / VCPU_RESET_PSTATE_EL2 = 0x3c5 / 0x3c9).
 */
export const RESET_PSTATE_EL1 = PSR.D | PSR.A | PSR.I | PSR.F | MODE.EL1h;
export const RESET_PSTATE_EL2 = PSR.D | PSR.A | PSR.I | PSR.F | MODE.EL2h;

/** Linux errno values the KVM register API returns (include/uapi/asm-generic/errno-base.h). */
export const ERRNO = { ENOENT: 2, E2BIG: 7, EINVAL: 22 } as const;
export type ErrnoName = keyof typeof ERRNO;
