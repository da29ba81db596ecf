/**
 * The emulator's side of a translation: run the scenario on a fresh machine and keep, step by step,
 * what the program needs to lower the step and what it compares: the PSTATE and HCR_EL2 bits before
 * and after, the x registers and the `expect`ed register after, the registers a KVM API write
 * reaches, the reset values of the registers the scenario names, and the illegal-return windows.
 */
import type { Machine } from "../machine.js";
import type { Scenario, Step } from "../scenario/parse.js";
import { runScenario, type RunRecord } from "../scenario/run.js";
import { isEret, isMrs, isMsrReg, sysKey } from "./a64.js";

/** The vCPU between two steps. */
export interface Snapshot {
  readonly el: number;
  readonly pc: bigint;
  readonly e2h: boolean;
  readonly tge: boolean;
  readonly hcd: boolean;
  readonly spsel: number;
  readonly daif: number;
  readonly il: boolean;
  /** The named registers whose read trap is on at EL1 now: the harness cannot read them. */
  readonly trapped: ReadonlySet<number>;
}

/** The vCPU after a step: a Snapshot, and the values the step's observables compare. */
export interface After extends Snapshot {
  readonly x: readonly bigint[];
  readonly pstate: number;
  /** An `expect`ed register's value. */
  readonly regs: ReadonlyMap<number, bigint>;
}

/** PSTATE and the registers a KVM API write reaches, at one point. */
export interface Captured {
  readonly pstate: number;
  readonly vals: ReadonlyMap<number, bigint>;
}

/**
 * An illegal exception return (insn.ts header): the ERET sets PSTATE.IL; `end` is the
 * instruction step that takes the Illegal Execution state exception (vcpu.ts step(): the next
 * instruction step), if one ends the window (a reset or a KVM write of PSTATE clears IL without one;
 * so does the end).
 */
export interface IllegalReturns {
  /** ERET step -> its window. */
  readonly windows: ReadonlyMap<number, { readonly end?: number }>;
  /** A window's step -> its ERET step. */
  readonly stepOf: ReadonlyMap<number, number>;
  /** The instruction step that ends a window -> its ERET step. */
  readonly end: ReadonlyMap<number, number>;
  /** An `el N` in a window (refused). */
  readonly refusal?: string;
}

export interface EmulatorRun {
  readonly record: RunRecord;
  /** before[i]: the vCPU before step i; after[i]: after it. */
  readonly before: readonly Snapshot[];
  readonly after: readonly After[];
  /** The system registers the scenario names (MSR, MRS, expect), and HCR_EL2. */
  readonly named: ReadonlySet<number>;
  /** The named registers' values after the last `reset`. */
  readonly resetValues: ReadonlyMap<number, bigint>;
  /** Per KVM API write step (onereg set, setregs): the registers it reaches before and after it. */
  readonly apiState: readonly ({ readonly before: Captured; readonly after: Captured } | undefined)[];
  readonly illegal: IllegalReturns;
  /** Why the program cannot run the scenario, as far as the emulator's run tells: the first reason. */
  readonly refusal?: string;
}

export function runOnEmulator(s: Scenario, m: Machine): EmulatorRun {
  const { index } = m;
  const hcr = index.byName.get("HCR_EL2");
  const hcrBit = (mm: Machine, name: string): boolean => {
    const b = index.fieldBit("HCR_EL2", name);
    return hcr !== undefined && b >= 0 && mm.vcpu.state.has(hcr) && ((mm.vcpu.state.get(hcr) >> BigInt(b)) & 1n) === 1n;
  };
  const named = new Set<number>();
  const noteReg = (r: number | undefined) => {
    if (r !== undefined && r >= 0 && index.spec[r]?.encoding) named.add(r);
  };
  // HCR_EL2 always: its RW, TGE, E2H decide what an exception return to EL1 or EL0 (an `eret`,
  // an `el N` step) reaches, so QEMU's reset value must not stand in for the emulator's.
  noteReg(hcr);
  for (const step of s.steps) {
    if (step.op === "expect" && step.lhs.kind === "reg") noteReg(step.lhs.r);
    if (step.op === "insn" && (isMrs(step.word) || isMsrReg(step.word))) noteReg((index.byEncoding[sysKey(step.word)] ?? 0) - 1);
  }
  // A read trap (HCR_EL2.TRVM, ...: the register's spec) that is on: the harness cannot read the register at EL1.
  const readTrapped = (mm: Machine, r: number): boolean =>
    (index.readTraps[r] ?? []).some((t) => mm.vcpu.state.has(t.reg) && Number((mm.vcpu.state.get(t.reg) >> BigInt(t.bit)) & 1n) === t.when);
  const trappedNow = (mm: Machine): Set<number> => {
    const out = new Set<number>();
    if (mm.vcpu.el === 1) for (const r of named) if (readTrapped(mm, r)) out.add(r);
    return out;
  };
  const snap = (mm: Machine): Snapshot => ({
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
  // KVM API writes (onereg set, setregs): the registers they reach, and their values before and
  // after the step in the emulator, for api-write.ts.
  const apiTargets = (st: Step): number[] => {
    if (st.op === "setregs") return [...m.api.abi.blob.keys()];
    if (st.op !== "onereg-set") return [];
    const r = st.target.kind === "name" ? st.target.r : m.api.abi.idToReg.get(st.target.id);
    return r === undefined ? [] : [r];
  };
  const capture = (mm: Machine, regs: readonly number[]): Captured => ({
    pstate: mm.vcpu.pstate >>> 0,
    vals: new Map(regs.filter((r) => r !== index.PSTATE && mm.vcpu.state.has(r)).map((r) => [r, mm.vcpu.state.get(r)] as const)),
  });

  const before: Snapshot[] = [];
  const after: After[] = [];
  const resetValues = new Map<number, bigint>();
  const apiState: { before: Captured; after: Captured }[] = [];
  let apiBefore: Captured | undefined;
  let endian: string | undefined;
  let prev = snap(m);
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
  const illegal = illegalReturns(s, before, after);
  const refusal = (record.refused ? `the emulator refused it: ${record.refused}` : undefined) ?? endian ?? illegal.refusal;
  return { record, before, after, named, resetValues, apiState, illegal, ...(refusal ? { refusal } : {}) };
}

/** The windows of the illegal exception returns: the steps after an ERET while the emulator's PSTATE.IL stays set. */
function illegalReturns(s: Scenario, before: readonly Snapshot[], after: readonly After[]): IllegalReturns {
  const windows = new Map<number, { readonly end?: number }>();
  const stepOf = new Map<number, number>();
  const end = new Map<number, number>();
  let refusal: string | undefined;
  s.steps.forEach((st, j) => {
    if (!(st.op === "insn" && isEret(st.word >>> 0) && after[j]?.il && !before[j]?.il)) return;
    let e = j + 1;
    while (e < s.steps.length && after[e]?.il) stepOf.set(e++, j);
    const closer = s.steps[e];
    if (closer?.op === "insn") {
      end.set(e, j);
      windows.set(j, { end: e });
    } else windows.set(j, {});
    for (let w = j + 1; w < e; w++) {
      const ws = s.steps[w];
      // `el N` keeps PSTATE.IL in the emulator (vcpu.ts setEl); on hardware the harness's ERET or call would not.
      if (ws?.op === "el") refusal ??= `line ${ws.line}: '${ws.text}' in the window of the illegal exception return at line ${st.line}`;
    }
  });
  return { windows, stepOf, end, ...(refusal ? { refusal } : {}) };
}
