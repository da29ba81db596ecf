/**
 * Random programs on QEMU (`reglab qemu --random N --seed S`): the A/B
 * runner's kind of random program (emulator/ab/random.ts), drawn with
 * fast-check from a seed, run on the emulator (reference model, unified ABI,
 * under the CPU's profile) and on qemu-system-aarch64 (program.ts, qemu.ts),
 * compared observable by observable; the first program that differs is shrunk
 * (fast-check, then a pass that drops single steps) to a minimal one and
 * returned as .scn text with its mismatches, bits decoded by field.
 *
 * What a program draws (each starts with `reset`, at EL2): `xN = V`; MRS and
 * MSR of the registers below (an MSR is drawn with the move that loads its
 * value, so the value is one the harness survives); HCR_EL2 trap-bit sets;
 * HVC, SVC and ERET (with SPSR_EL2 values that name a legal AArch64 mode); and
 * `el N` when el-lowering.ts lowers it. No ONE_REG/REG_LIST/GET/SET_REGS steps:
 * they have no hardware meaning. After `reset` a prologue of `expect` steps
 * names the registers translate.ts's `reset` must set on QEMU although the
 * program may reach them only through E2H redirection or an alias
 * (resetPrologue).
 *
 * What it leaves out, and why:
 * - Registers the harness owns: VBAR_EL1/EL2/EL12 (the vectors; shadows.ts
 *   shadows VBAR_EL1/EL2 but not the EL12 alias, nor VBAR_EL1 redirected to
 *   VBAR_EL2 by E2H), SP_EL0/EL1/EL2 (its stacks), and MRS of ELR_ELx (the
 *   code is not at the scenario's PCs; exceptions compare ELR relative to the
 *   instruction instead). x28 (the handler's branch register).
 * - Registers whose value is not storage: the timers' TVAL (counts) and CTL
 *   (ISTATUS follows the counter), the PMU (counters run, PMCR_EL0.N and the
 *   number of PMEVCNTR<n>/PMEVTYPER<n> are IMPLEMENTATION DEFINED, SET/CLR
 *   write semantics), OSLSR_EL1 (OSLK is 1 after a cold reset, Arm ARM
 *   OSLSR_EL1; KVM resets it unlocked, and it is read-only), CSSELR_EL1 (a
 *   level CLIDR_EL1 does not have is CONSTRAINED UNPREDICTABLE).
 * - IMPLEMENTATION DEFINED registers: ACTLR_ELx, AFSR0/1_ELx, AMAIR_ELx,
 *   HACR_EL2, CLIDR_EL1, MPIDR_EL1, RVBAR_EL2, RMR_EL2 (a write may request
 *   a warm reset).
 * - Registers and fields of features the QEMU CPU lacks where the reglab
 *   profile has them (qemuLacks below; found by an MRS of every register at
 *   EL2 on QEMU 10.0.2, which is UNDEFINED there): the emulator then runs
 *   under the profile minus those features, so that both sides agree on what
 *   exists. Registers of features the emulator's vCPU lacks (KVM's nested vCPU
 *   is AArch64-only: DACR32_EL2 & co.) are not drawn either: QEMU's CPUs have
 *   AArch32 EL1, so they exist there.
 * - ICH_*: -M virt defaults to GICv2 (no GIC system register interface).
 * - Values that break the harness or the comparison (MSR_PINNED below):
 *   SCTLR_ELx.EE/E0E (the harness's own loads and stores would turn
 *   big-endian; emulator-run.ts refuses them); HCR_EL2.DC (stage 1 of EL1&0 then
 *   behaves as enabled with stage 2 on, and shadows.ts shadows only the M/VM
 *   enables, which are drawn), VI/VF/VSE (a pending virtual interrupt would be
 *   taken asynchronously at EL1), NV/NV1/NV2 (the harness's EL1 code - the
 *   vector's CurrentEL/SPSR_EL1 reads, VBAR_EL1 install, ERET - changes
 *   meaning under FEAT_NV, which QEMU 10 -cpu max has), RW (forced to 1:
 *   KVM's nested vCPU has an AArch64-only EL1, arch.ts; QEMU's CPUs have
 *   AArch32 EL1, where an ERET to AArch64 EL1 would be illegal);
 *   MDCR_EL2.HPMN (kept at 6, PMCR_EL0.N of both QEMU CPUs and of the
 *   emulator's KVM: a larger value is CONSTRAINED UNPREDICTABLE);
 *   MDSCR_EL1.SS/KDE/MDE (no software step or debug exceptions inside the
 *   harness); the HFGRTR/HFGWTR_EL2 bits of ESR_EL1, FAR_EL1 and VBAR_EL1
 *   (the harness's EL1 vector reads the first two, its EL1 preamble writes the
 *   third); HCRX_EL2.SMPME/NVTGE (QEMU 10.0 does not keep them); SPSR_ELx
 *   other than NZCV, DAIF and a legal AArch64 M (M[4] = 1 would enter
 *   AArch32; other PSTATE bits restored by ERET, PAN, SSBS, DIT, TCO, BTYPE,
 *   ..., are features the emulator's PSTATE does not model).
 * - No MSR at all to HFGITR_EL2 (it traps ERET, SVC and other instructions
 *   the harness runs) and HDFG*: the instruction and debug fine-grained traps
 *   are outside the register model.
 * - Programs the harness cannot observe the way the emulator runs them
 *   (rejected after an emulator run, `harnessProblem`): an illegal exception
 *   return (PSTATE.IL: on QEMU the Illegal Execution state exception is taken
 *   by the first instruction of the next step's preamble, before the harness
 *   records the step), an exception taken to EL1 while HCR_EL2.TRVM is set
 *   (the harness's EL1 vector reads ESR_EL1 and FAR_EL1, which then trap to
 *   EL2), an `el N` upwards from EL0 with TGE == 0 and TRVM == 1 (el-lowering.ts
 *   lowers it as an SVC through that same EL1 vector), and anything
 *   program.ts refuses.
 *
 * Speed: one gcc and one QEMU run per program (~0.2 s on an idle core). The
 * programs are drawn first, then run two at a time (runOnQemuAsync); the
 * first failing one is replayed by its fast-check path and shrunk, each
 * candidate run on QEMU in turn.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import { scnHex, u64Arbitrary, xArbitrary } from "../ab/random.js";
import { sysregNames } from "../a64/sysreg-names.js";
import { PSR } from "../arch.js";
import { abiOf } from "../kvm-api.js";
import { loadLayout, referenceMachine, registerIndex, type Machine } from "../machine.js";
import { encodingKey16, type RegisterIndex } from "../register-index.js";
import { parseScenario, type Scenario } from "../scenario/parse.js";
import { runScenario } from "../scenario/run.js";
import { RESERVED_X, translate, type Translation } from "./program.js";
import { CPUS, type QemuCpu } from "./cpus.js";
import { mismatchText, runOnQemu, runOnQemuAsync, type Mismatch, type QemuResult } from "./qemu.js";

/** Registers never drawn, with the reason (module header). */
export const EXCLUDED_REGISTERS: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /^VBAR_EL(1|2|12)$/, why: "the harness's vectors" },
  { pattern: /^SP_EL[012]$/, why: "the harness's stacks" },
  { pattern: /^(CNT\w+_TVAL_\w+|CNT\w+_CTL_\w+)$/, why: "timer TVAL counts down and CTL.ISTATUS follows the counter: not storage" },
  { pattern: /^PM/, why: "PMU: counters run, PMCR_EL0.N and the event counters are IMPLEMENTATION DEFINED, SET/CLR semantics" },
  { pattern: /^(OSLSR_EL1|CSSELR_EL1)$/, why: "OSLSR_EL1.OSLK is 1 after a cold reset (KVM: unlocked); CSSELR_EL1 levels depend on CLIDR_EL1" },
  { pattern: /^(ACTLR|AFSR[01]|AMAIR)_EL(1|2|12)$|^(HACR_EL2|CLIDR_EL1|MPIDR_EL1|RVBAR_EL2|RMR_EL2)$/, why: "IMPLEMENTATION DEFINED" },
  { pattern: /^ICH_/, why: "-M virt defaults to GICv2: no GIC system register interface" },
  {
    pattern: /^CNT[PV]_CVAL_EL0(2)?$/,
    why: "EL0/EL1 accesses to the EL1 timers trap on CNTKCTL_EL1.EL0PTEN/EL0VTEN and CNTHCTL_EL2.EL1PCEN, which the register model does not list (QEMU traps an EL0 MSR CNTP_CVAL_EL0 after reset, EC 0x18; the emulator does not)",
  },
  {
    pattern: /^TFSR_EL(1|12)$/,
    why: "the specs have no TFSR_EL2, so the emulator does not redirect TFSR_EL1 at EL2 with HCR_EL2.E2H == 1 (Arm ARM TFSR_EL1: the access reaches TFSR_EL2); QEMU does (seed 1 with SCTLR/HCR M/VM free: MSR TFSR_EL12 then MRS TFSR_EL1 under E2H)",
  },
  {
    pattern: /^(SVCR|ZCR_EL(1|2|12))$/,
    why: "the SME/SVE enable traps (CPACR_EL1.SMEN/ZEN, EC 0x1D/0x19) are two-bit fields the register model's trap keys cannot express (specs/registers/el0/SVCR.yaml, el1/ZCR_EL1.yaml notes): QEMU traps an EL0/EL1 access after reset, the emulator does not",
  },
];

/** MRS of these is not drawn (MSR is): their value is an address of the harness's code after an exception. */
const NO_MRS = /^ELR_EL(1|2|12)$/;
/** MSR of these is not drawn (MRS is): fine-grained traps of instructions and debug registers are outside the register model. */
const NO_MSR = /^(HFGITR_EL2|HDFGRTR_EL2|HDFGWTR_EL2)$/;

/**
 * What the reglab profile has and QEMU 10.0.2's CPU (on the -M line cpus.ts gives) does not: an MRS of
 * these registers at EL2 is UNDEFINED on QEMU (probe: `reset`, then an MRS of every register, on
 * -M virt,virtualization=on). The emulator runs under the profile minus these features (qemuProfile),
 * so that both sides agree on what exists; the registers listed apart are left out of the draw.
 */
export function qemuLacks(cpu: QemuCpu): { readonly features: readonly string[]; readonly registers: readonly string[] } {
  const machine = CPUS[cpu].machine;
  // -M virt has GICv2 unless gic-version says otherwise: no GIC system register interface (ICH_*).
  const board = machine.includes("gic-version=3") ? [] : ["FEAT_GICv3"];
  // Without tag memory QEMU takes FEAT_MTE2 away (target/arm/cpu.c arm_cpu_realizefn: ID_AA64PFR1_EL1.MTE reduced).
  if (!machine.includes("mte=on")) board.push("FEAT_MTE2");
  if (cpu === "cortex-a57") return { features: board, registers: [] };
  return {
    features: [
      ...board,
      // QEMU 10.0.2 -cpu max: FPMR, FGT2, NV3, S1PIE, S1POE, SCTLR2, TCR2 and GCIE registers are UNDEFINED.
      ...["FEAT_FPMR", "FEAT_FGT2", "FEAT_NV3", "FEAT_S1PIE", "FEAT_S1POE", "FEAT_SCTLR2", "FEAT_TCR2", "FEAT_GCIE"],
      // Fields of features QEMU 10.0 does not implement (HCRX_EL2 EnAS0/EnALS/EnASR, PTTWI, D128En, ...): its
      // hcrx_write() keeps only the FEAT_MOPS, FEAT_NMI, FEAT_CMOW and FEAT_XS bits (target/arm/helper.c,
      // "Clear RES0 bits": env->cp15.hcrx_el2 = value & valid_mask); found by seed 3 (HCRX_EL2.EnAS0).
      ...["FEAT_LS64", "FEAT_LS64_V", "FEAT_LS64_ACCDATA", "FEAT_THE", "FEAT_D128", "FEAT_ANERR", "FEAT_DoubleFault2", "FEAT_ADERR"],
      ...["FEAT_SYSREG128", "FEAT_GCS", "FEAT_PAuth_LR", "FEAT_SRMASK"],
    ],
    // HAFGRTR_EL2 needs FEAT_AMUv1 as well as FEAT_FGT (Arm ARM HAFGRTR_EL2, Configurations); QEMU has no AMU.
    registers: ["HAFGRTR_EL2"],
  };
}

/** The reglab profile each QEMU CPU is compared against. */
export const QEMU_CPU_PROFILE: Record<QemuCpu, string> = { max: "max", "cortex-a57": "cortex-a57" };

/** `profile` without the features QEMU's `cpu` lacks. */
export function qemuProfile(profile: Profile, cpu: QemuCpu): Profile {
  const lacks = new Set(qemuLacks(cpu).features);
  return { ...profile, name: `${profile.name} (QEMU -cpu ${cpu})`, features: new Set([...profile.features].filter((f) => !lacks.has(f))) };
}

/** Fields an MSR value keeps at a fixed value: [register, field, value] (module header). */
const MSR_PINNED: readonly (readonly [RegExp, RegExp, bigint])[] = [
  [/^SCTLR_EL(1|2|12)$/, /^(EE|E0E)$/, 0n],
  [/^HCR_EL2$/, /^(DC|VI|VF|VSE|NV|NV1|NV2)$/, 0n],
  [/^HCR_EL2$/, /^RW$/, 1n],
  [/^MDCR_EL2$/, /^HPMN$/, 6n],
  [/^MDSCR_EL1$/, /^(SS|KDE|MDE)$/, 0n],
  [/^HFG[RW]TR_EL2$/, /^(ESR_EL1|FAR_EL1|VBAR_EL1)$/, 0n],
  // QEMU 10.0's hcrx_write() does not keep SMPME (SME priority mapping; its -cpu max has none) and the
  // specs give NVTGE no feature (FEAT_NV3 series, which QEMU lacks): both stay 0.
  [/^HCRX_EL2$/, /^(SMPME|NVTGE)$/, 0n],
];

/** Fine-grained trap registers whose MSR values are restricted to the trap bits the model uses. */
const FGT_REGS = /^HFG[RW]TR_EL2$/;

/** SPSR_ELx: the AArch64 modes an ERET may name (EL0t, EL1t, EL1h, EL2t, EL2h). */
const LEGAL_MODES = [0x0n, 0x4n, 0x5n, 0x8n, 0x9n];

/** HCR_EL2 bits the program flips as a set, as the A/B generator does (VM lives in shadows.ts's shadow): VM, TWI, TVM, TGE, TRVM, E2H. */
const HCR_TRAP_BITS = ["VM", "TWI", "TVM", "TGE", "TRVM", "E2H"];

const half = (a: Uint32Array, r: number): bigint => BigInt(a[2 * r] ?? 0) | (BigInt(a[2 * r + 1] ?? 0) << 32n);

interface MsrValue {
  /** Bits drawn at random. */
  readonly free: bigint;
  /** Bits set whatever is drawn. */
  readonly fixed: bigint;
}

/**
 * What an MSR of register `r` may write: a bit is drawn at random when it is in a field the vCPU has in
 * both E2H formats (RES0/RES1 in neither) and not pinned; RES1 bits (primary format) and pinned fields'
 * values are fixed. Register-specific: SPSR (NZCV, DAIF, M drawn apart).
 */
function msrValue(index: RegisterIndex, r: number, name: string): MsrValue {
  const spec = index.spec[r];
  const width = BigInt((index.bytes[r] ?? 8) * 8);
  const all = (1n << width) - 1n;
  const reserved = half(index.res0, r) | half(index.res1, r) | half(index.res0E2H1, r) | half(index.res1E2H1, r);
  let free = all & ~reserved;
  let fixed = half(index.res1, r) & half(index.res1E2H1, r);
  if (FGT_REGS.test(name)) {
    // Only the fine-grained trap bits the register model uses as a trap control are drawn; the others
    // stay at "no trap" (0, or 1 for an 'n' field): the model lists FGT bits register by register
    // (most EL0 PMU and debug registers' are not listed), and an unlisted bit would trap on QEMU only.
    let modelled = 0n;
    for (const traps of [...index.readTraps, ...index.writeTraps]) for (const t of traps) if (t.reg === r) modelled |= 1n << BigInt(t.bit);
    for (const f of spec?.fields ?? []) {
      if ((f.mask & modelled) !== 0n) continue;
      free &= ~f.mask;
      // A field of a feature the vCPU lacks is RES0 (reserved): QEMU would store a 1 there, the model not.
      if (f.name.startsWith("n")) fixed |= f.mask & ~reserved;
    }
  }
  for (const [reg, field, value] of MSR_PINNED) {
    if (!reg.test(name)) continue;
    for (const f of spec?.fields ?? []) {
      if (!field.test(f.name)) continue;
      free &= ~f.mask;
      fixed = (fixed & ~f.mask) | ((value << BigInt(f.range.lo)) & f.mask);
    }
  }
  return { free, fixed };
}

/** The registers a program draws MRS and MSR of under `index` (implemented on the vCPU, not excluded). */
export function drawnRegisters(model: RegisterModel, index: RegisterIndex, cpu: QemuCpu): { mrs: string[]; msr: string[] } {
  const lacks = new Set(qemuLacks(cpu).registers);
  const exists = (name: string): boolean => {
    const r = model.byName.get(name);
    if (!r || lacks.has(name)) return false;
    if (r.kind === "alias") {
      return (index.aliasImplemented[encodingKey16(r.encoding)] ?? 0) === 1 && exists(r.aliasOf);
    }
    const i = index.byName.get(name);
    return i !== undefined && (index.implemented[i] ?? 0) === 1;
  };
  const names = [...model.registers, ...model.aliases]
    .filter((r) => r.encoding && exists(r.name) && !EXCLUDED_REGISTERS.some((e) => e.pattern.test(r.name)))
    .map((r) => r.name);
  const writable = (n: string) => {
    const r = model.byName.get(n);
    return r !== undefined && r.access.some((a) => a === "rw" || a === "wo");
  };
  const readable = (n: string) => {
    const r = model.byName.get(n);
    return r !== undefined && r.access.some((a) => a === "rw" || a === "ro");
  };
  return { mrs: names.filter((n) => readable(n) && !NO_MRS.test(n)), msr: names.filter((n) => writable(n) && !NO_MSR.test(n)) };
}

export interface QemuProgramOptions {
  /** Draw `el N` steps (el-lowering.ts lowers them; see elStepsSupported). */
  readonly el?: boolean;
  /** Steps after `reset` (resetPrologue). */
  readonly prologue?: readonly string[];
}

/** Random programs QEMU can run (module header); `index` is the emulator's under qemuProfile(). */
export function qemuProgramArbitrary(model: RegisterModel, index: RegisterIndex, cpu: QemuCpu, opts: QemuProgramOptions = {}): fc.Arbitrary<string[]> {
  return qemuStepsArbitrary(model, index, cpu, opts).map((groups) => groups.flat());
}

/**
 * The same programs as groups of lines, one per drawn step (an MSR with the move of its value), the
 * first `reset` and the prologue: the unit the shrinker's last pass removes.
 */
export function qemuStepsArbitrary(model: RegisterModel, index: RegisterIndex, cpu: QemuCpu, opts: QemuProgramOptions = {}): fc.Arbitrary<string[][]> {
  const { mrs, msr } = drawnRegisters(model, index, cpu);
  const x = xArbitrary().filter((n) => n !== RESERVED_X);
  const u64 = u64Arbitrary();
  const hex = scnHex;
  const value = (name: string): fc.Arbitrary<bigint> => {
    const reg = model.byName.get(name);
    const target = reg?.kind === "alias" ? reg.aliasOf : name;
    const r = index.byName.get(target);
    if (r === undefined) return fc.constant(0n);
    if (/^SPSR_/.test(target)) {
      // NZCV and DAIF at random, M one of the legal AArch64 modes.
      return fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), fc.constantFrom(...LEGAL_MODES)).map(([nzcv, daif, m]) => (BigInt(nzcv) << 28n) | (BigInt(daif) << 6n) | m);
    }
    const { free, fixed } = msrValue(index, r, target);
    return u64.map((v) => (v & free) | fixed);
  };
  const hcr = index.byName.get("HCR_EL2");
  const hcrSpec = hcr === undefined ? undefined : index.spec[hcr];
  const hcrBits = HCR_TRAP_BITS.map((f) => hcrSpec?.fields.find((x) => x.name === f)).filter((f) => f !== undefined && (half(index.res0, hcr ?? 0) & f.mask) === 0n).map((f) => f?.mask ?? 0n);
  const hcrRw = hcrSpec?.fields.find((f) => f.name === "RW")?.mask ?? 0n;
  const steps: { weight: number; arbitrary: fc.Arbitrary<string[]> }[] = [
    { weight: 4, arbitrary: fc.tuple(x, u64).map(([n, v]) => [`x${n} = ${hex(v)}`]) },
    { weight: 6, arbitrary: fc.tuple(x, fc.constantFrom(...mrs)).map(([n, r]) => [`mrs x${n}, ${r}`]) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(x, fc.constantFrom(...msr))
        .chain(([n, r]) => value(r).map((v) => [`x${n} = ${hex(v)}`, `msr ${r}, x${n}`])),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((i) => [`hvc #${hex(BigInt(i))}`]) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((i) => [`svc #${hex(BigInt(i))}`]) },
    { weight: 1, arbitrary: fc.constant(["eret"]) },
  ];
  if (hcr !== undefined && hcrBits.length > 0) {
    steps.push({
      weight: 2,
      arbitrary: fc.subarray(hcrBits).map((bits) => [`x29 = ${hex(bits.reduce((v, b) => v | b, hcrRw))}`, "msr HCR_EL2, x29"]),
    });
  }
  if (opts.el) steps.push({ weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((el) => [`el ${el}`]) });
  const prologue = opts.prologue ?? [];
  return fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 24 }).map((s) => [["reset", ...prologue], ...s]);
}

/**
 * Registers translate.ts's `reset` must write although a program may not name them by their own
 * encoding: `reset` writes the emulator's reset value only into registers the scenario names (MRS,
 * MSR, expect) and leaves the others at QEMU's reset values. HCR_EL2, SPSR_EL2 and SPSR_EL1 steer
 * every exception and exception return (QEMU resets HCR_EL2 to 0: RW = 0 makes EL1 AArch32, and an
 * exception to EL1 then runs the harness's A64 vector as A32); the EL2 registers an EL1 name reaches
 * with HCR_EL2.E2H == 1 (CPACR_EL1 -> CPTR_EL2, whose reset values differ: KVM 0x22ff, QEMU 0) and
 * the EL1 registers an _EL12/_EL02 alias reaches are named only through another encoding.
 */
export const PROLOGUE_REGISTERS = ["HCR_EL2", "SPSR_EL2", "SPSR_EL1"];

/**
 * The prologue: `expect R == V` for PROLOGUE_REGISTERS and the redirect and alias targets of `drawn`,
 * V the value after `reset` on `m` (a fresh machine). An `expect` names a register without changing
 * anything (and compares it).
 */
export function resetPrologue(model: RegisterModel, m: Machine, drawn: readonly string[]): string[] {
  const { index } = m;
  const { scenario } = parseScenario("reset.scn", "reset\n", index, sysregNames(model));
  runScenario(scenario, m);
  const names = new Set(PROLOGUE_REGISTERS);
  for (const name of drawn) {
    const reg = model.byName.get(name);
    if (reg?.kind === "alias") names.add(reg.aliasOf);
    const r = index.byName.get(name);
    const to = r === undefined ? -1 : (index.redirect[r] ?? -1);
    if (to >= 0 && index.names[to] !== undefined) names.add(index.names[to]);
  }
  return [...names].flatMap((name) => {
    const r = index.byName.get(name);
    if (r === undefined || !m.vcpu.state.has(r) || !index.spec[r]?.encoding) return [];
    if (EXCLUDED_REGISTERS.some((e) => e.pattern.test(name))) return [];
    return [`expect ${name} == ${scnHex(m.vcpu.state.get(r))}`];
  });
}

/**
 * Why the harness cannot observe `s` as the emulator runs it (module header), or undefined: an illegal
 * exception return, an exception taken to EL1 while HCR_EL2.TRVM is set.
 */
export function harnessProblem(s: Scenario, m: Machine): string | undefined {
  const { index } = m;
  const hcr = index.byName.get("HCR_EL2");
  const trvm = BigInt(index.fieldBit("HCR_EL2", "TRVM"));
  const tge = BigInt(index.fieldBit("HCR_EL2", "TGE"));
  const bit = (mm: Machine, b: bigint): boolean => hcr !== undefined && ((mm.vcpu.state.get(hcr) >> b) & 1n) === 1n;
  let why: string | undefined;
  let exceptions = 0;
  let el = m.vcpu.el;
  runScenario(s, m, (step, mm) => {
    if (why) return;
    if ((mm.vcpu.pstate & PSR.IL) !== 0) why = `line ${step.line}: illegal exception return (PSTATE.IL)`;
    const taken = mm.vcpu.state.counters.exceptions;
    if (taken > exceptions && mm.vcpu.el === 1 && bit(mm, trvm)) {
      why = `line ${step.line}: exception to EL1 with HCR_EL2.TRVM set (the harness's vector reads ESR_EL1)`;
    }
    // el-lowering.ts lowers `el N` upwards from EL0 with HCR_EL2.TGE == 0 as an SVC to EL1, whose vector
    // forwards it with an HVC: the same EL1 vector, the same trapped ESR_EL1 read.
    if (step.op === "el" && el === 0 && step.el > 0 && !bit(mm, tge) && bit(mm, trvm)) {
      why = `line ${step.line}: '${step.text}' from EL0 goes through EL1's vector, with HCR_EL2.TRVM set`;
    }
    exceptions = taken;
    el = mm.vcpu.el;
  });
  return why;
}

/** Whether el-lowering.ts lowers `el N` steps (it refused them in its first slice). */
export function elStepsSupported(model: RegisterModel, index: RegisterIndex, m: Machine): boolean {
  const { scenario } = parseScenario("probe.scn", "reset\nel 1\nel 2\n", index, sysregNames(model));
  return translate(scenario, m).unsupported === undefined;
}

/** A deliberate fault for testing the shrinker: the emulator side's observables decoded as `register` get `mask` flipped. */
export interface PlantedFault {
  readonly register: string;
  readonly mask: bigint;
}

/** `t` with the planted fault's bits flipped in the emulator's observables decoded as its register. */
function planted(t: Translation, plant: PlantedFault | undefined): Translation {
  if (!plant) return t;
  const { register, mask } = plant;
  return { ...t, observables: t.observables.map((ob) => (ob.decodeAs === register || ob.name === register ? { ...ob, value: ob.value ^ mask } : ob)) };
}

export interface RandomQemuOptions {
  readonly model: RegisterModel;
  /** The reglab profile for `cpu` (QEMU_CPU_PROFILE); the features QEMU lacks are taken away (qemuProfile). */
  readonly profile: Profile;
  readonly cpu: QemuCpu;
  readonly count: number;
  readonly seed: number;
  /** Build folder (one sub-folder per program, reused). */
  readonly workDir: string;
  readonly onProgress?: (done: number, shrinking: boolean) => void;
  readonly plant?: PlantedFault;
  /** Programs run at once (default DEFAULT_JOBS). */
  readonly jobs?: number;
  /** The name the counterexample's mismatches carry (the file the caller writes RandomQemuFailure.scn to). */
  readonly counterexampleFile?: string;
}

export interface RandomQemuFailure {
  /** The shrunk program, .scn text (a header, `# profiles:`, the program) that `reglab qemu FILE --cpu C` replays. */
  readonly scn: string;
  readonly mismatches: readonly Mismatch[];
  readonly notes: readonly string[];
  /** Toolchain or QEMU failure (timeout, no @END) instead of, or with, mismatches. */
  readonly error?: string;
  /** QEMU's output for the shrunk program. */
  readonly output?: string;
}

export interface RandomQemuReport {
  readonly cpu: QemuCpu;
  readonly profile: string;
  readonly seed: number;
  /** Programs up to and including the first failing one (all of them when none fails). */
  readonly runs: number;
  /** Candidate programs run while shrinking. */
  readonly shrinks: number;
  /** Programs drawn and left out because the harness cannot observe them (harnessProblem) or program.ts refuses them. */
  readonly rejected: number;
  /** Per-CPU rule notes seen over every run (counted by text). */
  readonly notes: number;
  readonly seconds: number;
  readonly failure?: RandomQemuFailure;
}

/** Programs run at once (the machines this runs on have 2 cores; each run is one gcc, then one QEMU). */
export const DEFAULT_JOBS = 2;

/**
 * Run `count` random programs on the emulator and on QEMU; shrink the first that differs. Deterministic
 * for a seed: the programs are drawn first (fast-check, `seed`), run `jobs` at a time, and the first
 * failing one (lowest index) is replayed by its fast-check path and shrunk, each candidate on QEMU.
 */
export async function runRandomOnQemu(o: RandomQemuOptions): Promise<RandomQemuReport> {
  const t0 = Date.now();
  const profile = qemuProfile(o.profile, o.cpu);
  const index = registerIndex(o.model, profile);
  const names = sysregNames(o.model);
  const abi = abiOf(await loadLayout("unified"), index);
  const machine = () => referenceMachine(o.model, abi, profile);
  const el = elStepsSupported(o.model, index, machine());
  const jobs = Math.max(1, o.jobs ?? DEFAULT_JOBS);

  const parse = (lines: readonly string[]): Scenario => {
    const { scenario, errors } = parseScenario("random.scn", lines.join("\n") + "\n", index, names);
    if (errors.length > 0) throw new Error(`generated a malformed scenario: ${errors[0]?.message ?? ""}\n${lines.join("\n")}`);
    return scenario;
  };
  let rejected = 0;
  const observable = (groups: string[][]): boolean => {
    const s = parse(groups.flat());
    if (harnessProblem(s, machine()) || translate(s, machine()).unsupported !== undefined) {
      rejected++;
      return false;
    }
    return true;
  };
  const prepare = (lines: readonly string[]): { t: Translation; m: Machine } => {
    const m = machine();
    return { t: planted(translate(parse(lines), m), o.plant), m };
  };
  const failed = (r: QemuResult): boolean => r.error !== undefined || r.unsupported !== undefined || r.mismatches.length > 0;
  const notes = new Set<string>();
  const noteAll = (r: QemuResult) => {
    for (const n of r.notes) notes.add(n.replace(/^[^:]*:\d+: /, ""));
  };
  const drawn = [...new Set(Object.values(drawnRegisters(o.model, index, o.cpu)).flat())];
  const arbitrary = qemuStepsArbitrary(o.model, index, o.cpu, { el, prologue: resetPrologue(o.model, machine(), drawn) }).filter(observable);

  // 1. Draw the programs (the same stream fast-check's run below replays).
  const programs: string[][][] = [];
  fc.check(
    fc.property(arbitrary, (groups) => {
      programs.push(groups);
      return true;
    }),
    { numRuns: o.count, seed: o.seed },
  );

  const rejectedInDraw = rejected;
  // 2. Run them, `jobs` at a time; stop handing out programs past the first failure.
  let first = -1;
  let firstResult: QemuResult | undefined;
  let next = 0;
  let done = 0;
  const worker = async (w: number): Promise<void> => {
    const dir = join(o.workDir, `program-${w}`);
    mkdirSync(dir, { recursive: true });
    for (let i = next++; i < programs.length && (first < 0 || i < first); i = next++) {
      const { t, m } = prepare((programs[i] ?? []).flat());
      const r = await runOnQemuAsync(t, o.cpu, m.index, dir);
      noteAll(r);
      done++;
      o.onProgress?.(done, false);
      if (failed(r) && (first < 0 || i < first)) {
        first = i;
        firstResult = r;
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, w) => worker(w)));
  const base = { cpu: o.cpu, profile: o.profile.name, seed: o.seed, rejected: rejectedInDraw, notes: notes.size };
  if (first < 0) return { ...base, runs: programs.length, shrinks: 0, seconds: (Date.now() - t0) / 1000 };

  // 3. Replay the failing program by its path and shrink it, one candidate at a time.
  const dir = join(o.workDir, "shrink");
  let shrinks = 0;
  const out = fc.check(
    fc.property(arbitrary, (groups) => {
      const { t, m } = prepare(groups.flat());
      const r = runOnQemu(t, o.cpu, m.index, dir);
      shrinks++;
      o.onProgress?.(shrinks, true);
      return !failed(r);
    }),
    { numRuns: o.count, seed: o.seed, path: String(first) },
  );
  // fast-check shrinks an array by cutting its head and by shrinking items in place; a last pass
  // removes single steps (from the end), keeping a removal when the program still fails the same way
  // (mismatches without a harness error, or a harness error).
  // A failure the replay does not reproduce (QEMU timed out under load, ...): report the first run's.
  const reproduced = out.failed && out.counterexample !== null;
  let groups = (reproduced ? out.counterexample?.[0] : undefined) ?? programs[first] ?? [];
  const runGroups = (g: string[][]): QemuResult => {
    const { t, m } = prepare(g.flat());
    return runOnQemu(t, o.cpu, m.index, dir);
  };
  let r = reproduced ? runGroups(groups) : (firstResult ?? runGroups(groups));
  const kind = (x: QemuResult) => (x.error !== undefined ? "error" : x.mismatches.length > 0 ? "mismatch" : "pass");
  const want = kind(r);
  // A removal is kept when the program still fails the same way: an error again, or a mismatch of a
  // step and observable the current failure has (not some other difference the removal uncovered).
  const same = (x: QemuResult): boolean => {
    if (kind(x) !== want) return false;
    if (want !== "mismatch") return true;
    const seen = new Set(r.mismatches.map((m) => `${m.step}\u0000${m.observable}`));
    return x.mismatches.some((m) => seen.has(`${m.step}\u0000${m.observable}`));
  };
  // Run a candidate the harness can observe; keep it when it still fails the same way.
  const tryRemoval = (candidate: string[][]): void => {
    if (!observable(candidate)) return;
    const rc = runGroups(candidate);
    shrinks++;
    o.onProgress?.(shrinks, true);
    if (same(rc)) {
      groups = candidate;
      r = rc;
    }
  };
  for (let i = groups.length - 1; i >= 1 && reproduced && want !== "pass"; i--) tryRemoval(groups.filter((_, k) => k !== i));
  // Then the prologue's expects one by one: most only name a register the shrunk program no longer reaches.
  const head = groups[0] ?? [];
  for (let j = head.length - 1; j >= 1 && reproduced && want !== "pass"; j--) tryRemoval([(groups[0] ?? []).filter((_, k) => k !== j), ...groups.slice(1)]);
  // The counterexample as a file `reglab qemu FILE --cpu C` replays: a header, then the program; run
  // once more as that text so that the mismatches' lines are the file's.
  const file = o.counterexampleFile ?? "random.scn";
  const scn =
    `# reglab qemu --random ${o.count} --seed ${o.seed} --cpu ${o.cpu}: shrunk counterexample (program ${first + 1})\n` +
    `# profiles: ${o.profile.name}\n` +
    groups.flat().join("\n") +
    "\n";
  const parsed = parseScenario(file, scn, index, names);
  if (reproduced && parsed.errors.length === 0) {
    const m = machine();
    r = runOnQemu(planted(translate(parsed.scenario, m), o.plant), o.cpu, m.index, dir);
  }
  const failure: RandomQemuFailure = {
    scn,
    mismatches: r.mismatches,
    notes: r.notes,
    ...(r.error !== undefined
      ? { error: `${r.error}${reproduced ? "" : " (did not fail again when replayed: lines are random.scn's, without the header)"}` }
      : r.unsupported !== undefined
        ? { error: `not in the slice: ${r.unsupported}` }
        : reproduced
          ? {}
          : { error: "did not fail again when replayed (lines are random.scn's, without the header)" }),
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
  return { ...base, runs: first + 1, shrinks, seconds: (Date.now() - t0) / 1000, failure };
}

/** What `reglab qemu --random` prints for a report (mismatches one per line, bits decoded by field). */
export function randomReportText(r: RandomQemuReport, file?: string): string {
  const extra = [
    ...(r.rejected > 0 ? [`${r.rejected} drawn and left out: the harness cannot observe them`] : []),
    ...(r.notes > 0 ? [`${r.notes} per-CPU rule note(s)`] : []),
  ];
  const tail = `${extra.length > 0 ? ` (${extra.join("; ")})` : ""}, ${r.seconds.toFixed(1)} s`;
  const f = r.failure;
  if (!f) return `-cpu ${r.cpu}: ${r.runs} random programs agree with the emulator${tail}\n`;
  const out = [
    `-cpu ${r.cpu}: random program ${r.runs} ${f.error !== undefined ? "FAILS" : "DIFFERS"}, shrunk over ${r.shrinks} runs${file ? ` (written to ${file})` : ""}${tail}:`,
    f.scn.trimEnd(),
    ...(f.error !== undefined ? [`  error: ${f.error}`] : []),
    ...f.mismatches.map((m) => `  ${mismatchText(m)}`),
    ...f.notes.map((n) => `  note: ${n}`),
  ];
  return out.join("\n") + "\n";
}
