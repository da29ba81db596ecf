/**
 * The QEMU CPUs `reglab qemu` runs scenarios on, one profile each: the reglab
 * CPU profile (specs/profiles/) the emulator side runs under, the QEMU
 * command line, and the per-CPU rules for bits whose value is an
 * IMPLEMENTATION choice or depends on a feature the emulator does not model.
 *
 * A rule names its registers and bits explicitly (never "every RES0 bit"):
 * a difference in a rule's bits is printed as a note with the rule's reason
 * and source, never dropped silently, and never counted as a mismatch. Rules
 * are per CPU rather than per scenario line because any program (the bundled
 * scenarios, random programs) hits them on any line.
 */

export const QEMU_CPUS = ["max", "cortex-a57"] as const;
export type QemuCpu = (typeof QEMU_CPUS)[number];

export interface BitRule {
  /** Registers whose value the rule covers, by the name a difference is decoded with (Observable.decodeAs ?? name). */
  readonly registers: readonly string[];
  readonly mask: bigint;
  /**
   * The rule covers a difference only where QEMU's bits are 0 (QEMU clears what the emulator keeps);
   * QEMU holding a 1 there is still a mismatch.
   */
  readonly onlyWhereQemuZero?: boolean;
  /** The bits, by field name (for the report). */
  readonly bits: string;
  readonly why: string;
  /** Arm ARM section or pseudocode, QEMU/Linux file and function. */
  readonly source: string;
}

export interface QemuCpuProfile {
  readonly cpu: QemuCpu;
  /** The reglab profile (specs/profiles/<name>.yaml) the emulator runs under for this CPU. */
  readonly profile: string;
  /** -M argument. */
  readonly machine: string;
  /** -cpu argument. */
  readonly cpuArg: string;
  readonly description: string;
  readonly rules: readonly BitRule[];
}

const bit = (n: number): bigint => 1n << BigInt(n);
const bits = (hi: number, lo: number): bigint => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);

const SPSR_LIKE = ["SPSR_EL1", "SPSR_EL2", "PSTATE"];

/**
 * Exception entry: QEMU clears PSTATE.{N,Z,C,V}; the Arm ARM pseudocode AArch64.TakeException
 * assigns none of them, so the emulator (and every scenario) keeps them. Every later observable of
 * NZCV (PSTATE, NZCV, the SPSR of the next exception) then differs, until an ERET or MSR NZCV sets
 * them again on both sides. Only that direction is covered: QEMU showing a flag the emulator lacks is
 * a mismatch.
 */
const QEMU_NZCV_ON_ENTRY: BitRule = {
  registers: SPSR_LIKE,
  mask: bits(31, 28),
  onlyWhereQemuZero: true,
  bits: "N, Z, C, V [31:28], where QEMU's are 0",
  why: "QEMU clears NZCV on exception entry; the Arm ARM does not, and the emulator keeps them",
  source: "QEMU target/arm/helper.c arm_cpu_do_interrupt_aarch64: pstate_write(env, PSTATE_DAIF | new_mode); Arm ARM AArch64.TakeException (no assignment to PSTATE.{N,Z,C,V})",
};

/**
 * The rules both CPUs share (QEMU's register code, target/arm/helper.c, is common to them):
 * - NZCV on exception entry (above);
 * - RES0 bits QEMU stores as written where the emulator (the specs) hardwires them to 0. The Arm
 *   ARM Glossary, "RES0": a bit that is RES0 in all contexts may be implemented as RAZ/WI or as a
 *   bit that reads back what software wrote (software must write 0 and must not rely on the
 *   value): both sides are right, so the difference is a note. Likewise "RES1" for VTCR_EL2 bit 31;
 * - what QEMU does not implement and keeps constant (MDCCINT_EL1, the FPCR trap enables).
 */
const QEMU_RULES: readonly BitRule[] = [
  QEMU_NZCV_ON_ENTRY,
  {
    registers: ["HSTR_EL2"],
    mask: bits(63, 16) | bit(14) | bit(4),
    bits: "63:16, 14, 4 (RES0)",
    why: "QEMU stores every bit written to HSTR_EL2; the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c el2_cp_reginfo HSTR_EL2: .fieldoffset cp15.hstr_el2, no writefn; Arm ARM Glossary RES0",
  },
  {
    registers: ["VBAR_EL2", "VBAR_EL1"],
    mask: bits(10, 5),
    bits: "10:5 (RES0; VBA is 63:11)",
    why: "QEMU masks VBAR writes with ~0x1f only, so bits 10:5 read back as written; the emulator keeps them 0",
    source: "QEMU target/arm/helper.c vbar_write(): raw_write(env, ri, value & ~0x1FULL); Arm ARM VBAR_EL2/VBAR_EL1, Glossary RES0",
  },
  {
    registers: ["VTCR_EL2"],
    mask: bits(63, 46) | bits(43, 42) | bit(39) | bits(24, 23) | bit(20) | bit(31),
    bits: "63:46, 43:42, 39, 24:23, 20 (RES0 in the specs) and 31 (RES1)",
    why: "QEMU stores VTCR_EL2 as written (RES0 bits kept, RES1 bit 31 not forced to 1); the emulator applies the spec's RES0/RES1 masks",
    source: "QEMU target/arm/helper.c el2_cp_reginfo VTCR_EL2: .fieldoffset cp15.vtcr_el2, 'no .writefn needed'; Arm ARM Glossary RES0/RES1",
  },
  {
    registers: ["CPTR_EL2"],
    mask: bits(63, 32) | bits(29, 21) | bits(19, 14) | bit(11),
    bits: "63:32, 29:21, 19:14, 11 (RES0 with E2H == 0)",
    why: "QEMU stores CPTR_EL2 as written; the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c el2_cp_reginfo CPTR_EL2: .fieldoffset cp15.cptr_el[2]; Arm ARM CPTR_EL2, Glossary RES0",
  },
  {
    registers: ["MDCR_EL2"],
    mask: 0xfffbf4ef00750000n,
    bits: "63:51, 49:44, 42, 39:37, 35:32, 22:20, 18, 16 (RES0 in the specs)",
    why: "QEMU stores MDCR_EL2 as written; the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c mdcr_el2_write(): env->cp15.mdcr_el2 = value; Arm ARM MDCR_EL2, Glossary RES0",
  },
  {
    registers: ["CONTEXTIDR_EL1", "CONTEXTIDR_EL2"],
    mask: bits(63, 32),
    bits: "63:32 (RES0; PROCID is 31:0)",
    why: "QEMU stores all 64 bits written to CONTEXTIDR_ELx; the emulator keeps bits 63:32 0",
    source: "QEMU target/arm/helper.c CONTEXTIDR_EL1: .fieldoffset cp15.contextidr_el[1], contextidr_write() -> raw_write; Arm ARM CONTEXTIDR_EL1, Glossary RES0",
  },
  {
    registers: ["CNTKCTL_EL1"],
    mask: bits(63, 18) | bits(16, 10),
    bits: "63:18, 16:10 (RES0 in the specs)",
    why: "QEMU stores CNTKCTL_EL1 as written; the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c CNTKCTL_EL1: .fieldoffset cp15.c14_cntkctl, gt_cntkctl_write() -> raw_write; Arm ARM CNTKCTL_EL1, Glossary RES0",
  },
  {
    registers: ["TCR_EL1", "TCR_EL2"],
    mask: bits(63, 62) | bit(35) | bit(6),
    bits: "63:62, 35, 6 (RES0 in the E2H == 1 / EL1 format)",
    why: "QEMU stores TCR_ELx as written; the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c vmsa_tcr_el12_write() -> raw_write(env, ri, value); Arm ARM TCR_EL1, Glossary RES0",
  },
  {
    registers: ["MDCCINT_EL1"],
    mask: bits(30, 29),
    bits: "RX [30], TX [29]",
    why: "QEMU implements no Debug Communications Channel: MDCCINT_EL1 is a constant 0 there, while the emulator stores it as KVM does",
    source: "QEMU target/arm/debug_helper.c debug_cp_reginfo: 'Dummy MDCCINT_EL1, since we don't implement the Debug Communications Channel' (ARM_CP_CONST, resetvalue 0); Linux sys_regs.c MDCCINT_EL1 trap_debug_regs/reset_val",
  },
  {
    registers: ["FPCR"],
    mask: bit(15) | bits(12, 8),
    bits: "IDE [15], IXE [12], UFE [11], OFE [10], DZE [9], IOE [8] (trap enables)",
    why: "whether floating-point exceptions can be trapped is IMPLEMENTATION DEFINED; QEMU implements no trapping, so the trap-enable bits are RAZ/WI, while the emulator's vCPU stores them",
    source: "Arm ARM FPCR.IOE and siblings ('RES0 in an implementation that does not support the trapping of floating-point exceptions'); QEMU target/arm/vfp_helper.c vfp_set_fpcr: the trap enables are cleared on write",
  },
  {
    registers: ["SCTLR_EL2"],
    mask: bits(53, 50) | bit(17) | bit(9),
    bits: "53:50, 17, 9 (RES0 in the specs)",
    why: "QEMU stores SCTLR_EL2 as written (RES0 bits kept); the emulator keeps RES0 bits 0",
    source: "QEMU target/arm/helper.c sctlr_write() -> raw_write(env, ri, value) (only M/feature bits adjusted); Arm ARM SCTLR_EL2, Glossary RES0",
  },
];

export const CPUS: Record<QemuCpu, QemuCpuProfile> = {
  max: {
    cpu: "max",
    // The `max` profile (every feature the specs describe) is the closest to QEMU 10's -cpu max, which
    // has FEAT_VHE, FEAT_NV/NV2, FEAT_PAuth, FEAT_SVE, FEAT_HCX, FEAT_NMI, ... mte=on gives it FEAT_MTE2/3
    // too: without tag memory QEMU's virt board takes MTE away from -cpu max (hw/arm/virt.c
    // machvirt_init, target/arm/cpu.c arm_cpu_realizefn: ID_AA64PFR1_EL1.MTE = 0 without tag-memory).
    profile: "max",
    machine: "virt,virtualization=on,mte=on",
    cpuArg: "max",
    description: "QEMU's -cpu max with EL2 and MTE tag memory, compared with the emulator under the reglab `max` profile",
    rules: [
      {
        registers: SPSR_LIKE,
        mask: bit(22),
        bits: "PAN [22]",
        why: "exception entry sets PSTATE.PAN when SCTLR_ELx.SPAN == 0 (FEAT_PAN); the emulator models no PAN, and SCTLR_ELx keeps QEMU's reset value",
        source: "Arm ARM AArch64.TakeException (PSTATE.PAN); QEMU target/arm/helper.c arm_cpu_do_interrupt_aarch64 (aa64_pan, SCTLR_SPAN)",
      },
      {
        registers: SPSR_LIKE,
        mask: bit(12),
        bits: "SSBS [12]",
        why: "exception entry sets PSTATE.SSBS to SCTLR_ELx.DSSBS (FEAT_SSBS); the emulator models no SSBS",
        source: "Arm ARM AArch64.TakeException (PSTATE.SSBS = SCTLR_ELx.DSSBS); QEMU target/arm/helper.c arm_cpu_do_interrupt_aarch64 (aa64_ssbs)",
      },
      {
        registers: SPSR_LIKE,
        mask: bit(13),
        bits: "ALLINT [13]",
        why: "exception entry sets PSTATE.ALLINT = NOT SCTLR_ELx.SPINTMASK (FEAT_NMI, which QEMU 10 -cpu max has); the emulator models no ALLINT",
        source: "Arm ARM AArch64.TakeException (if IsFeatureImplemented(FEAT_NMI) PSTATE.ALLINT = NOT SCTLR_ELx.SPINTMASK); QEMU target/arm/helper.c arm_cpu_do_interrupt_aarch64 (aa64_nmi, SCTLR_SPINTMASK)",
      },
      {
        registers: SPSR_LIKE,
        mask: bit(25),
        bits: "TCO [25]",
        why: "exception entry sets PSTATE.TCO to 1 (FEAT_MTE, which -cpu max has with mte=on); the emulator models no TCO",
        source: "Arm ARM AArch64.TakeException (if IsFeatureImplemented(FEAT_MTE) then PSTATE.TCO = '1'); QEMU target/arm/helper.c arm_cpu_do_interrupt_aarch64 (aa64_mte: new_mode |= PSTATE_TCO)",
      },
      ...QEMU_RULES,
    ],
  },
  "cortex-a57": {
    cpu: "cortex-a57",
    // An Armv8.0 core: no PAN, SSBS or NMI, so exception entry sets none of those PSTATE bits.
    profile: "cortex-a57",
    machine: "virt,virtualization=on",
    cpuArg: "cortex-a57",
    description: "QEMU's -cpu cortex-a57 with EL2, compared with the emulator under the reglab `cortex-a57` profile",
    rules: [
      ...QEMU_RULES,
      {
        registers: ["SCTLR_EL1"],
        mask: bits(29, 28) | bit(23) | bit(22) | bit(20) | bit(11),
        bits: "LSMAOE [29], nTLSMD [28], SPAN [23], EIS [22], TSCXT [20], EOS [11] (RES1 on an Armv8.0 CPU)",
        why: "QEMU stores SCTLR_EL1 as written, so RES1 bits written as 0 read back 0; the emulator reads them as 1 (Arm ARM Glossary RES1 allows both: software must write 1)",
        source: "QEMU target/arm/helper.c sctlr_write() -> raw_write(env, ri, value); Arm ARM SCTLR_EL1 (fields of FEAT_LSMAOC, FEAT_PAN, FEAT_ExS, FEAT_CSV2: RES1 without them), Glossary RES1",
      },
    ],
  },
};
