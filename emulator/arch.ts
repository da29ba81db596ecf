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

// ---- The VM and host the model assumes where KVM's behaviour depends on them ------------------

/**
 * Number of general-purpose PMU event counters of the modelled VM,
 * kvm->arch.nr_pmu_counters. KVM sets it to the host PMU's count
 * (arch/arm64/kvm/pmu-emul.c kvm_arm_set_pmu() -> kvm_arm_set_nr_counters(kvm,
 * kvm_arm_pmu_get_max_counters(kvm)), the weight of arm_pmu->cntr_mask over
 * ARMV8_PMU_MAX_GENERAL_COUNTERS); userspace may lower it with
 * KVM_ARM_VCPU_PMU_V3_SET_NR_COUNTERS. The model assumes 6, the count of a
 * Cortex-A76 / Neoverse N1 host (Arm Cortex-A76 Core TRM 100798_0300_00_en,
 * D5.4 PMCR_EL0: N = 0b00110, six counters). It is what reset_mdcr() writes to
 * MDCR_EL2 (sys_regs.c) and the bound access_mdcr() clamps MDCR_EL2.HPMN to
 * ("If HPMN is out of bounds, limit it to what we actually support", commit
 * efff9dd2fee7 "KVM: arm64: Handle out-of-bound write to MDCR_EL2.HPMN").
 */
export const KVM_NR_PMU_COUNTERS = 6;

/**
 * Features the modelled vCPU lacks, so that fields gated on them take their
 * `whenAbsent` value (RES0 or RES1) on every write. KVM's vCPU with nested
 * virtualization is 64-bit only at every EL (arch/arm64/kvm/nested.c
 * limit_nv_id_reg(): ID_AA64PFR0_EL1.EL0/EL1/EL2/EL3 = IMP), and its
 * sanitisation makes HCR_EL2.RW RES1 for a VM without FEAT_AA32EL1
 * (arch/arm64/kvm/config.c compute_hcr_rw() in hcr_feat_map, applied by
 * kvm_init_nv_sysregs() -> get_reg_fixed_bits(kvm, HCR_EL2, ...) ->
 * set_sysreg_masks()). Only FEAT_AA32EL1 is listed: KVM's masks force no
 * field gated on FEAT_AA32EL0 that the specs describe (SCTLR_EL1.SED/ITD/CP15BEN
 * keep SCTLR_EL1_RES0/RES1 only).
 */
export const KVM_NV_ABSENT_FEATURES: ReadonlySet<string> = new Set(["FEAT_AA32EL1"]);

// ---- KVM's pseudo-registers: ONE_REG ids that no layout stores ---------------------------------

/** How KVM_SET_ONE_REG treats a value written to a pseudo-register (arch/arm64/kvm/hypercalls.c kvm_arm_set_fw_reg()). */
export type PseudoRegisterSet =
  /** KVM_REG_ARM_PSCI_VERSION with KVM_ARM_VCPU_PSCI_0_2: one of these versions, else EINVAL. */
  | { readonly kind: "one-of"; readonly values: readonly bigint[] }
  /** WORKAROUND_1/3: EINVAL if a bit outside 3:0 is set or the level exceeds the host's; nothing stored. */
  | { readonly kind: "level" }
  /** WORKAROUND_2: levels 0/1 -> NOT_AVAIL, 2/3 -> NOT_REQUIRED, ENABLED only with AVAIL; nothing stored. */
  | { readonly kind: "level-wa2" }
  /** The bitmap firmware registers: EINVAL for a bit outside `features` (kvm_arm_set_fw_reg_bmap()). */
  | { readonly kind: "bitmap"; readonly features: bigint }
  /** The counters: any value (the counter offset becomes physical count - value). */
  | { readonly kind: "any" };

export interface KvmPseudoRegister {
  /** Linux's name for the id (arch/arm64/include/uapi/asm/kvm.h). */
  readonly name: string;
  readonly id: bigint;
  /** The id as uapi kvm.h spells it. */
  readonly expr: string;
  /**
   * "firmware" and "counter" ids answer from the KVM API itself; a "register" id is
   * a register every layout stores (the specs' CNTV_CTL_EL0, ...), listed here so
   * that a test can hold each layout to Linux's id for it.
   */
  readonly kind: "firmware" | "counter" | "register";
  /** kind "register": the register the id reaches. */
  readonly register?: string;
  /** kind "firmware"/"counter": what KVM_GET_ONE_REG reads until userspace sets it. */
  readonly value?: bigint;
  readonly set?: PseudoRegisterSet;
  readonly why: string;
}

const FW = 0x6030000000140000n; // KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_FW (0x0014 << 16)
const FW_BMAP = 0x6030000000160000n; // ... | KVM_REG_ARM_FW_FEAT_BMAP (0x0016 << 16)
const SYS = 0x6030000000130000n; // ... | KVM_REG_ARM64_SYSREG (0x0013 << 16)
const sysId = (op0: number, op1: number, crn: number, crm: number, op2: number): bigint =>
  SYS | BigInt((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);
/** include/uapi/linux/psci.h PSCI_VERSION(major, minor): major << 16 | minor. */
const psci = (major: number, minor: number): bigint => (BigInt(major) << 16n) | BigInt(minor);

/**
 * The pseudo-registers KVM_GET_REG_LIST reports for every arm64 vCPU beside
 * its core and system registers, in the order KVM lists the firmware ones
 * (arch/arm64/kvm/hypercalls.c kvm_arm_fw_reg_ids[], torvalds/linux
 * @25a35c1a, plus KVM_REG_ARM_VENDOR_HYP_BMAP_2 of commit c0000e58c74e
 * "KVM: arm64: Introduce KVM_REG_ARM_VENDOR_HYP_BMAP_2", v6.16), then the
 * timer ids (arch/arm64/kvm/guest.c timer_reg_list[]; since 680232a94c12 it
 * has the physical timer too). Ids: arch/arm64/include/uapi/asm/kvm.h; the
 * blessed lists of tools/testing/selftests/kvm/arm64/get-reg-list.c
 * (test/reference/linux-get-reg-list.ts) hold every one of them.
 *
 * Values are what KVM_GET_ONE_REG returns on the VM and host the model
 * assumes: a vCPU with KVM_ARM_VCPU_PSCI_0_2 (as every VMM sets it), a host
 * that arm64_get_spectre_v2/v4/bhb_state() find unaffected, and no time
 * passing (the emulator has no clock: the physical counter reads 0 when the
 * VM is created, so both counters read 0 until userspace sets them).
 * KVM_REG_ARM_TIMER_CNT/CVAL keep Linux's swapped encodings: "Their values
 * have been accidentally swapped. As this is set API, the definitions here
 * must be used" (uapi kvm.h).
 */
export const KVM_PSEUDO_REGISTERS: readonly KvmPseudoRegister[] = [
  {
    name: "KVM_REG_ARM_PSCI_VERSION",
    id: FW | 0n,
    expr: "KVM_REG_ARM_FW_REG(0)",
    kind: "firmware",
    value: psci(1, 3),
    set: { kind: "one-of", values: [psci(0, 2), psci(1, 0), psci(1, 1), psci(1, 2), psci(1, 3)] },
    why:
      "kvm_psci_version() (include/kvm/arm_psci.h): KVM_ARM_PSCI_LATEST unless userspace chose another; LATEST is " +
      "KVM_ARM_PSCI_1_3 = PSCI_VERSION(1, 3) since 'KVM: arm64: Add support for PSCI v1.2 and v1.3' (v6.13). " +
      "kvm_arm_set_fw_reg() takes 0.2, 1.0, 1.1, 1.2, 1.3 from a PSCI 0.2 vCPU, EINVAL otherwise (0.1 included)",
  },
  {
    name: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1",
    id: FW | 1n,
    expr: "KVM_REG_ARM_FW_REG(1)",
    kind: "firmware",
    value: 2n,
    set: { kind: "level" },
    why: "get_kernel_wa_level(): SPECTRE_UNAFFECTED -> KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1_NOT_REQUIRED (2)",
  },
  {
    name: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2",
    id: FW | 2n,
    expr: "KVM_REG_ARM_FW_REG(2)",
    kind: "firmware",
    value: 3n,
    set: { kind: "level-wa2" },
    why: "get_kernel_wa_level(): SPECTRE_UNAFFECTED -> KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_NOT_REQUIRED (3)",
  },
  {
    name: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3",
    id: FW | 3n,
    expr: "KVM_REG_ARM_FW_REG(3)",
    kind: "firmware",
    value: 2n,
    set: { kind: "level" },
    why: "get_kernel_wa_level(): SPECTRE_UNAFFECTED -> KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3_NOT_REQUIRED (2)",
  },
  {
    name: "KVM_REG_ARM_STD_BMAP",
    id: FW_BMAP | 0n,
    expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(0)",
    kind: "firmware",
    value: 0x1n,
    set: { kind: "bitmap", features: 0x1n },
    why: "kvm_arm_init_hypercalls(): KVM_ARM_SMCCC_STD_FEATURES = bit 0 KVM_REG_ARM_STD_BIT_TRNG_V1_0",
  },
  {
    name: "KVM_REG_ARM_STD_HYP_BMAP",
    id: FW_BMAP | 1n,
    expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(1)",
    kind: "firmware",
    value: 0x1n,
    set: { kind: "bitmap", features: 0x1n },
    why: "kvm_arm_init_hypercalls(): KVM_ARM_SMCCC_STD_HYP_FEATURES = bit 0 KVM_REG_ARM_STD_HYP_BIT_PV_TIME",
  },
  {
    name: "KVM_REG_ARM_VENDOR_HYP_BMAP",
    id: FW_BMAP | 2n,
    expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(2)",
    kind: "firmware",
    value: 0x3n,
    set: { kind: "bitmap", features: 0x3n },
    why: "kvm_arm_init_hypercalls(): KVM_ARM_SMCCC_VENDOR_HYP_FEATURES = bit 0 FUNC_FEAT | bit 1 PTP",
  },
  {
    name: "KVM_REG_ARM_VENDOR_HYP_BMAP_2",
    id: FW_BMAP | 3n,
    expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(3)",
    kind: "firmware",
    value: 0x0n,
    set: { kind: "bitmap", features: 0x3n },
    why:
      "Documentation/virt/kvm/arm/fw-pseudo-registers.rst: bits 0 DISCOVER_IMPL_VER and 1 DISCOVER_IMPL_CPUS, " +
      "each 'reset to 0'",
  },
  {
    name: "KVM_REG_ARM_TIMER_CTL",
    id: sysId(3, 3, 14, 3, 1),
    expr: "ARM64_SYS_REG(3, 3, 14, 3, 1)",
    kind: "register",
    register: "CNTV_CTL_EL0",
    why: "the virtual timer's control, stored by every layout that stores CNTV_CTL_EL0",
  },
  {
    name: "KVM_REG_ARM_TIMER_CNT",
    id: sysId(3, 3, 14, 3, 2),
    expr: "ARM64_SYS_REG(3, 3, 14, 3, 2)",
    kind: "counter",
    value: 0n,
    set: { kind: "any" },
    why:
      "the virtual counter, kvm_phys_timer_read() - the VM's virtual offset (arch_timer.c kvm_arm_timer_read(..., " +
      "TIMER_REG_CNT)); the offset is the physical count at VM creation (kvm_timer_vcpu_init()), and a write sets it " +
      "to physical count - value (kvm_arm_timer_set_reg()). With no time passing: 0, then the value written. " +
      "Its id is CNTV_CVAL_EL0's encoding (the swap)",
  },
  {
    name: "KVM_REG_ARM_TIMER_CVAL",
    id: sysId(3, 3, 14, 0, 2),
    expr: "ARM64_SYS_REG(3, 3, 14, 0, 2)",
    kind: "register",
    register: "CNTV_CVAL_EL0",
    why: "the virtual timer's compare value, under CNTVCT_EL0's encoding (the swap; the layouts' oneReg.overrides)",
  },
  {
    name: "KVM_REG_ARM_PTIMER_CTL",
    id: sysId(3, 3, 14, 2, 1),
    expr: "ARM64_SYS_REG(3, 3, 14, 2, 1)",
    kind: "register",
    register: "CNTP_CTL_EL0",
    why: "the physical timer's control",
  },
  {
    name: "KVM_REG_ARM_PTIMER_CNT",
    id: sysId(3, 3, 14, 0, 1),
    expr: "ARM64_SYS_REG(3, 3, 14, 0, 1)",
    kind: "counter",
    value: 0n,
    set: { kind: "any" },
    why:
      "the physical counter, kvm_phys_timer_read() - the VM's physical offset (0 at VM creation, " +
      "kvm_timer_vcpu_init()); a write sets the offset (kvm_arm_timer_set_reg()). With no time passing: 0, then the value written",
  },
  {
    name: "KVM_REG_ARM_PTIMER_CVAL",
    id: sysId(3, 3, 14, 2, 2),
    expr: "ARM64_SYS_REG(3, 3, 14, 2, 2)",
    kind: "register",
    register: "CNTP_CVAL_EL0",
    why: "the physical timer's compare value",
  },
];
