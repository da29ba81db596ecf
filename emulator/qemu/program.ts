/**
 * `reglab qemu`: run a scenario on QEMU too (a first slice of "run every
 * scenario on QEMU"). This file translates a scenario into a bare-metal
 * AArch64 program for QEMU's `virt` machine (virtualization=on) and lists,
 * step by step, the observables the emulator saw, for comparison with what
 * the program prints (qemu.ts builds, runs and compares).
 *
 * The mapping (README "QEMU in the loop"):
 * - Virtual EL2 in the emulator is real EL2 in QEMU. QEMU boots the program at
 *   EL2h with NZCV UNKNOWN (7.2 sets Z); the emulator's `reset` is KVM's
 *   (PSTATE 0x3c9, EL2h, DAIF masked, NZCV 0). A `reset` step (allowed at EL2
 *   only) therefore sets DAIF, SPSel = 1 and NZCV = 0, zeroes x0..x30 (but x28,
 *   below) and writes the emulator's reset value into every system register
 *   the scenario names (MSR, MRS, expect) that EL2 can write: the scenario
 *   then starts from the emulator's reset state for everything it touches.
 *   Registers it does not name keep QEMU's values (SCTLR_ELx, ...); they are
 *   not observables.
 * - `xN = V`: MOVZ/MOVK. `pc = V`: nothing (the program cannot put code at an
 *   arbitrary address); `expect pc`, `expect ELR_ELx` and the final PC are
 *   skipped, and an exception's ELR is compared relative to the address of
 *   the instruction that took it (emulator: ELR - PC before the step).
 * - An instruction step runs the scenario's word itself (`.inst`), preceded by
 *   the harness preamble (program.S.hbs). MRS results, `expect` on x
 *   registers, system registers, NZCV, DAIF, SPSel, PSTATE (NZCV|DAIF|EL|SPSel)
 *   and CurrentEL (after ERET too) are printed and compared; an `expect` whose
 *   register the current EL cannot read (and DAIF/SPSel/EL/PSTATE at EL0) is
 *   skipped and listed.
 * - Steps with no hardware meaning (onereg, reglist, getregs, setregs,
 *   expect errno/reglist) are skipped and listed; an x register or system
 *   register such a step changed in the emulator (onereg get -> xN, onereg
 *   set, setregs) is "tainted": its `expect` is skipped too. A KVM write of
 *   PSTATE refuses the scenario, and so does an `eret` whose SPSR_ELx such a
 *   step wrote (the hardware's SPSR is not the API's: the return would go
 *   elsewhere).
 * - `el N` (vcpu.ts setEl: PSTATE.EL/SP change, nothing else) is lowered:
 *   downwards, an ERET (EL_DOWN) whose SPSR is EL N (h; EL0t) with the current
 *   NZCV and DAIF (other PSTATE bits 0: PAN, SSBS, ALLINT, TCO, which the
 *   emulator does not model) and whose ELR is the next step. That clobbers
 *   SPSR_ELx/ELR_ELx, which nothing below EL x can observe: before every
 *   downward transition (`el N`, an `eret` step) the harness snapshots ESR,
 *   ELR, SPSR and FAR of the EL it leaves and of EL1 (harness.c hv_snapshot;
 *   at EL2 with E2H == 1 through the _EL12 encodings). Upwards, a request call
 *   (EL_UP: HVC #HV_REQUEST_IMM at EL1, SVC at EL0) goes to EL2 (from EL0 with
 *   HCR_EL2.TGE == 0 via EL1, whose handler forwards it with an HVC); EL2's
 *   handler (serve_request) puts back the snapshots of EL2 (and of EL1 when
 *   the SVC went through it), the requester's x registers and NZCV, and
 *   continues at the next step at EL2 with the requester's DAIF, or ERETs to
 *   EL1h for `el 1`. An exception the scenario takes in between overwrites
 *   those registers architecturally, as in the emulator. Refused: `el 1` with
 *   HCR_EL2.TGE == 1 (no exception return reaches EL1) and `el` upwards with
 *   HCR_EL2.HCD == 1 (HVC UNDEFINED).
 * - `reset` always writes HCR_EL2 (RW, TGE, E2H decide what an exception
 *   return reaches) and never a register the profile lacks (UNDEFINED) or the
 *   harness's stacks (SP_EL0/1/2, never observed). A scenario that writes
 *   SP_EL1/SP_EL2, or SP_EL0 and then runs at EL0 or in ELxt, is refused.
 * - At EL2 with HCR_EL2.E2H == 1 an EL1 name reaches the EL2 register (Arm ARM
 *   D13 redirection): an `expect` of an EL1 register reads it through its
 *   _EL12 alias, and the VBAR shadow follows the register an MRS/MSR reaches.
 *   An `expect` of a register whose read trap is on at EL1 (HCR_EL2.TRVM, ...)
 *   or that the profile lacks is skipped; MRS of ELR_ELx is skipped (PC).
 * - A scenario whose emulator run sets PSTATE.IL (an illegal ERET) is refused:
 *   the harness's next instruction, not the scenario's, would take the
 *   Illegal Execution state exception.
 * - Address translation stays off on hardware. The emulator models no
 *   translation (no table walk, no fault), and no bundled scenario makes a
 *   memory access of its own: the translation bits it writes only change
 *   what reads of their registers return. So the three enables, SCTLR_EL2.M,
 *   SCTLR_EL1.M and HCR_EL2.VM (bit 0 of each), live in shadows
 *   (hv_mshadow, program.S.hbs MBIT_*), like the VBAR shadow: an MSR of one
 *   of those registers (the register it reaches, after E2H redirection) runs
 *   with bit 0 of its source cleared and, if it did not trap, stores the
 *   value written in the shadow; an MRS and an `expect` OR bit 0 of the
 *   shadow into what the hardware returns; `reset` writes the reset value
 *   with bit 0 cleared. Every other bit, TTBR/TCR/MAIR/VTTBR/VTCR included,
 *   is the hardware's own (QEMU's write masks and RES0 storage apply). What
 *   the shadow hides is only what the emulator cannot predict anyway (faults
 *   and memory attributes of a translated access), and the harness needs no
 *   page tables built from a scenario's arbitrary TTBR/TCR/MAIR values
 *   (0x81000000, 0, T0SZ 24, MAIR 0, ...: most scenarios turn M on before
 *   they write those, or never). A scenario whose emulator run sets
 *   SCTLR_ELx.EE or E0E (data endianness, which translation-off accesses
 *   obey too: the harness's own loads and stores would be byte-reversed) is
 *   refused.
 * - x28 is the harness's (the handler's branch register): a scenario that sets
 *   or reads x28 is refused. SP belongs to the harness too.
 * - FAR: an exception's FAR_ELx is compared only when the emulator's record
 *   gives one; the exceptions it models (HVC, SVC, SMC, trapped MSR/MRS,
 *   UNDEFINED) leave FAR_ELx UNKNOWN (Arm ARM FAR_EL2), so none does today.
 */
import { hex } from "../../generators/spec/bits.js";
import type { Encoding } from "../../generators/spec/model.js";
import type { Machine } from "../machine.js";
import type { Scenario, Step } from "../scenario/parse.js";
import { runScenario, type RunRecord } from "../scenario/run.js";

/** One value the emulator observed, to be compared with QEMU's. */
export interface Observable {
  readonly step: number;
  readonly line: number;
  readonly text: string;
  /** "x3", "ESR_EL2", "PSTATE", "exception.ESR", ... */
  readonly name: string;
  /** The register whose fields decode a difference (ESR_EL2, SPSR_EL2, ...). */
  readonly decodeAs?: string;
  readonly value: bigint;
}

export interface Skipped {
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

export interface Translation {
  readonly file: string;
  readonly record: RunRecord;
  readonly observables: readonly Observable[];
  readonly skipped: readonly Skipped[];
  /** Why the slice cannot run the scenario, or undefined. */
  readonly unsupported?: string;
  /** The view of program.S.hbs. */
  readonly view: ProgramView;
}

export interface ProgramView {
  readonly file: string;
  readonly steps: readonly { readonly line: number; readonly text: string; readonly asm: readonly string[] }[];
  readonly vectors: readonly string[];
  readonly names: readonly { readonly label: string; readonly text: string }[];
  readonly shadowVbarEl2: string;
  readonly shadowVbarEl1: string;
  /** The immediate of the harness's `el N` request calls (SVC/HVC), hex digits. */
  readonly requestImm: string;
}

/** The immediate of the harness's own SVC/HVC for an `el N` step upwards (harness.c.hbs serve_request). */
export const HV_REQUEST_IMM = 0x4a5;

export const RESERVED_X = 28;
/**
 * The bits the harness keeps in shadows (program.ts header: translation stays off on hardware, and
 * so does big-endian data): per register, the bits, each a logical immediate of its own (an AND
 * with one of them is one instruction). Their order is the order of the hv_mshadow slots after the
 * scratch slot. SCTLR_ELx.EE (25) is a field in every format of both registers (Arm ARM SCTLR_EL2,
 * SCTLR_EL1), so shadowing it hides no RES0 behaviour.
 */
const SHADOWED_BITS: readonly (readonly [string, readonly bigint[], string])[] = [
  ["SCTLR_EL2", [1n, 1n << 25n], "M, EE"],
  ["SCTLR_EL1", [1n, 1n << 25n], "M, EE"],
  ["HCR_EL2", [1n], "VM"],
];
const EXC = /^exception to EL(\d): EC \S+ ESR (0x[0-9a-f]+) ELR (0x[0-9a-f]+) SPSR (0x[0-9a-f]+) vector \+(0x[0-9a-f]+)/;
const MASK64 = (1n << 64n) - 1n;

export function sysregOperand(e: Encoding): string {
  return `S${e.op0}_${e.op1}_C${e.crn}_C${e.crm}_${e.op2}`;
}

/** The MRS/MSR operand of a 16-bit encoding key (register-index.ts encodingKey16: op0[1:0], op1, CRn, CRm, op2). */
function keyOperand(key: number): string {
  return `S${(key >> 14) & 3}_${(key >> 11) & 7}_C${(key >> 7) & 15}_C${(key >> 3) & 15}_${key & 7}`;
}

function movSequence(n: number, v: bigint): string[] {
  const out = [`movz x${n}, #${hex(v & 0xffffn)}`];
  for (let s = 16n; s < 64n; s += 16n) {
    const part = (v >> s) & 0xffffn;
    if (part !== 0n) out.push(`movk x${n}, #${hex(part)}, lsl #${s}`);
  }
  return out;
}

const isMrs = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5300000;
const isEret = (w: number) => w >>> 0 === 0xd69f03e0;
const sysKey = (w: number) => (((w >>> 19) & 3) << 14) | (((w >>> 16) & 7) << 11) | (((w >>> 12) & 15) << 7) | (((w >>> 8) & 15) << 3) | ((w >>> 5) & 7);
const isMsrReg = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5100000;

/** Translate `s`, running it on `m` (a fresh machine) for the emulator's side. */
export function translate(s: Scenario, m: Machine): Translation {
  const { index } = m;
  const vbarEl2 = index.byName.get("VBAR_EL2") ?? -1;
  const vbarEl1 = index.byName.get("VBAR_EL1") ?? -1;
  const skipped: Skipped[] = [];
  let unsupported: string | undefined;

  // The emulator's side: EL, PC and the register values before and after every step.
  const hcr = index.byName.get("HCR_EL2");
  const hcrBit = (mm: Machine, name: string): boolean => {
    const b = index.fieldBit("HCR_EL2", name);
    return hcr !== undefined && b >= 0 && mm.vcpu.state.has(hcr) && ((mm.vcpu.state.get(hcr) >> BigInt(b)) & 1n) === 1n;
  };
  // A read trap (HCR_EL2.TRVM, ...: the register's spec) that is on: the harness cannot read the register at EL1.
  const readTrapped = (mm: Machine, r: number): boolean =>
    (index.readTraps[r] ?? []).some((t) => mm.vcpu.state.has(t.reg) && Number((mm.vcpu.state.get(t.reg) >> BigInt(t.bit)) & 1n) === t.when);
  const trappedNow = (mm: Machine): Set<number> => {
    const out = new Set<number>();
    if (mm.vcpu.el === 1) for (const r of named) if (readTrapped(mm, r)) out.add(r);
    return out;
  };
  const snap = (mm: Machine) => ({
    el: mm.vcpu.el,
    pc: mm.vcpu.pc,
    e2h: mm.vcpu.e2h,
    tge: hcrBit(mm, "TGE"),
    hcd: hcrBit(mm, "HCD"),
    spsel: mm.vcpu.pstate & 1,
    il: (mm.vcpu.pstate & (1 << 20)) !== 0,
    trapped: trappedNow(mm),
  });
  const before: ReturnType<typeof snap>[] = [];
  const after: (ReturnType<typeof snap> & { x: bigint[]; pstate: number; regs: Map<number, bigint> })[] = [];
  const named = new Set<number>();
  const noteReg = (r: number | undefined) => {
    if (r !== undefined && r >= 0 && index.spec[r]?.encoding) named.add(r);
  };
  // HCR_EL2 always: its RW, TGE, E2H decide what an exception return to EL1 or EL0 (an `eret`,
  // an `el N` step) reaches, so QEMU's reset value must not stand in for the emulator's.
  noteReg(index.byName.get("HCR_EL2"));
  for (const step of s.steps) {
    if (step.op === "expect" && step.lhs.kind === "reg") noteReg(step.lhs.r);
    if (step.op === "insn" && (isMrs(step.word) || isMsrReg(step.word))) noteReg((index.byEncoding[sysKey(step.word)] ?? 0) - 1);
  }
  let prev = snap(m);
  const resetValues = new Map<number, bigint>();
  // SP_EL0, SP_EL1 and SP_EL2 are the harness's stacks (its vectors and preambles run on them):
  // `reset` does not write them and they are not observed.
  const harnessSp = new Set(["SP_EL0", "SP_EL1", "SP_EL2"].flatMap((n) => index.byName.get(n) ?? []));
  const spEl0 = index.byName.get("SP_EL0") ?? -1;
  let endian: string | undefined;
  let illegal: string | undefined;
  const record = runScenario(s, m, (step, mm) => {
    // Arm ARM D1.x "Illegal Execution state": with PSTATE.IL set the next instruction takes an
    // Illegal Execution state exception, and on hardware that is the harness's own next instruction.
    if ((mm.vcpu.pstate & (1 << 20)) !== 0) illegal ??= `line ${step.line}: '${step.text}' sets PSTATE.IL (illegal exception return): the harness's next instruction, not the scenario's, would take the Illegal Execution state exception`;
    before.push(prev);
    const regs = new Map<number, bigint>();
    if (step.op === "expect" && step.lhs.kind === "reg" && mm.vcpu.state.has(step.lhs.r)) regs.set(step.lhs.r, mm.vcpu.state.get(step.lhs.r));
    after.push({ ...snap(mm), x: Array.from({ length: 31 }, (_, n) => mm.vcpu.x(n)), pstate: mm.vcpu.pstate, regs });
    prev = snap(mm);
    // SCTLR_ELx.E0E: EL0's data endianness (Arm ARM SCTLR_EL1.E0E; SCTLR_EL2.E0E with E2H == 1 and
    // TGE == 1). Not shadowed: it is RES0 in SCTLR_EL2's E2H == 0 format, and the harness stores at EL0.
    if (!endian && mm.vcpu.el === 0) {
      const name = mm.vcpu.e2h && hcrBit(mm, "TGE") ? "SCTLR_EL2" : "SCTLR_EL1";
      const r = index.byName.get(name);
      if (r !== undefined && mm.vcpu.state.has(r) && ((mm.vcpu.state.get(r) >> 24n) & 1n) === 1n)
        endian = `line ${step.line}: EL0 runs with ${name}.E0E = 1: big-endian data accesses would byte-reverse the harness's own loads and stores at EL0`;
    }
    if (step.op === "reset") for (const r of named) if (mm.vcpu.state.has(r)) resetValues.set(r, mm.vcpu.state.get(r));
  });
  if (record.refused) unsupported = `the emulator refused it: ${record.refused}`;
  unsupported ??= endian;
  unsupported ??= illegal;

  const observables: Observable[] = [];
  const names: { label: string; text: string }[] = [];
  const nameLabel = (text: string): string => {
    const found = names.find((n) => n.text === text);
    if (found) return found.label;
    const label = `hv_name_${names.length}`;
    names.push({ label, text });
    return label;
  };
  const steps: { line: number; text: string; asm: string[] }[] = [];
  // The shadow slot of a register whose bits the harness keeps off the hardware (SHADOWED_BITS).
  const shadowOf = (r: number): { off: number; masks: readonly bigint[]; bits: string } | undefined => {
    const k = SHADOWED_BITS.findIndex(([n]) => index.byName.get(n) === r);
    const e = SHADOWED_BITS[k];
    return e && r >= 0 ? { off: 8 * (k + 1), masks: e[1], bits: `${e[0]}.${e[2].replace(", ", "/")}` } : undefined;
  };
  // `orr` the shadowed bits into xN (an MRS result, a value to report): MSHADOW_SHOW per bit group.
  const showShadow = (n: number, sh: { off: number; masks: readonly bigint[] }): string[] => sh.masks.map((mk) => `MSHADOW_SHOW ${n}, ${sh.off}, ${hex(mk)}`);
  const resetRegs = (e2hAfter: boolean): string[] => {
    const out: string[] = [];
    const vbarLines: string[] = [];
    for (const r of [...named].sort((a, b) => a - b)) {
      const spec = index.spec[r];
      // A register of a feature the profile lacks is UNDEFINED (the emulator's index.implemented): not written.
      if (!spec?.encoding || !m.vcpu.state.has(r) || index.implemented[r] !== 1) continue;
      const acc = spec.access[2];
      if (acc !== "rw" && acc !== "wo") continue;
      const v = resetValues.get(r) ?? 0n;
      if (r === vbarEl2 || r === vbarEl1) {
        // The shadow holds the scenario's value (at a later `reset` too) and the hardware the harness's
        // vectors; last, once HCR_EL2 (E2H: which encoding reaches VBAR_EL1) has its reset value.
        const op = vbars(2, e2hAfter).find(([, , reg]) => reg === r);
        if (op) vbarLines.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value, in the shadow) */`, ...movSequence(0, v), `VBAR_RESET ${op[0]}, ${op[1]}`);
        continue;
      }
      if (harnessSp.has(r)) continue; // the harness's stacks
      const sh = shadowOf(r);
      if (sh) {
        // The hardware gets the value without the shadowed bits; the shadow slot the whole value.
        const hw = sh.masks.reduce((acc, mk) => acc & ~mk, v);
        out.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value; ${sh.bits} in the shadow) */`, ...movSequence(0, hw), `msr ${sysregOperand(spec.encoding)}, x0`);
        out.push(...movSequence(0, v), `MSHADOW_SET 0, ${sh.off}`);
        continue;
      }
      out.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value) */`, ...movSequence(0, v), `msr ${sysregOperand(spec.encoding)}, x0`);
    }
    return [...out, ...vbarLines];
  };

  // The _EL12 encoding of each EL1 register that has one (FEAT_VHE's aliases, when the vCPU has them).
  const el12 = new Map<number, string>();
  index.aliasByEncoding.forEach((t, key) => {
    if (t > 0 && index.aliasImplemented[key] === 1) el12.set(t - 1, keyOperand(key));
  });
  // The register an MRS/MSR of `key` reaches at `el`: Arm ARM D13 E2H redirection of the EL1 names
  // and the _EL12 aliases at EL2 with HCR_EL2.E2H == 1 (the emulator's own rule: vcpu.ts sysreg()).
  const reached = (key: number, atEl: number, e2h: boolean): number => {
    const alias = (index.aliasByEncoding[key] ?? 0) - 1;
    if (alias >= 0) return atEl === 2 && e2h && index.aliasImplemented[key] === 1 ? alias : -1;
    const r = (index.byEncoding[key] ?? 0) - 1;
    return r >= 0 && atEl === 2 && e2h && (index.redirect[r] ?? -1) >= 0 ? (index.redirect[r] ?? r) : r;
  };
  // How the harness reads register r itself at `atEl` (an `expect`): its own encoding, but at EL2 with
  // E2H == 1 an EL1 register that its name would redirect is read through its _EL12 alias.
  const readOperand = (r: number, atEl: number, e2h: boolean): string | undefined => {
    const enc = index.spec[r]?.encoding;
    if (!enc) return undefined;
    return atEl === 2 && e2h && (index.redirect[r] ?? -1) >= 0 ? el12.get(r) : sysregOperand(enc);
  };
  // The VBARs the harness installs at `atEl`: [operand, shadow, register].
  const vbars = (atEl: number, e2h: boolean): (readonly [string, string, number])[] =>
    atEl === 2
      ? [
          ["vbar_el2", "hv_shadow_vbar_el2", vbarEl2],
          [e2h ? "S3_5_C12_C0_0" : "vbar_el1", "hv_shadow_vbar_el1", vbarEl1],
        ]
      : atEl === 1
        ? [["vbar_el1", "hv_shadow_vbar_el1", vbarEl1]]
        : [];

  // Values a skipped KVM API step (onereg set/get, setregs) changed in the emulator but not on
  // hardware: an `expect` of them has no hardware meaning. Keyed "xN" or the register's name.
  const tainted = new Set<string>();
  // The register whose MRS last wrote xN: an `expect xN` difference is decoded by its fields (and per-CPU rules).
  const lastMrs = new Map<number, string>();
  // SP_EL0 is the harness's stack at EL0 and in ELxt: a scenario that writes it and then runs there is refused.
  const spEl0Written = s.steps.some((st) => st.op === "insn" && isMsrReg(st.word) && (index.byEncoding[sysKey(st.word)] ?? 0) - 1 === spEl0);
  if (spEl0Written && before.some((b) => b.el === 0 || b.spsel === 0)) unsupported ??= "it sets SP_EL0 and runs at EL0 or in ELxt, where SP_EL0 is the harness's stack";

  s.steps.forEach((step: Step, i) => {
    const asm: string[] = [];
    const bef = before[i];
    const el = bef?.el ?? 2;
    const e2hBefore = bef?.e2h ?? false;
    const aft = after[i];
    const skip = (why: string) => skipped.push({ line: step.line, text: step.text, why });
    const observe = (name: string, value: bigint, decodeAs?: string) =>
      observables.push({ step: i, line: step.line, text: step.text, name, value: value & MASK64, ...(decodeAs ? { decodeAs } : {}) });
    switch (step.op) {
      case "reset":
        if (i > 0 && el !== 2) unsupported ??= `line ${step.line}: reset below EL2 (the program cannot get back to EL2 without an exception)`;
        asm.push("msr daifset, #0xf", "msr spsel, #1", "msr nzcv, xzr", ...resetRegs(aft?.e2h ?? false));
        for (let n = 0; n <= 30; n++) if (n !== RESERVED_X) asm.push(`mov x${n}, xzr`);
        break;
      case "el": {
        // The emulator's `el N` (vcpu.ts setEl) changes PSTATE.{EL,SP} only: lowered to an ERET
        // downwards, to a request call upwards (program.S.hbs EL_DOWN/EL_UP, harness.c.hbs).
        const to = step.el;
        const next = `hv_next_${i}`;
        if (to === el) {
          if (to > 0) asm.push("msr spsel, #1");
          break;
        }
        // IllegalExceptionReturn(): a return to EL1 with HCR_EL2.TGE == 1 is illegal (Arm ARM D1.x).
        if (to === 1 && bef?.tge) unsupported ??= `line ${step.line}: '${step.text}' with HCR_EL2.TGE == 1: no exception return reaches EL1`;
        // HVC is UNDEFINED with HCR_EL2.HCD == 1 (Arm ARM C6.2 HVC): the request could not reach EL2.
        if (to > el && bef?.hcd && (el === 1 || !bef.tge)) unsupported ??= `line ${step.line}: '${step.text}' with HCR_EL2.HCD == 1: the harness's HVC is UNDEFINED`;
        asm.push(`STEP ${i}, hv_insn_${i}, ${next}`, `hv_insn_${i}:`);
        for (const [op, shadow] of vbars(el, e2hBefore)) asm.push(`VBAR_INSTALL ${op}, ${shadow}`);
        if (to < el) asm.push(`EL_DOWN ${to}, ${next}`);
        else asm.push(`EL_UP ${to}, ${el === 0 ? "svc" : "hvc"}`);
        asm.push(`${next}:`);
        break;
      }
      case "set-x":
        if (step.n === RESERVED_X) unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
        tainted.delete(`x${step.n}`);
        lastMrs.delete(step.n);
        asm.push(...movSequence(step.n, step.value));
        break;
      case "set-pc":
        skip("the program cannot place code at an arbitrary PC (PC-dependent observables are compared relative to the step)");
        break;
      case "insn": {
        const w = step.word >>> 0;
        const insnLabel = `hv_insn_${i}`;
        const next = `hv_next_${i}`;
        const key = sysKey(w);
        const reg = isMrs(w) || isMsrReg(w) ? reached(key, el, e2hBefore) : -1;
        if (isMrs(w) && (w & 31) === RESERVED_X) unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
        if (isMsrReg(w) && harnessSp.has(reg) && reg !== spEl0) unsupported ??= `line ${step.line}: ${index.names[reg] ?? "SP"} is the harness's stack`;
        const regName = reg >= 0 ? (index.names[reg] ?? "") : "";
        if (isMsrReg(w) && reg >= 0) tainted.delete(regName);
        if (isMrs(w) && (w & 31) !== 31) {
          const rt = w & 31;
          // An MRS of a value the hardware does not have (a KVM API write, an ELR, a harness stack) passes it on.
          if (reg < 0 || tainted.has(regName) || /^ELR_EL/.test(regName) || harnessSp.has(reg)) tainted.add(`x${rt}`);
          else tainted.delete(`x${rt}`);
          if (reg >= 0) lastMrs.set(rt, regName);
          else lastMrs.delete(rt);
        }
        asm.push(`STEP ${i}, ${insnLabel}, ${next}`);
        // The harness's vectors everywhere but in the VBAR the instruction reaches: an MSR writes
        // it (the next preamble moves the value written into the shadow), an MRS reads the shadow.
        for (const [op, shadow, r] of vbars(el, e2hBefore)) {
          if (r !== reg) asm.push(`VBAR_INSTALL ${op}, ${shadow}`);
          else if (isMrs(w)) asm.push(`VBAR_SHADOW ${op}, ${shadow}`);
        }
        // The return state comes from SPSR_ELx: one a KVM API step set (skipped) is not on hardware.
        if (isEret(w) && el >= 1 && tainted.has(`SPSR_EL${el}`)) unsupported ??= `line ${step.line}: 'eret' returns with SPSR_EL${el} as a KVM API step (onereg set/setregs, skipped on hardware) set it`;
        if (isEret(w) && el >= 1) asm.push("SNAPSHOT", `ELR_TO ${el}, ${next}`);
        // A register with shadowed bits (translation enables, EE): an MSR writes the hardware without
        // them and, unless it trapped, keeps the whole value in the shadow; an MRS ORs them back in.
        const sh = reg >= 0 ? shadowOf(reg) : undefined;
        const rt = w & 31;
        if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_STASH ${rt}`, ...sh.masks.map((mk) => `bic x${rt}, x${rt}, #${hex(mk)}`));
        asm.push(`${insnLabel}: .inst ${hex(w, 8)}`);
        if (sh && isMsrReg(w)) asm.push(rt === 31 ? `MSHADOW_ZERO ${sh.off}` : `MSHADOW_KEEP ${rt}, ${sh.off}`);
        if (sh && isMrs(w) && rt !== 31) asm.push(...showShadow(rt, sh));
        asm.push(`${next}:`);
        // An MSR that trapped continues here with its source register still without the shadowed bits.
        if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_UNSTASH ${rt}`);
        const rec = record.steps[i]?.result ?? "";
        const exc = EXC.exec(rec);
        if (exc) {
          const [, toEl = "0", esr = "0", elr = "0", spsr = "0", vec = "0"] = exc;
          const elName = `EL${toEl}`;
          observe("exception.EL", BigInt(toEl));
          observe("exception.vector", BigInt(vec));
          observe(`exception.ESR_${elName}`, BigInt(esr), `ESR_${elName}`);
          observe(`exception.ELR_${elName}-insn`, (BigInt(elr) - (before[i]?.pc ?? 0n)) & MASK64);
          observe(`exception.SPSR_${elName}`, BigInt(spsr), `SPSR_${elName}`);
          // FAR only where the emulator's record gives one: the exceptions it models leave FAR_ELx
          // UNKNOWN (Arm ARM FAR_EL2: "UNKNOWN" for exceptions other than aborts, PC/watchpoint faults).
          const far = / FAR (0x[0-9a-f]+)/.exec(rec);
          if (far?.[1]) observe(`exception.FAR_${elName}`, BigInt(far[1]), `FAR_${elName}`);
        } else if (isMrs(w) && aft && reg >= 0 && /^ELR_EL/.test(regName)) {
          skip(`${regName}: PC-dependent (the exception record compares ELR relative to the instruction)`);
        } else if (isMrs(w) && aft && (harnessSp.has(reg) || tainted.has(regName))) {
          skip(`${regName}: ${harnessSp.has(reg) ? "the harness's stack pointer" : "set by a KVM API step the program skips"}`);
        } else if (isMrs(w) && aft) {
          const rt = w & 31;
          if (rt !== 31) {
            observe(`x${rt}`, aft.x[rt] ?? 0n, reg >= 0 ? index.names[reg] : undefined);
            asm.push(`REPORT_SLOT ${i}, ${nameLabel(`x${rt}`)}, ${rt}`);
          }
        }
        if (isEret(w) && aft && !exc) {
          if (aft.el >= 1) {
            observe("CurrentEL", BigInt(aft.el << 2));
            asm.push(`REPORT_SYS ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
          } else skip("EL after ERET to EL0: CurrentEL cannot be read at EL0 (later exceptions show it in SPSR)");
        }
        // Every exception a step takes in QEMU but not in the emulator is reported too: qemu.ts flags
        // any exception line the emulator did not record.
        break;
      }
      case "expect": {
        const lhs = step.lhs;
        const a = aft;
        if (!a) break;
        const curEl = a.el;
        switch (lhs.kind) {
          case "x":
            if (lhs.n === RESERVED_X) {
              unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
              break;
            }
            if (tainted.has(`x${lhs.n}`)) {
              skip(`x${lhs.n}: its value comes from a step the program skips or cannot reproduce (KVM API, ELR, harness stack)`);
              break;
            }
            observe(`x${lhs.n}`, a.x[lhs.n] ?? 0n, lastMrs.get(lhs.n));
            asm.push(`REPORT_SLOT ${i}, ${nameLabel(`x${lhs.n}`)}, ${lhs.n}`);
            break;
          case "nzcv":
            observe("NZCV", BigInt((a.pstate >>> 28) & 0xf) << 28n, "SPSR_EL2");
            asm.push(`REPORT_SLOT ${i}, ${nameLabel("NZCV")}, 31`);
            break;
          case "daif":
          case "spsel":
          case "el":
            if (curEl === 0) {
              skip(`${lhs.kind} cannot be read at EL0 without SCTLR_EL1.UMA (DAIF) or at all (SPSel, CurrentEL)`);
              break;
            }
            if (lhs.kind === "daif") {
              observe("DAIF", BigInt(a.pstate & 0x3c0), "SPSR_EL2");
              asm.push(`REPORT_SYS ${i}, ${nameLabel("DAIF")}, daif`);
            } else if (lhs.kind === "spsel") {
              observe("SPSel", BigInt(a.pstate & 1));
              asm.push(`REPORT_SYS ${i}, ${nameLabel("SPSel")}, spsel`);
            } else {
              observe("CurrentEL", BigInt(curEl << 2));
              asm.push(`REPORT_SYS ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
            }
            break;
          case "pc":
            skip("PC: the program's code is not at the scenario's addresses");
            break;
          case "errno":
            skip("errno: no hardware meaning (KVM ioctl result)");
            break;
          case "reg": {
            const name = lhs.name.toUpperCase();
            if (name === "PSTATE") {
              if (curEl === 0) {
                skip("PSTATE at EL0: DAIF, SPSel and CurrentEL cannot be read");
                break;
              }
              observe("PSTATE", BigInt(a.pstate) & 0xf00003cdn, "SPSR_EL2");
              asm.push(`REPORT_PSTATE ${i}, ${nameLabel("PSTATE")}`);
              break;
            }
            const spec = index.spec[lhs.r];
            if (/^ELR_EL/.test(name)) {
              skip(`${name}: PC-dependent (the exception record compares ELR relative to the instruction)`);
              break;
            }
            if (!spec?.encoding) {
              skip(`${name}: not a system register the program can read`);
              break;
            }
            const acc = spec.access[curEl];
            if (acc !== "rw" && acc !== "ro") {
              skip(`${name}: not readable at EL${curEl}`);
              break;
            }
            if (harnessSp.has(lhs.r) || (lhs.r === spEl0 && curEl === 0)) {
              skip(`${name}: the harness's stack pointer`);
              break;
            }
            if (tainted.has(name)) {
              skip(`${name}: set by a KVM API step the program skips`);
              break;
            }
            if (index.implemented[lhs.r] !== 1) {
              skip(`${name}: not implemented under this profile (reading it is UNDEFINED)`);
              break;
            }
            if (a.trapped.has(lhs.r)) {
              skip(`${name}: reading it at EL1 traps to EL2 now (its read trap, e.g. HCR_EL2.TRVM, is on)`);
              break;
            }
            const operand = readOperand(lhs.r, curEl, a.e2h);
            if (!operand) {
              skip(`${name}: at EL2 with E2H == 1 its name reaches the EL2 register, and it has no _EL12 alias`);
              break;
            }
            observe(name, a.regs.get(lhs.r) ?? 0n, name);
            for (const [op, shadow, r] of vbars(curEl, a.e2h)) if (r === lhs.r) asm.push(`VBAR_SHADOW ${op}, ${shadow}`);
            const shx = shadowOf(lhs.r);
            if (shx) asm.push(`REPORT_SHADOWED ${i}, ${nameLabel(name)}, ${operand}, ${shx.off}, ${shx.masks.map(hex).join(", ")}${shx.masks.length === 1 ? ", 0x0" : ""}`);
            else asm.push(`REPORT_SYS ${i}, ${nameLabel(name)}, ${operand}`);
            break;
          }
        }
        break;
      }
      default:
        skip(`${step.op}: no hardware meaning (KVM userspace API)`);
        if (step.op === "onereg-get") tainted.add(`x${step.dst}`);
        if (step.op === "onereg-set") {
          if (step.target.kind === "name") tainted.add(/^X\d+$/i.test(step.target.name) ? step.target.name.toLowerCase() : step.target.name.toUpperCase());
          // PSTATE written behind the program's back: the EL, SP and flags on hardware would no longer be the emulator's.
          if (step.target.kind === "name" && /^PSTATE$/i.test(step.target.name)) unsupported ??= `line ${step.line}: KVM_SET_ONE_REG of PSTATE has no hardware meaning`;
          else {
            // By id: the register the ABI maps it to (a core register: any x register, to be safe).
            const r = step.target.kind === "id" ? m.api.abi.idToReg.get(step.target.id) : undefined;
            const name = r === undefined ? undefined : index.names[r];
            if (name && !/^X\d+$/i.test(name)) tainted.add(name.toUpperCase());
            else for (let n = 0; n < 31; n++) tainted.add(`x${n}`);
          }
        }
        if (step.op === "setregs" && step.edits.some((e) => /^PSTATE$/i.test(e.name))) unsupported ??= `line ${step.line}: KVM_SET_REGS of PSTATE has no hardware meaning`;
        if (step.op === "setregs") for (const e of step.edits) tainted.add(/^X\d+$/i.test(e.name) ? e.name.toLowerCase() : e.name.toUpperCase());
    }
    steps.push({ line: step.line, text: step.text.replace(/\*\//g, "* /"), asm: [`hv_step_${i}:`, ...asm] });
  });
  steps.push({ line: 0, text: "end", asm: [`hv_step_${s.steps.length}:`] });

  const shadow = (r: number) => hex(resetValues.get(r) ?? 0n);
  const vectors = Array.from({ length: 16 }, (_, k) => hex(k * 0x80, 3));
  const view: ProgramView = {
    file: s.file,
    steps,
    vectors,
    names,
    shadowVbarEl2: shadow(vbarEl2),
    shadowVbarEl1: shadow(vbarEl1),
    requestImm: HV_REQUEST_IMM.toString(16),
  };
  return { file: s.file, record, observables, skipped, ...(unsupported ? { unsupported } : {}), view };
}
