/**
 * The nested world switch as data: which context bytes move when the virtual
 * EL changes, for one layout. While the guest hypervisor runs (virtual EL2,
 * really EL1), the physical EL1 registers hold its EL2 state: each EL2
 * register with an EL1 counterpart is loaded into that counterpart, through
 * the spec's toCounterpart mapping when HCR_EL2.E2H = 0 (Linux:
 * __sysreg_restore_vel2_state() in arch/arm64/kvm/hyp/vhe/sysreg-sr.c). When
 * it enters its guest, those physical registers are saved back into the EL2
 * slots and the nested guest's EL1 values are loaded; on the way back the
 * reverse. A translated register is not saved back: KVM keeps its in-memory
 * EL2 value authoritative (every write to it traps) and only translates
 * forwards, so with E2H = 0 only identity-mapped registers are saved.
 *
 * Runs merge moves of one kind whose context bytes are contiguous: the cost
 * a layout pays is in bytes, runs (memcpy calls) and 64-byte cache lines.
 */
import type { RegisterModel } from "../spec/model.js";
import type { CopyMove, CopyPhase, CopyPlan, CopyRun, Placement } from "./types.js";

const CACHE_LINE = 64;

interface Pair {
  /** The EL2 register (or SP_EL2/ELR_EL2/SPSR_EL2). */
  readonly el2: Placement;
  /** Its counterpart's context slot (the nested guest's EL1 value). */
  readonly el1: Placement;
  readonly physical: string;
  readonly translated: boolean;
}

/** Bytes, runs (contiguous context bytes of one kind) and 64-byte cache lines of `moves`; also used by reglab metrics' VNCR page sync. */
export function copyPhase(moves: readonly CopyMove[]): CopyPhase {
  const runs: CopyRun[] = [];
  for (const kind of ["save", "load"] as const) {
    const sorted = moves.filter((m) => m.kind === kind).sort((a, b) => a.offset - b.offset);
    let cur: { offset: number; size: number; registers: string[] } | undefined;
    for (const m of sorted) {
      if (cur && m.offset === cur.offset + cur.size) {
        cur.size += m.size;
        cur.registers.push(m.register);
      } else {
        if (cur) runs.push({ kind, ...cur });
        cur = { offset: m.offset, size: m.size, registers: [m.register] };
      }
    }
    if (cur) runs.push({ kind, ...cur });
  }
  const lines = new Set<number>();
  for (const m of moves) {
    for (let l = Math.floor(m.offset / CACHE_LINE); l <= Math.floor((m.offset + m.size - 1) / CACHE_LINE); l++) lines.add(l);
  }
  return { moves: [...moves], runs, bytes: moves.reduce((n, m) => n + m.size, 0), cacheLines: lines.size };
}

export function buildCopyPlan(model: RegisterModel, placed: ReadonlyMap<string, Placement>): CopyPlan {
  const pairs: Pair[] = [];
  for (const r of model.registers) {
    if (!r.counterpart || r.toCounterpart === "none") continue;
    const el2 = placed.get(r.name);
    const el1 = placed.get(r.counterpart);
    if (!el2 || !el1) continue;
    pairs.push({ el2, el1, physical: r.counterpart, translated: Array.isArray(r.toCounterpart) });
  }
  pairs.sort((a, b) => a.el2.offset - b.el2.offset);
  const build = (e2h: 0 | 1) => {
    const translate = (p: Pair) => e2h === 0 && p.translated;
    const move = (kind: "save" | "load", slot: Placement, p: Pair, t: boolean): CopyMove => ({
      kind,
      register: slot.name,
      physical: p.physical,
      offset: slot.offset,
      size: slot.size,
      translate: t,
    });
    const entry = [
      ...pairs.filter((p) => !translate(p)).map((p) => move("save", p.el2, p, false)),
      ...pairs.map((p) => move("load", p.el1, p, false)),
    ];
    const exit = [...pairs.map((p) => move("save", p.el1, p, false)), ...pairs.map((p) => move("load", p.el2, p, translate(p)))];
    return { entry: copyPhase(entry), exit: copyPhase(exit) };
  };
  return { e2h0: build(0), e2h1: build(1) };
}
