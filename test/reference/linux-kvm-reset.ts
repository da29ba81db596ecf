/*
 * Reference data: KVM's vCPU reset values for system registers, from the
 * sys_reg_descs[] table of Linux arch/arm64/kvm/sys_regs.c.
 *
 * Sources:
 *   R  Kingxukai/linux  arch/arm64/kvm/sys_regs.c        @ 9b44fff655e2c6f4cc53cb499dd2c038e99cb013
 *      (newest version found; table, macros EL2_REG*, MTE_REG, PTRAUTH_KEY,
 *       PMU_SYS_REG, DBG_BCR_BVR_WCR_WVR_EL1 and reset_hcr/reset_mdcr read there)
 *   K  Kingxukai/linux  arch/arm64/include/asm/kvm_arm.h @ 0291023e7330da28f2f7453c87c2ab7082d8360f
 *      (CPTR_NVHE_EL2_RES1, TCR_EL2_RES1)
 *   S  Kingxukai/linux  arch/arm64/include/asm/sysreg.h  @ 9b44fff655e2c6f4cc53cb499dd2c038e99cb013
 *      (SCTLR_EL2_RES1; OSLSR_EL1_OSLM_IMPLEMENTED = BIT(3) seen in sysreg.h
 *       excerpts of the same era through the index's string search)
 *   All read through the stored-source index (read_file / find_string).
 *
 * How entries were transcribed:
 *   - `reset_val, <REG>, <V>` entries (and EL2_REG(NAME, acc, reset_val, V),
 *     EL2_REG_VNCR(NAME, reset_val, V), EL2_REG_REDIR(NAME, reset_val, V),
 *     EL2_REG_FILTERED(NAME, acc, reset_val, V, vis), and `.reset = reset_val,
 *     .val = V`) -> V as a bigint. Named constants are evaluated:
 *       SCTLR_EL2_RES1      = 0x30c50830 (S; see linux-res-masks.ts)
 *       TCR_EL2_RES1        = (1U << 31) | (1 << 23) = 0x80800000 (K)
 *       CPTR_NVHE_EL2_RES1  = BIT(13) | BIT(9) | GENMASK(7, 0) = 0x22ff (K)
 *       OSLSR_EL1_OSLM_IMPLEMENTED = BIT(3) = 0x8
 *   - EL2_REG_VNCR_FILT(NAME, vis) expands to
 *     EL2_REG_FILTERED(NAME, bad_vncr_trap, reset_val, 0, vis) -> 0;
 *     EL2_REG_VNCR_GICv3(NAME) expands to EL2_REG_VNCR_FILT(NAME,
 *     hidden_visibility) -> 0 (the ICH_* registers).
 *   - reset_unknown entries (incl. MTE_REG(), __PTRAUTH_KEY(), and
 *     EL2_REG_VNCR(NAME, reset_unknown, 0)) -> "unknown". (reset_unknown fills
 *     the register with a junk pattern; it is not a defined value.)
 *   - any other reset function -> "special"; KVM_RESET_SPECIAL_FN names it.
 *   - Registers whose table entry has no reset (access handler only, or
 *     `.reset = NULL`) are NOT in KVM_RESET; they are listed in
 *     KVM_NO_TABLE_RESET with the reason.
 *   - ID registers (ID_SANITISED/ID_WRITABLE/ID_FILTERED/ID_HIDDEN/
 *     ID_UNALLOCATED/AA32_ID_SANITISED) all reset through
 *     kvm_read_sanitised_id_reg; only the AArch64 ones are listed here.
 *   - AMU, RAS, MPAM, SPE, GIC ICC_x / ICH_x control entries with undef_access /
 *     trap_raz_wi / access_* only are not listed.
 *   - TCR2_EL2 (reset_val, TCR2_EL2_RES1) is NOT in KVM_RESET: TCR2_EL2_RES1
 *     is generated from arch/arm64/tools/sysreg and was not transcribed; see
 *     KVM_RESET_UNRESOLVED.
 */

export type KvmReset = bigint | "unknown" | "special";

export const KVM_RESET_SOURCE = {
  repo: "Kingxukai/linux",
  path: "arch/arm64/kvm/sys_regs.c",
  commit: "9b44fff655e2c6f4cc53cb499dd2c038e99cb013",
} as const;

export const KVM_RESET: Record<string, KvmReset> = {
  // ---- debug ----
  DBGBVR0_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(0): reset_dbg_wb_reg
  DBGBCR0_EL1: "special",
  DBGWVR0_EL1: "special",
  DBGWCR0_EL1: "special",
  DBGBVR1_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(1): reset_dbg_wb_reg
  DBGBCR1_EL1: "special",
  DBGWVR1_EL1: "special",
  DBGWCR1_EL1: "special",
  DBGBVR2_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(2): reset_dbg_wb_reg
  DBGBCR2_EL1: "special",
  DBGWVR2_EL1: "special",
  DBGWCR2_EL1: "special",
  DBGBVR3_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(3): reset_dbg_wb_reg
  DBGBCR3_EL1: "special",
  DBGWVR3_EL1: "special",
  DBGWCR3_EL1: "special",
  DBGBVR4_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(4): reset_dbg_wb_reg
  DBGBCR4_EL1: "special",
  DBGWVR4_EL1: "special",
  DBGWCR4_EL1: "special",
  DBGBVR5_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(5): reset_dbg_wb_reg
  DBGBCR5_EL1: "special",
  DBGWVR5_EL1: "special",
  DBGWCR5_EL1: "special",
  DBGBVR6_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(6): reset_dbg_wb_reg
  DBGBCR6_EL1: "special",
  DBGWVR6_EL1: "special",
  DBGWCR6_EL1: "special",
  DBGBVR7_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(7): reset_dbg_wb_reg
  DBGBCR7_EL1: "special",
  DBGWVR7_EL1: "special",
  DBGWCR7_EL1: "special",
  DBGBVR8_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(8): reset_dbg_wb_reg
  DBGBCR8_EL1: "special",
  DBGWVR8_EL1: "special",
  DBGWCR8_EL1: "special",
  DBGBVR9_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(9): reset_dbg_wb_reg
  DBGBCR9_EL1: "special",
  DBGWVR9_EL1: "special",
  DBGWCR9_EL1: "special",
  DBGBVR10_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(10): reset_dbg_wb_reg
  DBGBCR10_EL1: "special",
  DBGWVR10_EL1: "special",
  DBGWCR10_EL1: "special",
  DBGBVR11_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(11): reset_dbg_wb_reg
  DBGBCR11_EL1: "special",
  DBGWVR11_EL1: "special",
  DBGWCR11_EL1: "special",
  DBGBVR12_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(12): reset_dbg_wb_reg
  DBGBCR12_EL1: "special",
  DBGWVR12_EL1: "special",
  DBGWCR12_EL1: "special",
  DBGBVR13_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(13): reset_dbg_wb_reg
  DBGBCR13_EL1: "special",
  DBGWVR13_EL1: "special",
  DBGWCR13_EL1: "special",
  DBGBVR14_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(14): reset_dbg_wb_reg
  DBGBCR14_EL1: "special",
  DBGWVR14_EL1: "special",
  DBGWCR14_EL1: "special",
  DBGBVR15_EL1: "special", // DBG_BCR_BVR_WCR_WVR_EL1(15): reset_dbg_wb_reg
  DBGBCR15_EL1: "special",
  DBGWVR15_EL1: "special",
  DBGWCR15_EL1: "special",
  MDCCINT_EL1: 0n,
  MDSCR_EL1: 0n,
  OSLSR_EL1: 0x8n, // reset_val, OSLSR_EL1, OSLSR_EL1_OSLM_IMPLEMENTED (BIT(3))
  DBGVCR32_EL2: 0n,

  // ---- identification ----
  MIDR_EL1: "special", // IMPLEMENTATION_ID(): reset_imp_id_reg
  MPIDR_EL1: "special", // reset_mpidr
  REVIDR_EL1: "special", // reset_imp_id_reg
  AIDR_EL1: "special", // reset_imp_id_reg
  CLIDR_EL1: "special", // reset_clidr
  ID_AA64PFR0_EL1: "special", // kvm_read_sanitised_id_reg (all ID_* below too)
  ID_AA64PFR1_EL1: "special",
  ID_AA64PFR2_EL1: "special",
  ID_AA64ZFR0_EL1: "special",
  ID_AA64SMFR0_EL1: "special",
  ID_AA64FPFR0_EL1: "special",
  ID_AA64DFR0_EL1: "special",
  ID_AA64DFR1_EL1: "special",
  ID_AA64AFR0_EL1: "special",
  ID_AA64AFR1_EL1: "special",
  ID_AA64ISAR0_EL1: "special",
  ID_AA64ISAR1_EL1: "special",
  ID_AA64ISAR2_EL1: "special",
  ID_AA64ISAR3_EL1: "special",
  ID_AA64MMFR0_EL1: "special",
  ID_AA64MMFR1_EL1: "special",
  ID_AA64MMFR2_EL1: "special",
  ID_AA64MMFR3_EL1: "special",
  ID_AA64MMFR4_EL1: "special",
  CTR_EL0: "special", // ID_FILTERED(CTR_EL0, ...): kvm_read_sanitised_id_reg

  // ---- EL1 system control / MMU ----
  SCTLR_EL1: 0x00c50078n, // reset_val, SCTLR_EL1, 0x00C50078
  ACTLR_EL1: "special", // reset_actlr
  CPACR_EL1: 0n,
  SCTLR2_EL1: 0n,
  RGSR_EL1: "unknown", // MTE_REG
  GCR_EL1: "unknown", // MTE_REG
  ZCR_EL1: 0n,
  TTBR0_EL1: "unknown",
  TTBR1_EL1: "unknown",
  TCR_EL1: 0n,
  TCR2_EL1: 0n,
  APIAKEYLO_EL1: "unknown", // PTRAUTH_KEY(APIA) -> __PTRAUTH_KEY(...KEYLO_EL1/KEYHI_EL1): reset_unknown
  APIAKEYHI_EL1: "unknown",
  APIBKEYLO_EL1: "unknown",
  APIBKEYHI_EL1: "unknown",
  APDAKEYLO_EL1: "unknown",
  APDAKEYHI_EL1: "unknown",
  APDBKEYLO_EL1: "unknown",
  APDBKEYHI_EL1: "unknown",
  APGAKEYLO_EL1: "unknown",
  APGAKEYHI_EL1: "unknown",
  AFSR0_EL1: "unknown",
  AFSR1_EL1: "unknown",
  ESR_EL1: "unknown",
  TFSR_EL1: "unknown", // MTE_REG
  TFSRE0_EL1: "unknown", // MTE_REG
  FAR_EL1: "unknown",
  PAR_EL1: "unknown",
  MAIR_EL1: "unknown",
  PIRE0_EL1: "unknown",
  PIR_EL1: "unknown",
  POR_EL1: "unknown",
  AMAIR_EL1: "special", // reset_amair_el1
  VBAR_EL1: 0n,
  DISR_EL1: 0n,
  CONTEXTIDR_EL1: 0n,
  TPIDR_EL1: "unknown",
  CNTKCTL_EL1: 0n,
  CSSELR_EL1: "unknown",

  // ---- EL0 ----
  SVCR: 0n,
  FPMR: 0n,
  POR_EL0: "unknown",
  TPIDR_EL0: "unknown",
  TPIDRRO_EL0: "unknown",

  // ---- PMU ----
  PMINTENSET_EL1: "special", // PMU_SYS_REG: .reset = reset_pmu_reg
  PMINTENCLR_EL1: "special", // PMU_SYS_REG (storage PMINTENSET_EL1): reset_pmu_reg
  PMCR_EL0: "special", // .reset = reset_pmcr
  PMCNTENSET_EL0: "special", // reset_pmu_reg
  PMCNTENCLR_EL0: "special", // reset_pmu_reg (storage PMCNTENSET_EL0)
  PMOVSCLR_EL0: "special", // reset_pmu_reg (storage PMOVSSET_EL0)
  PMOVSSET_EL0: "special", // reset_pmu_reg
  PMSELR_EL0: "special", // .reset = reset_pmselr
  PMCCNTR_EL0: "unknown", // .reset = reset_unknown
  PMUSERENR_EL0: 0n, // .reset = reset_val, .val = 0
  PMCCFILTR_EL0: 0n, // .reset = reset_val, .val = 0
  PMEVCNTR0_EL0: "special", // PMU_PMEVCNTR_EL0(0): reset_pmevcntr
  PMEVTYPER0_EL0: "special", // PMU_PMEVTYPER_EL0(0): reset_pmevtyper
  PMEVCNTR1_EL0: "special", // PMU_PMEVCNTR_EL0(1): reset_pmevcntr
  PMEVTYPER1_EL0: "special", // PMU_PMEVTYPER_EL0(1): reset_pmevtyper
  PMEVCNTR2_EL0: "special", // PMU_PMEVCNTR_EL0(2): reset_pmevcntr
  PMEVTYPER2_EL0: "special", // PMU_PMEVTYPER_EL0(2): reset_pmevtyper
  PMEVCNTR3_EL0: "special", // PMU_PMEVCNTR_EL0(3): reset_pmevcntr
  PMEVTYPER3_EL0: "special", // PMU_PMEVTYPER_EL0(3): reset_pmevtyper
  PMEVCNTR4_EL0: "special", // PMU_PMEVCNTR_EL0(4): reset_pmevcntr
  PMEVTYPER4_EL0: "special", // PMU_PMEVTYPER_EL0(4): reset_pmevtyper
  PMEVCNTR5_EL0: "special", // PMU_PMEVCNTR_EL0(5): reset_pmevcntr
  PMEVTYPER5_EL0: "special", // PMU_PMEVTYPER_EL0(5): reset_pmevtyper
  PMEVCNTR6_EL0: "special", // PMU_PMEVCNTR_EL0(6): reset_pmevcntr
  PMEVTYPER6_EL0: "special", // PMU_PMEVTYPER_EL0(6): reset_pmevtyper
  PMEVCNTR7_EL0: "special", // PMU_PMEVCNTR_EL0(7): reset_pmevcntr
  PMEVTYPER7_EL0: "special", // PMU_PMEVTYPER_EL0(7): reset_pmevtyper
  PMEVCNTR8_EL0: "special", // PMU_PMEVCNTR_EL0(8): reset_pmevcntr
  PMEVTYPER8_EL0: "special", // PMU_PMEVTYPER_EL0(8): reset_pmevtyper
  PMEVCNTR9_EL0: "special", // PMU_PMEVCNTR_EL0(9): reset_pmevcntr
  PMEVTYPER9_EL0: "special", // PMU_PMEVTYPER_EL0(9): reset_pmevtyper
  PMEVCNTR10_EL0: "special", // PMU_PMEVCNTR_EL0(10): reset_pmevcntr
  PMEVTYPER10_EL0: "special", // PMU_PMEVTYPER_EL0(10): reset_pmevtyper
  PMEVCNTR11_EL0: "special", // PMU_PMEVCNTR_EL0(11): reset_pmevcntr
  PMEVTYPER11_EL0: "special", // PMU_PMEVTYPER_EL0(11): reset_pmevtyper
  PMEVCNTR12_EL0: "special", // PMU_PMEVCNTR_EL0(12): reset_pmevcntr
  PMEVTYPER12_EL0: "special", // PMU_PMEVTYPER_EL0(12): reset_pmevtyper
  PMEVCNTR13_EL0: "special", // PMU_PMEVCNTR_EL0(13): reset_pmevcntr
  PMEVTYPER13_EL0: "special", // PMU_PMEVTYPER_EL0(13): reset_pmevtyper
  PMEVCNTR14_EL0: "special", // PMU_PMEVCNTR_EL0(14): reset_pmevcntr
  PMEVTYPER14_EL0: "special", // PMU_PMEVTYPER_EL0(14): reset_pmevtyper
  PMEVCNTR15_EL0: "special", // PMU_PMEVCNTR_EL0(15): reset_pmevcntr
  PMEVTYPER15_EL0: "special", // PMU_PMEVTYPER_EL0(15): reset_pmevtyper
  PMEVCNTR16_EL0: "special", // PMU_PMEVCNTR_EL0(16): reset_pmevcntr
  PMEVTYPER16_EL0: "special", // PMU_PMEVTYPER_EL0(16): reset_pmevtyper
  PMEVCNTR17_EL0: "special", // PMU_PMEVCNTR_EL0(17): reset_pmevcntr
  PMEVTYPER17_EL0: "special", // PMU_PMEVTYPER_EL0(17): reset_pmevtyper
  PMEVCNTR18_EL0: "special", // PMU_PMEVCNTR_EL0(18): reset_pmevcntr
  PMEVTYPER18_EL0: "special", // PMU_PMEVTYPER_EL0(18): reset_pmevtyper
  PMEVCNTR19_EL0: "special", // PMU_PMEVCNTR_EL0(19): reset_pmevcntr
  PMEVTYPER19_EL0: "special", // PMU_PMEVTYPER_EL0(19): reset_pmevtyper
  PMEVCNTR20_EL0: "special", // PMU_PMEVCNTR_EL0(20): reset_pmevcntr
  PMEVTYPER20_EL0: "special", // PMU_PMEVTYPER_EL0(20): reset_pmevtyper
  PMEVCNTR21_EL0: "special", // PMU_PMEVCNTR_EL0(21): reset_pmevcntr
  PMEVTYPER21_EL0: "special", // PMU_PMEVTYPER_EL0(21): reset_pmevtyper
  PMEVCNTR22_EL0: "special", // PMU_PMEVCNTR_EL0(22): reset_pmevcntr
  PMEVTYPER22_EL0: "special", // PMU_PMEVTYPER_EL0(22): reset_pmevtyper
  PMEVCNTR23_EL0: "special", // PMU_PMEVCNTR_EL0(23): reset_pmevcntr
  PMEVTYPER23_EL0: "special", // PMU_PMEVTYPER_EL0(23): reset_pmevtyper
  PMEVCNTR24_EL0: "special", // PMU_PMEVCNTR_EL0(24): reset_pmevcntr
  PMEVTYPER24_EL0: "special", // PMU_PMEVTYPER_EL0(24): reset_pmevtyper
  PMEVCNTR25_EL0: "special", // PMU_PMEVCNTR_EL0(25): reset_pmevcntr
  PMEVTYPER25_EL0: "special", // PMU_PMEVTYPER_EL0(25): reset_pmevtyper
  PMEVCNTR26_EL0: "special", // PMU_PMEVCNTR_EL0(26): reset_pmevcntr
  PMEVTYPER26_EL0: "special", // PMU_PMEVTYPER_EL0(26): reset_pmevtyper
  PMEVCNTR27_EL0: "special", // PMU_PMEVCNTR_EL0(27): reset_pmevcntr
  PMEVTYPER27_EL0: "special", // PMU_PMEVTYPER_EL0(27): reset_pmevtyper
  PMEVCNTR28_EL0: "special", // PMU_PMEVCNTR_EL0(28): reset_pmevcntr
  PMEVTYPER28_EL0: "special", // PMU_PMEVTYPER_EL0(28): reset_pmevtyper
  PMEVCNTR29_EL0: "special", // PMU_PMEVCNTR_EL0(29): reset_pmevcntr
  PMEVTYPER29_EL0: "special", // PMU_PMEVTYPER_EL0(29): reset_pmevtyper
  PMEVCNTR30_EL0: "special", // PMU_PMEVCNTR_EL0(30): reset_pmevcntr
  PMEVTYPER30_EL0: "special", // PMU_PMEVTYPER_EL0(30): reset_pmevtyper

  // ---- EL2 (EL2_REG* entries) ----
  VPIDR_EL2: "unknown", // EL2_REG_VNCR(VPIDR_EL2, reset_unknown, 0)
  VMPIDR_EL2: "unknown", // EL2_REG_VNCR(VMPIDR_EL2, reset_unknown, 0)
  SCTLR_EL2: 0x30c50830n, // EL2_REG(SCTLR_EL2, access_rw, reset_val, SCTLR_EL2_RES1)
  ACTLR_EL2: 0n,
  SCTLR2_EL2: 0n,
  HCR_EL2: "special", // EL2_REG_VNCR(HCR_EL2, reset_hcr, 0): 0, | HCR_E2H if !ARM64_HAS_HCR_NV1
  MDCR_EL2: "special", // EL2_REG(MDCR_EL2, access_mdcr, reset_mdcr, 0): kvm->arch.nr_pmu_counters
  CPTR_EL2: 0x22ffn, // EL2_REG(CPTR_EL2, access_rw, reset_val, CPTR_NVHE_EL2_RES1) with K's 0x22ff
  HSTR_EL2: 0n,
  HFGRTR_EL2: 0n, // EL2_REG_VNCR_FILT -> reset_val, 0
  HFGWTR_EL2: 0n, // EL2_REG_VNCR_FILT
  HFGITR_EL2: 0n,
  HACR_EL2: 0n,
  ZCR_EL2: 0n,
  HCRX_EL2: 0n,
  TTBR0_EL2: 0n,
  TTBR1_EL2: 0n,
  TCR_EL2: 0x80800000n, // reset_val, TCR_EL2_RES1
  VTTBR_EL2: 0n,
  VTCR_EL2: 0n,
  VNCR_EL2: 0n, // EL2_REG_FILTERED(VNCR_EL2, bad_vncr_trap, reset_val, 0, vncr_el2_visibility)
  DACR32_EL2: "unknown",
  HDFGRTR2_EL2: 0n, // EL2_REG_VNCR_FILT
  HDFGWTR2_EL2: 0n,
  HFGRTR2_EL2: 0n,
  HFGWTR2_EL2: 0n,
  HDFGRTR_EL2: 0n,
  HDFGWTR_EL2: 0n,
  HAFGRTR_EL2: 0n,
  HFGITR2_EL2: 0n,
  SPSR_EL2: 0n, // EL2_REG_REDIR(SPSR_EL2, reset_val, 0)
  ELR_EL2: 0n, // EL2_REG_REDIR
  IFSR32_EL2: "unknown",
  AFSR0_EL2: 0n,
  AFSR1_EL2: 0n,
  ESR_EL2: 0n, // EL2_REG_REDIR
  VSESR_EL2: "unknown", // EL2_REG_VNCR(VSESR_EL2, reset_unknown, 0)
  FPEXC32_EL2: 0x700n, // reset_val, FPEXC32_EL2, 0x700
  FAR_EL2: 0n, // EL2_REG_REDIR
  HPFAR_EL2: 0n,
  MAIR_EL2: 0n,
  PIRE0_EL2: 0n,
  PIR_EL2: 0n,
  POR_EL2: 0n,
  AMAIR_EL2: 0n,
  VBAR_EL2: 0n,
  VDISR_EL2: "unknown", // EL2_REG_VNCR(VDISR_EL2, reset_unknown, 0)
  ICH_AP0R0_EL2: 0n, // EL2_REG_VNCR_GICv3 -> reset_val, 0
  ICH_AP0R1_EL2: 0n,
  ICH_AP0R2_EL2: 0n,
  ICH_AP0R3_EL2: 0n,
  ICH_AP1R0_EL2: 0n,
  ICH_AP1R1_EL2: 0n,
  ICH_AP1R2_EL2: 0n,
  ICH_AP1R3_EL2: 0n,
  ICH_HCR_EL2: 0n,
  ICH_VMCR_EL2: 0n,
  ICH_LR0_EL2: 0n,
  ICH_LR1_EL2: 0n,
  ICH_LR2_EL2: 0n,
  ICH_LR3_EL2: 0n,
  ICH_LR4_EL2: 0n,
  ICH_LR5_EL2: 0n,
  ICH_LR6_EL2: 0n,
  ICH_LR7_EL2: 0n,
  ICH_LR8_EL2: 0n,
  ICH_LR9_EL2: 0n,
  ICH_LR10_EL2: 0n,
  ICH_LR11_EL2: 0n,
  ICH_LR12_EL2: 0n,
  ICH_LR13_EL2: 0n,
  ICH_LR14_EL2: 0n,
  ICH_LR15_EL2: 0n,
  CONTEXTIDR_EL2: 0n,
  TPIDR_EL2: 0n,
  CNTVOFF_EL2: 0n,
  CNTHCTL_EL2: 0n,
  CNTHP_CTL_EL2: 0n,
  CNTHP_CVAL_EL2: 0n,
  CNTHV_CTL_EL2: 0n,
  CNTHV_CVAL_EL2: 0n,
  SP_EL2: "unknown", // EL2_REG(SP_EL2, NULL, reset_unknown, 0)
};

/** For every "special" entry: the reset function named in the table. */
export const KVM_RESET_SPECIAL_FN: Record<string, string> = {
  DBGBVR0_EL1: "reset_dbg_wb_reg",
  DBGBCR0_EL1: "reset_dbg_wb_reg",
  DBGWVR0_EL1: "reset_dbg_wb_reg",
  DBGWCR0_EL1: "reset_dbg_wb_reg",
  DBGBVR1_EL1: "reset_dbg_wb_reg",
  DBGBCR1_EL1: "reset_dbg_wb_reg",
  DBGWVR1_EL1: "reset_dbg_wb_reg",
  DBGWCR1_EL1: "reset_dbg_wb_reg",
  DBGBVR2_EL1: "reset_dbg_wb_reg",
  DBGBCR2_EL1: "reset_dbg_wb_reg",
  DBGWVR2_EL1: "reset_dbg_wb_reg",
  DBGWCR2_EL1: "reset_dbg_wb_reg",
  DBGBVR3_EL1: "reset_dbg_wb_reg",
  DBGBCR3_EL1: "reset_dbg_wb_reg",
  DBGWVR3_EL1: "reset_dbg_wb_reg",
  DBGWCR3_EL1: "reset_dbg_wb_reg",
  DBGBVR4_EL1: "reset_dbg_wb_reg",
  DBGBCR4_EL1: "reset_dbg_wb_reg",
  DBGWVR4_EL1: "reset_dbg_wb_reg",
  DBGWCR4_EL1: "reset_dbg_wb_reg",
  DBGBVR5_EL1: "reset_dbg_wb_reg",
  DBGBCR5_EL1: "reset_dbg_wb_reg",
  DBGWVR5_EL1: "reset_dbg_wb_reg",
  DBGWCR5_EL1: "reset_dbg_wb_reg",
  DBGBVR6_EL1: "reset_dbg_wb_reg",
  DBGBCR6_EL1: "reset_dbg_wb_reg",
  DBGWVR6_EL1: "reset_dbg_wb_reg",
  DBGWCR6_EL1: "reset_dbg_wb_reg",
  DBGBVR7_EL1: "reset_dbg_wb_reg",
  DBGBCR7_EL1: "reset_dbg_wb_reg",
  DBGWVR7_EL1: "reset_dbg_wb_reg",
  DBGWCR7_EL1: "reset_dbg_wb_reg",
  DBGBVR8_EL1: "reset_dbg_wb_reg",
  DBGBCR8_EL1: "reset_dbg_wb_reg",
  DBGWVR8_EL1: "reset_dbg_wb_reg",
  DBGWCR8_EL1: "reset_dbg_wb_reg",
  DBGBVR9_EL1: "reset_dbg_wb_reg",
  DBGBCR9_EL1: "reset_dbg_wb_reg",
  DBGWVR9_EL1: "reset_dbg_wb_reg",
  DBGWCR9_EL1: "reset_dbg_wb_reg",
  DBGBVR10_EL1: "reset_dbg_wb_reg",
  DBGBCR10_EL1: "reset_dbg_wb_reg",
  DBGWVR10_EL1: "reset_dbg_wb_reg",
  DBGWCR10_EL1: "reset_dbg_wb_reg",
  DBGBVR11_EL1: "reset_dbg_wb_reg",
  DBGBCR11_EL1: "reset_dbg_wb_reg",
  DBGWVR11_EL1: "reset_dbg_wb_reg",
  DBGWCR11_EL1: "reset_dbg_wb_reg",
  DBGBVR12_EL1: "reset_dbg_wb_reg",
  DBGBCR12_EL1: "reset_dbg_wb_reg",
  DBGWVR12_EL1: "reset_dbg_wb_reg",
  DBGWCR12_EL1: "reset_dbg_wb_reg",
  DBGBVR13_EL1: "reset_dbg_wb_reg",
  DBGBCR13_EL1: "reset_dbg_wb_reg",
  DBGWVR13_EL1: "reset_dbg_wb_reg",
  DBGWCR13_EL1: "reset_dbg_wb_reg",
  DBGBVR14_EL1: "reset_dbg_wb_reg",
  DBGBCR14_EL1: "reset_dbg_wb_reg",
  DBGWVR14_EL1: "reset_dbg_wb_reg",
  DBGWCR14_EL1: "reset_dbg_wb_reg",
  DBGBVR15_EL1: "reset_dbg_wb_reg",
  DBGBCR15_EL1: "reset_dbg_wb_reg",
  DBGWVR15_EL1: "reset_dbg_wb_reg",
  DBGWCR15_EL1: "reset_dbg_wb_reg",
  PMEVCNTR0_EL0: "reset_pmevcntr",
  PMEVTYPER0_EL0: "reset_pmevtyper",
  PMEVCNTR1_EL0: "reset_pmevcntr",
  PMEVTYPER1_EL0: "reset_pmevtyper",
  PMEVCNTR2_EL0: "reset_pmevcntr",
  PMEVTYPER2_EL0: "reset_pmevtyper",
  PMEVCNTR3_EL0: "reset_pmevcntr",
  PMEVTYPER3_EL0: "reset_pmevtyper",
  PMEVCNTR4_EL0: "reset_pmevcntr",
  PMEVTYPER4_EL0: "reset_pmevtyper",
  PMEVCNTR5_EL0: "reset_pmevcntr",
  PMEVTYPER5_EL0: "reset_pmevtyper",
  PMEVCNTR6_EL0: "reset_pmevcntr",
  PMEVTYPER6_EL0: "reset_pmevtyper",
  PMEVCNTR7_EL0: "reset_pmevcntr",
  PMEVTYPER7_EL0: "reset_pmevtyper",
  PMEVCNTR8_EL0: "reset_pmevcntr",
  PMEVTYPER8_EL0: "reset_pmevtyper",
  PMEVCNTR9_EL0: "reset_pmevcntr",
  PMEVTYPER9_EL0: "reset_pmevtyper",
  PMEVCNTR10_EL0: "reset_pmevcntr",
  PMEVTYPER10_EL0: "reset_pmevtyper",
  PMEVCNTR11_EL0: "reset_pmevcntr",
  PMEVTYPER11_EL0: "reset_pmevtyper",
  PMEVCNTR12_EL0: "reset_pmevcntr",
  PMEVTYPER12_EL0: "reset_pmevtyper",
  PMEVCNTR13_EL0: "reset_pmevcntr",
  PMEVTYPER13_EL0: "reset_pmevtyper",
  PMEVCNTR14_EL0: "reset_pmevcntr",
  PMEVTYPER14_EL0: "reset_pmevtyper",
  PMEVCNTR15_EL0: "reset_pmevcntr",
  PMEVTYPER15_EL0: "reset_pmevtyper",
  PMEVCNTR16_EL0: "reset_pmevcntr",
  PMEVTYPER16_EL0: "reset_pmevtyper",
  PMEVCNTR17_EL0: "reset_pmevcntr",
  PMEVTYPER17_EL0: "reset_pmevtyper",
  PMEVCNTR18_EL0: "reset_pmevcntr",
  PMEVTYPER18_EL0: "reset_pmevtyper",
  PMEVCNTR19_EL0: "reset_pmevcntr",
  PMEVTYPER19_EL0: "reset_pmevtyper",
  PMEVCNTR20_EL0: "reset_pmevcntr",
  PMEVTYPER20_EL0: "reset_pmevtyper",
  PMEVCNTR21_EL0: "reset_pmevcntr",
  PMEVTYPER21_EL0: "reset_pmevtyper",
  PMEVCNTR22_EL0: "reset_pmevcntr",
  PMEVTYPER22_EL0: "reset_pmevtyper",
  PMEVCNTR23_EL0: "reset_pmevcntr",
  PMEVTYPER23_EL0: "reset_pmevtyper",
  PMEVCNTR24_EL0: "reset_pmevcntr",
  PMEVTYPER24_EL0: "reset_pmevtyper",
  PMEVCNTR25_EL0: "reset_pmevcntr",
  PMEVTYPER25_EL0: "reset_pmevtyper",
  PMEVCNTR26_EL0: "reset_pmevcntr",
  PMEVTYPER26_EL0: "reset_pmevtyper",
  PMEVCNTR27_EL0: "reset_pmevcntr",
  PMEVTYPER27_EL0: "reset_pmevtyper",
  PMEVCNTR28_EL0: "reset_pmevcntr",
  PMEVTYPER28_EL0: "reset_pmevtyper",
  PMEVCNTR29_EL0: "reset_pmevcntr",
  PMEVTYPER29_EL0: "reset_pmevtyper",
  PMEVCNTR30_EL0: "reset_pmevcntr",
  PMEVTYPER30_EL0: "reset_pmevtyper",
  MIDR_EL1: "reset_imp_id_reg",
  MPIDR_EL1: "reset_mpidr",
  REVIDR_EL1: "reset_imp_id_reg",
  AIDR_EL1: "reset_imp_id_reg",
  CLIDR_EL1: "reset_clidr",
  ID_AA64PFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64PFR1_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64PFR2_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64ZFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64SMFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64FPFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64DFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64DFR1_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64AFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64AFR1_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64ISAR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64ISAR1_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64ISAR2_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64ISAR3_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64MMFR0_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64MMFR1_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64MMFR2_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64MMFR3_EL1: "kvm_read_sanitised_id_reg",
  ID_AA64MMFR4_EL1: "kvm_read_sanitised_id_reg",
  CTR_EL0: "kvm_read_sanitised_id_reg",
  ACTLR_EL1: "reset_actlr",
  AMAIR_EL1: "reset_amair_el1",
  PMINTENSET_EL1: "reset_pmu_reg",
  PMINTENCLR_EL1: "reset_pmu_reg",
  PMCR_EL0: "reset_pmcr",
  PMCNTENSET_EL0: "reset_pmu_reg",
  PMCNTENCLR_EL0: "reset_pmu_reg",
  PMOVSCLR_EL0: "reset_pmu_reg",
  PMOVSSET_EL0: "reset_pmu_reg",
  PMSELR_EL0: "reset_pmselr",
  HCR_EL2: "reset_hcr (r->val = 0; ORs in HCR_E2H when !cpus_have_final_cap(ARM64_HAS_HCR_NV1))",
  MDCR_EL2: "reset_mdcr (sets the register to vcpu->kvm->arch.nr_pmu_counters)",
};

/** reset_val entries whose constant is generated and was not transcribed. */
export const KVM_RESET_UNRESOLVED: Record<string, string> = {
  TCR2_EL2: "EL2_REG_FILTERED(TCR2_EL2, access_rw, reset_val, TCR2_EL2_RES1, tcr2_el2_visibility); TCR2_EL2_RES1 is generated from arch/arm64/tools/sysreg",
};

/** Registers in sys_reg_descs[] (or requested by reglab) whose table entry has no reset. */
export const KVM_NO_TABLE_RESET: Record<string, string> = {
  SPSR_EL1: "{ SYS_DESC(SYS_SPSR_EL1), access_spsr } - no reset function (core register state)",
  ELR_EL1: "{ SYS_DESC(SYS_ELR_EL1), access_elr } - no reset function",
  SP_EL1: "{ SYS_DESC(SYS_SP_EL1), access_sp_el1 } - no reset function",
  CNTP_CTL_EL0: "access_arch_timer only (timer state reset by the arch timer code)",
  CNTP_CVAL_EL0: "access_arch_timer only",
  CNTP_TVAL_EL0: "access_arch_timer only",
  CNTV_CTL_EL0: "access_arch_timer only",
  CNTV_CVAL_EL0: "access_arch_timer only",
  CNTV_TVAL_EL0: "access_arch_timer only",
  CNTPCT_EL0: "access_arch_timer only",
  CNTVCT_EL0: "access_arch_timer only",
  CNTKCTL_EL12: "access_cntkctl_el12 only (storage CNTKCTL_EL1)",
  CNTP_CTL_EL02: "access_arch_timer only",
  CNTP_CVAL_EL02: "access_arch_timer only",
  CNTP_TVAL_EL02: "access_arch_timer only",
  CNTV_CTL_EL02: "access_arch_timer only",
  CNTV_CVAL_EL02: "access_arch_timer only",
  CNTV_TVAL_EL02: "access_arch_timer only",
  CNTHP_TVAL_EL2: "access_arch_timer only",
  CNTHV_TVAL_EL2: "access_hv_timer only",
  PMSWINC_EL0: "PMU_SYS_REG with .reset = NULL",
  PMCEID0_EL0: "PMU_SYS_REG with .reset = NULL",
  PMCEID1_EL0: "PMU_SYS_REG with .reset = NULL",
  PMXEVTYPER_EL0: "PMU_SYS_REG with .reset = NULL",
  PMXEVCNTR_EL0: "PMU_SYS_REG with .reset = NULL",
  SPSR_irq: "trap_raz_wi only (\"AArch32 SPSR_* are RES0 if trapped from a NV guest\")",
  SPSR_abt: "trap_raz_wi only",
  SPSR_und: "trap_raz_wi only",
  SPSR_fiq: "trap_raz_wi only",
  ICH_VTR_EL2: "access_gic_vtr only",
  ICH_MISR_EL2: "access_gic_misr only",
  ICH_EISR_EL2: "access_gic_eisr only",
  ICH_ELRSR_EL2: "access_gic_elrsr only",
  ICC_SRE_EL2: "access_gic_sre only",
  RVBAR_EL2: "undef_access",
  RMR_EL2: "undef_access",
};
