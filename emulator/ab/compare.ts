/**
 * A/B comparison of two layouts, with the reference model as the oracle.
 * Differences fall into three kinds, reported apart:
 * - behaviour: a step observed something else than the reference did, or the
 *   final architectural state differs; there must be none;
 * - ABI: what the designs change for userspace, by construction (ONE_REG ids
 *   added, removed or changed; sizeof(struct kvm_regs) and the
 *   KVM_GET_REGS/KVM_SET_REGS numbers; where the blob keeps each register);
 * - cost: the emulator's counters side by side.
 */
import type { LayoutModule } from "../layout-module.js";
import type { RunRecord } from "../scenario/run.js";
import type { Counters } from "../state.js";

export interface BehaviourDiff {
  readonly scenario: string;
  readonly layout: string;
  /** The step's line, or null for the final state. */
  readonly line: number | null;
  readonly op: string;
  readonly expected: string;
  readonly actual: string;
}

export interface AbiDiff {
  readonly kind: "one-reg-added" | "one-reg-removed" | "one-reg-changed" | "kvm-regs-size" | "ioctl" | "blob-offset";
  readonly register?: string;
  readonly a: string | null;
  readonly b: string | null;
}

/** Every observable of `rec` that differs from the reference's. */
export function behaviourDiffs(scenario: string, rec: RunRecord, ref: RunRecord): BehaviourDiff[] {
  const out: BehaviourDiff[] = [];
  if (rec.refused) return out;
  const n = Math.max(rec.steps.length, ref.steps.length);
  for (let i = 0; i < n; i++) {
    const a = rec.steps[i];
    const r = ref.steps[i];
    if (a?.result !== r?.result) {
      out.push({
        scenario,
        layout: rec.layout,
        line: a?.line ?? r?.line ?? null,
        op: a?.op ?? r?.op ?? "",
        expected: r?.result ?? "(no step)",
        actual: a?.result ?? "(no step)",
      });
    }
  }
  for (const [reg, v] of Object.entries(rec.final)) {
    const expected = ref.final[reg];
    if (expected !== undefined && expected !== v) {
      out.push({ scenario, layout: rec.layout, line: null, op: `final ${reg}`, expected, actual: v });
    }
  }
  return out;
}

function hex32(n: number): string {
  return "0x" + (n >>> 0).toString(16).padStart(8, "0");
}

/** What changes for userspace going from layout A to layout B. */
export function abiDiffs(a: LayoutModule, b: LayoutModule): AbiDiff[] {
  const out: AbiDiff[] = [];
  const ids = (l: LayoutModule) => new Map(l.registers.map((n, i) => [n, l.oneRegIds[i] ?? null]));
  const blob = (l: LayoutModule) => new Map(l.registers.map((n, i) => [n, l.uapiOffsets[i] ?? -1]));
  const ia = ids(a);
  const ib = ids(b);
  for (const name of [...new Set([...ia.keys(), ...ib.keys()])].sort()) {
    const x = ia.get(name) ?? null;
    const y = ib.get(name) ?? null;
    if (x === y) continue;
    const kind = x === null ? "one-reg-added" : y === null ? "one-reg-removed" : "one-reg-changed";
    out.push({ kind, register: name, a: x, b: y });
  }
  if (a.kvmRegsSize !== b.kvmRegsSize) out.push({ kind: "kvm-regs-size", a: String(a.kvmRegsSize), b: String(b.kvmRegsSize) });
  for (const io of ["KVM_GET_REGS", "KVM_SET_REGS"] as const) {
    if (a.ioctls[io] !== b.ioctls[io]) out.push({ kind: "ioctl", register: io, a: hex32(a.ioctls[io]), b: hex32(b.ioctls[io]) });
  }
  const ba = blob(a);
  const bb = blob(b);
  for (const name of [...new Set([...ba.keys(), ...bb.keys()])].sort()) {
    const x = ba.get(name) ?? -1;
    const y = bb.get(name) ?? -1;
    if (x !== y) out.push({ kind: "blob-offset", register: name, a: x < 0 ? null : String(x), b: y < 0 ? null : String(y) });
  }
  return out;
}

export function addCounters(into: Counters, c: Counters): void {
  for (const k of Object.keys(c) as (keyof Counters)[]) into[k] += c[k];
}
