/**
 * What the host sees when a guest hypervisor, running at virtual EL2 (really
 * at EL1), executes a system instruction: a plain EL1 register access, a trap
 * to the host with the ESR_EL2 it carries, or (FEAT_NV2) a load or store at
 * VNCR_EL2 + offset. Pure and data-driven: the classification reads the
 * register model (a spec's EL, its access per EL, its VNCR offset, its trap
 * controls, whether an _EL12 alias exists) and three small tables below, each
 * the data it is with its source. emulator/nested/README.md is the design
 * note: the rules, their sources, what a host without FEAT_NV does.
 *
 * Rules (Arm ARM DDI 0487, the MRS/MSR accessor pseudocode of each register,
 * `EffectiveHCR_EL2_NVx()` = HCR_EL2.<NV2,NV1,NV>; the host sets NV = 1,
 * NV1 = !E2H of the guest hypervisor, NV2 = 1 when it has FEAT_NV2):
 *  1. an encoding the guest hypervisor could not execute at EL2 (access at
 *     EL2 null for the direction) is UNDEFINED there: no host involvement;
 *  2. an _EL12/_EL02 alias: NVx '101' -> NVMem[offset of the aliased EL1
 *     register]; otherwise 'xx1' -> trap (EC 0x18);
 *  3. an encoding UNDEFINED at EL1 but defined at EL2 (every EL2 register,
 *     SP_EL1, the AArch32 banked SPSRs): '1x1' -> NVMem[its VNCR offset] if it
 *     has one, else the EL1 register of NV2_EL1_REDIRECTS, else trap; 'xx1'
 *     (no NV2) -> trap;
 *  4. an EL0/EL1 register: the host's trap controls first (the register's
 *     `traps` from its spec, e.g. HCR_EL2.TVM/TRVM, CPTR_EL2.TCPAC, when the
 *     host sets them: KVM_NESTED_TRAP_RULES); then with NV2 its VNCR offset
 *     (always when it has no _EL12 alias; only with NV1 = 1 when it has one:
 *     the EL1 register and its _EL12 alias share the slot); then with
 *     NV1 = 1 and no NV2 the NV1_TRAPPED registers trap ('011'); else direct.
 * ERET traps with EC 0x1a under NV and NV2; HVC is always an exception to the
 * host (EC 0x16); SMC traps with EC 0x17 (KVM sets HCR_EL2.TSC for every
 * guest); a nested guest's exit to virtual EL2 is one trap to the host, which
 * then injects the exception into the guest hypervisor.
 */
import type { Alias, Encoding, Register, RegisterModel, TrapControl } from "../../generators/spec/model.js";
import { encodingKey } from "../../generators/spec/model.js";
import type { Instruction } from "../a64/instruction.js";
import { EC, esr, sys64Iss } from "../arch.js";

// ---- the host ----------------------------------------------------------------------------------

/** What the host CPU implements. FEAT_NV2 implies FEAT_NV (Arm ARM: ID_AA64MMFR2_EL1.NV 0b0010). */
export interface HostFeatures {
  readonly FEAT_NV: boolean;
  readonly FEAT_NV2: boolean;
}

/** A feature set (profile names: "FEAT_NV", "FEAT_NV2") or the two booleans. */
export type HostFeatureInput = HostFeatures | Iterable<string>;

export function hostFeatures(f: HostFeatureInput): HostFeatures {
  if (typeof (f as Iterable<string>)[Symbol.iterator] === "function") {
    const set = new Set(f as Iterable<string>);
    const nv2 = set.has("FEAT_NV2");
    return { FEAT_NV: nv2 || set.has("FEAT_NV"), FEAT_NV2: nv2 };
  }
  const h = f as HostFeatures;
  return { FEAT_NV: h.FEAT_NV || h.FEAT_NV2, FEAT_NV2: h.FEAT_NV2 };
}

/**
 * How the host runs the guest hypervisor: "nv2" (FEAT_NV2: HCR_EL2.{NV,NV2} = 1),
 * "nv" (FEAT_NV only: HCR_EL2.NV = 1), "paravirt" (no FEAT_NV: the guest
 * hypervisor is modified so that every instruction FEAT_NV would trap is an
 * HVC instead, NEVE's emulation of ARMv8.3 on ARMv8.0; see README.md).
 */
export type HostMode = "nv2" | "nv" | "paravirt";

export type GuestE2H = 0 | 1;

/**
 * A trap control KVM sets on the host while a guest hypervisor runs, beyond
 * HCR_EL2.{NV,NV1,NV2}: where KVM deviates from the architecture's default.
 */
export interface KvmTrapRule {
  readonly modes: readonly HostMode[];
  readonly e2h: GuestE2H;
  /** "HCR_EL2.TVM": the control is set to 1 (the register specs name the controls that trap them). */
  readonly controls: readonly string[];
  readonly why: string;
  readonly source: string;
}

/**
 * KVM's extra trap controls for a guest hypervisor context. Which registers
 * they trap is the register specs' data (`traps`), not this table's.
 */
export const KVM_NESTED_TRAP_RULES: readonly KvmTrapRule[] = [
  {
    modes: ["nv", "paravirt"],
    e2h: 0,
    controls: ["HCR_EL2.TVM", "HCR_EL2.TRVM"],
    why:
      "with NV1 the guest hypervisor's EL1 names mean its nested guest's EL1 registers, but the physical EL1 " +
      "registers hold the guest hypervisor's own (translated) EL2 state: without the VNCR page the accesses must trap",
    source:
      "[PATCH v2 30/94] KVM: arm64: nv: Configure HCR_EL2 for nested virtualization (2020-02-11, " +
      "<20200211174938.27809-31-maz@kernel.org>): hcr |= HCR_TVM | HCR_TRVM | HCR_NV1 'For a guest hypervisor on v8.0, " +
      "trap and emulate the EL1 virtual memory control register accesses'; it replaced the pre-NV code " +
      "'Trap VM sysreg accesses if an EL2 guest is not using VHE: hcr |= HCR_TVM | HCR_TRVM'",
  },
  {
    modes: ["nv", "paravirt"],
    e2h: 0,
    controls: ["CPTR_EL2.TCPAC"],
    why: "the physical CPACR_EL1 holds the guest hypervisor's CPTR_EL2 (translated), not its nested guest's CPACR_EL1",
    source:
      "[PATCH v4 20/66] KVM: arm64: nv: Trap CPACR_EL1 access in virtual EL2 (2021-05-10, " +
      "<20210510165920.1913477-21-maz@kernel.org>): if (vcpu_mode_el2(vcpu) && !vcpu_el2_e2h_is_set(vcpu)) val |= CPTR_EL2_TCPAC",
  },
  {
    modes: ["nv2"],
    e2h: 1,
    controls: ["CPTR_EL2.TCPAC"],
    why:
      "a VHE guest hypervisor writes its CPTR_EL2 through CPACR_EL1, where TCPAC and TTA are RES0: KVM traps the " +
      "accesses to see those bits (handled in the hypervisor as a 'shallow exit', still a trap)",
    source:
      "[PATCH v2 14/15] KVM: arm64: nv: Add additional trap setup for CPTR_EL2 (2024-06-13, " +
      "<20240613201756.3258227-15-oliver.upton@linux.dev>), arch/arm64/kvm/hyp/vhe/switch.c __activate_cptr_traps(): " +
      "if (vcpu_el2_e2h_is_set(vcpu) && is_hyp_ctxt(vcpu)) val |= CPTR_EL2_TCPAC",
  },
];

/**
 * EL2 encodings that FEAT_NV2 turns into an access to an EL1 register (not
 * memory, not a trap) when HCR_EL2.{NV2,NV} = {1,1}: the guest hypervisor's
 * exception state lives in the physical EL1 registers while it runs.
 */
export const NV2_EL1_REDIRECTS: Readonly<Record<string, string>> = {
  ELR_EL2: "ELR_EL1",
  SPSR_EL2: "SPSR_EL1",
  ESR_EL2: "ESR_EL1",
  FAR_EL2: "FAR_EL1",
  TFSR_EL2: "TFSR_EL1",
};
export const NV2_EL1_REDIRECTS_SOURCE =
  "Arm ARM ELR_EL2 accessor: 'if EffectiveHCR_EL2_NVx() IN {'1x1'} then X[t, 64] = ELR_EL1; elsif ... IN {'xx1'} then " +
  "AArch64.SystemAccessTrap(EL2, 0x18)' (arm.jonpalmisc.com/2023_09_sysreg/AArch64-elr_el2.html); the full list from QEMU " +
  "commit c35da11df40678d606064f75a7c2d747efa1b302 'target/arm: Handle FEAT_NV2 redirection of SPSR_EL2, ELR_EL2, ESR_EL2, FAR_EL2'";

/** EL1 registers HCR_EL2.NV1 traps while NV2 is 0 (EffectiveHCR_EL2_NVx() == '011'). */
export const NV1_TRAPPED: readonly string[] = ["VBAR_EL1", "ELR_EL1", "SPSR_EL1", "SCXTNUM_EL1", "TFSR_EL1"];
export const NV1_TRAPPED_SOURCE =
  "Arm ARM ELR_EL1 accessor: 'if EffectiveHCR_EL2_NVx() == '011' then AArch64.SystemAccessTrap(EL2, 0x18); elsif ... IN " +
  "{'111'} then X[t, 64] = NVMem[0x230]' (arm.jonpalmisc.com/latest_sysreg/AArch64-elr_el1.html); Linux emulate-nested.c " +
  "@48a710760e10: SR_TRAP(SYS_VBAR_EL1/SYS_ELR_EL1/SYS_SPSR_EL1, CGT_HCR_NV1_nNV2), SR_TRAP(SYS_SCXTNUM_EL1, CGT_HCR_NV1_nNV2_ENSCXT). " +
  "TFSR_EL1 is not in Linux's table but traps too: QEMU target/arm/helper.c access_tfsr_el1() calls access_nv1(), from the commit " +
  "'target/arm: Trap registers when HCR_EL2.{NV,NV1} == {1,1}', which lists VBAR_EL1, ELR_EL1, SPSR_EL1, SCXTNUM_EL1 and TFSR_EL1 " +
  "from the Arm ARM accessors; test/qemu-nv.test.ts saw QEMU 10 trap MRS/MSR TFSR_EL1 (EC 0x18) at EL1 with NV,NV1 = 1,1";

/** The host's configuration while the guest hypervisor runs at virtual EL2. */
export interface HostTrapConfig {
  readonly mode: HostMode;
  readonly e2h: GuestE2H;
  /** HCR_EL2.NV1: set for a non-VHE (E2H = 0) guest hypervisor. */
  readonly nv1: boolean;
  readonly nv2: boolean;
  /** Extra controls set to 1, "HCR_EL2.TVM", with the rule that set each. */
  readonly controls: ReadonlyMap<string, KvmTrapRule>;
}

export function hostMode(features: HostFeatureInput): HostMode {
  const f = hostFeatures(features);
  return f.FEAT_NV2 ? "nv2" : f.FEAT_NV ? "nv" : "paravirt";
}

/** The host's configuration: HCR_EL2.{NV1,NV2} and KVM's extra controls (`rules`, default KVM_NESTED_TRAP_RULES). */
export function hostTrapConfig(features: HostFeatureInput | HostMode, e2h: GuestE2H, rules: readonly KvmTrapRule[] = KVM_NESTED_TRAP_RULES): HostTrapConfig {
  const mode: HostMode = typeof features === "string" ? (features as HostMode) : hostMode(features);
  const controls = new Map<string, KvmTrapRule>();
  for (const r of rules) if (r.e2h === e2h && r.modes.includes(mode)) for (const c of r.controls) controls.set(c, r);
  return { mode, e2h, nv1: e2h === 0, nv2: mode === "nv2", controls };
}

// ---- outcomes ----------------------------------------------------------------------------------

export type TrapReason =
  /** HCR_EL2.NV: an EL2-only encoding, or an _EL12/_EL02 alias, executed at EL1. */
  | "nv"
  /** HCR_EL2.NV1 without NV2 (NV1_TRAPPED). */
  | "nv1"
  /** A trap control the host set (KVM_NESTED_TRAP_RULES), named in `control`. */
  | "control"
  | "eret"
  | "hvc"
  | "smc"
  /** A nested guest's exception to virtual EL2: trapped to the host, which injects it. */
  | "nested-exit";

export type HostOutcome =
  /** Runs on a physical EL1 register (or is no system register access at all) without leaving the guest. */
  | { readonly kind: "direct"; readonly register?: string }
  /** An exception to the host; `esr` is ESR_EL2 as the host reads it. */
  | {
      readonly kind: "trap";
      readonly ec: number;
      readonly esr: number;
      readonly reason: TrapReason;
      readonly control?: string;
      /** Paravirtualized (no FEAT_NV): the HVC replaces an access whose FEAT_NV syndrome this is. */
      readonly nvEsr?: number;
    }
  /** FEAT_NV2: a load (MRS) or store (MSR) at VNCR_EL2.BADDR + offset. */
  | { readonly kind: "vncr"; readonly offset: number; readonly register: string }
  /** UNDEFINED at virtual EL2: the guest hypervisor takes it itself (at EL1), the host does not see it. */
  | { readonly kind: "undefined" };

/** ESR_EL2 of a trapped MSR/MRS: EC 0x18, IL, ISS Op0 Op2 Op1 CRn Rt CRm Direction (1 = read). */
export function sysregTrapEsr(e: Encoding, rt: number, read: boolean): number {
  return esr(EC.SYS64, sys64Iss(e.op0, e.op1, e.crn, e.crm, e.op2, rt, read));
}

/** ESR_EL2 of a trapped ERET: EC 0x1a, IL, ISS 0 (ERET; bit 1 would mean ERETAA/ERETAB, bit 0 the B key). */
export const ERET_ESR = esr(EC.ERET, 0);

function trap(host: HostTrapConfig, ec: number, syndrome: number, reason: TrapReason, control?: string): HostOutcome {
  const t = control === undefined ? { kind: "trap" as const, ec, esr: syndrome, reason } : { kind: "trap" as const, ec, esr: syndrome, reason, control };
  // Without FEAT_NV nothing makes these trap (ARMv8.0: the EL2 encodings are UNDEFINED at EL1, ERET returns from
  // EL1): the guest hypervisor was modified to make a hypercall instead. TVM/TRVM, TCPAC and TSC exist in ARMv8.0.
  if (host.mode === "paravirt" && (reason === "nv" || reason === "nv1" || reason === "eret")) {
    return { ...t, ec: EC.HVC64, esr: esr(EC.HVC64, 0), nvEsr: syndrome };
  }
  return t;
}

// ---- classification ----------------------------------------------------------------------------

export interface SysregAccess {
  /** MRS (true) or MSR (false). */
  readonly read: boolean;
  readonly rt: number;
  /** The instruction's encoding; it is what the host's hardware sees. */
  readonly encoding: Encoding;
}

type Spec = Register | Alias;

function allows(mode: "rw" | "ro" | "wo" | null | undefined, read: boolean): boolean {
  return mode === "rw" || mode === (read ? "ro" : "wo");
}

/** What classifying one spec needs from the rest of the model. */
export interface SpecContext {
  /** For an alias: the register it reaches. */
  readonly target?: Register;
  /** For an EL0/EL1 register: whether an _EL12/_EL02 alias of it exists (it then shares its VNCR slot with the alias). */
  readonly hasEl12Alias: boolean;
}

/** Classify one access to `spec` (rules 1-4 of the header). */
export function classifySpec(spec: Spec, ctx: SpecContext, access: SysregAccess, host: HostTrapConfig): HostOutcome {
  const { read, rt, encoding } = access;
  const trapped = (reason: TrapReason, control?: string) => trap(host, EC.SYS64, sysregTrapEsr(encoding, rt, read), reason, control);
  if (!allows(spec.access[2], read)) return { kind: "undefined" };
  if (spec.kind === "alias") {
    const offset = ctx.target?.vncr;
    if (host.nv2 && !host.nv1 && offset !== undefined) return { kind: "vncr", offset, register: spec.aliasOf };
    return trapped("nv");
  }
  if (!allows(spec.access[1], read)) {
    if (host.nv2) {
      if (spec.vncr !== undefined) return { kind: "vncr", offset: spec.vncr, register: spec.name };
      const to = NV2_EL1_REDIRECTS[spec.name];
      if (to !== undefined) return { kind: "direct", register: to };
    }
    return trapped("nv");
  }
  for (const c of read ? spec.traps.read : spec.traps.write) {
    if (c.trapsWhen === 1 && host.controls.has(controlName(c))) return trapped("control", controlName(c));
  }
  if (host.nv2 && spec.vncr !== undefined && (host.nv1 || !ctx.hasEl12Alias)) return { kind: "vncr", offset: spec.vncr, register: spec.name };
  if (host.nv1 && !host.nv2 && NV1_TRAPPED.includes(spec.name)) return trapped("nv1");
  return { kind: "direct", register: spec.name };
}

function controlName(c: TrapControl): string {
  return `${c.register}.${c.field}`;
}

/**
 * PSTATE accessors MRS/MSR reach by encoding (Arm ARM C5.2: NZCV, DAIF,
 * CurrentEL, SPSel): no system register, nothing the host sees.
 */
const PSTATE_ENCODINGS = new Set(["3_3_4_2_0", "3_3_4_2_1", "3_0_4_2_2", "3_0_4_2_0"]);

/** The trap model of one register model: classify accesses by encoding or by name, and whole instructions. */
export class TrapModel {
  private readonly byEncoding = new Map<string, Spec>();
  private readonly aliased = new Set<string>();

  constructor(readonly model: RegisterModel) {
    for (const r of model.registers) if (r.encoding) this.byEncoding.set(encodingKey(r.encoding), r);
    for (const a of model.aliases) {
      this.byEncoding.set(encodingKey(a.encoding), a);
      this.aliased.add(a.aliasOf);
    }
  }

  /** The register or alias an encoding names, or undefined. */
  spec(e: Encoding): Spec | undefined {
    return this.byEncoding.get(encodingKey(e));
  }

  context(spec: Spec): SpecContext {
    if (spec.kind === "alias") {
      const t = this.model.byName.get(spec.aliasOf);
      return t?.kind === "register" ? { target: t, hasEl12Alias: false } : { hasEl12Alias: false };
    }
    return { hasEl12Alias: this.aliased.has(spec.name) };
  }

  /** MRS/MSR by the guest hypervisor, by encoding or by a register or alias name. */
  classifySysreg(access: { readonly read: boolean; readonly rt: number; readonly encoding?: Encoding; readonly name?: string }, host: HostTrapConfig): HostOutcome {
    let encoding = access.encoding;
    if (!encoding) {
      const named = access.name === undefined ? undefined : this.model.byName.get(access.name.toUpperCase());
      if (!named?.encoding) throw new Error(`no encoding for ${access.name ?? "an access without name or encoding"}`);
      encoding = named.encoding;
    }
    if (PSTATE_ENCODINGS.has(encodingKey(encoding))) return { kind: "direct" };
    const spec = this.spec(encoding);
    // An encoding the model does not describe: the emulator treats it as UNDEFINED, and so does this model.
    if (!spec) return { kind: "undefined" };
    return classifySpec(spec, this.context(spec), { read: access.read, rt: access.rt, encoding }, host);
  }

  /** One instruction executed by the guest hypervisor at virtual EL2. */
  classifyInstruction(insn: Instruction, host: HostTrapConfig): HostOutcome {
    switch (insn.op) {
      case "mrs":
      case "msr":
        return this.classifySysreg({ read: insn.op === "mrs", rt: insn.rt, encoding: insn.sysreg }, host);
      case "eret":
        return classifyEret(host);
      case "hvc":
        return classifyHvc(insn.imm);
      case "smc":
        return classifySmc(insn.imm, host);
      default:
        // MSR (immediate), SVC (an exception to EL1: the guest hypervisor's own), NOP, ISB, MOV*.
        return { kind: "direct" };
    }
  }
}

/** ERET at EL1 with HCR_EL2.NV = 1 traps (EC 0x1a), with and without NV2. */
export function classifyEret(host: HostTrapConfig): HostOutcome {
  return trap(host, EC.ERET, ERET_ESR, "eret");
}

/** HVC at EL1 is an exception to EL2: the host's, whatever it implements. */
export function classifyHvc(imm: number): HostOutcome {
  return { kind: "trap", ec: EC.HVC64, esr: esr(EC.HVC64, imm & 0xffff), reason: "hvc" };
}

/** SMC at EL1 traps to EL2 with HCR_EL2.TSC, which KVM sets for every guest (HCR_GUEST_FLAGS); preferred return: the SMC. */
export function classifySmc(imm: number, host: HostTrapConfig): HostOutcome {
  return trap(host, EC.SMC64, esr(EC.SMC64, imm & 0xffff), "smc");
}

/**
 * A nested guest's exception to virtual EL2 (an HVC, a trapped access): the
 * hardware takes it to the host with the guest's syndrome; the host then
 * injects it into the guest hypervisor (its ESR_EL2/ELR_EL2/SPSR_EL2, which
 * with NV2 are the physical EL1 registers) and enters virtual EL2.
 */
export function classifyNestedExit(syndrome: number): HostOutcome {
  return { kind: "trap", ec: (syndrome >>> 26) & 0x3f, esr: syndrome >>> 0, reason: "nested-exit" };
}

/** Traps, VNCR accesses, direct accesses and UNDEFINED instructions among `outcomes`. */
export interface TrapCounts {
  traps: number;
  vncr: number;
  direct: number;
  undefined: number;
}

export function countOutcomes(outcomes: Iterable<HostOutcome>): TrapCounts {
  const c: TrapCounts = { traps: 0, vncr: 0, direct: 0, undefined: 0 };
  for (const o of outcomes) {
    if (o.kind === "trap") c.traps++;
    else if (o.kind === "vncr") c.vncr++;
    else if (o.kind === "direct") c.direct++;
    else c.undefined++;
  }
  return c;
}
