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
 * - KVM API reads and queries (onereg get, reglist, getregs, expect
 *   errno/reglist) have no hardware meaning: skipped and listed, and an x
 *   register a `onereg get` wrote is "tainted" (its `expect` is skipped).
 * - KVM API writes (onereg set, setregs) are, on hardware, the host writing
 *   the vCPU's registers between two runs (lowerApiWrite): every register
 *   the step changed in the emulator (a `onereg set` target even when
 *   unchanged) gets the value the emulator ended with, not the ioctl's
 *   argument (KVM's masks, e.g. HCR_EL2.RW RES1, already applied). x
 *   registers: MOVZ/MOVK. System registers and SP_EL0/1/2: at EL2, an MSR
 *   (E2H redirection through the _EL12 aliases; shadowed bits into their
 *   shadow; SP_EL2, or SP_EL0 in EL2t, by MOV SP); below EL2, the harness's
 *   request call up to EL2, the MSRs there, and an ERET (hv_eret_to) back to
 *   the PSTATE the emulator ended with. PSTATE: an ERET with that SPSR (NZCV,
 *   DAIF, M[3:0]) when the EL goes down, the request call when it goes up,
 *   then MSR NZCV / DAIFSet / DAIFClr / SPSel. Registers with no such write
 *   (FP/SIMD, PC, x28, KVM pseudo-registers) stay skipped and tainted. A
 *   PSTATE the emulator ends with that no exception return can produce
 *   (AArch32, M[1], IL) refuses the scenario, as do the `el N` refusals
 *   below for the request call and the ERET.
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
 *   return reaches) and never a register the profile lacks (UNDEFINED).
 * - The stack pointers are the scenario's. Harness code never uses the SP the
 *   scenario left (program.S.hbs HSTACK_ENTER/HSTACK_LEAVE): every preamble,
 *   report and vector entry moves to a harness stack of the EL it runs at
 *   with x28 and SP alone, pushes the scenario's SP there and restores it bit
 *   for bit, so SP_EL0/SP_EL1/SP_EL2 may hold anything (unmapped addresses
 *   included) at any EL and in ELxt. `reset` writes SP_EL0/SP_EL1 like any
 *   named register; an MRS of SP_EL0/SP_EL1 is compared; an `expect` of the
 *   SP PSTATE selects (SP_EL0 at EL0 or with SPSel == 0, SP_ELx otherwise,
 *   which has no MRS there) reports the SP HSTACK_ENTER saved.
 * - At EL2 with HCR_EL2.E2H == 1 an EL1 name reaches the EL2 register (Arm ARM
 *   D13 redirection): an `expect` of an EL1 register reads it through its
 *   _EL12 alias, and the VBAR shadow follows the register an MRS/MSR reaches.
 *   An `expect` of a register whose read trap is on at EL1 (HCR_EL2.TRVM, ...)
 *   or that the profile lacks is skipped; MRS of ELR_ELx is skipped (PC).
 * - Illegal exception returns. The emulator (vcpu.ts eret) sets PSTATE.IL on
 *   the ERET and takes the Illegal Execution state exception (EC 0x0E, ELR =
 *   the instruction, SPSR = PSTATE with IL) on the next instruction step
 *   (vcpu.ts step); the steps in between (expect, x = V) see PSTATE with IL
 *   set; a reset or a KVM write of PSTATE clears IL without an exception. On
 *   hardware the ERET's ELR is a harness landing (hv_il_<j>) that takes that
 *   exception at once; it is reported as the step that takes it in the
 *   emulator (STEP's index), ELR relative to the landing (0 on both sides).
 *   The handler keeps the exception (hv_state.il_*), puts back the ESR, ELR,
 *   SPSR and FAR it clobbered (hv_snap, taken before the ERET) and continues
 *   at the next step with IL cleared. In the window, NZCV/DAIF/SPSel/EL/PSTATE
 *   (IL included) are read from the kept SPSR (REPORT_IL); the step that
 *   takes the exception in the emulator runs no instruction and puts the
 *   exception's registers back (IL_TAKEN). When no instruction ends the
 *   window, the landing's exception is compared with the one the Arm ARM
 *   gives the next instruction from the emulator's PSTATE (AArch64.IllegalState:
 *   current EL, EC 0x0E, IL 1, ISS 0). An `el N` in the window is refused.
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
 * - x28 is the harness's (the handler's branch register, the stack switch's
 *   scratch): a scenario that sets or reads x28 is refused.
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
    daif: mm.vcpu.pstate & 0x3c0,
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
  // The stack pointers are the scenario's (program.S.hbs HSTACK_ENTER: the harness runs on its own
  // stacks): SP_ELn by EL, for an `expect` of the one PSTATE selects (Arm ARM D1.x "The stack
  // pointer registers": SP_EL0 at EL0 or with PSTATE.SP == 0, else SP_ELx).
  const spRegs = ["SP_EL0", "SP_EL1", "SP_EL2"].map((n) => index.byName.get(n) ?? -1);
  let endian: string | undefined;
  // KVM API writes (onereg set, setregs): the registers they reach, and their values before and after
  // the step in the emulator (apiState[i]: before, after), for the lowering below.
  const apiTargets = (st: Step): number[] => {
    if (st.op === "setregs") return [...m.api.abi.blob.keys()];
    if (st.op !== "onereg-set") return [];
    const r = st.target.kind === "name" ? st.target.r : m.api.abi.idToReg.get(st.target.id);
    return r === undefined ? [] : [r];
  };
  const capture = (mm: Machine, regs: readonly number[]) => ({
    pstate: mm.vcpu.pstate >>> 0,
    vals: new Map(regs.filter((r) => r !== index.PSTATE && mm.vcpu.state.has(r)).map((r) => [r, mm.vcpu.state.get(r)] as const)),
  });
  const apiState: { before: ReturnType<typeof capture>; after: ReturnType<typeof capture> }[] = [];
  let apiBefore: ReturnType<typeof capture> | undefined;
  let stepNo = 0;
  const record = runScenario(s, m, (step, mm) => {
    const k = stepNo++;
    if (apiBefore) apiState[k] = { before: apiBefore, after: capture(mm, apiTargets(step)) };
    const following = s.steps[k + 1];
    apiBefore = following && apiTargets(following).length > 0 ? capture(mm, apiTargets(following)) : undefined;
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

  // Illegal exception returns (program.ts header): the ERET at step j sets PSTATE.IL; the window is
  // the steps after it while the emulator's PSTATE.IL stays set; `end` is the instruction step that
  // takes the Illegal Execution state exception (vcpu.ts step(): the next instruction step), if one
  // ends the window (a reset or a KVM write of PSTATE clears IL without one; so does the end).
  const ilWindows = new Map<number, { readonly end?: number }>();
  const ilStepOf = new Map<number, number>(); // window step -> its ERET step
  const ilEnd = new Map<number, number>(); // the instruction step that ends a window -> its ERET step
  s.steps.forEach((st, j) => {
    if (!(st.op === "insn" && isEret(st.word >>> 0) && after[j]?.il && !before[j]?.il)) return;
    let e = j + 1;
    while (e < s.steps.length && after[e]?.il) ilStepOf.set(e++, j);
    const closer = s.steps[e];
    if (closer?.op === "insn") {
      ilEnd.set(e, j);
      ilWindows.set(j, { end: e });
    } else ilWindows.set(j, {});
    for (let w = j + 1; w < e; w++) {
      const ws = s.steps[w];
      // `el N` keeps PSTATE.IL in the emulator (vcpu.ts setEl); on hardware the harness's ERET or call would not.
      if (ws?.op === "el") unsupported ??= `line ${ws.line}: '${ws.text}' in the window of the illegal exception return at line ${st.line}`;
    }
  });
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
        if (op) vbarLines.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value, in the shadow) */`, ...movSequence(0, v), `VBAR_RESET ${op[0]}, ${op[1]}, ${op[3]}`);
        continue;
      }
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
  // The VBARs the harness installs at `atEl`: [operand, shadow, register, the harness's vector table
  // for the EL that VBAR serves (each runs on its own EL's harness stack)].
  const vbars = (atEl: number, e2h: boolean): (readonly [string, string, number, string])[] =>
    atEl === 2
      ? [
          ["vbar_el2", "hv_shadow_vbar_el2", vbarEl2, "hv_vectors_el2"],
          [e2h ? "S3_5_C12_C0_0" : "vbar_el1", "hv_shadow_vbar_el1", vbarEl1, "hv_vectors_el1"],
        ]
      : atEl === 1
        ? [["vbar_el1", "hv_shadow_vbar_el1", vbarEl1, "hv_vectors_el1"]]
        : [];

  // Values a skipped KVM API step (onereg set/get, setregs) changed in the emulator but not on
  // hardware: an `expect` of them has no hardware meaning. Keyed "xN" or the register's name.
  const tainted = new Set<string>();
  // The register whose MRS last wrote xN: an `expect xN` difference is decoded by its fields (and per-CPU rules).
  const lastMrs = new Map<number, string>();

  /** The exception the emulator's record gives for step i (EXC), as observables; returns the match. */
  const observeException = (i: number, rec: string): RegExpExecArray | null => {
    const exc = EXC.exec(rec);
    const st = s.steps[i];
    if (!exc || !st) return exc;
    const observe = (name: string, value: bigint, decodeAs?: string) =>
      observables.push({ step: i, line: st.line, text: st.text, name, value: value & MASK64, ...(decodeAs ? { decodeAs } : {}) });
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
    return exc;
  };
  const taintName = (r: number): string => {
    const name = index.names[r] ?? "";
    return /^X\d+$/i.test(name) ? name.toLowerCase() : name.toUpperCase();
  };
  /**
   * A KVM API write (KVM_SET_ONE_REG, KVM_SET_REGS) is, on hardware, the host writing the vCPU's
   * registers between two runs: the registers the emulator changed get the emulator's new value by
   * the guest's own means. x registers: MOVZ/MOVK. The stack pointer PSTATE selects: MOV SP. A system
   * register, at EL2: an MSR (through its _EL12 alias where E2H redirects its name), with the
   * shadowed bits (translation enables, EE) in their shadow; VBAR_ELx reaches the hardware and the
   * next preamble moves it into its shadow, as after the scenario's own MSR. PSTATE: an ERET with
   * that SPSR when the EL goes down, the request call (EL_UP) when it goes up, then MSR NZCV,
   * DAIFSet/DAIFClr and SPSel. Anything else (a system register below EL2, FP/SIMD registers, PC)
   * stays skipped, and an `expect` of it too (tainted).
   */
  const lowerApiWrite = (step: Step & { op: "onereg-set" | "setregs" }, i: number): string[] => {
    const io = apiState[i];
    const bef = before[i];
    if (!io || !bef) return [];
    const el = bef.el;
    const p = io.after.pstate;
    const pstateChanged = p !== io.before.pstate;
    const to = (p >>> 2) & 3;
    // PSTATE.SP at EL2 when the writes happen (below: at EL2 already, after a PSTATE write to EL2, or EL2h after the request call).
    const spselAtWrite = el === 2 ? bef.spsel : pstateChanged && to === 2 ? p & 1 : 1;
    const notLowered: string[] = [];
    const xWrites: string[] = [];
    const sysWrites: [number, bigint][] = [];
    for (const [r, v] of io.after.vals) {
      const was = io.before.vals.get(r);
      // KVM_SET_REGS rewrites the whole struct kvm_regs: only what it changed needs lowering; a
      // KVM_SET_ONE_REG is lowered even when it wrote the value the emulator already had.
      if (step.op === "setregs" && was === v && !tainted.has(taintName(r))) continue;
      const name = index.names[r] ?? `r${r}`;
      const xn = r - index.X0;
      if (r === index.PC) continue; // `pc = V`: nothing, PC-dependent observables are relative
      if (xn >= 0 && xn <= 30) {
        if (xn === RESERVED_X) {
          notLowered.push(name);
          tainted.add(`x${xn}`);
          continue;
        }
        xWrites.push(`/* ${name} = ${hex(v)} */`, ...movSequence(xn, v));
        tainted.delete(`x${xn}`);
        lastMrs.delete(xn);
        continue;
      }
      const spec = index.spec[r];
      const acc = spec?.access[2];
      const isSp = spRegs.includes(r);
      // SP_ELx have no MSR at their own EL, but at EL2 SP_EL2 is SP itself (EL2h) and SP_EL0/SP_EL1 take an MSR.
      if ((r === spRegs[2] && spselAtWrite === 0) || (!isSp && (!spec?.encoding || (acc !== "rw" && acc !== "wo") || index.implemented[r] !== 1 || !readOperand(r, 2, bef.e2h)))) {
        notLowered.push(name);
        tainted.add(taintName(r));
        continue;
      }
      sysWrites.push([r, v]);
      tainted.delete(taintName(r));
    }
    if (notLowered.length > 0) skipped.push({ line: step.line, text: step.text, why: `${notLowered.join(", ")}: no hardware counterpart the program can write (KVM userspace API)` });
    // The writes at EL2, with PSTATE.SP = spsel there (the current SP is written with MOV SP).
    const writesAtEl2 = (spsel: number): string[] => {
      const out: string[] = [];
      for (const [r, v] of sysWrites) {
        const name = index.names[r] ?? `r${r}`;
        if (r === spRegs[spsel === 0 ? 0 : 2]) {
          out.push(`/* ${name} = ${hex(v)}: the current SP */`, ...movSequence(RESERVED_X, v), `mov sp, x${RESERVED_X}`);
          continue;
        }
        const operand = r === spRegs[0] ? "sp_el0" : r === spRegs[1] ? "sp_el1" : readOperand(r, 2, bef.e2h);
        if (!operand) continue;
        const sh = shadowOf(r);
        const hw = sh ? sh.masks.reduce((acc2, mk) => acc2 & ~mk, v) : v;
        out.push(`/* ${name} = ${hex(v)}: MSR at EL2 */`, `HV_BEGIN 2`, ...movSequence(0, hw), `msr ${operand}, x0`, "isb");
        if (sh) out.push(...movSequence(0, v), `MSHADOW_SET 0, ${sh.off}`);
        out.push("HV_END");
      }
      return out;
    };
    const out: string[] = [];
    if (sysWrites.length === 0) {
      if (pstateChanged) out.push(...lowerPstate(step, i, el, bef, p, `${i}`));
    } else if (el === 2) {
      out.push(...writesAtEl2(bef.spsel), ...(pstateChanged ? lowerPstate(step, i, 2, bef, p, `${i}`) : []));
    } else if (pstateChanged && to === 2) {
      // The host's write takes the vCPU to EL2: go there first, then write.
      out.push(...lowerPstate(step, i, el, bef, p, `${i}`), ...writesAtEl2(p & 1));
    } else {
      // Below EL2: up to EL2 by the harness's request call, write there, put the harness's vectors
      // back in VBAR_EL2/VBAR_EL1 (the value written goes to the shadow), and return to the PSTATE
      // the emulator ended with by an ERET (hv_eret_to keeps ESR/ELR/SPSR/FAR of EL2 for a later `el 2`).
      out.push(`/* up to EL2 for the host's writes */`, ...goUp(step, i, el, 2, bef, `${i}`), ...writesAtEl2(1));
      for (const [op, shadow, , table] of vbars(2, bef.e2h)) out.push(`VBAR_INSTALL 2, ${op}, ${shadow}, ${table}`);
      out.push(...lowerPstate(step, i, 2, bef, pstateChanged ? p : io.before.pstate, `${i}_down`));
    }
    return [...out, ...xWrites];
  };
  /** The harness's request call from `el` up to `to` (EL_UP), as a step of its own: labels hv_insn_<tag>, hv_next_<tag>. */
  const goUp = (step: Step, i: number, el: number, to: number, bef: ReturnType<typeof snap>, tag: string): string[] => {
    if (bef.hcd && (el === 1 || !bef.tge)) unsupported ??= `line ${step.line}: '${step.text}' with HCR_EL2.HCD == 1: the harness's HVC is UNDEFINED`;
    if (to === 1 && bef.tge) unsupported ??= `line ${step.line}: '${step.text}' moves to EL1 with HCR_EL2.TGE == 1: no exception return reaches EL1`;
    const out = [`STEP ${el}, ${i}, hv_insn_${tag}, hv_next_${tag}`, `hv_insn_${tag}:`];
    for (const [op, shadow, , table] of vbars(el, bef.e2h)) out.push(`VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
    out.push(`EL_UP ${el}, ${to}, ${el === 0 ? "svc" : "hvc"}`, `hv_next_${tag}:`);
    return out;
  };
  /** A KVM write of PSTATE (the value the emulator ended with) from EL `el`. */
  const lowerPstate = (step: Step, i: number, el: number, bef: ReturnType<typeof snap>, p: number, tag: string): string[] => {
    const out: string[] = [];
    const to = (p >>> 2) & 3;
    const next = `hv_next_${tag}`;
    if ((p & 0x10) !== 0 || (p & 2) !== 0 || (p & (1 << 20)) !== 0) {
      unsupported ??= `line ${step.line}: '${step.text}' writes PSTATE ${hex(BigInt(p))} (AArch32, M[1] or IL): no exception return produces it`;
      return out;
    }
    if (to < el) {
      // IllegalExceptionReturn(): a return to EL1 with HCR_EL2.TGE == 1 is illegal (Arm ARM D1.x).
      if (to === 1 && bef.tge) unsupported ??= `line ${step.line}: '${step.text}' moves to EL1 with HCR_EL2.TGE == 1: no exception return reaches EL1`;
      // SPSR: NZCV, DAIF and M[3:0] of the new PSTATE (the bits the emulator models).
      const spsr = BigInt(p) & 0xf00003cfn;
      out.push(`STEP ${el}, ${i}, hv_insn_${tag}, ${next}`, `hv_insn_${tag}:`);
      for (const [op, shadow, , table] of vbars(el, bef.e2h)) out.push(`VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
      out.push(`HV_BEGIN ${el}`, ...movSequence(0, spsr), `adr x1, ${next}`, "bl hv_eret_to", "HV_END", "eret", `${next}:`);
      return out;
    }
    if (to > el) out.push(...goUp(step, i, el, to, bef, tag));
    // Same EL (or arrived): NZCV through x28 (the harness's), DAIF and SPSel by immediate.
    out.push(`movz x${RESERVED_X}, #${hex(BigInt(p >>> 16) & 0xf000n)}, lsl #16`, `msr nzcv, x${RESERVED_X}`);
    if (to === 0) {
      if (((p ^ (before[i]?.daif ?? 0)) & 0x3c0) !== 0) unsupported ??= `line ${step.line}: '${step.text}' changes DAIF at EL0 (MSR DAIF traps there without SCTLR_EL1.UMA)`;
      return out;
    }
    out.push("msr daifclr, #0xf");
    if ((p & 0x3c0) !== 0) out.push(`msr daifset, #${hex(BigInt((p >>> 6) & 0xf))}`);
    out.push(`msr spsel, #${p & 1}`);
    return out;
  };

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
        asm.push(`STEP ${el}, ${i}, hv_insn_${i}, ${next}`, `hv_insn_${i}:`);
        for (const [op, shadow, , table] of vbars(el, e2hBefore)) asm.push(`VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
        if (to < el) asm.push(`EL_DOWN ${el}, ${to}, ${next}`);
        else asm.push(`EL_UP ${el}, ${to}, ${el === 0 ? "svc" : "hvc"}`);
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
        const rec = record.steps[i]?.result ?? "";
        if (ilEnd.has(i)) {
          // The instruction the emulator does not execute: the landing of the illegal return took its
          // exception already (reported as this step's); put that exception's ESR/ELR/SPSR/FAR back.
          observeException(i, rec);
          asm.push(`/* not executed: PSTATE.IL; its exception was taken at the landing of line ${s.steps[ilEnd.get(i) ?? i]?.line ?? "?"} */`, `IL_TAKEN ${el}`);
          break;
        }
        const ilw = ilWindows.get(i);
        const key = sysKey(w);
        const reg = isMrs(w) || isMsrReg(w) ? reached(key, el, e2hBefore) : -1;
        if (isMrs(w) && (w & 31) === RESERVED_X) unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
        const regName = reg >= 0 ? (index.names[reg] ?? "") : "";
        if (isMsrReg(w) && reg >= 0) tainted.delete(regName);
        if (isMrs(w) && (w & 31) !== 31) {
          const rt = w & 31;
          // An MRS of a value the hardware does not have (a KVM API write, an ELR, a harness stack) passes it on.
          if (reg < 0 || tainted.has(regName) || /^ELR_EL/.test(regName)) tainted.add(`x${rt}`);
          else tainted.delete(`x${rt}`);
          if (reg >= 0) lastMrs.set(rt, regName);
          else lastMrs.delete(rt);
        }
        // An illegal ERET lands on hv_il_<i>, which takes the exception: reported as the step that ends
        // the window (the emulator's), or as this one when no instruction does (observed below).
        asm.push(ilw ? `STEP ${el}, ${ilw.end ?? i}, hv_il_${i}, ${next}` : `STEP ${el}, ${i}, ${insnLabel}, ${next}`);
        // The harness's vectors everywhere but in the VBAR the instruction reaches: an MSR writes
        // it (the next preamble moves the value written into the shadow), an MRS reads the shadow.
        for (const [op, shadow, r, table] of vbars(el, e2hBefore)) {
          if (r !== reg) asm.push(`VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
          else if (isMrs(w)) asm.push(`VBAR_SHADOW ${el}, ${op}, ${shadow}, ${table}`);
        }
        // The return state comes from SPSR_ELx: one a KVM API step set (skipped) is not on hardware.
        if (isEret(w) && el >= 1 && tainted.has(`SPSR_EL${el}`)) unsupported ??= `line ${step.line}: 'eret' returns with SPSR_EL${el} as a KVM API step (onereg set/setregs, skipped on hardware) set it`;
        if (isEret(w) && el >= 1) asm.push(`SNAPSHOT ${el}`, ...(ilw ? [`IL_ARM ${el}`, `ELR_TO ${el}, hv_il_${i}`] : [`ELR_TO ${el}, ${next}`]));
        // A register with shadowed bits (translation enables, EE): an MSR writes the hardware without
        // them and, unless it trapped, keeps the whole value in the shadow; an MRS ORs them back in.
        const sh = reg >= 0 ? shadowOf(reg) : undefined;
        const rt = w & 31;
        if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_STASH ${rt}`, ...sh.masks.map((mk) => `bic x${rt}, x${rt}, #${hex(mk)}`));
        asm.push(`${insnLabel}: .inst ${hex(w, 8)}`);
        // The landing: with PSTATE.IL set it is not executed; its exception continues at `next`.
        if (ilw) asm.push(`hv_il_${i}: nop`);
        if (sh && isMsrReg(w)) asm.push(rt === 31 ? `MSHADOW_ZERO ${sh.off}` : `MSHADOW_KEEP ${rt}, ${sh.off}`);
        if (sh && isMrs(w) && rt !== 31) asm.push(...showShadow(rt, sh));
        asm.push(`${next}:`);
        // An MSR that trapped continues here with its source register still without the shadowed bits.
        if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_UNSTASH ${rt}`);
        const exc = observeException(i, rec);
        if (ilw && !ilw.end && aft) {
          // No instruction ends the window in the emulator (a reset or a KVM write of PSTATE clears
          // IL): the landing's exception is the one the Arm ARM gives the next instruction
          // (AArch64.IllegalState: EC 0x0E, IL = 1, ISS 0, to the current EL from EL1/EL2, ELR = it,
          // SPSR = PSTATE with IL), from the emulator's PSTATE after the return.
          const elName = `EL${aft.el}`;
          observe("exception.EL", BigInt(aft.el));
          observe("exception.vector", aft.spsel === 1 ? 0x200n : 0n);
          observe(`exception.ESR_${elName}`, (0x0en << 26n) | (1n << 25n), `ESR_${elName}`);
          observe(`exception.ELR_${elName}-insn`, 0n);
          observe(`exception.SPSR_${elName}`, BigInt(aft.pstate >>> 0), `SPSR_${elName}`);
        }
        if (exc) {
          // observed by observeException
        } else if (isMrs(w) && aft && reg >= 0 && /^ELR_EL/.test(regName)) {
          skip(`${regName}: PC-dependent (the exception record compares ELR relative to the instruction)`);
        } else if (isMrs(w) && aft && tainted.has(regName)) {
          skip(`${regName}: set by a KVM API step the program skips`);
        } else if (isMrs(w) && aft) {
          const rt = w & 31;
          if (rt !== 31) {
            observe(`x${rt}`, aft.x[rt] ?? 0n, reg >= 0 ? index.names[reg] : undefined);
            asm.push(`REPORT_SLOT ${el}, ${i}, ${nameLabel(`x${rt}`)}, ${rt}`);
          }
        }
        if (isEret(w) && aft && !exc) {
          if (aft.el >= 1) {
            observe("CurrentEL", BigInt(aft.el << 2));
            asm.push(`REPORT_SYS ${aft.el}, ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
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
        // In an illegal-return window the hardware has already taken the Illegal Execution state
        // exception at the landing: the PSTATE the emulator holds now is that exception's SPSR.
        if (ilStepOf.has(i) && (lhs.kind === "nzcv" || lhs.kind === "daif" || lhs.kind === "spsel" || lhs.kind === "el" || (lhs.kind === "reg" && lhs.name.toUpperCase() === "PSTATE"))) {
          const [name, mask, decode] =
            lhs.kind === "nzcv" ? ["NZCV", 0xf0000000, "SPSR_EL2"] : lhs.kind === "daif" ? ["DAIF", 0x3c0, "SPSR_EL2"] : lhs.kind === "spsel" ? ["SPSel", 1, undefined] : lhs.kind === "el" ? ["CurrentEL", 0xc, undefined] : ["PSTATE", 0xf01003cd, "SPSR_EL2"];
          observe(name, BigInt((a.pstate & mask) >>> 0), decode);
          asm.push(`REPORT_IL ${curEl}, ${i}, ${nameLabel(name)}, ${hex(BigInt(mask >>> 0))}`);
          break;
        }
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
            asm.push(`REPORT_SLOT ${curEl}, ${i}, ${nameLabel(`x${lhs.n}`)}, ${lhs.n}`);
            break;
          case "nzcv":
            observe("NZCV", BigInt((a.pstate >>> 28) & 0xf) << 28n, "SPSR_EL2");
            asm.push(`REPORT_SLOT ${curEl}, ${i}, ${nameLabel("NZCV")}, 31`);
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
              asm.push(`REPORT_SYS ${curEl}, ${i}, ${nameLabel("DAIF")}, daif`);
            } else if (lhs.kind === "spsel") {
              observe("SPSel", BigInt(a.pstate & 1));
              asm.push(`REPORT_SYS ${curEl}, ${i}, ${nameLabel("SPSel")}, spsel`);
            } else {
              observe("CurrentEL", BigInt(curEl << 2));
              asm.push(`REPORT_SYS ${curEl}, ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
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
              asm.push(`REPORT_PSTATE ${curEl}, ${i}, ${nameLabel("PSTATE")}`);
              break;
            }
            const spec = index.spec[lhs.r];
            if (/^ELR_EL/.test(name)) {
              skip(`${name}: PC-dependent (the exception record compares ELR relative to the instruction)`);
              break;
            }
            if (tainted.has(name)) {
              skip(`${name}: set by a KVM API step the program skips`);
              break;
            }
            // The stack pointer PSTATE selects is SP itself (MRS SP_EL0 with PSTATE.SP == 0 is UNDEFINED,
            // Arm ARM C5.2 SP_EL0; SP_EL1 has no MRS at EL1): the value HSTACK_ENTER saved, slot 32 of the frame.
            if (lhs.r === spRegs[curEl === 0 || a.spsel === 0 ? 0 : curEl]) {
              observe(name, a.regs.get(lhs.r) ?? 0n, name);
              asm.push(`REPORT_SLOT ${curEl}, ${i}, ${nameLabel(name)}, 32`);
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
            for (const [op, shadow, r, table] of vbars(curEl, a.e2h)) if (r === lhs.r) asm.push(`VBAR_SHADOW ${curEl}, ${op}, ${shadow}, ${table}`);
            const shx = shadowOf(lhs.r);
            if (shx) asm.push(`REPORT_SHADOWED ${curEl}, ${i}, ${nameLabel(name)}, ${operand}, ${shx.off}, ${shx.masks.map(hex).join(", ")}${shx.masks.length === 1 ? ", 0x0" : ""}`);
            else asm.push(`REPORT_SYS ${curEl}, ${i}, ${nameLabel(name)}, ${operand}`);
            break;
          }
        }
        break;
      }
      case "onereg-set":
      case "setregs":
        asm.push(...lowerApiWrite(step, i));
        break;
      default:
        skip(`${step.op}: no hardware meaning (KVM userspace API)`);
        if (step.op === "onereg-get") tainted.add(`x${step.dst}`);
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
