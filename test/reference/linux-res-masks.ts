/*
 * Reference data: RES0/RES1 masks, field bits and composite values that Linux
 * defines BY HAND (not generated from arch/arm64/tools/sysreg).
 *
 * Sources (each entry's `source` is a key of LINUX_MASK_SOURCES below):
 *   A  torvalds/linux  arch/arm64/include/asm/kvm_arm.h  @ 46f269e394b70c332389818cb378a84f27026f24
 *      (old, pre-VHE content: no HCR_E2H; tag not determined, before v4.6)
 *   B  iamroot18/5.10  arch/arm64/include/asm/kvm_arm.h  @ 1d4b415df65d558b5fedcd463b180ed4f1a20ad0
 *      (Linux v5.10 study tree; upstream defines intact, extra Korean comments)
 *   C  torvalds/linux  arch/arm64/include/asm/kvm_arm.h  @ 022d3f0800682f84e1437ad2a2f6fb85fc94abf6
 *      (v5.x/v6.x era; has HCR_TID5..HCR_RES0, CPTR_NVHE_EL2_RES0, MDCR_EL2_*; no HCR_NV*; tag not determined)
 *   D  gregkh/linux    arch/arm64/include/asm/kvm_arm.h  @ 0f741ed681ea0d94fc4f3d68a4b9a5cbd7574ce0
 *      (v6.x: last form with hand-written HCR_* bits incl. HCR_NV/NV1/NV2/AT; no MDCR_EL2_* any more)
 *   E  Kingxukai/linux arch/arm64/include/asm/kvm_arm.h  @ 0291023e7330da28f2f7453c87c2ab7082d8360f
 *      (newest: HCR_x is __HCR(x) = HCR_EL2_x from the generated header, so HCR bits are NOT hand-defined there)
 *   F  eauger/linux    arch/arm64/include/asm/kvm_arm.h  @ 1284738a0e6412b48de5899647d8dcf8b70f0854
 *      (nested-virt development branch: HCR_NV and HCR_NV1 only)
 *   S1 torvalds/linux  arch/arm64/include/asm/sysreg.h   @ 129b5ce8497d1bf4be58bdb1a5069019b3c59778 (v4.11/v4.12 era)
 *   S2 iamroot18/5.10  arch/arm64/include/asm/sysreg.h   @ 3642df4850db9f84905f58893d30246a10833101 (v5.10)
 *   S3 Kingxukai/linux arch/arm64/include/asm/sysreg.h   @ 9b44fff655e2c6f4cc53cb499dd2c038e99cb013 (newest)
 *   P  torvalds/linux  arch/arm64/include/asm/pgtable-hwdef.h @ 0410c6121529409b08e81a77ae3ee58c657e2243
 *   T1 torvalds/linux  include/clocksource/arm_arch_timer.h   @ 097cd143dd871bfceacf4ed252b177cf515a1888 (old: CNTHCTL bits 0-7)
 *   T2 Kingxukai/linux include/clocksource/arm_arch_timer.h   @ 9b44fff655e2c6f4cc53cb499dd2c038e99cb013 (adds bits 12-19)
 *   N  torvalds/linux  arch/arm64/include/asm/kvm_nested.h    @ 0090c0a247cd3dc37181be4a9af4750ae3fedbd0
 * All read through the stored-source index (read_file); versions were judged
 * from content where no tag was visible.
 *
 * How entries were transcribed:
 *   - `expr` is the macro body copied from the source (whitespace collapsed);
 *     macros that refer to other macros list the referenced values in `note`.
 *   - `value` was evaluated mechanically from `expr` (GENMASK(h,l), BIT(n),
 *     UL(x) and the 1U/1UL suffixes expanded; 64-bit arithmetic) by a throwaway
 *     script, and each single-bit / contiguous-field mask was asserted to be one.
 *   - kind: "bit" (single-bit field; `bit` = position), "field" (multi-bit
 *     field mask; `msb`/`lsb`), "res0" / "res1" (reserved masks), "value"
 *     (composite constant, or a mask that is not one architectural field).
 *   - `field` is the architectural field name (Arm ARM spelling, e.g. EnSCXT,
 *     TPCP, nTWE) where Linux's macro spelling differs.
 *   - register "SCTLR_ELx": the SCTLR_ELx_* macros, which Linux uses for both
 *     SCTLR_EL1 and SCTLR_EL2.
 *   - Entries whose macro is the same in several versions are repeated per
 *     version only where the definition (text or value) changed, or to pin a
 *     value in an older and a newer kernel.
 *   - Signed-int forms such as (1 << 31) are given as the 32-bit pattern; the
 *     note says so (they sign-extend if widened to 64 bits).
 *   - Values depending on Kconfig (endianness, page size) are given per config
 *     and say which in `name`.
 */

export interface LinuxMaskSource {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly version: string;
}

export const LINUX_MASK_SOURCES = {
  A: { repo: "torvalds/linux", path: "arch/arm64/include/asm/kvm_arm.h", commit: "46f269e394b70c332389818cb378a84f27026f24", version: "pre-v4.6 (no VHE), tag not determined" },
  B: { repo: "iamroot18/5.10", path: "arch/arm64/include/asm/kvm_arm.h", commit: "1d4b415df65d558b5fedcd463b180ed4f1a20ad0", version: "v5.10" },
  C: { repo: "torvalds/linux", path: "arch/arm64/include/asm/kvm_arm.h", commit: "022d3f0800682f84e1437ad2a2f6fb85fc94abf6", version: "v5.x/v6.x, tag not determined (no HCR_NV*)" },
  D: { repo: "gregkh/linux", path: "arch/arm64/include/asm/kvm_arm.h", commit: "0f741ed681ea0d94fc4f3d68a4b9a5cbd7574ce0", version: "v6.x with hand-written HCR_NV/NV1/NV2/AT, tag not determined" },
  E: { repo: "Kingxukai/linux", path: "arch/arm64/include/asm/kvm_arm.h", commit: "0291023e7330da28f2f7453c87c2ab7082d8360f", version: "newest seen (HCR_* aliased to generated HCR_EL2_*)" },
  F: { repo: "eauger/linux", path: "arch/arm64/include/asm/kvm_arm.h", commit: "1284738a0e6412b48de5899647d8dcf8b70f0854", version: "NV development branch" },
  S1: { repo: "torvalds/linux", path: "arch/arm64/include/asm/sysreg.h", commit: "129b5ce8497d1bf4be58bdb1a5069019b3c59778", version: "v4.11/v4.12 era" },
  S2: { repo: "iamroot18/5.10", path: "arch/arm64/include/asm/sysreg.h", commit: "3642df4850db9f84905f58893d30246a10833101", version: "v5.10" },
  S3: { repo: "Kingxukai/linux", path: "arch/arm64/include/asm/sysreg.h", commit: "9b44fff655e2c6f4cc53cb499dd2c038e99cb013", version: "newest seen" },
  P: { repo: "torvalds/linux", path: "arch/arm64/include/asm/pgtable-hwdef.h", commit: "0410c6121529409b08e81a77ae3ee58c657e2243", version: "v6.x" },
  T1: { repo: "torvalds/linux", path: "include/clocksource/arm_arch_timer.h", commit: "097cd143dd871bfceacf4ed252b177cf515a1888", version: "v4.x" },
  T2: { repo: "Kingxukai/linux", path: "include/clocksource/arm_arch_timer.h", commit: "9b44fff655e2c6f4cc53cb499dd2c038e99cb013", version: "newest seen" },
  N: { repo: "torvalds/linux", path: "arch/arm64/include/asm/kvm_nested.h", commit: "0090c0a247cd3dc37181be4a9af4750ae3fedbd0", version: "v6.x" },
} as const satisfies Record<string, LinuxMaskSource>;

export type LinuxMaskSourceKey = keyof typeof LINUX_MASK_SOURCES;

export interface LinuxMaskEntry {
  /** Register the macro describes ("SCTLR_ELx" = shared SCTLR_EL1/SCTLR_EL2 macros). */
  readonly register: string;
  readonly kind: "res0" | "res1" | "bit" | "field" | "value";
  /** Linux macro name (or a descriptive name for helper-function masks). */
  readonly name: string;
  /** Evaluated value; for bit/field entries, the in-register mask. */
  readonly value: bigint;
  /** Macro body as written in the source. */
  readonly expr: string;
  readonly source: LinuxMaskSourceKey;
  /** Architectural field name (bit and field entries). */
  readonly field?: string;
  /** Bit position (bit entries). */
  readonly bit?: number;
  /** Field bounds (field entries). */
  readonly msb?: number;
  readonly lsb?: number;
  readonly note?: string;
}

export const LINUX_MASKS = [
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID5", value: 0x400000000000000n, field: "TID5", bit: 58, expr: "(UL(1) << 58)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_DCT", value: 0x200000000000000n, field: "DCT", bit: 57, expr: "(UL(1) << 57)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_ATA", value: 0x100000000000000n, field: "ATA", bit: 56, expr: "(UL(1) << HCR_ATA_SHIFT)", source: "D", note: "HCR_ATA_SHIFT = 56" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TTLBOS", value: 0x80000000000000n, field: "TTLBOS", bit: 55, expr: "(UL(1) << 55)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TTLBIS", value: 0x40000000000000n, field: "TTLBIS", bit: 54, expr: "(UL(1) << 54)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_ENSCXT", value: 0x20000000000000n, field: "EnSCXT", bit: 53, expr: "(UL(1) << 53)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TOCU", value: 0x10000000000000n, field: "TOCU", bit: 52, expr: "(UL(1) << 52)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_AMVOFFEN", value: 0x8000000000000n, field: "AMVOFFEN", bit: 51, expr: "(UL(1) << 51)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TICAB", value: 0x4000000000000n, field: "TICAB", bit: 50, expr: "(UL(1) << 50)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID4", value: 0x2000000000000n, field: "TID4", bit: 49, expr: "(UL(1) << 49)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_FIEN", value: 0x800000000000n, field: "FIEN", bit: 47, expr: "(UL(1) << 47)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_FWB", value: 0x400000000000n, field: "FWB", bit: 46, expr: "(UL(1) << 46)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_NV2", value: 0x200000000000n, field: "NV2", bit: 45, expr: "(UL(1) << 45)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_AT", value: 0x100000000000n, field: "AT", bit: 44, expr: "(UL(1) << 44)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_NV1", value: 0x80000000000n, field: "NV1", bit: 43, expr: "(UL(1) << 43)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_NV", value: 0x40000000000n, field: "NV", bit: 42, expr: "(UL(1) << 42)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_API", value: 0x20000000000n, field: "API", bit: 41, expr: "(UL(1) << 41)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_APK", value: 0x10000000000n, field: "APK", bit: 40, expr: "(UL(1) << 40)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TEA", value: 0x2000000000n, field: "TEA", bit: 37, expr: "(UL(1) << 37)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TERR", value: 0x1000000000n, field: "TERR", bit: 36, expr: "(UL(1) << 36)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TLOR", value: 0x800000000n, field: "TLOR", bit: 35, expr: "(UL(1) << 35)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_E2H", value: 0x400000000n, field: "E2H", bit: 34, expr: "(UL(1) << 34)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_ID", value: 0x200000000n, field: "ID", bit: 33, expr: "(UL(1) << 33)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_CD", value: 0x100000000n, field: "CD", bit: 32, expr: "(UL(1) << 32)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_RW", value: 0x80000000n, field: "RW", bit: 31, expr: "(UL(1) << HCR_RW_SHIFT)", source: "D", note: "HCR_RW_SHIFT = 31" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TRVM", value: 0x40000000n, field: "TRVM", bit: 30, expr: "(UL(1) << 30)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_HCD", value: 0x20000000n, field: "HCD", bit: 29, expr: "(UL(1) << 29)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TDZ", value: 0x10000000n, field: "TDZ", bit: 28, expr: "(UL(1) << 28)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TGE", value: 0x8000000n, field: "TGE", bit: 27, expr: "(UL(1) << 27)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TVM", value: 0x4000000n, field: "TVM", bit: 26, expr: "(UL(1) << 26)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TTLB", value: 0x2000000n, field: "TTLB", bit: 25, expr: "(UL(1) << 25)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TPU", value: 0x1000000n, field: "TPU", bit: 24, expr: "(UL(1) << 24)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TPC", value: 0x800000n, field: "TPCP", bit: 23, expr: "(UL(1) << 23)", source: "D", note: "source comment: \"HCR_TPCP if FEAT_DPB\"; Linux name HCR_TPC, architectural field TPCP (TPC before FEAT_DPB)" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TSW", value: 0x400000n, field: "TSW", bit: 22, expr: "(UL(1) << 22)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TACR", value: 0x200000n, field: "TACR", bit: 21, expr: "(UL(1) << 21)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TIDCP", value: 0x100000n, field: "TIDCP", bit: 20, expr: "(UL(1) << 20)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TSC", value: 0x80000n, field: "TSC", bit: 19, expr: "(UL(1) << 19)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID3", value: 0x40000n, field: "TID3", bit: 18, expr: "(UL(1) << 18)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID2", value: 0x20000n, field: "TID2", bit: 17, expr: "(UL(1) << 17)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID1", value: 0x10000n, field: "TID1", bit: 16, expr: "(UL(1) << 16)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TID0", value: 0x8000n, field: "TID0", bit: 15, expr: "(UL(1) << 15)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TWE", value: 0x4000n, field: "TWE", bit: 14, expr: "(UL(1) << 14)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TWI", value: 0x2000n, field: "TWI", bit: 13, expr: "(UL(1) << 13)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_DC", value: 0x1000n, field: "DC", bit: 12, expr: "(UL(1) << 12)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_FB", value: 0x200n, field: "FB", bit: 9, expr: "(UL(1) << 9)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_VSE", value: 0x100n, field: "VSE", bit: 8, expr: "(UL(1) << 8)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_VI", value: 0x80n, field: "VI", bit: 7, expr: "(UL(1) << 7)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_VF", value: 0x40n, field: "VF", bit: 6, expr: "(UL(1) << 6)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_AMO", value: 0x20n, field: "AMO", bit: 5, expr: "(UL(1) << 5)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_IMO", value: 0x10n, field: "IMO", bit: 4, expr: "(UL(1) << 4)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_FMO", value: 0x8n, field: "FMO", bit: 3, expr: "(UL(1) << 3)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_PTW", value: 0x4n, field: "PTW", bit: 2, expr: "(UL(1) << 2)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_SWIO", value: 0x2n, field: "SWIO", bit: 1, expr: "(UL(1) << 1)", source: "D" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_VM", value: 0x1n, field: "VM", bit: 0, expr: "(UL(1) << 0)", source: "D" },
  { register: "HCR_EL2", kind: "field", name: "HCR_BSU", value: 0xc00n, field: "BSU", msb: 11, lsb: 10, expr: "(3 << 10)", source: "D" },
  { register: "HCR_EL2", kind: "value", name: "HCR_BSU_IS", value: 0x400n, expr: "(UL(1) << 10)", source: "D", note: "BSU == 0b01 (Inner Shareable)" },
  { register: "HCR_EL2", kind: "res0", name: "HCR_RES0", value: 0x1008000000000n, expr: "((UL(1) << 48) | (UL(1) << 39))", source: "D" },
  { register: "HCR_EL2", kind: "res0", name: "HCR_RES0", value: 0x1008000000000n, expr: "((UL(1) << 48) | (UL(1) << 39))", source: "C" },
  { register: "HCR_EL2", kind: "value", name: "HCR_GUEST_FLAGS", value: 0x8807d663fn, expr: "(HCR_TSC | HCR_TSW | HCR_TWE | HCR_TWI | HCR_VM | HCR_BSU_IS | HCR_FB | HCR_TACR | HCR_AMO | HCR_SWIO | HCR_TIDCP | HCR_RW | HCR_TLOR | HCR_FMO | HCR_IMO | HCR_PTW | HCR_TID3 | HCR_TID1)", source: "D" },
  { register: "HCR_EL2", kind: "value", name: "HCR_GUEST_FLAGS", value: 0x8807e663fn, expr: "(HCR_TSC | HCR_TSW | HCR_TWE | HCR_TWI | HCR_VM | HCR_BSU_IS | HCR_FB | HCR_TACR | HCR_AMO | HCR_SWIO | HCR_TIDCP | HCR_RW | HCR_TLOR | HCR_FMO | HCR_IMO | HCR_PTW | HCR_TID3 | HCR_TID2)", source: "C", note: "TID2 here where the newer kernel (D) has TID1" },
  { register: "HCR_EL2", kind: "value", name: "HCR_GUEST_FLAGS", value: 0x88078663fn, expr: "(HCR_TSC | HCR_TSW | HCR_TWE | HCR_TWI | HCR_VM | HCR_BSU_IS | HCR_FB | HCR_TAC | HCR_AMO | HCR_SWIO | HCR_TIDCP | HCR_RW | HCR_TLOR | HCR_FMO | HCR_IMO | HCR_PTW )", source: "B", note: "HCR_TAC is this version's name for bit 21 (TACR)" },
  { register: "HCR_EL2", kind: "value", name: "HCR_GUEST_FLAGS", value: 0x84786623n, expr: "(HCR_TSC | HCR_TSW | HCR_TWE | HCR_TWI | HCR_VM | HCR_TVM | HCR_BSU_IS | HCR_FB | HCR_TAC | HCR_AMO | HCR_SWIO | HCR_TIDCP | HCR_RW)", source: "A", note: "pre-VHE kernel; includes HCR_TVM" },
  { register: "HCR_EL2", kind: "value", name: "HCR_HOST_NVHE_FLAGS", value: 0x100030080000000n, expr: "(HCR_RW | HCR_API | HCR_APK | HCR_ATA)", source: "D" },
  { register: "HCR_EL2", kind: "value", name: "HCR_HOST_VHE_FLAGS", value: 0x488000000n, expr: "(HCR_RW | HCR_TGE | HCR_E2H)", source: "D" },
  { register: "HCR_EL2", kind: "value", name: "HCR_HOST_VHE_FLAGS", value: 0x488000038n, expr: "(HCR_RW | HCR_TGE | HCR_E2H | HCR_AMO | HCR_IMO | HCR_FMO)", source: "E", note: "in this version HCR_* are aliases __HCR(x) = HCR_EL2_##x of the generated definitions; bit positions assumed equal to the hand-defined ones in D (same names)" },
  { register: "HCR_EL2", kind: "value", name: "HCR_VIRT_EXCP_MASK", value: 0x1c0n, expr: "(HCR_VSE | HCR_VI | HCR_VF)", source: "C" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TAC", value: 0x200000n, field: "TACR", bit: 21, expr: "(UL(1) << 21)", source: "A", note: "older Linux name of HCR_TACR" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_VA", value: 0x100n, field: "VSE", bit: 8, expr: "(UL(1) << 8)", source: "A", note: "older Linux name of HCR_VSE" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TAC", value: 0x200000n, field: "TACR", bit: 21, expr: "(UL(1) << 21)", source: "B", note: "older Linux name of HCR_TACR" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TVM", value: 0x4000000n, field: "TVM", bit: 26, expr: "(UL(1) << 26)", source: "A" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TRVM", value: 0x40000000n, field: "TRVM", bit: 30, expr: "(UL(1) << 30)", source: "A" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_TGE", value: 0x8000000n, field: "TGE", bit: 27, expr: "(UL(1) << 27)", source: "A" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_E2H", value: 0x400000000n, field: "E2H", bit: 34, expr: "(UL(1) << 34)", source: "B" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_NV1", value: 0x80000000000n, field: "NV1", bit: 43, expr: "(UL(1) << 43)", source: "F", note: "NV development branch; NV1 and NV present, NV2/AT not yet" },
  { register: "HCR_EL2", kind: "bit", name: "HCR_NV", value: 0x40000000000n, field: "NV", bit: 42, expr: "(UL(1) << 42)", source: "F", note: "NV development branch" },
  { register: "TCR_EL2", kind: "res1", name: "TCR_EL2_RES1", value: 0x80800000n, expr: "((1U << 31) | (1 << 23))", source: "D" },
  { register: "TCR_EL2", kind: "res1", name: "TCR_EL2_RES1", value: 0x80800000n, expr: "((1U << 31) | (1 << 23))", source: "E" },
  { register: "TCR_EL2", kind: "res1", name: "TCR_EL2_RES1", value: 0x80800000n, expr: "((1 << 31) | (1 << 23))", source: "A", note: "signed int: (1 << 31) | (1 << 23) is the int 0x80800000 (negative); if widened to u64 it sign-extends to 0xffffffff80800000. Value given as the 32-bit pattern. Later kernels write 1U << 31." },
  { register: "TCR_EL2", kind: "res1", name: "TCR_EL2_RES1", value: 0x80800000n, expr: "((1 << 31) | (1 << 23))", source: "B", note: "same signed-int form as in A; 32-bit pattern given" },
  { register: "TCR_EL2", kind: "bit", name: "TCR_EL2_TBI", value: 0x100000n, field: "TBI", bit: 20, expr: "(1 << 20)", source: "D" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_PS_MASK", value: 0x70000n, field: "PS", msb: 18, lsb: 16, expr: "(7 << TCR_EL2_PS_SHIFT)", source: "D", note: "TCR_EL2_PS_SHIFT = 16" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_PS", value: 0x70000n, field: "PS", msb: 18, lsb: 16, expr: "(7 << 16)", source: "A" },
  { register: "TCR_EL2", kind: "value", name: "TCR_EL2_PS_40B", value: 0x20000n, expr: "(2 << TCR_EL2_PS_SHIFT)", source: "D", note: "PS == 0b010 (40 bits)" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_TG0_MASK", value: 0xc000n, field: "TG0", msb: 15, lsb: 14, expr: "TCR_TG0_MASK", source: "D", note: "TCR_TG0_MASK = (UL(3) << TCR_TG0_SHIFT), TCR_TG0_SHIFT = 14 (pgtable-hwdef.h, source P)" },
  { register: "TCR_EL2", kind: "value", name: "TCR_EL2_TG0", value: 0x4000n, expr: "(1 << 14)", source: "A", note: "old definition: a single bit (bit 14) of the 2-bit TG0 field [15:14]" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_SH0_MASK", value: 0x3000n, field: "SH0", msb: 13, lsb: 12, expr: "TCR_SH0_MASK", source: "D", note: "TCR_SH0_MASK = (UL(3) << 12) (source P)" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_ORGN0_MASK", value: 0xc00n, field: "ORGN0", msb: 11, lsb: 10, expr: "TCR_ORGN0_MASK", source: "D", note: "TCR_ORGN0_MASK = (UL(3) << 10) (source P)" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_IRGN0_MASK", value: 0x300n, field: "IRGN0", msb: 9, lsb: 8, expr: "TCR_IRGN0_MASK", source: "D", note: "TCR_IRGN0_MASK = (UL(3) << 8) (source P)" },
  { register: "TCR_EL2", kind: "field", name: "TCR_EL2_T0SZ_MASK", value: 0x3fn, field: "T0SZ", msb: 5, lsb: 0, expr: "0x3f", source: "D" },
  { register: "TCR_EL2", kind: "bit", name: "TCR_EL2_HPD", value: 0x1000000n, field: "HPD", bit: 24, expr: "(1 << 24)", source: "D" },
  { register: "TCR_EL2", kind: "bit", name: "TCR_EL2_DS", value: 0x100000000n, field: "DS", bit: 32, expr: "(1UL << 32)", source: "D" },
  { register: "TCR_EL2", kind: "value", name: "TCR_EL2_MASK", value: 0xff3fn, expr: "(TCR_EL2_TG0_MASK | TCR_EL2_SH0_MASK | TCR_EL2_ORGN0_MASK | TCR_EL2_IRGN0_MASK | TCR_EL2_T0SZ_MASK)", source: "D", note: "0xc000 | 0x3000 | 0xc00 | 0x300 | 0x3f" },
  { register: "TCR_EL2", kind: "value", name: "TCR_EL2_MASK", value: 0xff00n, expr: "(TCR_EL2_TG0_MASK | TCR_EL2_SH0_MASK | TCR_EL2_ORGN0_MASK | TCR_EL2_IRGN0_MASK)", source: "E", note: "newest: T0SZ no longer part of the mask" },
  { register: "TCR_EL2", kind: "value", name: "TCR_EL2_MASK", value: 0x7f3fn, expr: "(TCR_EL2_TG0 | TCR_EL2_SH0 | TCR_EL2_ORGN0 | TCR_EL2_IRGN0 | TCR_EL2_T0SZ)", source: "A", note: "old: TCR_EL2_TG0 = (1 << 14), SH0 = (3 << 12), ORGN0 = (3 << 10), IRGN0 = (3 << 8), T0SZ = 0x3f" },
  { register: "VTCR_EL2", kind: "res1", name: "VTCR_EL2_RES1", value: 0x80000000n, expr: "(1U << 31)", source: "D" },
  { register: "VTCR_EL2", kind: "res1", name: "VTCR_EL2_RES1", value: 0x80000000n, expr: "(1 << 31)", source: "A", note: "signed int; 32-bit pattern given (sign-extends if widened)" },
  { register: "VTCR_EL2", kind: "bit", name: "VTCR_EL2_HD", value: 0x400000n, field: "HD", bit: 22, expr: "(1 << 22)", source: "D" },
  { register: "VTCR_EL2", kind: "bit", name: "VTCR_EL2_HA", value: 0x200000n, field: "HA", bit: 21, expr: "(1 << 21)", source: "D" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_PS_MASK", value: 0x70000n, field: "PS", msb: 18, lsb: 16, expr: "TCR_EL2_PS_MASK", source: "D", note: "= (7 << 16)" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_TG0_MASK", value: 0xc000n, field: "TG0", msb: 15, lsb: 14, expr: "TCR_TG0_MASK", source: "D" },
  { register: "VTCR_EL2", kind: "value", name: "VTCR_EL2_TG0_MASK", value: 0x4000n, expr: "(1 << 14)", source: "A", note: "old definition: a single bit of the 2-bit TG0 field" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_SH0_MASK", value: 0x3000n, field: "SH0", msb: 13, lsb: 12, expr: "TCR_SH0_MASK", source: "D" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_ORGN0_MASK", value: 0xc00n, field: "ORGN0", msb: 11, lsb: 10, expr: "TCR_ORGN0_MASK", source: "D" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_IRGN0_MASK", value: 0x300n, field: "IRGN0", msb: 9, lsb: 8, expr: "TCR_IRGN0_MASK", source: "D" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_SL0_MASK", value: 0xc0n, field: "SL0", msb: 7, lsb: 6, expr: "(3 << VTCR_EL2_SL0_SHIFT)", source: "D", note: "VTCR_EL2_SL0_SHIFT = 6" },
  { register: "VTCR_EL2", kind: "field", name: "VTCR_EL2_T0SZ_MASK", value: 0x3fn, field: "T0SZ", msb: 5, lsb: 0, expr: "0x3f", source: "D" },
  { register: "VTCR_EL2", kind: "bit", name: "VTCR_EL2_VS_16BIT", value: 0x80000n, field: "VS", bit: 19, expr: "(1 << VTCR_EL2_VS_SHIFT)", source: "D", note: "VTCR_EL2_VS_SHIFT = 19; VS_8BIT is (0 << 19)" },
  { register: "VTCR_EL2", kind: "bit", name: "VTCR_EL2_DS", value: 0x100000000n, field: "DS", bit: 32, expr: "TCR_EL2_DS", source: "D", note: "TCR_EL2_DS = (1UL << 32)" },
  { register: "VTCR_EL2", kind: "value", name: "VTCR_EL2_COMMON_BITS", value: 0x80003500n, expr: "(VTCR_EL2_SH0_INNER | VTCR_EL2_ORGN0_WBWA | VTCR_EL2_IRGN0_WBWA | VTCR_EL2_RES1)", source: "D", note: "SH0_INNER = TCR_SH0_INNER = (UL(3) << 12), ORGN0_WBWA = (UL(1) << 10), IRGN0_WBWA = (UL(1) << 8) (source P)" },
  { register: "VTCR_EL2", kind: "value", name: "VTCR_EL2_FLAGS (4K pages)", value: 0x80003500n, expr: "(VTCR_EL2_COMMON_BITS | VTCR_EL2_TGRAN)", source: "D", note: "CONFIG_ARM64_4K_PAGES: VTCR_EL2_TGRAN = VTCR_EL2_TG0_4K = TCR_TG0_4K = 0" },
  { register: "VTCR_EL2", kind: "value", name: "VTCR_EL2_FLAGS (4K pages)", value: 0x80003558n, expr: "(VTCR_EL2_TG0_4K | VTCR_EL2_SH0_INNER | VTCR_EL2_ORGN0_WBWA | VTCR_EL2_IRGN0_WBWA | VTCR_EL2_SL0_LVL1 | VTCR_EL2_T0SZ_40B | VTCR_EL2_RES1)", source: "A", note: "old fixed stage-2 config: TG0_4K (0 << 14), SH0_INNER (3 << 12), ORGN0_WBWA (1 << 10), IRGN0_WBWA (1 << 8), SL0_LVL1 (1 << 6), T0SZ_40B 24, RES1 (1 << 31)" },
  { register: "VTCR_EL2", kind: "value", name: "VTCR_EL2_FLAGS (64K pages)", value: 0x80007558n, expr: "(VTCR_EL2_TG0_64K | VTCR_EL2_SH0_INNER | VTCR_EL2_ORGN0_WBWA | VTCR_EL2_IRGN0_WBWA | VTCR_EL2_SL0_LVL1 | VTCR_EL2_T0SZ_40B | VTCR_EL2_RES1)", source: "A", note: "CONFIG_ARM64_64K_PAGES branch: TG0_64K (1 << 14)" },
  { register: "VTTBR_EL2", kind: "bit", name: "VTTBR_CNP_BIT", value: 0x1n, field: "CnP", bit: 0, expr: "(UL(1))", source: "D" },
  { register: "VTTBR_EL2", kind: "field", name: "VTTBR_VMID_MASK(16)", value: 0xffff000000000000n, field: "VMID", msb: 63, lsb: 48, expr: "(_AT(u64, (1 << size) - 1) << VTTBR_VMID_SHIFT)", source: "D", note: "macro evaluated with size = 16; VTTBR_VMID_SHIFT = (UL(48))" },
  { register: "HPFAR_EL2", kind: "value", name: "HPFAR_MASK", value: 0xfffffffffffffff0n, expr: "(~UL(0xf))", source: "D", note: "~0xf as unsigned long (64-bit)" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(0)", value: 0x1n, field: "T0", bit: 0, expr: "HSTR_EL2_T(0)", source: "D", note: "#define HSTR_EL2_T(x) (1 << x); the macro accepts any x, it does not encode which Tn are RES0" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(1)", value: 0x2n, field: "T1", bit: 1, expr: "HSTR_EL2_T(1)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(2)", value: 0x4n, field: "T2", bit: 2, expr: "HSTR_EL2_T(2)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(3)", value: 0x8n, field: "T3", bit: 3, expr: "HSTR_EL2_T(3)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(4)", value: 0x10n, field: "T4", bit: 4, expr: "HSTR_EL2_T(4)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(5)", value: 0x20n, field: "T5", bit: 5, expr: "HSTR_EL2_T(5)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(6)", value: 0x40n, field: "T6", bit: 6, expr: "HSTR_EL2_T(6)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(7)", value: 0x80n, field: "T7", bit: 7, expr: "HSTR_EL2_T(7)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(8)", value: 0x100n, field: "T8", bit: 8, expr: "HSTR_EL2_T(8)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(9)", value: 0x200n, field: "T9", bit: 9, expr: "HSTR_EL2_T(9)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(10)", value: 0x400n, field: "T10", bit: 10, expr: "HSTR_EL2_T(10)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(11)", value: 0x800n, field: "T11", bit: 11, expr: "HSTR_EL2_T(11)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(12)", value: 0x1000n, field: "T12", bit: 12, expr: "HSTR_EL2_T(12)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(13)", value: 0x2000n, field: "T13", bit: 13, expr: "HSTR_EL2_T(13)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(14)", value: 0x4000n, field: "T14", bit: 14, expr: "HSTR_EL2_T(14)", source: "D" },
  { register: "HSTR_EL2", kind: "bit", name: "HSTR_EL2_T(15)", value: 0x8000n, field: "T15", bit: 15, expr: "HSTR_EL2_T(15)", source: "D" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TCPAC", value: 0x80000000n, field: "TCPAC", bit: 31, expr: "(1U << 31)", source: "D" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TCPAC", value: 0x80000000n, field: "TCPAC", bit: 31, expr: "(1 << 31)", source: "B", note: "signed int (1 << 31); 32-bit pattern" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TAM", value: 0x40000000n, field: "TAM", bit: 30, expr: "(1 << 30)", source: "D" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TTA", value: 0x100000n, field: "TTA", bit: 20, expr: "(1 << 20)", source: "D", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TSM", value: 0x1000n, field: "TSM", bit: 12, expr: "(1 << 12)", source: "D", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TFP", value: 0x400n, field: "TFP", bit: 10, expr: "(1 << CPTR_EL2_TFP_SHIFT)", source: "D", note: "CPTR_EL2_TFP_SHIFT = 10; E2H=0 layout" },
  { register: "CPTR_EL2", kind: "bit", name: "CPTR_EL2_TZ", value: 0x100n, field: "TZ", bit: 8, expr: "(1 << 8)", source: "D", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "res1", name: "CPTR_EL2_RES1", value: 0x32ffn, expr: "0x000032ff", source: "B", note: "source comment: \"known RES1 bits in CPTR_EL2\"; also CPTR_EL2_DEFAULT" },
  { register: "CPTR_EL2", kind: "res1", name: "CPTR_NVHE_EL2_RES1", value: 0x32ffn, expr: "0x000032ff", source: "C", note: "source comment: \"known RES1 bits in CPTR_EL2 (nVHE)\"; E2H=0 layout" },
  { register: "CPTR_EL2", kind: "res1", name: "CPTR_NVHE_EL2_RES1", value: 0x32ffn, expr: "0x000032ff", source: "D", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "res1", name: "CPTR_NVHE_EL2_RES1", value: 0x22ffn, expr: "(BIT(13) | BIT(9) | GENMASK(7, 0))", source: "E", note: "CHANGED: 0x2000 | 0x200 | 0xff = 0x22ff; bit 12 (TSM) is no longer in the RES1 mask (older kernels: 0x32ff)" },
  { register: "CPTR_EL2", kind: "res0", name: "CPTR_NVHE_EL2_RES0", value: 0xffffffff3fefc800n, expr: "(GENMASK(63, 32) | GENMASK(29, 21) | GENMASK(19, 14) | BIT(11))", source: "C", note: "E2H=0 layout. 0xffffffff00000000 | 0x3fe00000 | 0xfc000 | 0x800" },
  { register: "CPTR_EL2", kind: "res0", name: "CPTR_NVHE_EL2_RES0", value: 0xffffffff3fefc800n, expr: "(GENMASK(63, 32) | GENMASK(29, 21) | GENMASK(19, 14) | BIT(11))", source: "D", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "res0", name: "CPTR_NVHE_EL2_RES0", value: 0xffffffff3fefc800n, expr: "(GENMASK(63, 32) | GENMASK(29, 21) | GENMASK(19, 14) | BIT(11))", source: "E", note: "E2H=0 layout" },
  { register: "CPTR_EL2", kind: "res0", name: "CPTR_VHE_EL2_RES0", value: 0xffffffff0cccffffn, expr: "(GENMASK(63, 32) | GENMASK(27, 26) | GENMASK(23, 22) | GENMASK(19, 18) | GENMASK(15, 0))", source: "D", note: "E2H=1 layout (CPACR_EL1-like). 0xffffffff00000000 | 0xc000000 | 0xc00000 | 0xc0000 | 0xffff" },
  { register: "CPTR_EL2", kind: "res0", name: "CPTR_VHE_EL2_RES0", value: 0xffffffff0cccffffn, expr: "(GENMASK(63, 32) | GENMASK(27, 26) | GENMASK(23, 22) | GENMASK(19, 18) | GENMASK(15, 0))", source: "E", note: "E2H=1 layout" },
  { register: "MDCR_EL2", kind: "field", name: "MDCR_EL2_E2TB_MASK << MDCR_EL2_E2TB_SHIFT", value: 0x3000000n, field: "E2TB", msb: 25, lsb: 24, expr: "(UL(0x3)) << (UL(24))", source: "C", note: "MDCR_EL2_E2TB_MASK (UL(0x3)), MDCR_EL2_E2TB_SHIFT (UL(24)); mask is unshifted in the source" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HPMFZS", value: 0x1000000000n, field: "HPMFZS", bit: 36, expr: "(UL(1) << 36)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HPMFZO", value: 0x20000000n, field: "HPMFZO", bit: 29, expr: "(UL(1) << 29)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_MTPME", value: 0x10000000n, field: "MTPME", bit: 28, expr: "(UL(1) << 28)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TDCC", value: 0x8000000n, field: "TDCC", bit: 27, expr: "(UL(1) << 27)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HLP", value: 0x4000000n, field: "HLP", bit: 26, expr: "(UL(1) << 26)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HCCD", value: 0x800000n, field: "HCCD", bit: 23, expr: "(UL(1) << 23)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TTRF", value: 0x80000n, field: "TTRF", bit: 19, expr: "(UL(1) << 19)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HPMD", value: 0x20000n, field: "HPMD", bit: 17, expr: "(UL(1) << 17)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TPMS", value: 0x4000n, field: "TPMS", bit: 14, expr: "(UL(1) << 14)", source: "C" },
  { register: "MDCR_EL2", kind: "field", name: "MDCR_EL2_E2PB_MASK << MDCR_EL2_E2PB_SHIFT", value: 0x3000n, field: "E2PB", msb: 13, lsb: 12, expr: "(UL(0x3)) << (UL(12))", source: "C", note: "MDCR_EL2_E2PB_MASK (UL(0x3)), MDCR_EL2_E2PB_SHIFT (UL(12))" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TDRA", value: 0x800n, field: "TDRA", bit: 11, expr: "(UL(1) << 11)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TDOSA", value: 0x400n, field: "TDOSA", bit: 10, expr: "(UL(1) << 10)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TDA", value: 0x200n, field: "TDA", bit: 9, expr: "(UL(1) << 9)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TDE", value: 0x100n, field: "TDE", bit: 8, expr: "(UL(1) << 8)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_HPME", value: 0x80n, field: "HPME", bit: 7, expr: "(UL(1) << 7)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TPM", value: 0x40n, field: "TPM", bit: 6, expr: "(UL(1) << 6)", source: "C" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TPMCR", value: 0x20n, field: "TPMCR", bit: 5, expr: "(UL(1) << 5)", source: "C" },
  { register: "MDCR_EL2", kind: "field", name: "MDCR_EL2_HPMN_MASK", value: 0x1fn, field: "HPMN", msb: 4, lsb: 0, expr: "(UL(0x1F))", source: "C" },
  { register: "MDCR_EL2", kind: "res0", name: "MDCR_EL2_RES0", value: 0xffffffefc3758000n, expr: "(GENMASK(63, 37) | GENMASK(35, 30) | GENMASK(25, 24) | GENMASK(22, 20) | BIT(18) | GENMASK(16, 15))", source: "C", note: "as written this covers bits 25:24, which the same file also names MDCR_EL2_E2TB; transcribed unchanged" },
  { register: "MDCR_EL2", kind: "field", name: "MDCR_EL2_HPMN_MASK", value: 0x1fn, field: "HPMN", msb: 4, lsb: 0, expr: "(0x1F)", source: "B" },
  { register: "MDCR_EL2", kind: "bit", name: "MDCR_EL2_TPMS", value: 0x4000n, field: "TPMS", bit: 14, expr: "(1 << 14)", source: "B" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1PCTEN", value: 0x1n, field: "EL1PCTEN", bit: 0, expr: "(1 << 0)", source: "T1", note: "E2H=0 layout name/position (QEMU helper.c gt_counter_access/gt_timer_access read EL1PCTEN at bit 10 and EL1PTEN at bit 11 when E2H=1)" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1PCEN", value: 0x2n, field: "EL1PCEN", bit: 1, expr: "(1 << 1)", source: "T1", note: "E2H=0 layout name/position (QEMU helper.c gt_counter_access/gt_timer_access read EL1PCTEN at bit 10 and EL1PTEN at bit 11 when E2H=1)" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EVNTEN", value: 0x4n, field: "EVNTEN", bit: 2, expr: "(1 << 2)", source: "T1" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EVNTDIR", value: 0x8n, field: "EVNTDIR", bit: 3, expr: "(1 << 3)", source: "T1" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_ECV", value: 0x1000n, field: "ECV", bit: 12, expr: "(1 << 12)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1TVT", value: 0x2000n, field: "EL1TVT", bit: 13, expr: "(1 << 13)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1TVCT", value: 0x4000n, field: "EL1TVCT", bit: 14, expr: "(1 << 14)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1NVPCT", value: 0x8000n, field: "EL1NVPCT", bit: 15, expr: "(1 << 15)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_EL1NVVCT", value: 0x10000n, field: "EL1NVVCT", bit: 16, expr: "(1 << 16)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_CNTVMASK", value: 0x40000n, field: "CNTVMASK", bit: 18, expr: "(1 << 18)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "bit", name: "CNTHCTL_CNTPMASK", value: 0x80000n, field: "CNTPMASK", bit: 19, expr: "(1 << 19)", source: "T2" },
  { register: "CNTHCTL_EL2", kind: "field", name: "CNTHCTL_EVNTI", value: 0xf0n, field: "EVNTI", msb: 7, lsb: 4, expr: "(0xF << 4)", source: "T1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_EE", value: 0x2000000n, field: "EE", bit: 25, expr: "(1 << 25)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_I", value: 0x1000n, field: "I", bit: 12, expr: "(1 << 12)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_SA", value: 0x8n, field: "SA", bit: 3, expr: "(1 << 3)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_C", value: 0x4n, field: "C", bit: 2, expr: "(1 << 2)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_A", value: 0x2n, field: "A", bit: 1, expr: "(1 << 1)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_M", value: 0x1n, field: "M", bit: 0, expr: "1", source: "S1" },
  { register: "SCTLR_EL2", kind: "res1", name: "SCTLR_EL2_RES1", value: 0x30c50830n, expr: "((1 << 4) | (1 << 5) | (1 << 11) | (1 << 16) | (1 << 18) | (1 << 22) | (1 << 23) | (1 << 28) | (1 << 29))", source: "S1", note: "0x10 + 0x20 + 0x800 + 0x10000 + 0x40000 + 0x400000 + 0x800000 + 0x10000000 + 0x20000000" },
  { register: "SCTLR_ELx", kind: "value", name: "SCTLR_ELx_FLAGS", value: 0x100fn, expr: "(SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_ELx_I)", source: "S1" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_UCI", value: 0x4000000n, field: "UCI", bit: 26, expr: "(1 << 26)", source: "S1" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_SPAN", value: 0x800000n, field: "SPAN", bit: 23, expr: "(1 << 23)", source: "S1" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_UCT", value: 0x8000n, field: "UCT", bit: 15, expr: "(1 << 15)", source: "S1" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_SED", value: 0x100n, field: "SED", bit: 8, expr: "(1 << 8)", source: "S1" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_CP15BEN", value: 0x20n, field: "CP15BEN", bit: 5, expr: "(1 << 5)", source: "S1" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_DSSBS", value: 0x100000000000n, field: "DSSBS", bit: 44, expr: "(BIT(44))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ATA", value: 0x80000000000n, field: "ATA", bit: 43, expr: "(BIT(43))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ITFSB", value: 0x2000000000n, field: "ITFSB", bit: 37, expr: "(BIT(37))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENIA", value: 0x80000000n, field: "EnIA", bit: 31, expr: "(BIT(31))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENIB", value: 0x40000000n, field: "EnIB", bit: 30, expr: "(BIT(30))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENDA", value: 0x8000000n, field: "EnDA", bit: 27, expr: "(BIT(27))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_EE", value: 0x2000000n, field: "EE", bit: 25, expr: "(BIT(25))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_IESB", value: 0x200000n, field: "IESB", bit: 21, expr: "(BIT(21))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_WXN", value: 0x80000n, field: "WXN", bit: 19, expr: "(BIT(19))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENDB", value: 0x2000n, field: "EnDB", bit: 13, expr: "(BIT(13))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_I", value: 0x1000n, field: "I", bit: 12, expr: "(BIT(12))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_SA", value: 0x8n, field: "SA", bit: 3, expr: "(BIT(3))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_C", value: 0x4n, field: "C", bit: 2, expr: "(BIT(2))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_A", value: 0x2n, field: "A", bit: 1, expr: "(BIT(1))", source: "S2" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_M", value: 0x1n, field: "M", bit: 0, expr: "(BIT(0))", source: "S2" },
  { register: "SCTLR_ELx", kind: "field", name: "SCTLR_ELx_TCF_MASK", value: 0x30000000000n, field: "TCF", msb: 41, lsb: 40, expr: "(UL(0x3) << SCTLR_ELx_TCF_SHIFT)", source: "S2", note: "SCTLR_ELx_TCF_SHIFT = 40" },
  { register: "SCTLR_ELx", kind: "value", name: "SCTLR_ELx_FLAGS", value: 0x20100fn, expr: "(SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_ELx_I | SCTLR_ELx_IESB)", source: "S2" },
  { register: "SCTLR_EL2", kind: "res1", name: "SCTLR_EL2_RES1", value: 0x30c50830n, expr: "((BIT(4)) | (BIT(5)) | (BIT(11)) | (BIT(16)) | (BIT(18)) | (BIT(22)) | (BIT(23)) | (BIT(28)) | (BIT(29)))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_ATA0", value: 0x40000000000n, field: "ATA0", bit: 42, expr: "(BIT(42))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_BT1", value: 0x1000000000n, field: "BT1", bit: 36, expr: "(BIT(36))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_BT0", value: 0x800000000n, field: "BT0", bit: 35, expr: "(BIT(35))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_UCI", value: 0x4000000n, field: "UCI", bit: 26, expr: "(BIT(26))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_E0E", value: 0x1000000n, field: "E0E", bit: 24, expr: "(BIT(24))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_SPAN", value: 0x800000n, field: "SPAN", bit: 23, expr: "(BIT(23))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_NTWE", value: 0x40000n, field: "nTWE", bit: 18, expr: "(BIT(18))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_NTWI", value: 0x10000n, field: "nTWI", bit: 16, expr: "(BIT(16))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_UCT", value: 0x8000n, field: "UCT", bit: 15, expr: "(BIT(15))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_DZE", value: 0x4000n, field: "DZE", bit: 14, expr: "(BIT(14))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_UMA", value: 0x200n, field: "UMA", bit: 9, expr: "(BIT(9))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_SED", value: 0x100n, field: "SED", bit: 8, expr: "(BIT(8))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_ITD", value: 0x80n, field: "ITD", bit: 7, expr: "(BIT(7))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_CP15BEN", value: 0x20n, field: "CP15BEN", bit: 5, expr: "(BIT(5))", source: "S2" },
  { register: "SCTLR_EL1", kind: "bit", name: "SCTLR_EL1_SA0", value: 0x10n, field: "SA0", bit: 4, expr: "(BIT(4))", source: "S2" },
  { register: "SCTLR_EL1", kind: "field", name: "SCTLR_EL1_TCF0_MASK", value: 0xc000000000n, field: "TCF0", msb: 39, lsb: 38, expr: "(UL(0x3) << SCTLR_EL1_TCF0_SHIFT)", source: "S2", note: "SCTLR_EL1_TCF0_SHIFT = 38" },
  { register: "SCTLR_EL1", kind: "res1", name: "SCTLR_EL1_RES1", value: 0x30500800n, expr: "((BIT(11)) | (BIT(20)) | (BIT(22)) | (BIT(28)) | (BIT(29)))", source: "S2", note: "hand-defined here; in newer kernels SCTLR_EL1 comes from arch/arm64/tools/sysreg and this macro is generated (not transcribed)" },
  { register: "SCTLR_EL1", kind: "value", name: "SCTLR_EL1_SET (little-endian)", value: 0xc2034f4d91dn, expr: "(SCTLR_ELx_M | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_EL1_SA0 | SCTLR_EL1_SED | SCTLR_ELx_I | SCTLR_EL1_DZE | SCTLR_EL1_UCT | SCTLR_EL1_NTWE | SCTLR_ELx_IESB | SCTLR_EL1_SPAN | SCTLR_ELx_ITFSB| SCTLR_ELx_ATA | SCTLR_EL1_ATA0 | ENDIAN_SET_EL1 | SCTLR_EL1_UCI | SCTLR_EL1_RES1)", source: "S2", note: "value the kernel programs with the MMU on; ENDIAN_SET_EL1 = 0 (!CONFIG_CPU_BIG_ENDIAN)" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENTP2", value: 0x1000000000000000n, field: "EnTP2", bit: 60, expr: "(BIT(60))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_DSSBS", value: 0x100000000000n, field: "DSSBS", bit: 44, expr: "(BIT(44))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ATA", value: 0x80000000000n, field: "ATA", bit: 43, expr: "(BIT(43))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ITFSB", value: 0x2000000000n, field: "ITFSB", bit: 37, expr: "(BIT(37))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENIA", value: 0x80000000n, field: "EnIA", bit: 31, expr: "(BIT(SCTLR_ELx_ENIA_SHIFT))", source: "S3", note: "SCTLR_ELx_ENIA_SHIFT = 31" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENIB", value: 0x40000000n, field: "EnIB", bit: 30, expr: "(BIT(30))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_LSMAOE", value: 0x20000000n, field: "LSMAOE", bit: 29, expr: "(BIT(29))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_nTLSMD", value: 0x10000000n, field: "nTLSMD", bit: 28, expr: "(BIT(28))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENDA", value: 0x8000000n, field: "EnDA", bit: 27, expr: "(BIT(27))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_EE", value: 0x2000000n, field: "EE", bit: 25, expr: "(BIT(SCTLR_ELx_EE_SHIFT))", source: "S3", note: "SCTLR_ELx_EE_SHIFT = 25" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_EIS", value: 0x400000n, field: "EIS", bit: 22, expr: "(BIT(22))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_IESB", value: 0x200000n, field: "IESB", bit: 21, expr: "(BIT(21))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_TSCXT", value: 0x100000n, field: "TSCXT", bit: 20, expr: "(BIT(20))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_WXN", value: 0x80000n, field: "WXN", bit: 19, expr: "(BIT(19))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_ENDB", value: 0x2000n, field: "EnDB", bit: 13, expr: "(BIT(13))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_I", value: 0x1000n, field: "I", bit: 12, expr: "(BIT(12))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_EOS", value: 0x800n, field: "EOS", bit: 11, expr: "(BIT(11))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_SA", value: 0x8n, field: "SA", bit: 3, expr: "(BIT(3))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_C", value: 0x4n, field: "C", bit: 2, expr: "(BIT(2))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_A", value: 0x2n, field: "A", bit: 1, expr: "(BIT(1))", source: "S3" },
  { register: "SCTLR_ELx", kind: "bit", name: "SCTLR_ELx_M", value: 0x1n, field: "M", bit: 0, expr: "(BIT(0))", source: "S3" },
  { register: "SCTLR_EL2", kind: "res1", name: "SCTLR_EL2_RES1", value: 0x30c50830n, expr: "((BIT(4)) | (BIT(5)) | (BIT(11)) | (BIT(16)) | (BIT(18)) | (BIT(22)) | (BIT(23)) | (BIT(28)) | (BIT(29)))", source: "S3", note: "unchanged since S1; note bits 11, 22, 28, 29 are also SCTLR_ELx_EOS/EIS/nTLSMD/LSMAOE in this same file" },
  { register: "SCTLR_EL2", kind: "bit", name: "SCTLR_EL2_BT", value: 0x1000000000n, field: "BT", bit: 36, expr: "(BIT(36))", source: "S3" },
  { register: "SCTLR_EL2", kind: "value", name: "ENDIAN_SET_EL2 (big-endian)", value: 0x2000000n, expr: "SCTLR_ELx_EE", source: "S3", note: "CONFIG_CPU_BIG_ENDIAN; 0 otherwise" },
  { register: "SCTLR_EL2", kind: "value", name: "INIT_SCTLR_EL2_MMU_OFF (little-endian)", value: 0x30c50830n, expr: "(SCTLR_EL2_RES1 | ENDIAN_SET_EL2)", source: "S3", note: "ENDIAN_SET_EL2 = 0" },
  { register: "SCTLR_EL2", kind: "value", name: "INIT_SCTLR_EL2_MMU_OFF (big-endian)", value: 0x32c50830n, expr: "(SCTLR_EL2_RES1 | ENDIAN_SET_EL2)", source: "S3", note: "ENDIAN_SET_EL2 = SCTLR_ELx_EE = BIT(25)" },
  { register: "SCTLR_EL2", kind: "value", name: "INIT_SCTLR_EL2_MMU_ON (little-endian)", value: 0x2030ed183dn, expr: "(SCTLR_ELx_M | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_ELx_I | SCTLR_ELx_IESB | SCTLR_ELx_WXN | ENDIAN_SET_EL2 | SCTLR_ELx_ITFSB | SCTLR_EL2_RES1)", source: "S3", note: "ENDIAN_SET_EL2 = 0" },
  { register: "SCTLR_EL1", kind: "value", name: "ENDIAN_SET_EL1 (big-endian)", value: 0x3000000n, expr: "(SCTLR_EL1_E0E | SCTLR_ELx_EE)", source: "S3", note: "CONFIG_CPU_BIG_ENDIAN; 0 otherwise. SCTLR_EL1_E0E is generated in this version; its position BIT(24) is taken from the hand definition in S2" },
  { register: "SCTLR_EL1", kind: "value", name: "INIT_SCTLR_EL1_MMU_OFF (little-endian)", value: 0x30500800n, expr: "(ENDIAN_SET_EL1 | SCTLR_EL1_LSMAOE | SCTLR_EL1_nTLSMD | SCTLR_EL1_EIS | SCTLR_EL1_TSCXT | SCTLR_EL1_EOS)", source: "S3", note: "SCTLR_EL1_{LSMAOE,nTLSMD,EIS,TSCXT,EOS} are generated (arch/arm64/tools/sysreg); positions 29, 28, 22, 20, 11 taken from the hand-defined SCTLR_ELx_* of the same file. Equals S2 SCTLR_EL1_RES1 (0x30500800): the former RES1 bits became these fields" },
  { register: "SCTLR_EL1", kind: "value", name: "INIT_SCTLR_EL1_MMU_OFF (big-endian)", value: 0x33500800n, expr: "(ENDIAN_SET_EL1 | SCTLR_EL1_LSMAOE | SCTLR_EL1_nTLSMD | SCTLR_EL1_EIS | SCTLR_EL1_TSCXT | SCTLR_EL1_EOS)", source: "S3", note: "ENDIAN_SET_EL1 = SCTLR_EL1_E0E | SCTLR_ELx_EE = BIT(24) | BIT(25)" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_TTA", value: 0x10000000n, field: "TTA", bit: 28, expr: "(1 << 28)", source: "D" },
  { register: "CPACR_EL1", kind: "field", name: "CPACR_EL1_FPEN", value: 0x300000n, field: "FPEN", msb: 21, lsb: 20, expr: "(3 << 20)", source: "B" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_FPEN_EL1EN", value: 0x100000n, field: "FPEN", bit: 20, expr: "(BIT(20))", source: "S3", note: "low bit of FPEN[21:20] (\"enable EL1 access\")" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_FPEN_EL0EN", value: 0x200000n, field: "FPEN", bit: 21, expr: "(BIT(21))", source: "S3", note: "high bit of FPEN[21:20] (\"enable EL0 access, if EL1EN set\")" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_SMEN_EL1EN", value: 0x1000000n, field: "SMEN", bit: 24, expr: "(BIT(24))", source: "S3", note: "low bit of SMEN[25:24]" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_SMEN_EL0EN", value: 0x2000000n, field: "SMEN", bit: 25, expr: "(BIT(25))", source: "S3", note: "high bit of SMEN[25:24]" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_ZEN_EL1EN", value: 0x10000n, field: "ZEN", bit: 16, expr: "(BIT(16))", source: "S3", note: "low bit of ZEN[17:16]" },
  { register: "CPACR_EL1", kind: "bit", name: "CPACR_EL1_ZEN_EL0EN", value: 0x20000n, field: "ZEN", bit: 17, expr: "(BIT(17))", source: "S3", note: "high bit of ZEN[17:16]" },
  { register: "CPACR_EL1", kind: "field", name: "CPACR_EL1_ZEN", value: 0x30000n, field: "ZEN", msb: 17, lsb: 16, expr: "(CPACR_EL1_ZEN_EL1EN | CPACR_EL1_ZEN_EL0EN)", source: "S2", note: "ZEN_EL1EN (BIT(16)), ZEN_EL0EN (BIT(17))" },
  { register: "CPACR_EL1", kind: "value", name: "CPACR_EL1_DEFAULT", value: 0x310000n, expr: "(CPACR_EL1_FPEN | CPACR_EL1_ZEN_EL1EN)", source: "B" },
  { register: "CPACR_EL1", kind: "value", name: "CPACR_EL1_DEFAULT", value: 0x310000n, expr: "(CPACR_EL1_FPEN_EL0EN | CPACR_EL1_FPEN_EL1EN | CPACR_EL1_ZEN_EL1EN)", source: "C", note: "bit values from S3 hand definitions" },
  { register: "TCR_EL1", kind: "field", name: "TCR_T0SZ_MASK", value: 0x3fn, field: "T0SZ", msb: 5, lsb: 0, expr: "(((UL(1) << TCR_TxSZ_WIDTH) - 1) << TCR_T0SZ_OFFSET)", source: "P" },
  { register: "TCR_EL1", kind: "field", name: "TCR_IRGN0_MASK", value: 0x300n, field: "IRGN0", msb: 9, lsb: 8, expr: "(UL(3) << TCR_IRGN0_SHIFT)", source: "P" },
  { register: "TCR_EL1", kind: "field", name: "TCR_ORGN0_MASK", value: 0xc00n, field: "ORGN0", msb: 11, lsb: 10, expr: "(UL(3) << TCR_ORGN0_SHIFT)", source: "P" },
  { register: "TCR_EL1", kind: "field", name: "TCR_SH0_MASK", value: 0x3000n, field: "SH0", msb: 13, lsb: 12, expr: "(UL(3) << TCR_SH0_SHIFT)", source: "P" },
  { register: "TCR_EL1", kind: "field", name: "TCR_TG0_MASK", value: 0xc000n, field: "TG0", msb: 15, lsb: 14, expr: "(UL(3) << TCR_TG0_SHIFT)", source: "P" },
  { register: "TCR_EL1", kind: "field", name: "TCR_IPS_MASK", value: 0x700000000n, field: "IPS", msb: 34, lsb: 32, expr: "(UL(7) << TCR_IPS_SHIFT)", source: "P" },
  { register: "TCR_EL1", kind: "bit", name: "TCR_EPD1_MASK", value: 0x800000n, field: "EPD1", bit: 23, expr: "(UL(1) << TCR_EPD1_SHIFT)", source: "P", note: "TCR_EPD1_SHIFT = 23" },
  { register: "TCR_EL1", kind: "bit", name: "TCR_TBI0", value: 0x2000000000n, field: "TBI0", bit: 37, expr: "(UL(1) << 37)", source: "P" },
  { register: "TCR_EL1", kind: "bit", name: "TCR_HPD0", value: 0x20000000000n, field: "HPD0", bit: 41, expr: "(UL(1) << TCR_HPD0_SHIFT)", source: "P", note: "TCR_HPD0_SHIFT = 41" },
  { register: "TCR_EL1", kind: "bit", name: "TCR_DS", value: 0x800000000000000n, field: "DS", bit: 59, expr: "(UL(1) << 59)", source: "P" },
  { register: "SCTLR_EL2", kind: "value", name: "translate_sctlr_el2_to_sctlr_el1: kept bits", value: 0x228100fn, expr: "(SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_ELx_I | SCTLR_ELx_IESB | SCTLR_ELx_WXN | SCTLR_ELx_EE)", source: "N", note: "val &= this mask, then val |= SCTLR_EL1_RES1 (generated in this version; not transcribed). Bit values from S3: 0x1|0x2|0x4|0x8|0x1000|0x200000|0x80000|0x2000000" },
  { register: "TTBR0_EL2", kind: "value", name: "translate_ttbr0_el2_to_ttbr0_el1: cleared bits", value: 0xffff000000000000n, expr: "GENMASK_ULL(63, 48)", source: "N", note: "\"Clear the ASID field\"" },
  { register: "TCR_EL2", kind: "value", name: "translate_tcr_el2_to_tcr_el1: copied bits", value: 0xcf3fn, expr: "(TCR_EL2_TG0_MASK | TCR_EL2_ORGN0_MASK | TCR_EL2_IRGN0_MASK | TCR_EL2_T0SZ_MASK)", source: "N", note: "copied unchanged (SH0 is not copied). Also: TCR_EPD1_MASK (bit 23) always set; TCR_EL2_TBI (bit 20) -> TCR_TBI0 (bit 37); TCR_EL2_PS [18:16] -> IPS at TCR_IPS_SHIFT (32)" },
  { register: "CPTR_EL2", kind: "value", name: "translate_cptr_el2_to_cpacr_el1: copied bits", value: 0xc0000000n, expr: "(CPTR_EL2_TCPAC | CPTR_EL2_TAM)", source: "N", note: "copied to the same positions. Also: CPTR_EL2_TTA (bit 20) -> CPACR_EL1_TTA (bit 28); !CPTR_EL2_TFP (bit 10) -> CPACR_EL1_FPEN set; !CPTR_EL2_TZ (bit 8) -> CPACR_EL1_ZEN set; start value CPACR_EL1_RES1 (generated; not transcribed)" },
] as const satisfies readonly LinuxMaskEntry[];
