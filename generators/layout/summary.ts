/**
 * One line per layout: what `npm start` prints after generating, a first
 * look at what each design costs (A/B runs add the behaviour verdict).
 */
import { textTable } from "../spec/summary.js";
import type { ResolvedLayout } from "./types.js";

export function layoutTable(layouts: readonly ResolvedLayout[]): string {
  const base = layouts.find((l) => l.name === "baseline-2017");
  const baseIds = new Map(base?.registers.filter((r) => r.oneReg !== null).map((r) => [r.name, r.oneReg]) ?? []);
  const rows = layouts.map((l) => {
    const ctx = l.structs.find((s) => s.name === "kvm_cpu_context");
    const regs = l.structs.find((s) => s.name === "kvm_regs");
    const ids = l.registers.filter((r) => r.oneReg !== null);
    const changed = ids.filter((r) => baseIds.has(r.name) && baseIds.get(r.name) !== r.oneReg).length;
    const added = ids.filter((r) => !baseIds.has(r.name)).length;
    const e = l.copyPlan.e2h0.entry;
    const x = l.copyPlan.e2h0.exit;
    return [
      l.name,
      l.registers.length,
      ctx?.size ?? 0,
      regs?.size ?? 0,
      "0x" + l.ioctls.KVM_GET_REGS.toString(16),
      added,
      changed,
      `${e.bytes}/${e.runs.length}/${e.cacheLines}`,
      `${x.bytes}/${x.runs.length}/${x.cacheLines}`,
    ];
  });
  return textTable(
    ["layout", "registers", "context bytes", "kvm_regs", "KVM_GET_REGS", "ids added", "ids changed", "entry B/runs/lines", "exit B/runs/lines"],
    rows,
  );
}
