/*
 * Reference data: the blessed KVM_GET_REG_LIST register lists of Linux's KVM
 * selftest get-reg-list (arm64), with every entry's 64-bit KVM_{GET,SET}_ONE_REG
 * id computed from the uapi definitions below.
 *
 * Sources (read through the stored-source index):
 *   G  torvalds/linux  tools/testing/selftests/kvm/arm64/get-reg-list.c
 *        @ 1f4a10ff9090068cfd78f6c76e0f2871e5953461            (the lists themselves)
 *   U  torvalds/linux  arch/arm64/include/uapi/asm/kvm.h
 *        @ 00e6dae00e3dcb4dd54e1d62e295fd997a0cec28            (struct kvm_regs, KVM_REG_ARM_CORE*,
 *        KVM_REG_ARM64_SYSREG*, ARM64_SYS_REG, KVM_REG_ARM_TIMER_*, KVM_REG_ARM_FW*, SVE). Older
 *        than G: it predates KVM_REG_ARM_FW_FEAT_BMAP, see B.
 *   B  KVM_REG_ARM_FW_FEAT_BMAP / KVM_REG_ARM_FW_FEAT_BMAP_REG(r), added to
 *        arch/arm64/include/uapi/asm/kvm.h by the v5.19 hypercall-bitmap series; read from copies of
 *        that diff (and of later diffs whose context lines carry it unchanged) in the index, not
 *        from a tree at a commit.
 *   L  include/uapi/linux/kvm.h: KVM_REG_ARM64, KVM_REG_SIZE_*; read from a stored v6.x copy
 *        (it has KVM_REG_LOONGARCH) whose repository the index did not report.
 *   P  arch/arm64/include/uapi/asm/ptrace.h (struct user_pt_regs, struct user_fpsimd_state):
 *        not re-read; the layout is the one test/reference/linux-v4.12-uapi.ts transcribed from
 *        torvalds/linux @ 078a5a4faf64fefaf13478a9091782432cad33fa.
 *   H  tools/testing/selftests/kvm/include/arm64/processor.h: KVM_ARM64_SYS_REG(sys_reg_id) is
 *        ARM64_SYS_REG(sys_reg_Op0(id), sys_reg_Op1(id), sys_reg_CRn(id), sys_reg_CRm(id),
 *        sys_reg_Op2(id)), exactly G's SYS_REG(r) with the SYS_ prefix written out; read from
 *        index excerpts whose repository was not reported.
 *   S  Kingxukai/linux  arch/arm64/include/asm/sysreg.h
 *        @ 9b44fff655e2c6f4cc53cb499dd2c038e99cb013            (hand-written SYS_<REG> sys_reg(...)
 *        defines; SYS_DBGBVRn_EL1(n) sys_reg(2, 0, 0, n, 4) ... SYS_DBGWCRn_EL1(n) (.., 7);
 *        SYS_PMEVCNTRn_EL0(n) sys_reg(3, 3, 14, 0x8 | ((n >> 3) & 3), n & 7);
 *        SYS_PMEVTYPERn_EL0(n) sys_reg(3, 3, 14, 0xc | ((n >> 3) & 3), n & 7))
 *   T  kernelorg-mirror/linux_kernel_git_maz_arm-platforms  arch/arm64/tools/sysreg
 *        @ 042f37472022d3f3b1a86a2dec09a77bb3b44668            (generated-register table; the only
 *        stored copy found with NVHCR_EL2 and the FEAT_FGT2 registers. torvalds/linux's stored
 *        copies of tools/sysreg and sysreg.h are years old.)
 *   S and T are not G's commit; where both define a register (from: "S+T") they agree.
 *
 * What G claims: "The original blessed list was primed with the output of kernel version v4.15
 * with --core-reg-fixup and then later updated with new registers. [...] The blessed list is up
 * to date with kernel version v6.4 (or so we hope)". The claim is stale: the lists hold much
 * newer registers (SCTLR2, POR, FEAT_FGT2's H*FG*2_EL2, VNCR_EL2, NVHCR_EL2 of FEAT_NV3).
 *
 * uapi values used (U, B, L):
 *   KVM_REG_ARM64              0x6000000000000000
 *   KVM_REG_SIZE_SHIFT 52:     U32 0x0020000000000000, U64 0x0030000000000000,
 *                              U128 0x0040000000000000, U256 0x0050000000000000,
 *                              U512 0x0060000000000000, U2048 0x0080000000000000
 *   KVM_REG_ARM_COPROC_SHIFT   16
 *   KVM_REG_ARM_CORE           (0x0010 << 16)
 *   KVM_REG_ARM_CORE_REG(name) (offsetof(struct kvm_regs, name) / sizeof(__u32))
 *   KVM_REG_ARM_DEMUX          (0x0011 << 16)   (none blessed: G's filter_reg() drops DEMUX ids,
 *                                                whose presence depends on the host's CLIDR_EL1)
 *   KVM_REG_ARM64_SYSREG       (0x0013 << 16), OP0 << 14, OP1 << 11, CRN << 7, CRM << 3, OP2 << 0
 *   ARM64_SYS_REG(op0, op1, crn, crm, op2)
 *                              KVM_REG_ARM64 | KVM_REG_ARM64_SYSREG | fields | KVM_REG_SIZE_U64
 *   KVM_REG_ARM_TIMER_CTL      ARM64_SYS_REG(3, 3, 14, 3, 1)
 *   KVM_REG_ARM_TIMER_CVAL     ARM64_SYS_REG(3, 3, 14, 0, 2)   <- swapped, see below
 *   KVM_REG_ARM_TIMER_CNT      ARM64_SYS_REG(3, 3, 14, 3, 2)   <- swapped, see below
 *   KVM_REG_ARM_FW             (0x0014 << 16)
 *   KVM_REG_ARM_FW_REG(r)      KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_FW | ((r) & 0xffff)
 *   KVM_REG_ARM_FW_FEAT_BMAP   (0x0016 << 16)
 *   KVM_REG_ARM_FW_FEAT_BMAP_REG(r)
 *                              KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_FW_FEAT_BMAP | ((r) & 0xffff)
 *   KVM_REG_ARM64_SVE          (0x15 << 16); ZREG_BASE 0, PREG_BASE 0x400, FFR_BASE 0x600;
 *                              KVM_ARM64_SVE_MAX_SLICES 32
 *   KVM_REG_ARM64_SVE_ZREG(n, i)  KVM_REG_ARM64 | KVM_REG_ARM64_SVE | ZREG_BASE | KVM_REG_SIZE_U2048
 *                                 | ((n & 31) << 5) | (i & 31)
 *   KVM_REG_ARM64_SVE_PREG(n, i)  ... | PREG_BASE | KVM_REG_SIZE_U256 | ((n & 15) << 5) | (i & 31)
 *   KVM_REG_ARM64_SVE_FFR(i)      ... | FFR_BASE | KVM_REG_SIZE_U256 | (i & 31)
 *   KVM_REG_ARM64_SVE_VLS         KVM_REG_ARM64 | KVM_REG_ARM64_SVE | KVM_REG_SIZE_U512 | 0xffff
 *
 * struct kvm_regs (U, P), byte offsets; KVM_REG_ARM_CORE_REG is the offset / 4:
 *   struct user_pt_regs regs   0    (272 bytes: __u64 regs[31] @ 8n, sp @ 248, pc @ 256, pstate @ 264)
 *   __u64 sp_el1               272
 *   __u64 elr_el1              280
 *   __u64 spsr[KVM_NR_SPSR=5]  288 + 8i (KVM_SPSR_EL1 0, ABT 1, UND 2, IRQ 3, FIQ 4)
 *   struct user_fpsimd_state fp_regs  336 (16-aligned): __uint128_t vregs[32] @ 336 + 16n,
 *                                     __u32 fpsr @ 848, __u32 fpcr @ 852
 *   The blessed sizes: every regs.* / sp_el1 / elr_el1 / spsr[] entry is KVM_REG_SIZE_U64,
 *   fp_regs.vregs[] U128, fp_regs.fpsr and fp_regs.fpcr U32.
 *
 * How to read GET_REG_LIST:
 *   - One entry per array element of G, in file order: base_regs, pmu_regs, vregs, sve_regs,
 *     pauth_addr_regs, pauth_generic_regs, el2_regs. `list` is the array (G's sublist names are
 *     "base", "pmu", "vregs", "sve", "pauth_address", "pauth_generic", "EL2"; "pauth_addr" and
 *     "el2" here). el2_e2h0_regs ("EL2 E2H0") is empty in G and has no entries.
 *   - `expr` is the element as written in G (whitespace as in G; SYS_REG() is G's own macro).
 *   - `name`: from the trailing C comment (kept verbatim in `comment`), from SYS_REG(NAME) /
 *     KVM_ARM64_SYS_REG(SYS_NAME), or, for core registers, the architectural register the
 *     kvm_regs member holds (regs.sp is SP_EL0, spsr[1..4] are SPSR_abt/und/irq/fiq).
 *     nameFrom: "sysreg" marks an uncommented ARM64_SYS_REG() that was named from S or T (DBG*,
 *     PMEVCNTR/PMEVTYPER via S's macros; ID_AA64FPFR0/DFR2/ISAR3_EL1 via T). nameFrom: "uapi"
 *     marks the two virtual-timer entries named from U's "EL0 Virtual Timer Registers" block.
 *     null: G gives no name (other uncommented ID-space encodings, FW and SVE registers).
 *   - TIMER TRAP: U (and G) warn that KVM_REG_ARM_TIMER_CVAL and KVM_REG_ARM_TIMER_CNT "are not
 *     defined with the appropriate register encodings. Their values have been accidentally
 *     swapped. As this is set API, the definitions here must be used". So the CNTV_CVAL_EL0
 *     entry's id carries the encoding (3, 3, 14, 0, 2), which is architecturally CNTVCT_EL0's, and
 *     the CNTVCT_EL0 entry's id carries (3, 3, 14, 3, 2), CNTV_CVAL_EL0's. An id generated from
 *     the architectural encoding of either register lands on the other one.
 *   - Being listed does not mean always present: G's check_supported_reg() skips the entries in
 *     GET_REG_LIST_FEATURE_GATED when the guest's ID register field is below the minimum; sublists
 *     other than base need their capability/feature (GET_REG_LIST_SUBLISTS).
 *   - sve_rejects_set: KVM_REG_ARM64_SVE_VLS is expected to fail KVM_SET_ONE_REG (EPERM) after
 *     KVM_ARM_VCPU_FINALIZE.
 */

export const GET_REG_LIST_SOURCE = {
  repo: "torvalds/linux",
  path: "tools/testing/selftests/kvm/arm64/get-reg-list.c",
  commit: "1f4a10ff9090068cfd78f6c76e0f2871e5953461",
} as const;

/** The kernel version G's comment says the blessed list is up to date with. */
export const GET_REG_LIST_CLAIMED_VERSION = "v6.4" as const;

export const GET_REG_LIST_SYSREG_SOURCES = {
  S: { repo: "Kingxukai/linux", path: "arch/arm64/include/asm/sysreg.h", commit: "9b44fff655e2c6f4cc53cb499dd2c038e99cb013" },
  T: { repo: "kernelorg-mirror/linux_kernel_git_maz_arm-platforms", path: "arch/arm64/tools/sysreg", commit: "042f37472022d3f3b1a86a2dec09a77bb3b44668" },
  U: { repo: "torvalds/linux", path: "arch/arm64/include/uapi/asm/kvm.h", commit: "00e6dae00e3dcb4dd54e1d62e295fd997a0cec28" },
} as const;

export type BlessedList = "base" | "vregs" | "pmu" | "sve" | "pauth_addr" | "pauth_generic" | "el2";

export interface BlessedReg {
  readonly id: bigint;
  readonly name: string | null;
  readonly expr: string;
  readonly list: BlessedList;
  /** Set when `name` is not written in G: "sysreg" = from S/T, "uapi" = from U's timer block. */
  readonly nameFrom?: "sysreg" | "uapi";
  /** G's trailing comment, verbatim. */
  readonly comment?: string;
}

/**
 * Encodings of the SYS_<NAME> registers G names through SYS_REG(NAME) (el2_regs) and
 * KVM_ARM64_SYS_REG(SYS_NAME) (base_regs); `from` is the source above that defines it.
 */
export const GET_REG_LIST_SYSREG_ENCODINGS = {
  CNTV_CTL_EL0: { op0: 3, op1: 3, crn: 14, crm: 3, op2: 1, from: "S" },
  SCTLR2_EL1: { op0: 3, op1: 0, crn: 1, crm: 0, op2: 3, from: "T" },
  VPIDR_EL2: { op0: 3, op1: 4, crn: 0, crm: 0, op2: 0, from: "S" },
  VMPIDR_EL2: { op0: 3, op1: 4, crn: 0, crm: 0, op2: 5, from: "S" },
  SCTLR_EL2: { op0: 3, op1: 4, crn: 1, crm: 0, op2: 0, from: "S+T" },
  ACTLR_EL2: { op0: 3, op1: 4, crn: 1, crm: 0, op2: 1, from: "S" },
  SCTLR2_EL2: { op0: 3, op1: 4, crn: 1, crm: 0, op2: 3, from: "S" },
  HCR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 0, from: "S+T" },
  MDCR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 1, from: "S+T" },
  CPTR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 2, from: "S" },
  HSTR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 3, from: "S" },
  HFGRTR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 4, from: "T" },
  HFGWTR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 5, from: "T" },
  HFGITR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 6, from: "T" },
  HACR_EL2: { op0: 3, op1: 4, crn: 1, crm: 1, op2: 7, from: "S" },
  ZCR_EL2: { op0: 3, op1: 4, crn: 1, crm: 2, op2: 0, from: "T" },
  HCRX_EL2: { op0: 3, op1: 4, crn: 1, crm: 2, op2: 2, from: "T" },
  TTBR0_EL2: { op0: 3, op1: 4, crn: 2, crm: 0, op2: 0, from: "S" },
  TTBR1_EL2: { op0: 3, op1: 4, crn: 2, crm: 0, op2: 1, from: "S" },
  TCR_EL2: { op0: 3, op1: 4, crn: 2, crm: 0, op2: 2, from: "S" },
  TCR2_EL2: { op0: 3, op1: 4, crn: 2, crm: 0, op2: 3, from: "T" },
  VTTBR_EL2: { op0: 3, op1: 4, crn: 2, crm: 1, op2: 0, from: "S" },
  VTCR_EL2: { op0: 3, op1: 4, crn: 2, crm: 1, op2: 2, from: "S+T" },
  VNCR_EL2: { op0: 3, op1: 4, crn: 2, crm: 2, op2: 0, from: "T" },
  HDFGRTR2_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 0, from: "T" },
  HDFGWTR2_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 1, from: "T" },
  HFGRTR2_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 2, from: "T" },
  HFGWTR2_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 3, from: "T" },
  HDFGRTR_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 4, from: "T" },
  HDFGWTR_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 5, from: "T" },
  HAFGRTR_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 6, from: "S+T" },
  HFGITR2_EL2: { op0: 3, op1: 4, crn: 3, crm: 1, op2: 7, from: "T" },
  SPSR_EL2: { op0: 3, op1: 4, crn: 4, crm: 0, op2: 0, from: "S" },
  ELR_EL2: { op0: 3, op1: 4, crn: 4, crm: 0, op2: 1, from: "S" },
  AFSR0_EL2: { op0: 3, op1: 4, crn: 5, crm: 1, op2: 0, from: "S" },
  AFSR1_EL2: { op0: 3, op1: 4, crn: 5, crm: 1, op2: 1, from: "S" },
  ESR_EL2: { op0: 3, op1: 4, crn: 5, crm: 2, op2: 0, from: "S" },
  FAR_EL2: { op0: 3, op1: 4, crn: 6, crm: 0, op2: 0, from: "S+T" },
  HPFAR_EL2: { op0: 3, op1: 4, crn: 6, crm: 0, op2: 4, from: "S+T" },
  MAIR_EL2: { op0: 3, op1: 4, crn: 10, crm: 2, op2: 0, from: "S" },
  PIRE0_EL2: { op0: 3, op1: 4, crn: 10, crm: 2, op2: 2, from: "T" },
  PIR_EL2: { op0: 3, op1: 4, crn: 10, crm: 2, op2: 3, from: "T" },
  POR_EL2: { op0: 3, op1: 4, crn: 10, crm: 2, op2: 4, from: "T" },
  AMAIR_EL2: { op0: 3, op1: 4, crn: 10, crm: 3, op2: 0, from: "S" },
  VBAR_EL2: { op0: 3, op1: 4, crn: 12, crm: 0, op2: 0, from: "S" },
  CONTEXTIDR_EL2: { op0: 3, op1: 4, crn: 13, crm: 0, op2: 1, from: "S+T" },
  TPIDR_EL2: { op0: 3, op1: 4, crn: 13, crm: 0, op2: 2, from: "S" },
  CNTVOFF_EL2: { op0: 3, op1: 4, crn: 14, crm: 0, op2: 3, from: "S" },
  CNTHCTL_EL2: { op0: 3, op1: 4, crn: 14, crm: 1, op2: 0, from: "S" },
  CNTHP_CTL_EL2: { op0: 3, op1: 4, crn: 14, crm: 2, op2: 1, from: "S" },
  CNTHP_CVAL_EL2: { op0: 3, op1: 4, crn: 14, crm: 2, op2: 2, from: "S" },
  CNTHV_CTL_EL2: { op0: 3, op1: 4, crn: 14, crm: 3, op2: 1, from: "S" },
  CNTHV_CVAL_EL2: { op0: 3, op1: 4, crn: 14, crm: 3, op2: 2, from: "S" },
  SP_EL2: { op0: 3, op1: 6, crn: 4, crm: 1, op2: 0, from: "S" },
  VDISR_EL2: { op0: 3, op1: 4, crn: 12, crm: 1, op2: 1, from: "S" },
  VSESR_EL2: { op0: 3, op1: 4, crn: 5, crm: 2, op2: 3, from: "S" },
  NVHCR_EL2: { op0: 3, op1: 4, crn: 1, crm: 5, op2: 0, from: "T" },
} as const satisfies Record<string, { op0: number; op1: number; crn: number; crm: number; op2: number; from: "S" | "T" | "S+T" }>;

/** G's sublists: capability and vCPU feature they need (G's own names for them). */
export const GET_REG_LIST_SUBLISTS = [
  { list: "base", cName: "base", capability: null, feature: null },
  { list: "vregs", cName: "vregs", capability: null, feature: null },
  { list: "pmu", cName: "pmu", capability: "KVM_CAP_ARM_PMU_V3", feature: "KVM_ARM_VCPU_PMU_V3" },
  { list: "sve", cName: "sve", capability: "KVM_CAP_ARM_SVE", feature: "KVM_ARM_VCPU_SVE", finalize: true },
  { list: "pauth_addr", cName: "pauth_address", capability: "KVM_CAP_ARM_PTRAUTH_ADDRESS", feature: "KVM_ARM_VCPU_PTRAUTH_ADDRESS" },
  { list: "pauth_generic", cName: "pauth_generic", capability: "KVM_CAP_ARM_PTRAUTH_GENERIC", feature: "KVM_ARM_VCPU_PTRAUTH_GENERIC" },
  { list: "el2", cName: "EL2", capability: "KVM_CAP_ARM_EL2", feature: "KVM_ARM_VCPU_HAS_EL2" },
] as const;

/**
 * G's feat_id_regs[], in order (ZCR_EL2 appears twice there, as here): the register is only
 * expected when ((idReg >> <field>_SHIFT) & 0xf) >= <field>_<min>.
 */
export const GET_REG_LIST_FEATURE_GATED = [
  { reg: "TCR2_EL1", idReg: "ID_AA64MMFR3_EL1", field: "TCRX", min: "IMP" },
  { reg: "TCR2_EL2", idReg: "ID_AA64MMFR3_EL1", field: "TCRX", min: "IMP" },
  { reg: "PIRE0_EL1", idReg: "ID_AA64MMFR3_EL1", field: "S1PIE", min: "IMP" },
  { reg: "PIRE0_EL2", idReg: "ID_AA64MMFR3_EL1", field: "S1PIE", min: "IMP" },
  { reg: "PIR_EL1", idReg: "ID_AA64MMFR3_EL1", field: "S1PIE", min: "IMP" },
  { reg: "PIR_EL2", idReg: "ID_AA64MMFR3_EL1", field: "S1PIE", min: "IMP" },
  { reg: "POR_EL1", idReg: "ID_AA64MMFR3_EL1", field: "S1POE", min: "IMP" },
  { reg: "POR_EL0", idReg: "ID_AA64MMFR3_EL1", field: "S1POE", min: "IMP" },
  { reg: "POR_EL2", idReg: "ID_AA64MMFR3_EL1", field: "S1POE", min: "IMP" },
  { reg: "HCRX_EL2", idReg: "ID_AA64MMFR1_EL1", field: "HCX", min: "IMP" },
  { reg: "HFGRTR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HFGWTR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HFGITR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HDFGRTR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HDFGWTR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HAFGRTR_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "IMP" },
  { reg: "HFGRTR2_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "FGT2" },
  { reg: "HFGWTR2_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "FGT2" },
  { reg: "HFGITR2_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "FGT2" },
  { reg: "HDFGRTR2_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "FGT2" },
  { reg: "HDFGWTR2_EL2", idReg: "ID_AA64MMFR0_EL1", field: "FGT", min: "FGT2" },
  { reg: "ZCR_EL2", idReg: "ID_AA64PFR0_EL1", field: "SVE", min: "IMP" },
  { reg: "SCTLR2_EL1", idReg: "ID_AA64MMFR3_EL1", field: "SCTLRX", min: "IMP" },
  { reg: "SCTLR2_EL2", idReg: "ID_AA64MMFR3_EL1", field: "SCTLRX", min: "IMP" },
  { reg: "VDISR_EL2", idReg: "ID_AA64PFR0_EL1", field: "RAS", min: "IMP" },
  { reg: "VSESR_EL2", idReg: "ID_AA64PFR0_EL1", field: "RAS", min: "IMP" },
  { reg: "VNCR_EL2", idReg: "ID_AA64MMFR4_EL1", field: "NV_frac", min: "NV2_ONLY" },
  { reg: "NVHCR_EL2", idReg: "ID_AA64MMFR4_EL1", field: "NV_frac", min: "NV3" },
  { reg: "CNTHV_CTL_EL2", idReg: "ID_AA64MMFR1_EL1", field: "VH", min: "IMP" },
  { reg: "CNTHV_CVAL_EL2", idReg: "ID_AA64MMFR1_EL1", field: "VH", min: "IMP" },
  { reg: "ZCR_EL2", idReg: "ID_AA64PFR0_EL1", field: "SVE", min: "IMP" },
] as const;

/** G's sve_rejects_set[]: KVM_REG_ARM64_SVE_VLS. */
export const GET_REG_LIST_SVE_REJECTS_SET: readonly bigint[] = [0x606000000015ffffn];

export const GET_REG_LIST: readonly BlessedReg[] = [
  { id: 0x6030000000100000n, name: "X0", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[0])", list: "base" },
  { id: 0x6030000000100002n, name: "X1", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[1])", list: "base" },
  { id: 0x6030000000100004n, name: "X2", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[2])", list: "base" },
  { id: 0x6030000000100006n, name: "X3", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[3])", list: "base" },
  { id: 0x6030000000100008n, name: "X4", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[4])", list: "base" },
  { id: 0x603000000010000an, name: "X5", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[5])", list: "base" },
  { id: 0x603000000010000cn, name: "X6", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[6])", list: "base" },
  { id: 0x603000000010000en, name: "X7", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[7])", list: "base" },
  { id: 0x6030000000100010n, name: "X8", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[8])", list: "base" },
  { id: 0x6030000000100012n, name: "X9", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[9])", list: "base" },
  { id: 0x6030000000100014n, name: "X10", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[10])", list: "base" },
  { id: 0x6030000000100016n, name: "X11", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[11])", list: "base" },
  { id: 0x6030000000100018n, name: "X12", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[12])", list: "base" },
  { id: 0x603000000010001an, name: "X13", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[13])", list: "base" },
  { id: 0x603000000010001cn, name: "X14", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[14])", list: "base" },
  { id: 0x603000000010001en, name: "X15", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[15])", list: "base" },
  { id: 0x6030000000100020n, name: "X16", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[16])", list: "base" },
  { id: 0x6030000000100022n, name: "X17", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[17])", list: "base" },
  { id: 0x6030000000100024n, name: "X18", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[18])", list: "base" },
  { id: 0x6030000000100026n, name: "X19", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[19])", list: "base" },
  { id: 0x6030000000100028n, name: "X20", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[20])", list: "base" },
  { id: 0x603000000010002an, name: "X21", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[21])", list: "base" },
  { id: 0x603000000010002cn, name: "X22", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[22])", list: "base" },
  { id: 0x603000000010002en, name: "X23", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[23])", list: "base" },
  { id: 0x6030000000100030n, name: "X24", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[24])", list: "base" },
  { id: 0x6030000000100032n, name: "X25", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[25])", list: "base" },
  { id: 0x6030000000100034n, name: "X26", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[26])", list: "base" },
  { id: 0x6030000000100036n, name: "X27", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[27])", list: "base" },
  { id: 0x6030000000100038n, name: "X28", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[28])", list: "base" },
  { id: 0x603000000010003an, name: "X29", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[29])", list: "base" },
  { id: 0x603000000010003cn, name: "X30", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.regs[30])", list: "base" },
  { id: 0x603000000010003en, name: "SP_EL0", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.sp)", list: "base" },
  { id: 0x6030000000100040n, name: "PC", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.pc)", list: "base" },
  { id: 0x6030000000100042n, name: "PSTATE", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(regs.pstate)", list: "base" },
  { id: 0x6030000000100044n, name: "SP_EL1", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(sp_el1)", list: "base" },
  { id: 0x6030000000100046n, name: "ELR_EL1", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(elr_el1)", list: "base" },
  { id: 0x6030000000100048n, name: "SPSR_EL1", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(spsr[0])", list: "base" },
  { id: 0x603000000010004an, name: "SPSR_abt", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(spsr[1])", list: "base" },
  { id: 0x603000000010004cn, name: "SPSR_und", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(spsr[2])", list: "base" },
  { id: 0x603000000010004en, name: "SPSR_irq", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(spsr[3])", list: "base" },
  { id: 0x6030000000100050n, name: "SPSR_fiq", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(spsr[4])", list: "base" },
  { id: 0x60200000001000d4n, name: "FPSR", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U32 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.fpsr)", list: "base" },
  { id: 0x60200000001000d5n, name: "FPCR", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U32 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.fpcr)", list: "base" },
  { id: 0x6030000000140000n, name: null, expr: "KVM_REG_ARM_FW_REG(0)", list: "base", comment: "KVM_REG_ARM_PSCI_VERSION" },
  { id: 0x6030000000140001n, name: null, expr: "KVM_REG_ARM_FW_REG(1)", list: "base", comment: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1" },
  { id: 0x6030000000140002n, name: null, expr: "KVM_REG_ARM_FW_REG(2)", list: "base", comment: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2" },
  { id: 0x6030000000140003n, name: null, expr: "KVM_REG_ARM_FW_REG(3)", list: "base", comment: "KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3" },
  { id: 0x6030000000160000n, name: null, expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(0)", list: "base", comment: "KVM_REG_ARM_STD_BMAP" },
  { id: 0x6030000000160001n, name: null, expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(1)", list: "base", comment: "KVM_REG_ARM_STD_HYP_BMAP" },
  { id: 0x6030000000160002n, name: null, expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(2)", list: "base", comment: "KVM_REG_ARM_VENDOR_HYP_BMAP" },
  { id: 0x6030000000160003n, name: null, expr: "KVM_REG_ARM_FW_FEAT_BMAP_REG(3)", list: "base", comment: "KVM_REG_ARM_VENDOR_HYP_BMAP_2" },
  { id: 0x603000000013df19n, name: "CNTV_CTL_EL0", expr: "KVM_ARM64_SYS_REG(SYS_CNTV_CTL_EL0)", list: "base" },
  { id: 0x603000000013df02n, name: "CNTV_CVAL_EL0", expr: "KVM_REG_ARM_TIMER_CVAL", list: "base", nameFrom: "uapi" },
  { id: 0x603000000013df1an, name: "CNTVCT_EL0", expr: "KVM_REG_ARM_TIMER_CNT", list: "base", nameFrom: "uapi" },
  { id: 0x603000000013c000n, name: "MIDR_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 0, 0)", list: "base", comment: "MIDR_EL1" },
  { id: 0x603000000013c006n, name: "REVIDR_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 0, 6)", list: "base", comment: "REVIDR_EL1" },
  { id: 0x603000000013c801n, name: "CLIDR_EL1", expr: "ARM64_SYS_REG(3, 1, 0, 0, 1)", list: "base", comment: "CLIDR_EL1" },
  { id: 0x603000000013c807n, name: "AIDR_EL1", expr: "ARM64_SYS_REG(3, 1, 0, 0, 7)", list: "base", comment: "AIDR_EL1" },
  { id: 0x603000000013d801n, name: "CTR_EL0", expr: "ARM64_SYS_REG(3, 3, 0, 0, 1)", list: "base", comment: "CTR_EL0" },
  { id: 0x6030000000138004n, name: "DBGBVR0_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 0, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138005n, name: "DBGBCR0_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 0, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138006n, name: "DBGWVR0_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 0, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138007n, name: "DBGWCR0_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 0, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013800cn, name: "DBGBVR1_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 1, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013800dn, name: "DBGBCR1_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 1, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013800en, name: "DBGWVR1_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 1, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013800fn, name: "DBGWCR1_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 1, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138010n, name: "MDCCINT_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 0)", list: "base", comment: "MDCCINT_EL1" },
  { id: 0x6030000000138012n, name: "MDSCR_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 2)", list: "base", comment: "MDSCR_EL1" },
  { id: 0x6030000000138014n, name: "DBGBVR2_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138015n, name: "DBGBCR2_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138016n, name: "DBGWVR2_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138017n, name: "DBGWCR2_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 2, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013801cn, name: "DBGBVR3_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 3, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013801dn, name: "DBGBCR3_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 3, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013801en, name: "DBGWVR3_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 3, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013801fn, name: "DBGWCR3_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 3, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138024n, name: "DBGBVR4_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 4, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138025n, name: "DBGBCR4_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 4, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138026n, name: "DBGWVR4_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 4, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138027n, name: "DBGWCR4_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 4, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013802cn, name: "DBGBVR5_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 5, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013802dn, name: "DBGBCR5_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 5, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013802en, name: "DBGWVR5_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 5, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013802fn, name: "DBGWCR5_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 5, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138034n, name: "DBGBVR6_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 6, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138035n, name: "DBGBCR6_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 6, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138036n, name: "DBGWVR6_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 6, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138037n, name: "DBGWCR6_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 6, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013803cn, name: "DBGBVR7_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 7, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013803dn, name: "DBGBCR7_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 7, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013803en, name: "DBGWVR7_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 7, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013803fn, name: "DBGWCR7_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 7, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138044n, name: "DBGBVR8_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 8, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138045n, name: "DBGBCR8_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 8, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138046n, name: "DBGWVR8_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 8, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138047n, name: "DBGWCR8_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 8, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013804cn, name: "DBGBVR9_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 9, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013804dn, name: "DBGBCR9_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 9, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013804en, name: "DBGWVR9_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 9, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013804fn, name: "DBGWCR9_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 9, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138054n, name: "DBGBVR10_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 10, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138055n, name: "DBGBCR10_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 10, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138056n, name: "DBGWVR10_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 10, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138057n, name: "DBGWCR10_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 10, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013805cn, name: "DBGBVR11_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 11, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013805dn, name: "DBGBCR11_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 11, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013805en, name: "DBGWVR11_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 11, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013805fn, name: "DBGWCR11_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 11, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138064n, name: "DBGBVR12_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 12, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138065n, name: "DBGBCR12_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 12, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138066n, name: "DBGWVR12_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 12, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138067n, name: "DBGWCR12_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 12, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013806cn, name: "DBGBVR13_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 13, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013806dn, name: "DBGBCR13_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 13, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013806en, name: "DBGWVR13_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 13, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013806fn, name: "DBGWCR13_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 13, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138074n, name: "DBGBVR14_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 14, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138075n, name: "DBGBCR14_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 14, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138076n, name: "DBGWVR14_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 14, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x6030000000138077n, name: "DBGWCR14_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 14, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013807cn, name: "DBGBVR15_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 15, 4)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013807dn, name: "DBGBCR15_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 15, 5)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013807en, name: "DBGWVR15_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 15, 6)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013807fn, name: "DBGWCR15_EL1", expr: "ARM64_SYS_REG(2, 0, 0, 15, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013808cn, name: "OSLSR_EL1", expr: "ARM64_SYS_REG(2, 0, 1, 1, 4)", list: "base", comment: "OSLSR_EL1" },
  { id: 0x603000000013a038n, name: "DBGVCR32_EL2", expr: "ARM64_SYS_REG(2, 4, 0, 7, 0)", list: "base", comment: "DBGVCR32_EL2" },
  { id: 0x603000000013c005n, name: "MPIDR_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 0, 5)", list: "base", comment: "MPIDR_EL1" },
  { id: 0x603000000013c008n, name: "ID_PFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 0)", list: "base", comment: "ID_PFR0_EL1" },
  { id: 0x603000000013c009n, name: "ID_PFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 1)", list: "base", comment: "ID_PFR1_EL1" },
  { id: 0x603000000013c00an, name: "ID_DFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 2)", list: "base", comment: "ID_DFR0_EL1" },
  { id: 0x603000000013c00bn, name: "ID_AFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 3)", list: "base", comment: "ID_AFR0_EL1" },
  { id: 0x603000000013c00cn, name: "ID_MMFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 4)", list: "base", comment: "ID_MMFR0_EL1" },
  { id: 0x603000000013c00dn, name: "ID_MMFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 5)", list: "base", comment: "ID_MMFR1_EL1" },
  { id: 0x603000000013c00en, name: "ID_MMFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 6)", list: "base", comment: "ID_MMFR2_EL1" },
  { id: 0x603000000013c00fn, name: "ID_MMFR3_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 1, 7)", list: "base", comment: "ID_MMFR3_EL1" },
  { id: 0x603000000013c010n, name: "ID_ISAR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 0)", list: "base", comment: "ID_ISAR0_EL1" },
  { id: 0x603000000013c011n, name: "ID_ISAR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 1)", list: "base", comment: "ID_ISAR1_EL1" },
  { id: 0x603000000013c012n, name: "ID_ISAR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 2)", list: "base", comment: "ID_ISAR2_EL1" },
  { id: 0x603000000013c013n, name: "ID_ISAR3_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 3)", list: "base", comment: "ID_ISAR3_EL1" },
  { id: 0x603000000013c014n, name: "ID_ISAR4_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 4)", list: "base", comment: "ID_ISAR4_EL1" },
  { id: 0x603000000013c015n, name: "ID_ISAR5_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 5)", list: "base", comment: "ID_ISAR5_EL1" },
  { id: 0x603000000013c016n, name: "ID_MMFR4_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 6)", list: "base", comment: "ID_MMFR4_EL1" },
  { id: 0x603000000013c017n, name: "ID_ISAR6_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 2, 7)", list: "base", comment: "ID_ISAR6_EL1" },
  { id: 0x603000000013c018n, name: "MVFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 0)", list: "base", comment: "MVFR0_EL1" },
  { id: 0x603000000013c019n, name: "MVFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 1)", list: "base", comment: "MVFR1_EL1" },
  { id: 0x603000000013c01an, name: "MVFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 2)", list: "base", comment: "MVFR2_EL1" },
  { id: 0x603000000013c01bn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 3, 3)", list: "base" },
  { id: 0x603000000013c01cn, name: "ID_PFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 4)", list: "base", comment: "ID_PFR2_EL1" },
  { id: 0x603000000013c01dn, name: "ID_DFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 5)", list: "base", comment: "ID_DFR1_EL1" },
  { id: 0x603000000013c01en, name: "ID_MMFR5_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 3, 6)", list: "base", comment: "ID_MMFR5_EL1" },
  { id: 0x603000000013c01fn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 3, 7)", list: "base" },
  { id: 0x603000000013c020n, name: "ID_AA64PFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 0)", list: "base", comment: "ID_AA64PFR0_EL1" },
  { id: 0x603000000013c021n, name: "ID_AA64PFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 1)", list: "base", comment: "ID_AA64PFR1_EL1" },
  { id: 0x603000000013c022n, name: "ID_AA64PFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 2)", list: "base", comment: "ID_AA64PFR2_EL1" },
  { id: 0x603000000013c023n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 4, 3)", list: "base" },
  { id: 0x603000000013c024n, name: "ID_AA64ZFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 4)", list: "base", comment: "ID_AA64ZFR0_EL1" },
  { id: 0x603000000013c025n, name: "ID_AA64SMFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 5)", list: "base", comment: "ID_AA64SMFR0_EL1" },
  { id: 0x603000000013c026n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 4, 6)", list: "base" },
  { id: 0x603000000013c027n, name: "ID_AA64FPFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 4, 7)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013c028n, name: "ID_AA64DFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 5, 0)", list: "base", comment: "ID_AA64DFR0_EL1" },
  { id: 0x603000000013c029n, name: "ID_AA64DFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 5, 1)", list: "base", comment: "ID_AA64DFR1_EL1" },
  { id: 0x603000000013c02an, name: "ID_AA64DFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 5, 2)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013c02bn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 5, 3)", list: "base" },
  { id: 0x603000000013c02cn, name: "ID_AA64AFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 5, 4)", list: "base", comment: "ID_AA64AFR0_EL1" },
  { id: 0x603000000013c02dn, name: "ID_AA64AFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 5, 5)", list: "base", comment: "ID_AA64AFR1_EL1" },
  { id: 0x603000000013c02en, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 5, 6)", list: "base" },
  { id: 0x603000000013c02fn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 5, 7)", list: "base" },
  { id: 0x603000000013c030n, name: "ID_AA64ISAR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 6, 0)", list: "base", comment: "ID_AA64ISAR0_EL1" },
  { id: 0x603000000013c031n, name: "ID_AA64ISAR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 6, 1)", list: "base", comment: "ID_AA64ISAR1_EL1" },
  { id: 0x603000000013c032n, name: "ID_AA64ISAR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 6, 2)", list: "base", comment: "ID_AA64ISAR2_EL1" },
  { id: 0x603000000013c033n, name: "ID_AA64ISAR3_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 6, 3)", list: "base", nameFrom: "sysreg" },
  { id: 0x603000000013c034n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 6, 4)", list: "base" },
  { id: 0x603000000013c035n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 6, 5)", list: "base" },
  { id: 0x603000000013c036n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 6, 6)", list: "base" },
  { id: 0x603000000013c037n, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 6, 7)", list: "base" },
  { id: 0x603000000013c038n, name: "ID_AA64MMFR0_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 7, 0)", list: "base", comment: "ID_AA64MMFR0_EL1" },
  { id: 0x603000000013c039n, name: "ID_AA64MMFR1_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 7, 1)", list: "base", comment: "ID_AA64MMFR1_EL1" },
  { id: 0x603000000013c03an, name: "ID_AA64MMFR2_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 7, 2)", list: "base", comment: "ID_AA64MMFR2_EL1" },
  { id: 0x603000000013c03bn, name: "ID_AA64MMFR3_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 7, 3)", list: "base", comment: "ID_AA64MMFR3_EL1" },
  { id: 0x603000000013c03cn, name: "ID_AA64MMFR4_EL1", expr: "ARM64_SYS_REG(3, 0, 0, 7, 4)", list: "base", comment: "ID_AA64MMFR4_EL1" },
  { id: 0x603000000013c03dn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 7, 5)", list: "base" },
  { id: 0x603000000013c03en, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 7, 6)", list: "base" },
  { id: 0x603000000013c03fn, name: null, expr: "ARM64_SYS_REG(3, 0, 0, 7, 7)", list: "base" },
  { id: 0x603000000013c080n, name: "SCTLR_EL1", expr: "ARM64_SYS_REG(3, 0, 1, 0, 0)", list: "base", comment: "SCTLR_EL1" },
  { id: 0x603000000013c081n, name: "ACTLR_EL1", expr: "ARM64_SYS_REG(3, 0, 1, 0, 1)", list: "base", comment: "ACTLR_EL1" },
  { id: 0x603000000013c082n, name: "CPACR_EL1", expr: "ARM64_SYS_REG(3, 0, 1, 0, 2)", list: "base", comment: "CPACR_EL1" },
  { id: 0x603000000013c083n, name: "SCTLR2_EL1", expr: "KVM_ARM64_SYS_REG(SYS_SCTLR2_EL1)", list: "base" },
  { id: 0x603000000013c100n, name: "TTBR0_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 0, 0)", list: "base", comment: "TTBR0_EL1" },
  { id: 0x603000000013c101n, name: "TTBR1_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 0, 1)", list: "base", comment: "TTBR1_EL1" },
  { id: 0x603000000013c102n, name: "TCR_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 0, 2)", list: "base", comment: "TCR_EL1" },
  { id: 0x603000000013c103n, name: "TCR2_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 0, 3)", list: "base", comment: "TCR2_EL1" },
  { id: 0x603000000013c288n, name: "AFSR0_EL1", expr: "ARM64_SYS_REG(3, 0, 5, 1, 0)", list: "base", comment: "AFSR0_EL1" },
  { id: 0x603000000013c289n, name: "AFSR1_EL1", expr: "ARM64_SYS_REG(3, 0, 5, 1, 1)", list: "base", comment: "AFSR1_EL1" },
  { id: 0x603000000013c290n, name: "ESR_EL1", expr: "ARM64_SYS_REG(3, 0, 5, 2, 0)", list: "base", comment: "ESR_EL1" },
  { id: 0x603000000013c300n, name: "FAR_EL1", expr: "ARM64_SYS_REG(3, 0, 6, 0, 0)", list: "base", comment: "FAR_EL1" },
  { id: 0x603000000013c3a0n, name: "PAR_EL1", expr: "ARM64_SYS_REG(3, 0, 7, 4, 0)", list: "base", comment: "PAR_EL1" },
  { id: 0x603000000013c510n, name: "MAIR_EL1", expr: "ARM64_SYS_REG(3, 0, 10, 2, 0)", list: "base", comment: "MAIR_EL1" },
  { id: 0x603000000013c512n, name: "PIRE0_EL1", expr: "ARM64_SYS_REG(3, 0, 10, 2, 2)", list: "base", comment: "PIRE0_EL1" },
  { id: 0x603000000013c513n, name: "PIR_EL1", expr: "ARM64_SYS_REG(3, 0, 10, 2, 3)", list: "base", comment: "PIR_EL1" },
  { id: 0x603000000013c514n, name: "POR_EL1", expr: "ARM64_SYS_REG(3, 0, 10, 2, 4)", list: "base", comment: "POR_EL1" },
  { id: 0x603000000013c518n, name: "AMAIR_EL1", expr: "ARM64_SYS_REG(3, 0, 10, 3, 0)", list: "base", comment: "AMAIR_EL1" },
  { id: 0x603000000013c600n, name: "VBAR_EL1", expr: "ARM64_SYS_REG(3, 0, 12, 0, 0)", list: "base", comment: "VBAR_EL1" },
  { id: 0x603000000013c609n, name: "DISR_EL1", expr: "ARM64_SYS_REG(3, 0, 12, 1, 1)", list: "base", comment: "DISR_EL1" },
  { id: 0x603000000013c681n, name: "CONTEXTIDR_EL1", expr: "ARM64_SYS_REG(3, 0, 13, 0, 1)", list: "base", comment: "CONTEXTIDR_EL1" },
  { id: 0x603000000013c684n, name: "TPIDR_EL1", expr: "ARM64_SYS_REG(3, 0, 13, 0, 4)", list: "base", comment: "TPIDR_EL1" },
  { id: 0x603000000013c708n, name: "CNTKCTL_EL1", expr: "ARM64_SYS_REG(3, 0, 14, 1, 0)", list: "base", comment: "CNTKCTL_EL1" },
  { id: 0x603000000013d000n, name: "CSSELR_EL1", expr: "ARM64_SYS_REG(3, 2, 0, 0, 0)", list: "base", comment: "CSSELR_EL1" },
  { id: 0x603000000013dd14n, name: "POR_EL0", expr: "ARM64_SYS_REG(3, 3, 10, 2, 4)", list: "base", comment: "POR_EL0" },
  { id: 0x603000000013de82n, name: "TPIDR_EL0", expr: "ARM64_SYS_REG(3, 3, 13, 0, 2)", list: "base", comment: "TPIDR_EL0" },
  { id: 0x603000000013de83n, name: "TPIDRRO_EL0", expr: "ARM64_SYS_REG(3, 3, 13, 0, 3)", list: "base", comment: "TPIDRRO_EL0" },
  { id: 0x603000000013df01n, name: "CNTPCT_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 0, 1)", list: "base", comment: "CNTPCT_EL0" },
  { id: 0x603000000013df11n, name: "CNTP_CTL_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 2, 1)", list: "base", comment: "CNTP_CTL_EL0" },
  { id: 0x603000000013df12n, name: "CNTP_CVAL_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 2, 2)", list: "base", comment: "CNTP_CVAL_EL0" },
  { id: 0x603000000013e180n, name: "DACR32_EL2", expr: "ARM64_SYS_REG(3, 4, 3, 0, 0)", list: "base", comment: "DACR32_EL2" },
  { id: 0x603000000013e281n, name: "IFSR32_EL2", expr: "ARM64_SYS_REG(3, 4, 5, 0, 1)", list: "base", comment: "IFSR32_EL2" },
  { id: 0x603000000013e298n, name: "FPEXC32_EL2", expr: "ARM64_SYS_REG(3, 4, 5, 3, 0)", list: "base", comment: "FPEXC32_EL2" },
  { id: 0x603000000013c4f1n, name: "PMINTENSET_EL1", expr: "ARM64_SYS_REG(3, 0, 9, 14, 1)", list: "pmu", comment: "PMINTENSET_EL1" },
  { id: 0x603000000013c4f2n, name: "PMINTENCLR_EL1", expr: "ARM64_SYS_REG(3, 0, 9, 14, 2)", list: "pmu", comment: "PMINTENCLR_EL1" },
  { id: 0x603000000013dce0n, name: "PMCR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 0)", list: "pmu", comment: "PMCR_EL0" },
  { id: 0x603000000013dce1n, name: "PMCNTENSET_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 1)", list: "pmu", comment: "PMCNTENSET_EL0" },
  { id: 0x603000000013dce2n, name: "PMCNTENCLR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 2)", list: "pmu", comment: "PMCNTENCLR_EL0" },
  { id: 0x603000000013dce3n, name: "PMOVSCLR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 3)", list: "pmu", comment: "PMOVSCLR_EL0" },
  { id: 0x603000000013dce4n, name: "PMSWINC_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 4)", list: "pmu", comment: "PMSWINC_EL0" },
  { id: 0x603000000013dce5n, name: "PMSELR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 12, 5)", list: "pmu", comment: "PMSELR_EL0" },
  { id: 0x603000000013dce8n, name: "PMCCNTR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 13, 0)", list: "pmu", comment: "PMCCNTR_EL0" },
  { id: 0x603000000013dcf0n, name: "PMUSERENR_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 14, 0)", list: "pmu", comment: "PMUSERENR_EL0" },
  { id: 0x603000000013dcf3n, name: "PMOVSSET_EL0", expr: "ARM64_SYS_REG(3, 3, 9, 14, 3)", list: "pmu", comment: "PMOVSSET_EL0" },
  { id: 0x603000000013df40n, name: "PMEVCNTR0_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df41n, name: "PMEVCNTR1_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df42n, name: "PMEVCNTR2_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df43n, name: "PMEVCNTR3_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df44n, name: "PMEVCNTR4_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df45n, name: "PMEVCNTR5_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df46n, name: "PMEVCNTR6_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df47n, name: "PMEVCNTR7_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 8, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df48n, name: "PMEVCNTR8_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df49n, name: "PMEVCNTR9_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4an, name: "PMEVCNTR10_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4bn, name: "PMEVCNTR11_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4cn, name: "PMEVCNTR12_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4dn, name: "PMEVCNTR13_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4en, name: "PMEVCNTR14_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df4fn, name: "PMEVCNTR15_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 9, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df50n, name: "PMEVCNTR16_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df51n, name: "PMEVCNTR17_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df52n, name: "PMEVCNTR18_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df53n, name: "PMEVCNTR19_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df54n, name: "PMEVCNTR20_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df55n, name: "PMEVCNTR21_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df56n, name: "PMEVCNTR22_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df57n, name: "PMEVCNTR23_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 10, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df58n, name: "PMEVCNTR24_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df59n, name: "PMEVCNTR25_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df5an, name: "PMEVCNTR26_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df5bn, name: "PMEVCNTR27_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df5cn, name: "PMEVCNTR28_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df5dn, name: "PMEVCNTR29_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df5en, name: "PMEVCNTR30_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 11, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df60n, name: "PMEVTYPER0_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df61n, name: "PMEVTYPER1_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df62n, name: "PMEVTYPER2_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df63n, name: "PMEVTYPER3_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df64n, name: "PMEVTYPER4_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df65n, name: "PMEVTYPER5_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df66n, name: "PMEVTYPER6_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df67n, name: "PMEVTYPER7_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 12, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df68n, name: "PMEVTYPER8_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df69n, name: "PMEVTYPER9_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6an, name: "PMEVTYPER10_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6bn, name: "PMEVTYPER11_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6cn, name: "PMEVTYPER12_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6dn, name: "PMEVTYPER13_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6en, name: "PMEVTYPER14_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df6fn, name: "PMEVTYPER15_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 13, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df70n, name: "PMEVTYPER16_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df71n, name: "PMEVTYPER17_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df72n, name: "PMEVTYPER18_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df73n, name: "PMEVTYPER19_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df74n, name: "PMEVTYPER20_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df75n, name: "PMEVTYPER21_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df76n, name: "PMEVTYPER22_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df77n, name: "PMEVTYPER23_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 14, 7)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df78n, name: "PMEVTYPER24_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 0)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df79n, name: "PMEVTYPER25_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 1)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7an, name: "PMEVTYPER26_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 2)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7bn, name: "PMEVTYPER27_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 3)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7cn, name: "PMEVTYPER28_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 4)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7dn, name: "PMEVTYPER29_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 5)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7en, name: "PMEVTYPER30_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 6)", list: "pmu", nameFrom: "sysreg" },
  { id: 0x603000000013df7fn, name: "PMCCFILTR_EL0", expr: "ARM64_SYS_REG(3, 3, 14, 15, 7)", list: "pmu", comment: "PMCCFILTR_EL0" },
  { id: 0x6040000000100054n, name: "V0", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[0])", list: "vregs" },
  { id: 0x6040000000100058n, name: "V1", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[1])", list: "vregs" },
  { id: 0x604000000010005cn, name: "V2", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[2])", list: "vregs" },
  { id: 0x6040000000100060n, name: "V3", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[3])", list: "vregs" },
  { id: 0x6040000000100064n, name: "V4", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[4])", list: "vregs" },
  { id: 0x6040000000100068n, name: "V5", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[5])", list: "vregs" },
  { id: 0x604000000010006cn, name: "V6", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[6])", list: "vregs" },
  { id: 0x6040000000100070n, name: "V7", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[7])", list: "vregs" },
  { id: 0x6040000000100074n, name: "V8", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[8])", list: "vregs" },
  { id: 0x6040000000100078n, name: "V9", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[9])", list: "vregs" },
  { id: 0x604000000010007cn, name: "V10", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[10])", list: "vregs" },
  { id: 0x6040000000100080n, name: "V11", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[11])", list: "vregs" },
  { id: 0x6040000000100084n, name: "V12", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[12])", list: "vregs" },
  { id: 0x6040000000100088n, name: "V13", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[13])", list: "vregs" },
  { id: 0x604000000010008cn, name: "V14", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[14])", list: "vregs" },
  { id: 0x6040000000100090n, name: "V15", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[15])", list: "vregs" },
  { id: 0x6040000000100094n, name: "V16", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[16])", list: "vregs" },
  { id: 0x6040000000100098n, name: "V17", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[17])", list: "vregs" },
  { id: 0x604000000010009cn, name: "V18", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[18])", list: "vregs" },
  { id: 0x60400000001000a0n, name: "V19", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[19])", list: "vregs" },
  { id: 0x60400000001000a4n, name: "V20", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[20])", list: "vregs" },
  { id: 0x60400000001000a8n, name: "V21", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[21])", list: "vregs" },
  { id: 0x60400000001000acn, name: "V22", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[22])", list: "vregs" },
  { id: 0x60400000001000b0n, name: "V23", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[23])", list: "vregs" },
  { id: 0x60400000001000b4n, name: "V24", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[24])", list: "vregs" },
  { id: 0x60400000001000b8n, name: "V25", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[25])", list: "vregs" },
  { id: 0x60400000001000bcn, name: "V26", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[26])", list: "vregs" },
  { id: 0x60400000001000c0n, name: "V27", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[27])", list: "vregs" },
  { id: 0x60400000001000c4n, name: "V28", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[28])", list: "vregs" },
  { id: 0x60400000001000c8n, name: "V29", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[29])", list: "vregs" },
  { id: 0x60400000001000ccn, name: "V30", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[30])", list: "vregs" },
  { id: 0x60400000001000d0n, name: "V31", expr: "KVM_REG_ARM64 | KVM_REG_SIZE_U128 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(fp_regs.vregs[31])", list: "vregs" },
  { id: 0x606000000015ffffn, name: null, expr: "KVM_REG_ARM64_SVE_VLS", list: "sve" },
  { id: 0x6080000000150000n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(0, 0)", list: "sve" },
  { id: 0x6080000000150020n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(1, 0)", list: "sve" },
  { id: 0x6080000000150040n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(2, 0)", list: "sve" },
  { id: 0x6080000000150060n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(3, 0)", list: "sve" },
  { id: 0x6080000000150080n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(4, 0)", list: "sve" },
  { id: 0x60800000001500a0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(5, 0)", list: "sve" },
  { id: 0x60800000001500c0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(6, 0)", list: "sve" },
  { id: 0x60800000001500e0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(7, 0)", list: "sve" },
  { id: 0x6080000000150100n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(8, 0)", list: "sve" },
  { id: 0x6080000000150120n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(9, 0)", list: "sve" },
  { id: 0x6080000000150140n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(10, 0)", list: "sve" },
  { id: 0x6080000000150160n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(11, 0)", list: "sve" },
  { id: 0x6080000000150180n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(12, 0)", list: "sve" },
  { id: 0x60800000001501a0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(13, 0)", list: "sve" },
  { id: 0x60800000001501c0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(14, 0)", list: "sve" },
  { id: 0x60800000001501e0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(15, 0)", list: "sve" },
  { id: 0x6080000000150200n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(16, 0)", list: "sve" },
  { id: 0x6080000000150220n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(17, 0)", list: "sve" },
  { id: 0x6080000000150240n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(18, 0)", list: "sve" },
  { id: 0x6080000000150260n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(19, 0)", list: "sve" },
  { id: 0x6080000000150280n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(20, 0)", list: "sve" },
  { id: 0x60800000001502a0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(21, 0)", list: "sve" },
  { id: 0x60800000001502c0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(22, 0)", list: "sve" },
  { id: 0x60800000001502e0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(23, 0)", list: "sve" },
  { id: 0x6080000000150300n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(24, 0)", list: "sve" },
  { id: 0x6080000000150320n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(25, 0)", list: "sve" },
  { id: 0x6080000000150340n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(26, 0)", list: "sve" },
  { id: 0x6080000000150360n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(27, 0)", list: "sve" },
  { id: 0x6080000000150380n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(28, 0)", list: "sve" },
  { id: 0x60800000001503a0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(29, 0)", list: "sve" },
  { id: 0x60800000001503c0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(30, 0)", list: "sve" },
  { id: 0x60800000001503e0n, name: null, expr: "KVM_REG_ARM64_SVE_ZREG(31, 0)", list: "sve" },
  { id: 0x6050000000150400n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(0, 0)", list: "sve" },
  { id: 0x6050000000150420n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(1, 0)", list: "sve" },
  { id: 0x6050000000150440n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(2, 0)", list: "sve" },
  { id: 0x6050000000150460n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(3, 0)", list: "sve" },
  { id: 0x6050000000150480n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(4, 0)", list: "sve" },
  { id: 0x60500000001504a0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(5, 0)", list: "sve" },
  { id: 0x60500000001504c0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(6, 0)", list: "sve" },
  { id: 0x60500000001504e0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(7, 0)", list: "sve" },
  { id: 0x6050000000150500n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(8, 0)", list: "sve" },
  { id: 0x6050000000150520n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(9, 0)", list: "sve" },
  { id: 0x6050000000150540n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(10, 0)", list: "sve" },
  { id: 0x6050000000150560n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(11, 0)", list: "sve" },
  { id: 0x6050000000150580n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(12, 0)", list: "sve" },
  { id: 0x60500000001505a0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(13, 0)", list: "sve" },
  { id: 0x60500000001505c0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(14, 0)", list: "sve" },
  { id: 0x60500000001505e0n, name: null, expr: "KVM_REG_ARM64_SVE_PREG(15, 0)", list: "sve" },
  { id: 0x6050000000150600n, name: null, expr: "KVM_REG_ARM64_SVE_FFR(0)", list: "sve" },
  { id: 0x603000000013c090n, name: "ZCR_EL1", expr: "ARM64_SYS_REG(3, 0, 1, 2, 0)", list: "sve", comment: "ZCR_EL1" },
  { id: 0x603000000013c108n, name: "APIAKEYLO_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 1, 0)", list: "pauth_addr", comment: "APIAKEYLO_EL1" },
  { id: 0x603000000013c109n, name: "APIAKEYHI_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 1, 1)", list: "pauth_addr", comment: "APIAKEYHI_EL1" },
  { id: 0x603000000013c10an, name: "APIBKEYLO_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 1, 2)", list: "pauth_addr", comment: "APIBKEYLO_EL1" },
  { id: 0x603000000013c10bn, name: "APIBKEYHI_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 1, 3)", list: "pauth_addr", comment: "APIBKEYHI_EL1" },
  { id: 0x603000000013c110n, name: "APDAKEYLO_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 2, 0)", list: "pauth_addr", comment: "APDAKEYLO_EL1" },
  { id: 0x603000000013c111n, name: "APDAKEYHI_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 2, 1)", list: "pauth_addr", comment: "APDAKEYHI_EL1" },
  { id: 0x603000000013c112n, name: "APDBKEYLO_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 2, 2)", list: "pauth_addr", comment: "APDBKEYLO_EL1" },
  { id: 0x603000000013c113n, name: "APDBKEYHI_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 2, 3)", list: "pauth_addr", comment: "APDBKEYHI_EL1" },
  { id: 0x603000000013c118n, name: "APGAKEYLO_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 3, 0)", list: "pauth_generic", comment: "APGAKEYLO_EL1" },
  { id: 0x603000000013c119n, name: "APGAKEYHI_EL1", expr: "ARM64_SYS_REG(3, 0, 2, 3, 1)", list: "pauth_generic", comment: "APGAKEYHI_EL1" },
  { id: 0x603000000013e000n, name: "VPIDR_EL2", expr: "SYS_REG(VPIDR_EL2)", list: "el2" },
  { id: 0x603000000013e005n, name: "VMPIDR_EL2", expr: "SYS_REG(VMPIDR_EL2)", list: "el2" },
  { id: 0x603000000013e080n, name: "SCTLR_EL2", expr: "SYS_REG(SCTLR_EL2)", list: "el2" },
  { id: 0x603000000013e081n, name: "ACTLR_EL2", expr: "SYS_REG(ACTLR_EL2)", list: "el2" },
  { id: 0x603000000013e083n, name: "SCTLR2_EL2", expr: "SYS_REG(SCTLR2_EL2)", list: "el2" },
  { id: 0x603000000013e088n, name: "HCR_EL2", expr: "SYS_REG(HCR_EL2)", list: "el2" },
  { id: 0x603000000013e089n, name: "MDCR_EL2", expr: "SYS_REG(MDCR_EL2)", list: "el2" },
  { id: 0x603000000013e08an, name: "CPTR_EL2", expr: "SYS_REG(CPTR_EL2)", list: "el2" },
  { id: 0x603000000013e08bn, name: "HSTR_EL2", expr: "SYS_REG(HSTR_EL2)", list: "el2" },
  { id: 0x603000000013e08cn, name: "HFGRTR_EL2", expr: "SYS_REG(HFGRTR_EL2)", list: "el2" },
  { id: 0x603000000013e08dn, name: "HFGWTR_EL2", expr: "SYS_REG(HFGWTR_EL2)", list: "el2" },
  { id: 0x603000000013e08en, name: "HFGITR_EL2", expr: "SYS_REG(HFGITR_EL2)", list: "el2" },
  { id: 0x603000000013e08fn, name: "HACR_EL2", expr: "SYS_REG(HACR_EL2)", list: "el2" },
  { id: 0x603000000013e090n, name: "ZCR_EL2", expr: "SYS_REG(ZCR_EL2)", list: "el2" },
  { id: 0x603000000013e092n, name: "HCRX_EL2", expr: "SYS_REG(HCRX_EL2)", list: "el2" },
  { id: 0x603000000013e100n, name: "TTBR0_EL2", expr: "SYS_REG(TTBR0_EL2)", list: "el2" },
  { id: 0x603000000013e101n, name: "TTBR1_EL2", expr: "SYS_REG(TTBR1_EL2)", list: "el2" },
  { id: 0x603000000013e102n, name: "TCR_EL2", expr: "SYS_REG(TCR_EL2)", list: "el2" },
  { id: 0x603000000013e103n, name: "TCR2_EL2", expr: "SYS_REG(TCR2_EL2)", list: "el2" },
  { id: 0x603000000013e108n, name: "VTTBR_EL2", expr: "SYS_REG(VTTBR_EL2)", list: "el2" },
  { id: 0x603000000013e10an, name: "VTCR_EL2", expr: "SYS_REG(VTCR_EL2)", list: "el2" },
  { id: 0x603000000013e110n, name: "VNCR_EL2", expr: "SYS_REG(VNCR_EL2)", list: "el2" },
  { id: 0x603000000013e188n, name: "HDFGRTR2_EL2", expr: "SYS_REG(HDFGRTR2_EL2)", list: "el2" },
  { id: 0x603000000013e189n, name: "HDFGWTR2_EL2", expr: "SYS_REG(HDFGWTR2_EL2)", list: "el2" },
  { id: 0x603000000013e18an, name: "HFGRTR2_EL2", expr: "SYS_REG(HFGRTR2_EL2)", list: "el2" },
  { id: 0x603000000013e18bn, name: "HFGWTR2_EL2", expr: "SYS_REG(HFGWTR2_EL2)", list: "el2" },
  { id: 0x603000000013e18cn, name: "HDFGRTR_EL2", expr: "SYS_REG(HDFGRTR_EL2)", list: "el2" },
  { id: 0x603000000013e18dn, name: "HDFGWTR_EL2", expr: "SYS_REG(HDFGWTR_EL2)", list: "el2" },
  { id: 0x603000000013e18en, name: "HAFGRTR_EL2", expr: "SYS_REG(HAFGRTR_EL2)", list: "el2" },
  { id: 0x603000000013e18fn, name: "HFGITR2_EL2", expr: "SYS_REG(HFGITR2_EL2)", list: "el2" },
  { id: 0x603000000013e200n, name: "SPSR_EL2", expr: "SYS_REG(SPSR_EL2)", list: "el2" },
  { id: 0x603000000013e201n, name: "ELR_EL2", expr: "SYS_REG(ELR_EL2)", list: "el2" },
  { id: 0x603000000013e288n, name: "AFSR0_EL2", expr: "SYS_REG(AFSR0_EL2)", list: "el2" },
  { id: 0x603000000013e289n, name: "AFSR1_EL2", expr: "SYS_REG(AFSR1_EL2)", list: "el2" },
  { id: 0x603000000013e290n, name: "ESR_EL2", expr: "SYS_REG(ESR_EL2)", list: "el2" },
  { id: 0x603000000013e300n, name: "FAR_EL2", expr: "SYS_REG(FAR_EL2)", list: "el2" },
  { id: 0x603000000013e304n, name: "HPFAR_EL2", expr: "SYS_REG(HPFAR_EL2)", list: "el2" },
  { id: 0x603000000013e510n, name: "MAIR_EL2", expr: "SYS_REG(MAIR_EL2)", list: "el2" },
  { id: 0x603000000013e512n, name: "PIRE0_EL2", expr: "SYS_REG(PIRE0_EL2)", list: "el2" },
  { id: 0x603000000013e513n, name: "PIR_EL2", expr: "SYS_REG(PIR_EL2)", list: "el2" },
  { id: 0x603000000013e514n, name: "POR_EL2", expr: "SYS_REG(POR_EL2)", list: "el2" },
  { id: 0x603000000013e518n, name: "AMAIR_EL2", expr: "SYS_REG(AMAIR_EL2)", list: "el2" },
  { id: 0x603000000013e600n, name: "VBAR_EL2", expr: "SYS_REG(VBAR_EL2)", list: "el2" },
  { id: 0x603000000013e681n, name: "CONTEXTIDR_EL2", expr: "SYS_REG(CONTEXTIDR_EL2)", list: "el2" },
  { id: 0x603000000013e682n, name: "TPIDR_EL2", expr: "SYS_REG(TPIDR_EL2)", list: "el2" },
  { id: 0x603000000013e703n, name: "CNTVOFF_EL2", expr: "SYS_REG(CNTVOFF_EL2)", list: "el2" },
  { id: 0x603000000013e708n, name: "CNTHCTL_EL2", expr: "SYS_REG(CNTHCTL_EL2)", list: "el2" },
  { id: 0x603000000013e711n, name: "CNTHP_CTL_EL2", expr: "SYS_REG(CNTHP_CTL_EL2)", list: "el2" },
  { id: 0x603000000013e712n, name: "CNTHP_CVAL_EL2", expr: "SYS_REG(CNTHP_CVAL_EL2)", list: "el2" },
  { id: 0x603000000013e719n, name: "CNTHV_CTL_EL2", expr: "SYS_REG(CNTHV_CTL_EL2)", list: "el2" },
  { id: 0x603000000013e71an, name: "CNTHV_CVAL_EL2", expr: "SYS_REG(CNTHV_CVAL_EL2)", list: "el2" },
  { id: 0x603000000013f208n, name: "SP_EL2", expr: "SYS_REG(SP_EL2)", list: "el2" },
  { id: 0x603000000013e609n, name: "VDISR_EL2", expr: "SYS_REG(VDISR_EL2)", list: "el2" },
  { id: 0x603000000013e293n, name: "VSESR_EL2", expr: "SYS_REG(VSESR_EL2)", list: "el2" },
  { id: 0x603000000013e0a8n, name: "NVHCR_EL2", expr: "SYS_REG(NVHCR_EL2)", list: "el2" },
] as const;
