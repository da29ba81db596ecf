/*
 * Reference data: what traps when a guest hypervisor runs at virtual EL2 with
 * HCR_EL2.NV/NV1/NV2 set, as KVM/arm64 (and QEMU, and the Arm ARM's accessor
 * pseudocode) state it. An independent source for test/trap-model.test.ts:
 * the trap model reads the register specs; these tables are transcribed from
 * the files below and never from the specs.
 *
 * How entries were transcribed:
 *   - encoding_to_cgt[]: every SR_TRAP / SR_RANGE_TRAP line of the coarse
 *     trap groups that a nested configuration sets (CGT_HCR_NV, _NV_nNV2,
 *     _NV1_nNV2, _NV1_nNV2_ENSCXT, _TVM_TRVM*, CGT_CPTR_TCPAC, and the
 *     CNTHCTL_EL1NV*CT complex groups of the _EL02 timer aliases), in file
 *     order, with the file's names. The other groups (TID*, TACR, APK, MDCR_*,
 *     CNTHCTL_EL1P*, ICH_*, TIDCP ...) are controls of the guest's own
 *     configuration, not of the nested one: not transcribed. TLBI/AT/DC
 *     operations are not system register moves: not transcribed.
 *   - Linux writes SYS_<NAME> for sys_reg(op0, op1, CRn, CRm, op2); the
 *     encodings written beside the names are the Arm ARM's (checked against
 *     the register specs of the same name by the test, and unchecked for the
 *     registers reglab has no spec for: those only bound ranges).
 *   - Comments quote the source line by line where a decision rests on it.
 */

export type Enc = readonly [op0: number, op1: number, crn: number, crm: number, op2: number];

export const EMULATE_NESTED = {
  repo: "torvalds/linux",
  path: "arch/arm64/kvm/emulate-nested.c",
  commit: "48a710760e10a4f36e11233a21860796ba204b1e",
} as const;

/** An older version of the same file, whose "All _EL2 registers" were three wide ranges. */
export const EMULATE_NESTED_OLD = {
  repo: "torvalds/linux",
  path: "arch/arm64/kvm/emulate-nested.c",
  commit: "039f9f12de5fc761d2b32fa072071533aa8cbb3b",
} as const;

/**
 * coarse_trap_bits[] of the groups transcribed (@48a71076): a group traps
 * (behaviour BEHAVE_FORWARD_RW, or _READ / _WRITE) when
 * (register & mask) == value.
 *
 *   [CGT_HCR_NV]       = { .index = HCR_EL2, .value = HCR_NV, .mask = HCR_NV, .behaviour = BEHAVE_FORWARD_RW },
 *   [CGT_HCR_NV_nNV2]  = { .index = HCR_EL2, .value = HCR_NV, .mask = HCR_NV | HCR_NV2, ... },
 *   [CGT_HCR_NV1_nNV2] = { .index = HCR_EL2, .value = HCR_NV | HCR_NV1, .mask = HCR_NV | HCR_NV1 | HCR_NV2, ... },
 *   [CGT_HCR_TVM]      = { .index = HCR_EL2, .value = HCR_TVM, .mask = HCR_TVM, .behaviour = BEHAVE_FORWARD_WRITE },
 *   [CGT_HCR_TRVM]     = { .index = HCR_EL2, .value = HCR_TRVM, .mask = HCR_TRVM, .behaviour = BEHAVE_FORWARD_READ },
 *   [CGT_CPTR_TCPAC]   = { .index = CPTR_EL2, .value = CPTR_EL2_TCPAC, .mask = CPTR_EL2_TCPAC, ... RW },
 *   MCB(CGT_HCR_TVM_TRVM, CGT_HCR_TVM, CGT_HCR_TRVM),
 *   MCB(CGT_HCR_TVM_TRVM_HCRX_TCR2En, CGT_HCR_TVM, CGT_HCR_TRVM, CGT_HCRX_TCR2En),
 *   MCB(CGT_HCR_TVM_TRVM_HCRX_SCTLR2En, CGT_HCR_TVM, CGT_HCR_TRVM, CGT_HCRX_SCTLR2En),
 *   MCB(CGT_HCR_NV1_nNV2_ENSCXT, CGT_HCR_NV1_nNV2, CGT_HCR_ENSCXT),
 *   check_cnthctl_el1nvpct()/el1nvvct(): forward only for an NV2 guest with E2H, NV2, NV set and CNTHCTL_EL2.EL1NV{P,V}CT.
 */
export type CgtGroup =
  | "CGT_HCR_NV"
  | "CGT_HCR_NV_nNV2"
  | "CGT_HCR_NV1_nNV2"
  | "CGT_HCR_NV1_nNV2_ENSCXT"
  | "CGT_HCR_TVM_TRVM"
  | "CGT_HCR_TVM_TRVM_HCRX_TCR2En"
  | "CGT_HCR_TVM_TRVM_HCRX_SCTLR2En"
  | "CGT_CPTR_TCPAC"
  | "CGT_CNTHCTL_EL1NVPCT"
  | "CGT_CNTHCTL_EL1NVVCT";

export interface CgtEntry {
  /** SYS_<name> of SR_TRAP, or "start..end" of SR_RANGE_TRAP. */
  readonly name: string;
  readonly start: Enc;
  readonly end: Enc;
  readonly group: CgtGroup;
}

const one = (name: string, e: Enc, group: CgtGroup): CgtEntry => ({ name, start: e, end: e, group });
const range = (name: string, start: Enc, end: Enc, group: CgtGroup): CgtEntry => ({ name, start, end, group });

/** encoding_to_cgt[] @48a71076, the nested groups, in file order. */
export const ENCODING_TO_CGT: readonly CgtEntry[] = [
  one("SCTLR_EL1", [3, 0, 1, 0, 0], "CGT_HCR_TVM_TRVM"),
  one("SCTLR2_EL1", [3, 0, 1, 0, 3], "CGT_HCR_TVM_TRVM_HCRX_SCTLR2En"),
  one("TTBR0_EL1", [3, 0, 2, 0, 0], "CGT_HCR_TVM_TRVM"),
  one("TTBR1_EL1", [3, 0, 2, 0, 1], "CGT_HCR_TVM_TRVM"),
  one("TCR_EL1", [3, 0, 2, 0, 2], "CGT_HCR_TVM_TRVM"),
  one("ESR_EL1", [3, 0, 5, 2, 0], "CGT_HCR_TVM_TRVM"),
  one("FAR_EL1", [3, 0, 6, 0, 0], "CGT_HCR_TVM_TRVM"),
  one("AFSR0_EL1", [3, 0, 5, 1, 0], "CGT_HCR_TVM_TRVM"),
  one("AFSR1_EL1", [3, 0, 5, 1, 1], "CGT_HCR_TVM_TRVM"),
  one("MAIR_EL1", [3, 0, 10, 2, 0], "CGT_HCR_TVM_TRVM"),
  one("AMAIR_EL1", [3, 0, 10, 3, 0], "CGT_HCR_TVM_TRVM"),
  one("CONTEXTIDR_EL1", [3, 0, 13, 0, 1], "CGT_HCR_TVM_TRVM"),
  one("PIR_EL1", [3, 0, 10, 2, 3], "CGT_HCR_TVM_TRVM"),
  one("PIRE0_EL1", [3, 0, 10, 2, 2], "CGT_HCR_TVM_TRVM"),
  one("POR_EL0", [3, 3, 10, 2, 4], "CGT_HCR_TVM_TRVM"),
  one("POR_EL1", [3, 0, 10, 2, 4], "CGT_HCR_TVM_TRVM"),
  one("TCR2_EL1", [3, 0, 2, 0, 3], "CGT_HCR_TVM_TRVM_HCRX_TCR2En"),
  // /* All _EL2 registers */
  one("BRBCR_EL2", [2, 4, 9, 0, 0], "CGT_HCR_NV"),
  one("VPIDR_EL2", [3, 4, 0, 0, 0], "CGT_HCR_NV"),
  one("VMPIDR_EL2", [3, 4, 0, 0, 5], "CGT_HCR_NV"),
  one("SCTLR_EL2", [3, 4, 1, 0, 0], "CGT_HCR_NV"),
  one("ACTLR_EL2", [3, 4, 1, 0, 1], "CGT_HCR_NV"),
  one("SCTLR2_EL2", [3, 4, 1, 0, 3], "CGT_HCR_NV"),
  // SR_RANGE_TRAP(SYS_HCR_EL2, SYS_HCRX_EL2, CGT_HCR_NV)
  range("HCR_EL2..HCRX_EL2", [3, 4, 1, 1, 0], [3, 4, 1, 2, 2], "CGT_HCR_NV"),
  one("SMPRIMAP_EL2", [3, 4, 1, 2, 5], "CGT_HCR_NV"),
  one("SMCR_EL2", [3, 4, 1, 2, 6], "CGT_HCR_NV"),
  // SR_RANGE_TRAP(SYS_TTBR0_EL2, SYS_TCR2_EL2, CGT_HCR_NV)
  range("TTBR0_EL2..TCR2_EL2", [3, 4, 2, 0, 0], [3, 4, 2, 0, 3], "CGT_HCR_NV"),
  one("VTTBR_EL2", [3, 4, 2, 1, 0], "CGT_HCR_NV"),
  one("VTCR_EL2", [3, 4, 2, 1, 2], "CGT_HCR_NV"),
  one("VNCR_EL2", [3, 4, 2, 2, 0], "CGT_HCR_NV"),
  // SR_RANGE_TRAP(SYS_HDFGRTR_EL2, SYS_HAFGRTR_EL2, CGT_HCR_NV)
  range("HDFGRTR_EL2..HAFGRTR_EL2", [3, 4, 3, 1, 4], [3, 4, 3, 1, 6], "CGT_HCR_NV"),
  // /* Skip the SP_EL1 encoding... */
  one("SPSR_EL2", [3, 4, 4, 0, 0], "CGT_HCR_NV"),
  one("ELR_EL2", [3, 4, 4, 0, 1], "CGT_HCR_NV"),
  // /* Skip SPSR_irq, SPSR_abt, SPSR_und, SPSR_fiq */
  one("AFSR0_EL2", [3, 4, 5, 1, 0], "CGT_HCR_NV"),
  one("AFSR1_EL2", [3, 4, 5, 1, 1], "CGT_HCR_NV"),
  one("ESR_EL2", [3, 4, 5, 2, 0], "CGT_HCR_NV"),
  one("VSESR_EL2", [3, 4, 5, 2, 3], "CGT_HCR_NV"),
  one("TFSR_EL2", [3, 4, 5, 6, 0], "CGT_HCR_NV"),
  one("FAR_EL2", [3, 4, 6, 0, 0], "CGT_HCR_NV"),
  one("HPFAR_EL2", [3, 4, 6, 0, 4], "CGT_HCR_NV"),
  one("PMSCR_EL2", [3, 4, 9, 9, 0], "CGT_HCR_NV"),
  one("MAIR_EL2", [3, 4, 10, 2, 0], "CGT_HCR_NV"),
  one("AMAIR_EL2", [3, 4, 10, 3, 0], "CGT_HCR_NV"),
  one("MPAMHCR_EL2", [3, 4, 10, 4, 0], "CGT_HCR_NV"),
  one("MPAMVPMV_EL2", [3, 4, 10, 4, 1], "CGT_HCR_NV"),
  one("MPAM2_EL2", [3, 4, 10, 5, 0], "CGT_HCR_NV"),
  range("MPAMVPM0_EL2..MPAMVPM7_EL2", [3, 4, 10, 6, 0], [3, 4, 10, 6, 7], "CGT_HCR_NV"),
  // /* Note that the spec. describes a group of MEC registers whose access should not trap ... */
  range("VBAR_EL2..RMR_EL2", [3, 4, 12, 0, 0], [3, 4, 12, 0, 2], "CGT_HCR_NV"),
  one("VDISR_EL2", [3, 4, 12, 1, 1], "CGT_HCR_NV"),
  range("ICH_AP0R0_EL2..ICH_AP0R3_EL2", [3, 4, 12, 8, 0], [3, 4, 12, 8, 3], "CGT_HCR_NV"),
  range("ICH_AP1R0_EL2..ICH_AP1R3_EL2", [3, 4, 12, 9, 0], [3, 4, 12, 9, 3], "CGT_HCR_NV"),
  one("ICC_SRE_EL2", [3, 4, 12, 9, 5], "CGT_HCR_NV"),
  range("ICH_HCR_EL2..ICH_EISR_EL2", [3, 4, 12, 11, 0], [3, 4, 12, 11, 3], "CGT_HCR_NV"),
  one("ICH_ELRSR_EL2", [3, 4, 12, 11, 5], "CGT_HCR_NV"),
  one("ICH_VMCR_EL2", [3, 4, 12, 11, 7], "CGT_HCR_NV"),
  range("ICH_LR0_EL2..ICH_LR15_EL2", [3, 4, 12, 12, 0], [3, 4, 12, 13, 7], "CGT_HCR_NV"),
  one("CONTEXTIDR_EL2", [3, 4, 13, 0, 1], "CGT_HCR_NV"),
  one("TPIDR_EL2", [3, 4, 13, 0, 2], "CGT_HCR_NV"),
  one("SCXTNUM_EL2", [3, 4, 13, 0, 7], "CGT_HCR_NV"),
  range("AMEVCNTVOFF0n_EL2(0)..AMEVCNTVOFF1n_EL2(15)", [3, 4, 13, 8, 0], [3, 4, 13, 11, 7], "CGT_HCR_NV"),
  // /* CNT*_EL2 */
  one("CNTVOFF_EL2", [3, 4, 14, 0, 3], "CGT_HCR_NV"),
  one("CNTPOFF_EL2", [3, 4, 14, 0, 6], "CGT_HCR_NV"),
  one("CNTHCTL_EL2", [3, 4, 14, 1, 0], "CGT_HCR_NV"),
  range("CNTHP_TVAL_EL2..CNTHP_CVAL_EL2", [3, 4, 14, 2, 0], [3, 4, 14, 2, 2], "CGT_HCR_NV"),
  range("CNTHV_TVAL_EL2..CNTHV_CVAL_EL2", [3, 4, 14, 3, 0], [3, 4, 14, 3, 2], "CGT_HCR_NV"),
  // /* All _EL02, _EL12 registers up to CNTKCTL_EL12*/
  range("sys_reg(3, 5, 0, 0, 0)..sys_reg(3, 5, 10, 15, 7)", [3, 5, 0, 0, 0], [3, 5, 10, 15, 7], "CGT_HCR_NV"),
  range("sys_reg(3, 5, 12, 0, 0)..sys_reg(3, 5, 14, 1, 0)", [3, 5, 12, 0, 0], [3, 5, 14, 1, 0], "CGT_HCR_NV"),
  one("CNTP_CTL_EL02", [3, 5, 14, 2, 1], "CGT_CNTHCTL_EL1NVPCT"),
  one("CNTP_CVAL_EL02", [3, 5, 14, 2, 2], "CGT_CNTHCTL_EL1NVPCT"),
  one("CNTV_CTL_EL02", [3, 5, 14, 3, 1], "CGT_CNTHCTL_EL1NVVCT"),
  one("CNTV_CVAL_EL02", [3, 5, 14, 3, 2], "CGT_CNTHCTL_EL1NVVCT"),
  // (AT, TLBI and CPP/DVP/CFP RCTX operations: CGT_HCR_NV, not transcribed)
  one("SP_EL1", [3, 4, 4, 1, 0], "CGT_HCR_NV_nNV2"),
  one("VBAR_EL1", [3, 0, 12, 0, 0], "CGT_HCR_NV1_nNV2"),
  one("ELR_EL1", [3, 0, 4, 0, 1], "CGT_HCR_NV1_nNV2"),
  one("SPSR_EL1", [3, 0, 4, 0, 0], "CGT_HCR_NV1_nNV2"),
  one("SCXTNUM_EL1", [3, 0, 13, 0, 7], "CGT_HCR_NV1_nNV2_ENSCXT"),
  // (... PMU, debug, SPE, TRBE groups ...)
  one("CPACR_EL1", [3, 0, 1, 0, 2], "CGT_CPTR_TCPAC"),
];

/**
 * encoding_to_cgt[] @039f9f12: "All _EL2 registers" and "All _EL02, _EL12
 * registers" as wide ranges (the newer file lists registers one by one and
 * leaves some out; these ranges are what the architecture's FEAT_NV rule,
 * every EL2-only encoding traps at EL1, looks like):
 *
 *   /* All _EL2 registers *\/
 *   SR_RANGE_TRAP(sys_reg(3, 4, 0, 0, 0), sys_reg(3, 4, 3, 15, 7), CGT_HCR_NV),
 *   /* Skip the SP_EL1 encoding... *\/
 *   SR_RANGE_TRAP(sys_reg(3, 4, 4, 1, 1), sys_reg(3, 4, 10, 15, 7), CGT_HCR_NV),
 *   SR_RANGE_TRAP(sys_reg(3, 4, 12, 0, 0), sys_reg(3, 4, 14, 15, 7), CGT_HCR_NV),
 *   /* All _EL02, _EL12 registers *\/
 *   SR_RANGE_TRAP(sys_reg(3, 5, 0, 0, 0), sys_reg(3, 5, 10, 15, 7), CGT_HCR_NV),
 *   SR_RANGE_TRAP(sys_reg(3, 5, 12, 0, 0), sys_reg(3, 5, 14, 15, 7), CGT_HCR_NV),
 *   ...
 *   SR_TRAP(SYS_SP_EL1, CGT_HCR_NV_nNV2),
 *   SR_TRAP(SYS_VBAR_EL1, CGT_HCR_NV1_nNV2),
 *   SR_TRAP(SYS_ELR_EL1, CGT_HCR_NV1_nNV2),
 *   SR_TRAP(SYS_SPSR_EL1, CGT_HCR_NV1_nNV2),
 *   SR_TRAP(SYS_SCXTNUM_EL1, CGT_HCR_NV1_nNV2_ENSCXT),
 */
export const ENCODING_TO_CGT_OLD_RANGES: readonly CgtEntry[] = [
  range("sys_reg(3, 4, 0, 0, 0)..sys_reg(3, 4, 3, 15, 7)", [3, 4, 0, 0, 0], [3, 4, 3, 15, 7], "CGT_HCR_NV"),
  range("sys_reg(3, 4, 4, 1, 1)..sys_reg(3, 4, 10, 15, 7)", [3, 4, 4, 1, 1], [3, 4, 10, 15, 7], "CGT_HCR_NV"),
  range("sys_reg(3, 4, 12, 0, 0)..sys_reg(3, 4, 14, 15, 7)", [3, 4, 12, 0, 0], [3, 4, 14, 15, 7], "CGT_HCR_NV"),
  range("sys_reg(3, 5, 0, 0, 0)..sys_reg(3, 5, 10, 15, 7)", [3, 5, 0, 0, 0], [3, 5, 10, 15, 7], "CGT_HCR_NV"),
  range("sys_reg(3, 5, 12, 0, 0)..sys_reg(3, 5, 14, 15, 7)", [3, 5, 12, 0, 0], [3, 5, 14, 15, 7], "CGT_HCR_NV"),
];

/** sys_reg() packing order, as the SR_RANGE_TRAP comparison sees it: op0, op1, CRn, CRm, op2. */
export function encValue(e: Enc): number {
  return (e[0] << 14) | (e[1] << 11) | (e[2] << 7) | (e[3] << 3) | e[4];
}

/**
 * What KVM sets on the host while a guest hypervisor ("hyp context") runs.
 *
 * FEAT_NV without FEAT_NV2 (KVM's NV development series; upstream never
 * merged NV without NV2): arch/arm64/kvm/hyp/switch.c __activate_traps() in
 * [PATCH v2 30/94] KVM: arm64: nv: Configure HCR_EL2 for nested virtualization
 * (Marc Zyngier, from Jintack Lim, 2020-02-11, <20200211174938.27809-31-maz@kernel.org>):
 *
 *   -	/* Trap VM sysreg accesses if an EL2 guest is not using VHE. *\/
 *   -	if (vcpu_mode_el2(vcpu) && !vcpu_el2_e2h_is_set(vcpu))
 *   -		hcr |= HCR_TVM | HCR_TRVM;
 *   +	if (is_hyp_ctxt(vcpu)) {
 *   +		hcr |= HCR_NV;
 *   +		if (!vcpu_el2_e2h_is_set(vcpu)) {
 *   +			/*
 *   +			 * For a guest hypervisor on v8.0, trap and emulate
 *   +			 * the EL1 virtual memory control register accesses.
 *   +			 *\/
 *   +			hcr |= HCR_TVM | HCR_TRVM | HCR_NV1;
 *   +		} else {
 *   +			/*
 *   +			 * For a guest hypervisor on v8.1 (VHE), allow to
 *   +			 * access the EL1 virtual memory control registers
 *   +			 * natively. These accesses are to access EL2 register
 *   +			 * states.
 *   ...
 *   +			hcr &= ~HCR_TVM;
 *   +			hcr |= vhcr_el2 & (HCR_TVM | HCR_TRVM);
 *
 * (a later version of the series also sets HCR_AT | HCR_TTLB there: AT and
 * TLBI instructions, not system register moves). And CPTR_EL2.TCPAC:
 * [PATCH v4 20/66] KVM: arm64: nv: Trap CPACR_EL1 access in virtual EL2
 * (2021-05-10, <20210510165920.1913477-21-maz@kernel.org>), vhe/switch.c:
 *
 *   +	if (vcpu_mode_el2(vcpu) && !vcpu_el2_e2h_is_set(vcpu))
 *   +		val |= CPTR_EL2_TCPAC;
 *
 * FEAT_NV2 (upstream): arch/arm64/kvm/hyp/vhe/switch.c __compute_hcr(),
 * commit 04ab519bb86d "KVM: arm64: nv: Configure HCR_EL2 for FEAT_NV2"
 * ([PATCH v4 05/15], 2024-04-19, <20240419102935.1935571-6-maz@kernel.org>):
 *
 *   	if (is_hyp_ctxt(vcpu)) {
 *   		hcr |= HCR_NV | HCR_NV2 | HCR_AT | HCR_TTLB;
 *   		if (!vcpu_el2_e2h_is_set(vcpu))
 *   			hcr |= HCR_NV1;
 *   		write_sysreg_s(vcpu->arch.ctxt.vncr_array, SYS_VNCR_EL2);
 *   	}
 *   	return hcr | (__vcpu_sys_reg(vcpu, HCR_EL2) & ~NV_HCR_GUEST_EXCLUDE);
 *
 * whose last line merged the guest hypervisor's own HCR_EL2 (TVM, TRVM ...
 * meant for its nested guest) into its own context until
 * [PATCH 2/7] KVM: arm64: Filter out HCR_EL2 bits when running in hypervisor
 * context (2025-07-21, <20250721101955.535159-3-maz@kernel.org>,
 * "Fixes: 04ab519bb86df"):
 *
 *   +		guest_hcr = kvm_vcpu_apply_reg_masks(vcpu, HCR_EL2, 0);
 *
 * and CPTR_EL2.TCPAC for a VHE guest hypervisor: [PATCH v2 14/15] KVM: arm64:
 * nv: Add additional trap setup for CPTR_EL2 (2024-06-13,
 * <20240613201756.3258227-15-oliver.upton@linux.dev>), __activate_cptr_traps():
 *
 *   +	if (vcpu_el2_e2h_is_set(vcpu) && is_hyp_ctxt(vcpu))
 *   +		val |= CPTR_EL2_TCPAC;
 *
 * Upstream KVM offers nested virtualization only on FEAT_NV2 hardware
 * (arch/arm64/kernel/cpufeature.c, ARM64_HAS_NESTED_VIRT:
 * ARM64_CPUID_FIELDS(ID_AA64MMFR2_EL1, NV, NV2) or
 * ARM64_CPUID_FIELDS(ID_AA64MMFR4_EL1, NV_frac, NV2_ONLY)).
 */
export interface KvmHostControls {
  readonly mode: "nv" | "nv2";
  readonly e2h: 0 | 1;
  /** Controls set to 1 besides HCR_EL2.{NV,NV1,NV2}. */
  readonly set: readonly ("HCR_EL2.TVM" | "HCR_EL2.TRVM" | "CPTR_EL2.TCPAC")[];
}

export const KVM_HOST_CONTROLS: readonly KvmHostControls[] = [
  { mode: "nv", e2h: 0, set: ["HCR_EL2.TVM", "HCR_EL2.TRVM", "CPTR_EL2.TCPAC"] },
  // vhcr_el2 & (TVM | TRVM): the guest hypervisor's own view; a VHE host kernel at virtual EL2 runs with them clear.
  { mode: "nv", e2h: 1, set: [] },
  { mode: "nv2", e2h: 0, set: [] },
  { mode: "nv2", e2h: 1, set: ["CPTR_EL2.TCPAC"] },
];

/**
 * FEAT_NV2 EL2 -> EL1 register redirections: QEMU commit
 * c35da11df40678d606064f75a7c2d747efa1b302 (Peter Maydell, "target/arm:
 * Handle FEAT_NV2 redirection of SPSR_EL2, ELR_EL2, ESR_EL2, FAR_EL2"):
 *
 *   Under FEAT_NV2, when HCR_EL2.{NV,NV2} == 0b11 at EL1, accesses to the
 *   registers SPSR_EL2, ELR_EL2, ESR_EL2, FAR_EL2 and TFSR_EL2 (which
 *   would UNDEF without FEAT_NV or FEAT_NV2) should instead access the
 *   equivalent EL1 registers SPSR_EL1, ELR_EL1, ESR_EL1, FAR_EL1 and
 *   TFSR_EL1.
 *
 * and the Arm ARM's ELR_EL2 accessor (2023-09 system register XML, as
 * rendered at arm.jonpalmisc.com/2023_09_sysreg/AArch64-elr_el2.html):
 *
 *   MRS <Xt>, ELR_EL2  (op0 0b11, op1 0b100, CRn 0b0100, CRm 0b0000, op2 0b001)
 *   if PSTATE.EL == EL0 then UNDEFINED;
 *   elsif PSTATE.EL == EL1 then
 *       if EffectiveHCR_EL2_NVx() IN {'1x1'} then X[t, 64] = ELR_EL1;
 *       elsif EffectiveHCR_EL2_NVx() IN {'xx1'} then AArch64.SystemAccessTrap(EL2, 0x18);
 *       else UNDEFINED;
 *   elsif PSTATE.EL == EL2 then X[t, 64] = ELR_EL2;
 */
export const QEMU_NV2_REDIRECTS: Readonly<Record<string, string>> = {
  SPSR_EL2: "SPSR_EL1",
  ELR_EL2: "ELR_EL1",
  ESR_EL2: "ESR_EL1",
  FAR_EL2: "FAR_EL1",
  TFSR_EL2: "TFSR_EL1",
};

/**
 * Which of an EL1 register and its _EL12 alias FEAT_NV2 sends to memory: QEMU
 * "[PULL 35/41] target/arm: Mark up VNCR offsets (offsets 0x100..0x160)"
 * (Peter Maydell, 2024-01-11, <20240111110505.1563291-36-peter.maydell@linaro.org>):
 *
 *   Mark up the cpreginfo structs to indicate offsets for system
 *   registers from VNCR_EL2, as defined in table D8-66 in rule R_CSRPQ in
 *   the Arm ARM.
 *   Many (but not all) of the registers in this range have _EL12 aliases,
 *   and the slot in memory is shared between the _EL12 version of the
 *   register and the _EL1 version.
 *   ...
 *   +        /*
 *   +         * If the _EL1 register is redirected to memory by FEAT_NV2,
 *   +         * then it shares the offset with the _EL12 register,
 *   +         * and which one is redirected depends on HCR_EL2.NV1.
 *   +         *\/
 *   +        if (new_reg->nv2_redirect_offset) {
 *   +            assert(new_reg->nv2_redirect_offset & NV2_REDIR_NV1);
 *   +            new_reg->nv2_redirect_offset &= ~NV2_REDIR_NV1;
 *   +            new_reg->nv2_redirect_offset |= NV2_REDIR_NO_NV1;
 *   +        }
 *
 * and, in translate-a64.c (the series' infrastructure patch): a register
 * marked NV2_REDIR_NV1 goes to memory only when HCR_EL2.NV1 is 1, one marked
 * NV2_REDIR_NO_NV1 only when it is 0, an unmarked one always. The markings
 * of that patch, transcribed ("NV1" = NV2_REDIR_NV1, "always" = no flag):
 */
export const QEMU_NV2_REDIRECT_FLAGS: Readonly<Record<string, { readonly offset: number; readonly when: "NV1" | "always" }>> = {
  CONTEXTIDR_EL1: { offset: 0x108, when: "NV1" }, // .nv2_redirect_offset = 0x108 | NV2_REDIR_NV1
  CPACR_EL1: { offset: 0x100, when: "NV1" }, // .nv2_redirect_offset = 0x100 | NV2_REDIR_NV1
  AFSR0_EL1: { offset: 0x128, when: "NV1" }, // .nv2_redirect_offset = 0x128 | NV2_REDIR_NV1
  AFSR1_EL1: { offset: 0x130, when: "NV1" }, // .nv2_redirect_offset = 0x130 | NV2_REDIR_NV1
  MAIR_EL1: { offset: 0x140, when: "NV1" }, // .nv2_redirect_offset = 0x140 | NV2_REDIR_NV1
  ESR_EL1: { offset: 0x138, when: "NV1" }, // .nv2_redirect_offset = 0x138 | NV2_REDIR_NV1
  TCR_EL1: { offset: 0x120, when: "NV1" }, // .nv2_redirect_offset = 0x120 | NV2_REDIR_NV1
  AMAIR_EL1: { offset: 0x148, when: "NV1" }, // .nv2_redirect_offset = 0x148 | NV2_REDIR_NV1
  SPSR_EL1: { offset: 0x160, when: "NV1" }, // "SPSR_EL1" .nv2_redirect_offset = 0x160 | NV2_REDIR_NV1
  ACTLR_EL1: { offset: 0x118, when: "always" }, // .nv2_redirect_offset = 0x118,
  SCTLR_EL1: { offset: 0x110, when: "NV1" }, // .nv2_redirect_offset = 0x110 | NV2_REDIR_NV1
  MDSCR_EL1: { offset: 0x158, when: "always" }, // debug_helper.c: .nv2_redirect_offset = 0x158,
};

/**
 * The Arm ARM's accessors quoted for the rules (2023-09 and latest system
 * register XML, as rendered at arm.jonpalmisc.com):
 *
 * ELR_EL1 (latest_sysreg/AArch64-elr_el1.html), MRS at EL1:
 *   if EffectiveHCR_EL2_NVx() == '011' then AArch64.SystemAccessTrap(EL2, 0x18);
 *   elsif EffectiveHCR_EL2_NVx() IN {'111'} then X[t, 64] = NVMem[0x230];
 *   else X[t, 64] = ELR_EL1;
 * (DDI 0595 2019 wording: "if EL2Enabled() && HCR_EL2.<NV2,NV1> == '01' then
 *  AArch64.SystemAccessTrap(EL2, 0x18); elsif ... HCR_EL2.<NV2,NV1,NV> == '111'
 *  then return NVMem[0x230];")
 *
 * VNCR_EL2 (2023_09_sysreg/AArch64-vncr_el2.html), MRS at EL1:
 *   if EffectiveHCR_EL2_NVx() IN {'1x1'} then X[t, 64] = NVMem[0x0B0];
 *   elsif EffectiveHCR_EL2_NVx() IN {'xx1'} then AArch64.SystemAccessTrap(EL2, 0x18);
 *   else UNDEFINED;
 *
 * ESR_ELx ISS for EC 0x18 and 0x1a: Linux arch/arm64/include/asm/esr.h,
 *   ESR_ELx_SYS64_ISS_{OP0,OP2,OP1,CRN,RT,CRM}_SHIFT 20, 17, 14, 10, 5, 1; DIR_READ 1
 *   (as emulator/arch.ts sys64Iss() states them);
 *   /* ISS field definitions for ERET/ERETAA/ERETAB trapping *\/
 *   #define ESR_ELx_ERET_ISS_ERET		0x2
 *   #define ESR_ELx_ERET_ISS_ERETA		0x1
 */
export const ARM_ARM_ACCESSORS_SOURCE = "arm.jonpalmisc.com renderings of the Arm A-profile system register XML (2023-09, latest)";

/**
 * The non-VHE world switch the workload specs/workloads/kvm-exit-path-e2h0.scn
 * follows: arch/arm64/kvm/hyp/nvhe/switch.c __kvm_vcpu_run() @04ab519bb86d
 * (torvalds/linux), in order:
 *
 *   __sysreg_save_state_nvhe(host_ctxt);
 *   ...
 *   __sysreg32_restore_state(vcpu);
 *   __sysreg_restore_state_nvhe(guest_ctxt);
 *   mmu = kern_hyp_va(vcpu->arch.hw_mmu);
 *   __load_stage2(mmu, kern_hyp_va(mmu->arch));
 *   __activate_traps(vcpu);
 *   __hyp_vgic_restore_state(vcpu);
 *   __timer_enable_traps(vcpu);
 *   __debug_switch_to_guest(vcpu);
 *   do {
 *   	/* Jump in the fire! *\/
 *   	exit_code = __guest_enter(vcpu);
 *   	/* And we're baaack! *\/
 *   } while (fixup_guest_exit(vcpu, &exit_code));
 *   __sysreg_save_state_nvhe(guest_ctxt);
 *   __sysreg32_save_state(vcpu);
 *   __timer_disable_traps(vcpu);
 *   __hyp_vgic_save_state(vcpu);
 *   dsb(nsh);
 *   __deactivate_traps(vcpu);
 *   __load_host_stage2();
 *   __sysreg_restore_state_nvhe(host_ctxt);
 *
 * arch/arm64/kvm/hyp/nvhe/sysreg-sr.c @13aeb9b4:
 *   __sysreg_save_state_nvhe(ctxt): __sysreg_save_el1_state, __sysreg_save_common_state,
 *     __sysreg_save_user_state, __sysreg_save_el2_return_state
 *   __sysreg_restore_state_nvhe(ctxt): the same four restores, in that order.
 *
 * arch/arm64/kvm/hyp/include/hyp/sysreg-sr.h @c8faf11c, the registers each moves
 * (TCR2/PIR/PIRE0 only with FEAT_TCRX/S1PIE, TFSR/TFSRE0 only with MTE: left out):
 */
export const SYSREG_SR = {
  repo: "torvalds/linux",
  path: "arch/arm64/kvm/hyp/include/hyp/sysreg-sr.h",
  commit: "c8faf11cd192214e231626c3ee973a35d8fc33f2",
} as const;

/** __sysreg_save_el1_state(): ctxt_sys_reg(ctxt, X) = read_sysreg_el1(SYS_X) / read_sysreg(x), in order. */
export const SAVE_EL1_STATE: readonly string[] = [
  "SCTLR_EL1",
  "CPACR_EL1",
  "TTBR0_EL1",
  "TTBR1_EL1",
  "TCR_EL1",
  "ESR_EL1",
  "AFSR0_EL1",
  "AFSR1_EL1",
  "FAR_EL1",
  "MAIR_EL1",
  "VBAR_EL1",
  "CONTEXTIDR_EL1",
  "AMAIR_EL1",
  "CNTKCTL_EL1",
  "PAR_EL1",
  "TPIDR_EL1",
  "SP_EL1",
  "ELR_EL1",
  "SPSR_EL1",
];

/**
 * __sysreg_restore_el1_state(): write_sysreg(ctxt_sys_reg(ctxt, MPIDR_EL1), vmpidr_el2)
 * first, then (no ARM64_WORKAROUND_SPECULATIVE_AT) SCTLR, TCR, CPACR, TTBR0, TTBR1, ESR,
 * AFSR0, AFSR1, FAR, MAIR, VBAR, CONTEXTIDR, AMAIR, CNTKCTL, PAR, TPIDR, SP_EL1, ELR, SPSR.
 */
export const RESTORE_EL1_STATE: readonly string[] = [
  "VMPIDR_EL2",
  "SCTLR_EL1",
  "TCR_EL1",
  "CPACR_EL1",
  "TTBR0_EL1",
  "TTBR1_EL1",
  "ESR_EL1",
  "AFSR0_EL1",
  "AFSR1_EL1",
  "FAR_EL1",
  "MAIR_EL1",
  "VBAR_EL1",
  "CONTEXTIDR_EL1",
  "AMAIR_EL1",
  "CNTKCTL_EL1",
  "PAR_EL1",
  "TPIDR_EL1",
  "SP_EL1",
  "ELR_EL1",
  "SPSR_EL1",
];

/** __sysreg_save/restore_common_state(): MDSCR_EL1; __sysreg_save/restore_user_state(): TPIDR_EL0, TPIDRRO_EL0. */
export const COMMON_AND_USER_STATE: readonly string[] = ["MDSCR_EL1", "TPIDR_EL0", "TPIDRRO_EL0"];
