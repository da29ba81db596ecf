/**
 * The comparison table `npm start` prints: layouts as columns, one row per
 * question a reviewer asks — does it behave like the architecture, what does
 * it cost in state and ABI, what does a nested entry and exit copy.
 */
import { textTable } from "../spec/summary.js";
import type { ResolvedLayout } from "./types.js";

export interface Verdict {
  readonly behaviour: string;
}

export function comparisonTable(layouts: readonly ResolvedLayout[], verdicts: ReadonlyMap<string, Verdict>): string {
  const base = layouts.find((l) => l.name === "baseline-2017");
  const baseIds = new Map(base?.registers.filter((r) => r.oneReg !== null).map((r) => [r.name, r.oneReg]) ?? []);
  const col = (l: ResolvedLayout) => {
    const ctx = l.structs.find((s) => s.name === "kvm_cpu_context");
    const regs = l.structs.find((s) => s.name === "kvm_regs");
    const ids = l.registers.filter((r) => r.oneReg !== null);
    const e0 = l.copyPlan.e2h0;
    const e1 = l.copyPlan.e2h1;
    return [
      verdicts.get(l.name)?.behaviour ?? "-",
      String(ctx?.size ?? 0),
      String(ids.filter((r) => !baseIds.has(r.name)).length),
      String(ids.filter((r) => baseIds.has(r.name) && baseIds.get(r.name) !== r.oneReg).length),
      String(regs?.size ?? 0),
      "0x" + l.ioctls.KVM_GET_REGS.toString(16),
      `${e0.entry.bytes} B, ${e0.entry.runs.length} runs`,
      `${e0.exit.bytes} B, ${e0.exit.runs.length} runs`,
      `${e0.entry.cacheLines} / ${e0.exit.cacheLines}`,
      `${e1.entry.runs.length} / ${e1.exit.runs.length}`,
    ];
  };
  const rows = [
    "behaviour vs reference",
    "bytes of vCPU state",
    "ONE_REG ids added",
    "ONE_REG ids changed",
    "sizeof(struct kvm_regs)",
    "KVM_GET_REGS",
    "entry copies (E2H=0)",
    "exit copies (E2H=0)",
    "cache lines entry/exit",
    "runs entry/exit (E2H=1)",
  ];
  const cols = layouts.map(col);
  return textTable(
    ["", ...layouts.map((l) => l.name)],
    rows.map((r, i) => [r, ...cols.map((c) => c[i] ?? "")]),
  );
}
