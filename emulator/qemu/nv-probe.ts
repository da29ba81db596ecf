/**
 * `reglab qemu --traps`: the nested trap model (emulator/nested/trap-model.ts)
 * against an implementation nobody here wrote, QEMU's FEAT_NV/FEAT_NV2
 * (`-cpu max`, QEMU >= 9.0; Debian bookworm-backports ships 10.0).
 *
 * For a host profile (v8.3-nv: FEAT_NV; v8.4-nv2: FEAT_NV2) and the guest
 * hypervisor's E2H, one bare-metal program (templates/nv-probe.S.hbs and
 * nv-probe-harness.c.hbs) configures real EL2 as the trap model's host
 * configuration says (hostTrapConfig(): HCR_EL2.{NV,NV1,NV2} and the extra
 * controls KVM sets, rendered field by field from the register specs), drops
 * to EL1 (the guest hypervisor's virtual EL2) and executes, one by one, an MRS
 * and an MSR of every register and alias the model has an encoding for, then
 * ERET, HVC and SMC. What QEMU did is parsed from the program's output and
 * compared with TrapModel.classifySysreg() / classifyInstruction():
 * direct vs trap (the whole ESR_EL2) vs VNCR access (the page offset) vs
 * UNDEFINED (taken at EL1).
 *
 * The host configuration follows KVM (Linux arch/arm64/kvm/hyp/vhe/switch.c
 * __compute_hcr(): `hcr |= HCR_NV | HCR_NV2 | HCR_AT | HCR_TTLB; if
 * (!vcpu_el2_e2h_is_set(vcpu)) hcr |= HCR_NV1;` for a guest hypervisor; HCR_TSC
 * from HCR_GUEST_FLAGS in arch/arm64/include/asm/kvm_arm.h; HCR_API | HCR_APK
 * and HCR_ATA when the guest has PAuth / MTE, arch/arm64/kvm/arm.c
 * kvm_vcpu_enable_ptrauth() and sys_regs.c). Every trap control the register
 * specs name (`traps`) is set so that it does not trap (a control that traps
 * while clear, !HCR_EL2.APK, HCRX_EL2.TCR2En, HFGRTR_EL2.nPOR_EL1, is set;
 * one that traps while set is cleared) unless the host configuration's
 * `controls` (KVM_NESTED_TRAP_RULES) set it: the program runs the trap model's
 * own assumptions, so a difference is the model's or QEMU's, not the harness's.
 * KVM's base HCR_GUEST_FLAGS traps the model leaves out (README "Not
 * modelled": TACR, TID3, TIDCP, MDCR_EL2.TPM...) can be added with
 * `extraRules`, as hostTrapConfig() takes them.
 *
 * The real host runs with HCR_EL2.E2H = 0 (QEMU's reset for a -kernel image
 * entered at EL2): FEAT_NV's behaviour at EL1 depends on HCR_EL2.{NV,NV1,NV2}
 * and the trap controls, not on the host's E2H (Arm ARM
 * EffectiveHCR_EL2_NVx(); E2H matters only with TGE = 1, which KVM never sets
 * while a guest runs), and E2H = 0 lets the pre-pass read every EL1 register
 * by its own name.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Profile } from "../../generators/profile/model.js";
import { hex } from "../../generators/spec/bits.js";
import type { Alias, Encoding, Register, RegisterModel } from "../../generators/spec/model.js";
import { EC } from "../arch.js";
import {
  classifyEret,
  classifyHvc,
  classifySmc,
  hostTrapConfig,
  KVM_NESTED_TRAP_RULES,
  TrapModel,
  type GuestE2H,
  type HostOutcome,
  type HostTrapConfig,
  type KvmTrapRule,
} from "../nested/trap-model.js";
import { sysregOperand } from "./a64.js";
import { CC, haveTool, QEMU } from "./qemu.js";
import { templateSet } from "./templates.js";

/** The host profiles the probe runs: FEAT_NV only, and FEAT_NV2. */
export const NV_PROBE_PROFILES = ["v8.3-nv", "v8.4-nv2"] as const;
export type NvProbeProfile = (typeof NV_PROBE_PROFILES)[number];

/** High half of every VNCR page slot's fill value: slot at offset o holds PATTERN_HI | o. */
export const PATTERN_HI = 0x5a5a5a5a00000000n;
/** HVC immediates of the harness (EL1 vectors -> EL2, end of the probes); a probe's HVC uses another. */
const HVC_PROBE_IMM = 0x1234;
const SMC_PROBE_IMM = 0x5678;
/** The probes' Rt: x1 (x0 is free for nothing; the harness owns x26, x27). */
const RT = 1;

/**
 * gic-version=3: the GICv3 CPU interface, so the ICH_*_EL2 registers exist;
 * mte=on: FEAT_MTE2 in -cpu max, so GCR_EL1, RGSR_EL1, TFSR*_EL1 exist.
 */
export const QEMU_NV_MACHINE = "virt,virtualization=on,gic-version=3,mte=on";
/** Minimum ID_AA64MMFR2_EL1.NV for a mode: 1 = FEAT_NV, 2 = FEAT_NV2 (Arm ARM D24.2). */
const NEED_NV: Record<"nv" | "nv2", number> = { nv: 1, nv2: 2 };

type Spec = Register | Alias;

export type ProbeOp = "mrs" | "msr" | "eret" | "hvc" | "smc";

export interface Probe {
  readonly index: number;
  /** "mrs SCTLR_EL1", "msr ELR_EL2", "eret", "hvc #0x1234". */
  readonly text: string;
  readonly op: ProbeOp;
  /** The register or alias an MRS/MSR names. */
  readonly spec?: string;
  /** The register whose implementation (pre-pass) decides whether QEMU has the encoding: an alias's target. */
  readonly implementedBy?: string;
  readonly word: number;
  readonly expected: HostOutcome;
}

interface PreSlot {
  readonly index: number;
  readonly register: string;
  readonly insn: string;
}

interface SetupSlot {
  readonly index: number;
  readonly register: string;
  readonly text: string;
  readonly asm: readonly string[];
  readonly operand: string;
}

export interface NvProbePlan {
  readonly profile: string;
  readonly e2h: GuestE2H;
  readonly host: HostTrapConfig;
  readonly probes: readonly Probe[];
  readonly pre: readonly PreSlot[];
  readonly setup: readonly SetupSlot[];
  /** HCR_EL2 while the probes run. */
  readonly hcr: bigint;
  readonly asm: string;
  readonly c: string;
}

// ---- the host configuration, from the specs --------------------------------------------------

function fieldMask(model: RegisterModel, register: string, field: string): bigint {
  const r = model.byName.get(register);
  const f = r?.kind === "register" ? r.fields.find((x) => x.name === field) : undefined;
  if (!f) throw new Error(`the host configuration names ${register}.${field}, which the register model does not have`);
  return f.mask;
}

/**
 * HCR_EL2 bits KVM sets for a guest hypervisor beyond the trap controls: RW
 * (AArch64 EL1), NV/NV1/NV2, AT and TTLB (__compute_hcr()), TSC
 * (HCR_GUEST_FLAGS: the trap model's SMC rule), API (PAuth instructions,
 * set with APK for a guest with PAuth: kvm_vcpu_enable_ptrauth()).
 */
function hcrBase(host: HostTrapConfig): string[] {
  return ["RW", "NV", ...(host.nv1 ? ["NV1"] : []), ...(host.nv2 ? ["NV2"] : []), "AT", "TTLB", "TSC", "API"];
}

/**
 * Trap controls that trap while 0 (enables, and the fine-grained traps' `nXXX`
 * bits, which have negative polarity), by the Arm ARM's field descriptions.
 * The register specs write such a control as "!REG.FIELD"; where one is
 * written without "!" the spec is wrong (specPolarityProblems() lists them)
 * and the probe follows the architecture, not the spec.
 */
export const TRAPS_WHILE_CLEAR: Readonly<Record<string, string>> = {
  "HCR_EL2.APK": "Arm ARM HCR_EL2.APK: 0b0 = accesses to the key registers at EL1 and EL0 are trapped to EL2",
  "HCR_EL2.API": "Arm ARM HCR_EL2.API: 0b0 = PAuth instructions at EL1 and EL0 are trapped to EL2",
  "HCR_EL2.ATA": "Arm ARM HCR_EL2.ATA: 0b0 = accesses at EL1 and EL0 to GCR_EL1, RGSR_EL1, TFSRE0_EL1, TFSR_EL1 (and tag instructions) are trapped to EL2",
  "HCRX_EL2.TCR2En": "Arm ARM HCRX_EL2.TCR2En: 0b0 = accesses at EL1 to TCR2_EL1 (and TCR2_EL12) are trapped to EL2",
  "HCRX_EL2.SCTLR2En": "Arm ARM HCRX_EL2.SCTLR2En: 0b0 = accesses at EL1 to SCTLR2_EL1 (and SCTLR2_EL12) are trapped to EL2",
  "HCRX_EL2.EnFPM": "Arm ARM HCRX_EL2.EnFPM: 0b0 = FPMR accesses at EL1 and EL0 are UNDEFINED",
  "CNTHCTL_EL2.EL1PCEN":
    "Arm ARM CNTHCTL_EL2.EL1PCEN (E2H = 0): 0b0 = EL0 and EL1 accesses to CNTP_CTL_EL0, CNTP_CVAL_EL0, CNTP_TVAL_EL0 are trapped to EL2; Linux arch/arm64/kvm/arch_timer.c sets it (CNTHCTL_EL1PCEN) unless it emulates the physical timer",
  "CNTHCTL_EL2.EL1PCTEN": "Arm ARM CNTHCTL_EL2.EL1PCTEN (E2H = 0): 0b0 = EL0 and EL1 accesses to CNTPCT_EL0 are trapped to EL2",
};
const FGT_REGISTERS = /^H(D|A)?FG[RWI]TR2?_EL2$/;

/** Whether a control traps while 0, by the architecture (TRAPS_WHILE_CLEAR, or a fine-grained trap's `n` bit). */
export function trapsWhileClear(register: string, field: string): boolean {
  return `${register}.${field}` in TRAPS_WHILE_CLEAR || (FGT_REGISTERS.test(register) && /^n[A-Z]/.test(field));
}

/** Spec trap references whose polarity contradicts the architecture: "POR_EL1 read: HFGRTR_EL2.nPOR_EL1 traps while 0, the spec says while 1". */
export function specPolarityProblems(model: RegisterModel): string[] {
  const out: string[] = [];
  for (const r of model.registers) {
    for (const [dir, list] of [["read", r.traps.read], ["write", r.traps.write]] as const) {
      for (const c of list) {
        const arch = trapsWhileClear(c.register, c.field) ? 0 : 1;
        if (arch !== c.trapsWhen) out.push(`${r.name} ${dir}: ${c.register}.${c.field} traps while ${arch}, the spec says while ${c.trapsWhen}`);
      }
    }
  }
  return out;
}

/** Per control register: bits to set and bits to clear so that the specs' trap controls are as the host says. */
export function controlValues(model: RegisterModel, host: HostTrapConfig): Map<string, { set: bigint; clear: bigint; fields: string[] }> {
  const out = new Map<string, { set: bigint; clear: bigint; fields: string[] }>();
  const at = (reg: string) => {
    let v = out.get(reg);
    if (!v) out.set(reg, (v = { set: 0n, clear: 0n, fields: [] }));
    return v;
  };
  at("HCR_EL2");
  for (const r of model.registers) {
    for (const c of [...r.traps.read, ...r.traps.write]) {
      const name = `${c.register}.${c.field}`;
      const v = at(c.register);
      if (v.fields.some((f) => f.endsWith(name))) continue;
      const mask = fieldMask(model, c.register, c.field);
      // Traps while set: clear unless the host sets it; traps while clear: always set (KVM enables what the guest has).
      const on = trapsWhileClear(c.register, c.field) || host.controls.has(name);
      if (on) v.set |= mask;
      else v.clear |= mask;
      v.fields.push(`${on ? "" : "!"}${name}`);
    }
  }
  const hcr = at("HCR_EL2");
  for (const f of hcrBase(host)) {
    hcr.set |= fieldMask(model, "HCR_EL2", f);
    hcr.fields.push(`HCR_EL2.${f}`);
  }
  // RES1 bits of the control registers (CPTR_EL2 with E2H = 0: 13, 9, 7:0).
  for (const [reg, v] of out) {
    const r = model.byName.get(reg);
    if (r?.kind === "register") v.set |= r.res1.value;
  }
  return out;
}

// ---- the plan ------------------------------------------------------------------------------

const MASK64 = (1n << 64n) - 1n;

function sysWord(e: Encoding, read: boolean, rt: number): number {
  return ((read ? 0xd5300000 : 0xd5100000) | (e.op0 << 19) | (e.op1 << 16) | (e.crn << 12) | (e.crm << 8) | (e.op2 << 5) | rt) >>> 0;
}

function allows(mode: "rw" | "ro" | "wo" | null | undefined, read: boolean): boolean {
  return mode === "rw" || mode === (read ? "ro" : "wo");
}

function load64(reg: string, v: bigint): string {
  return `ldr     ${reg}, =${hex(v & MASK64)}`;
}

/** An outcome as one comparable word: `trap:0x62310421`, `vncr:0x110`, `direct`, `undefined`, `el1:0x...`. */
export function outcomeWord(o: HostOutcome): string {
  switch (o.kind) {
    case "trap":
      return `trap:${hex(o.esr, 8)}`;
    case "vncr":
      return `vncr:${hex(o.offset, 3)}`;
    default:
      return o.kind;
  }
}

export interface NvProbeOptions {
  readonly e2h?: GuestE2H;
  /** KVM trap rules beyond KVM_NESTED_TRAP_RULES (hostTrapConfig's `rules`). */
  readonly extraRules?: readonly KvmTrapRule[];
}

/** The probe program for `profile` (its features decide FEAT_NV / FEAT_NV2) and the guest hypervisor's E2H. */
export function planNvProbe(model: RegisterModel, profile: Profile, opts: NvProbeOptions = {}): NvProbePlan {
  const e2h = opts.e2h ?? 0;
  const host = hostTrapConfig(profile.features, e2h, [...KVM_NESTED_TRAP_RULES, ...(opts.extraRules ?? [])]);
  if (host.mode === "paravirt") throw new Error(`profile ${profile.name} has no FEAT_NV: nothing to probe on QEMU`);
  const tm = new TrapModel(model);
  const specs: Spec[] = [...model.registers, ...model.aliases].filter((s) => s.encoding !== undefined);

  // Pre-pass: one slot per register EL2 can read (or, write-only, write with XZR).
  const pre: PreSlot[] = [];
  const preOf = new Map<string, number>();
  for (const r of model.registers) {
    if (!r.encoding) continue;
    const read = allows(r.access[2], true);
    if (!read && !allows(r.access[2], false)) continue;
    const op = sysregOperand(r.encoding);
    preOf.set(r.name, pre.length);
    pre.push({ index: pre.length, register: r.name, insn: read ? `mrs     x1, ${op}       /* ${r.name} */` : `msr     ${op}, xzr      /* ${r.name} (write-only) */` });
  }

  // Setup: HCR_EL2 written whole, the other control registers read-modify-written.
  const controls = controlValues(model, host);
  const setup: SetupSlot[] = [];
  let hcr = 0n;
  for (const [reg, v] of controls) {
    const r = model.byName.get(reg);
    if (r?.kind !== "register" || !r.encoding) throw new Error(`control register ${reg} has no encoding`);
    const operand = sysregOperand(r.encoding);
    const index = pre.length + setup.length;
    const text = `${reg}: ${v.fields.join(", ")}`;
    if (reg === "HCR_EL2") {
      hcr = v.set;
      setup.push({ index, register: reg, text, operand, asm: [load64("x0", v.set), `msr     ${operand}, x0`] });
    } else {
      setup.push({
        index,
        register: reg,
        text,
        operand,
        asm: [`mrs     x0, ${operand}`, load64("x1", ~v.clear), "and     x0, x0, x1", load64("x1", v.set), "orr     x0, x0, x1", `msr     ${operand}, x0`],
      });
    }
  }
  // Probes: ERET first (a non-trapping ERET returns through the physical ELR_EL1, set before any EL1 exception).
  const probes: Probe[] = [];
  const add = (p: Omit<Probe, "index">) => probes.push({ ...p, index: probes.length });
  add({ text: "eret", op: "eret", word: 0xd69f03e0, expected: classifyEret(host) });
  add({ text: `hvc #${hex(HVC_PROBE_IMM)}`, op: "hvc", word: (0xd4000002 | (HVC_PROBE_IMM << 5)) >>> 0, expected: classifyHvc(HVC_PROBE_IMM) });
  add({ text: `smc #${hex(SMC_PROBE_IMM)}`, op: "smc", word: (0xd4000003 | (SMC_PROBE_IMM << 5)) >>> 0, expected: classifySmc(SMC_PROBE_IMM, host) });
  for (const s of specs) {
    const encoding = s.encoding;
    if (!encoding) continue;
    const implementedBy = s.kind === "alias" ? s.aliasOf : s.name;
    for (const read of [true, false]) {
      add({
        text: `${read ? "mrs" : "msr"} ${s.name}`,
        op: read ? "mrs" : "msr",
        spec: s.name,
        implementedBy,
        word: sysWord(encoding, read, RT),
        expected: tm.classifySysreg({ read, rt: RT, encoding }, host),
      });
    }
  }

  const probeView = probes.map((p) => {
    const before: string[] = [];
    const after: string[] = [];
    if (p.op === "mrs") before.push("mov     x1, xzr");
    if (p.op === "msr") {
      // Write back what EL2 read, so a write that reaches a physical register changes nothing; 0 without a pre-pass slot.
      const slot = p.implementedBy === undefined ? undefined : preOf.get(p.implementedBy);
      before.push(slot === undefined ? "mov     x1, xzr" : `ldr     x1, [x26, #${slot * 8}]`);
    }
    if (p.op === "eret") after.push("hv_eret_resume:");
    return { index: p.index, text: p.text, expected: outcomeWord(p.expected), before, insn: `.inst   ${hex(p.word, 8)}`, after };
  });

  // EL2 vectors (Arm ARM D1.3.1 table: current EL with SP0, with SPx, lower EL AArch64, AArch32; sync, IRQ, FIQ, SError).
  const other = "hv_el2_other";
  const el2Vectors = [other, other, other, other, "hv_el2_self_sync", other, other, other, "hv_el2_lower_sync", other, other, other, other, other, other, other];
  const title = `${profile.name} (${host.mode === "nv2" ? "FEAT_NV2" : "FEAT_NV"}), guest hypervisor E2H = ${e2h}: HCR_EL2 = ${hex(hcr)}`;
  const view = {
    title,
    probeCount: probes.length,
    preCount: pre.length,
    setupCount: setup.length,
    patternHi: hex(PATTERN_HI),
    hcrBoot: hex(fieldMask(model, "HCR_EL2", "RW")),
    needNv: NEED_NV[host.mode],
    // CPACR_EL1.{FPEN,ZEN,SMEN} = 0b11: the guest hypervisor's own enables, so FPCR/FPSR/ZCR_EL1 probes are not trapped to EL1.
    el1Setup: [load64("x0", 0x3330000n), "msr     cpacr_el1, x0"],
    pre: pre.map((p) => ({ ...p, offset: p.index * 8 })),
    setup,
    nv2: host.nv2,
    eretResume: "hv_eret_resume",
    probes: probeView,
    readback: setup.map((s, k) => ({ operand: s.operand, offset: k * 8 })),
    readbackCount: setup.length,
    readbackBytes: Math.max(8, setup.length * 8),
    el2Vectors,
    el1Vectors: Array.from({ length: 16 }, (_, k) => k),
    resultsBytes: Math.max(64, probes.length * 64),
    preBytes: Math.max(8, pre.length * 8),
    preStatusBytes: (pre.length + setup.length) * 8 + 8,
  };
  const t = templates();
  return { profile: profile.name, e2h, host, probes, pre, setup, hcr, asm: t.program(view), c: t.harness(view) };
}

const templates = templateSet<{ program: object; harness: object }>({ program: "nv-probe.S.hbs", harness: "nv-probe-harness.c.hbs" });

// ---- running and parsing -------------------------------------------------------------------

/** What one probe did on QEMU. */
export interface ProbeObservation {
  /** EL the instruction's exception was taken to: 0 none, 1 (UNDEFINED at EL1...), 2 (the host). */
  readonly el: number;
  readonly esr: number;
  /** ELR of that exception minus the instruction's address (0 for a trap, 4 for HVC). */
  readonly elrOffset: bigint;
  /** x1 after the probe: the MRS result, or the value the MSR wrote. */
  readonly x1: bigint;
  /** FEAT_NV2: the first and last VNCR page offsets that changed, and how many slots changed. */
  readonly firstChanged: number;
  readonly lastChanged: number;
  readonly changed: number;
}

export interface NvProbeRun {
  /** ID_AA64MMFR2_EL1 as EL2 read it. */
  readonly mmfr2?: bigint;
  /** Set when QEMU's CPU lacks FEAT_NV (or FEAT_NV2 for that mode). */
  readonly noNv?: string;
  /** Toolchain or QEMU failure. */
  readonly error?: string;
  readonly observations: ReadonlyMap<number, ProbeObservation>;
  /** Pre-pass: register -> ESR (with bit 63) of its UNDEF at EL2, for the registers QEMU does not implement. */
  readonly unimplemented: ReadonlyMap<string, bigint>;
  /** Setup: control register -> value read back after the probes, and whether its write took an exception. */
  readonly setup: ReadonlyMap<string, { readonly value: bigint; readonly failed: boolean }>;
  readonly output: string;
}

export const NO_NV_MESSAGE =
  "QEMU's -cpu max has no FEAT_NV (ID_AA64MMFR2_EL1.NV = 0): qemu-system-aarch64 9.0 or later is needed (on Debian bookworm: " +
  "qemu-system-arm 10 from bookworm-backports, `apt-get install -t bookworm-backports qemu-system-arm`)";

/** Parse the program's output into observations keyed by probe number. */
export function parseNvProbeOutput(plan: NvProbePlan, out: string): Omit<NvProbeRun, "error" | "output"> & { ended: boolean } {
  const observations = new Map<number, ProbeObservation>();
  const unimplemented = new Map<string, bigint>();
  const setup = new Map<string, { value: bigint; failed: boolean }>();
  let mmfr2: bigint | undefined;
  let noNv: string | undefined;
  let ended = false;
  const H = "(0x[0-9a-f]+)";
  for (const raw of out.split(/\r?\n/)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^@MMFR2 ${H}$`).exec(line))) mmfr2 = BigInt(m[1] ?? 0);
    else if ((m = /^@NONV (\d+) (\d+)$/.exec(line))) {
      noNv = `${m[2] === "2" && m[1] === "1" ? "QEMU's -cpu max has FEAT_NV but not FEAT_NV2 (ID_AA64MMFR2_EL1.NV = 1)" : NO_NV_MESSAGE}`;
    } else if ((m = new RegExp(`^@R (\\d+) ${H} ${H}$`).exec(line))) {
      const slot = plan.pre[Number(m[1])];
      const status = BigInt(m[2] ?? 0);
      if (slot && status !== 0n) unimplemented.set(slot.register, status);
    } else if ((m = new RegExp(`^@S (\\d+) ${H} ${H}$`).exec(line))) {
      const s = plan.setup[Number(m[1])];
      if (s) setup.set(s.register, { value: BigInt(m[3] ?? 0), failed: BigInt(m[2] ?? 0) !== 0n });
    } else if ((m = new RegExp(`^@P (\\d+) (\\d) ${H} ${H} ${H} ${H} ${H} (\\d+)$`).exec(line))) {
      observations.set(Number(m[1]), {
        el: Number(m[2]),
        esr: Number(BigInt(m[3] ?? 0) & 0xffffffffn),
        elrOffset: BigInt(m[4] ?? 0),
        x1: BigInt(m[5] ?? 0),
        firstChanged: Number(m[6]),
        lastChanged: Number(m[7]),
        changed: Number(m[8]),
      });
    } else if (line === "@END") ended = true;
  }
  return { ...(mmfr2 === undefined ? {} : { mmfr2 }), ...(noNv === undefined ? {} : { noNv }), observations, unimplemented, setup, ended };
}

/** Build `plan` in `dir` and run it on QEMU (-cpu max). */
export function runNvProbe(plan: NvProbePlan, dir: string, timeoutMs = 20000): NvProbeRun {
  const empty = { observations: new Map(), unimplemented: new Map(), setup: new Map() };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "nv-probe.S"), plan.asm);
  writeFileSync(join(dir, "nv-probe-harness.c"), plan.c);
  const cc = spawnSync(
    CC,
    ["-nostdlib", "-ffreestanding", "-static", "-mgeneral-regs-only", "-O1", "-Wl,-Ttext=0x40080000", "-Wl,--build-id=none", "-o", "nv-probe.elf", "nv-probe.S", "nv-probe-harness.c"],
    { cwd: dir, encoding: "utf8" },
  );
  if (cc.status !== 0) return { ...empty, error: `build failed: ${cc.stdout}${cc.stderr}${cc.error?.message ?? ""}`, output: "" };
  const q = spawnSync(
    QEMU,
    ["-M", QEMU_NV_MACHINE, "-cpu", "max", "-nographic", "-monitor", "none", "-serial", "stdio", "-semihosting-config", "enable=on,target=native,userspace=on", "-kernel", "nv-probe.elf"],
    { cwd: dir, encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL", stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = `${q.stdout ?? ""}${q.stderr ?? ""}`;
  writeFileSync(join(dir, "qemu.out"), output);
  const parsed = parseNvProbeOutput(plan, output);
  const { ended, ...run } = parsed;
  const abort = /^@ABORT .*$/m.exec(output)?.[0];
  const error = q.error
    ? `qemu: ${q.error.message}`
    : run.noNv
      ? undefined
      : abort
        ? `the harness took an unexpected exception at EL2: ${abort}`
        : !ended
          ? `qemu exited (status ${q.status}) without reaching the end of the program`
          : undefined;
  return { ...run, output, ...(error ? { error } : {}) };
}

// ---- comparing -----------------------------------------------------------------------------

/** What QEMU did, as an outcome word comparable with outcomeWord(expected). */
export function observedWord(p: Probe, o: ProbeObservation | undefined, nv2: boolean): string {
  if (!o) return "(not run)";
  if (o.el === 2) return `trap:${hex(o.esr, 8)}`;
  if (o.el === 1) return (o.esr >>> 26) === 0 ? "undefined" : `el1:${hex(o.esr, 8)}`;
  if (nv2 && p.op === "msr" && o.changed > 0) return o.changed === 1 ? `vncr:${hex(o.firstChanged, 3)}` : `vncr:${hex(o.firstChanged, 3)}..${hex(o.lastChanged, 3)} (${o.changed} slots)`;
  if (nv2 && p.op === "mrs" && o.x1 >> 32n === PATTERN_HI >> 32n) return `vncr:${hex(o.x1 & 0xfffn, 3)}`;
  return "direct";
}

export interface ProbeDifference {
  readonly profile: string;
  readonly e2h: GuestE2H;
  readonly probe: string;
  readonly model: string;
  readonly qemu: string;
}

export interface NvProbeComparison {
  readonly profile: string;
  readonly e2h: GuestE2H;
  /** Agreeing probes by the model's outcome kind. */
  readonly agree: { direct: number; trap: number; vncr: number; undefined: number };
  readonly differences: readonly ProbeDifference[];
  /** Probes not compared: their register UNDEFs at EL2 on QEMU -cpu max (not implemented there). */
  readonly notImplemented: readonly { readonly probe: string; readonly register: string }[];
  /** Harness sanity: a trap whose ELR is not the instruction (HVC: the next one). */
  readonly anomalies: readonly string[];
}

export function compareNvProbe(plan: NvProbePlan, run: NvProbeRun): NvProbeComparison {
  const agree = { direct: 0, trap: 0, vncr: 0, undefined: 0 };
  const differences: ProbeDifference[] = [];
  const notImplemented: { probe: string; register: string }[] = [];
  const anomalies: string[] = [];
  for (const p of plan.probes) {
    if (p.implementedBy !== undefined && run.unimplemented.has(p.implementedBy)) {
      notImplemented.push({ probe: p.text, register: p.implementedBy });
      continue;
    }
    const o = run.observations.get(p.index);
    const model = outcomeWord(p.expected);
    const qemu = observedWord(p, o, plan.host.nv2);
    if (o && o.el !== 0) {
      const want = o.el === 2 && (o.esr >>> 26) === EC.HVC64 ? 4n : 0n;
      if (o.elrOffset !== want) anomalies.push(`${p.text}: ELR_EL${o.el} is the instruction + ${hex(o.elrOffset)} (expected + ${hex(want)})`);
    }
    if (model === qemu) agree[p.expected.kind]++;
    else differences.push({ profile: plan.profile, e2h: plan.e2h, probe: p.text, model, qemu });
  }
  return { profile: plan.profile, e2h: plan.e2h, agree, differences, notImplemented, anomalies };
}

// ---- the reviewed differences --------------------------------------------------------------

/** A reviewed difference (test/qemu-nv-exceptions.json): probes of a profile and E2H where the model and QEMU disagree. */
export interface ReviewedDifference {
  readonly profile: string;
  readonly e2h: GuestE2H;
  readonly probes: readonly string[];
  readonly model: string;
  readonly qemu: string;
  /** Who is right: "model", "qemu", "kvm-differs" (both right for their hosts), ... */
  readonly verdict: string;
  readonly reason: string;
  readonly source: string;
}

/** Registers QEMU -cpu max does not implement: their probes are not compared. */
export interface ReviewedUnimplemented {
  readonly registers: readonly string[];
  readonly reason: string;
}

export interface ReviewedList {
  readonly differences: readonly ReviewedDifference[];
  readonly unimplemented: readonly ReviewedUnimplemented[];
}

export function isListed(d: ProbeDifference, list: ReviewedList): ReviewedDifference | undefined {
  return list.differences.find((r) => r.profile === d.profile && r.e2h === d.e2h && r.model === d.model && r.qemu === d.qemu && r.probes.includes(d.probe));
}

/** Unlisted differences and listed ones that no longer occur, for one comparison. */
export function reviewComparison(c: NvProbeComparison, list: ReviewedList): { unlisted: ProbeDifference[]; stale: string[] } {
  const unlisted = c.differences.filter((d) => !isListed(d, list));
  const stale: string[] = [];
  for (const r of list.differences) {
    if (r.profile !== c.profile || r.e2h !== c.e2h) continue;
    for (const probe of r.probes) {
      if (!c.differences.some((d) => d.probe === probe && d.model === r.model && d.qemu === r.qemu)) {
        stale.push(`${r.profile} E2H=${r.e2h} ${probe}: listed (model ${r.model}, QEMU ${r.qemu}) but no longer differs`);
      }
    }
  }
  return { unlisted, stale };
}

export function differenceText(d: ProbeDifference): string {
  return `${d.profile} E2H=${d.e2h}: ${d.probe}: model ${d.model}, QEMU ${d.qemu}`;
}

// ---- the CLI's entry point -----------------------------------------------------------------

export interface QemuTrapsOptions {
  readonly model: RegisterModel;
  readonly profiles: readonly Profile[];
  /** The reviewed differences (default: none, every difference is reported as a mismatch). */
  readonly reviewed?: ReviewedList;
  readonly e2h?: readonly GuestE2H[];
  readonly work: string;
  readonly write: (s: string) => void;
}

/** Exit status: 0 every probe agrees (or is a reviewed difference), 1 a mismatch or a failed run, 3 a tool or FEAT_NV is missing. */
export function qemuTraps(opts: QemuTrapsOptions): number {
  for (const tool of [CC, QEMU]) {
    if (!haveTool(tool)) {
      opts.write(`reglab qemu --traps: ${tool} is not installed\n`);
      return 3;
    }
  }
  const reviewed = opts.reviewed ?? { differences: [], unimplemented: [] };
  let status = 0;
  for (const profile of opts.profiles) {
    for (const e2h of opts.e2h ?? [0 as GuestE2H]) {
      const plan = planNvProbe(opts.model, profile, { e2h });
      const run = runNvProbe(plan, join(opts.work, `${profile.name}-e2h${e2h}`));
      const head = `${profile.name} (${plan.host.mode === "nv2" ? "FEAT_NV2" : "FEAT_NV"}), guest hypervisor E2H=${e2h}, HCR_EL2 ${hex(plan.hcr)}`;
      if (run.noNv) {
        opts.write(`${head}: ${run.noNv}\n`);
        return 3;
      }
      if (run.error) {
        opts.write(`${head}: ERROR: ${run.error}\n`);
        status = 1;
        continue;
      }
      const c = compareNvProbe(plan, run);
      const { unlisted } = reviewComparison(c, reviewed);
      const a = c.agree;
      opts.write(
        `${head}: ${plan.probes.length} probes, agree ${a.direct} direct, ${a.trap} trap, ${a.vncr} VNCR, ${a.undefined} UNDEFINED; ` +
          `${c.differences.length - unlisted.length} reviewed difference(s), ${unlisted.length} mismatch(es); ${c.notImplemented.length} not implemented by QEMU\n`,
      );
      for (const d of c.differences) {
        const r = isListed(d, reviewed);
        opts.write(`  ${r ? `reviewed (${r.verdict} is right)` : "MISMATCH"}: ${d.probe}: model ${d.model}, QEMU ${d.qemu}\n`);
      }
      for (const an of c.anomalies) opts.write(`  ANOMALY: ${an}\n`);
      if (unlisted.length > 0 || c.anomalies.length > 0) status = 1;
    }
  }
  return status;
}
