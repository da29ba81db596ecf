/** The metrics report as text: layouts as columns, a row per question, then one verdict per layout. */
import { textTable } from "../../generators/spec/summary.js";
import type { LayoutMetrics, MetricsReport, SwitchCost } from "./report-schema.js";

export function switchText(c: SwitchCost): string {
  return `${c.registers} regs, ${c.bytes} B, ${c.copyRuns} runs, ${c.cacheLines} lines`;
}

/** The rows of the comparison: [label, value per layout]. Shared by the text table and the docs. */
export function metricRows(report: MetricsReport, layouts: readonly LayoutMetrics[]): [string, string[]][] {
  const col = (f: (l: LayoutMetrics) => string | number): string[] => layouts.map((l) => String(f(l)));
  const rows: [string, string[]][] = [
    ["bytes of vCPU state", col((l) => l.state.bytes)],
    ["bytes of padding", col((l) => l.state.padding)],
    ["ONE_REG ids", col((l) => l.abi.oneRegIds)],
    [`ids added/removed/changed vs ${report.baseline}`, col((l) => `${l.abi.added.length} / ${l.abi.removed.length} / ${l.abi.changed.length}`)],
    ["sizeof(struct kvm_regs)", col((l) => l.abi.kvmRegsSize)],
    ["KVM_GET_REGS", col((l) => l.abi.ioctls.KVM_GET_REGS + (l.abi.ioctlsChanged ? " (changed)" : ""))],
    [`ABI compatible with ${report.baseline}`, col((l) => (l.abi.compatible ? "yes" : "no"))],
  ];
  report.workloads.forEach((w, i) => {
    const at = (f: (l: LayoutMetrics) => string) => col((l) => (l.workloads[i] ? f(l) : "-"));
    rows.push([`${w.workload}: entries/exits`, at((l) => `${l.workloads[i]?.entries} / ${l.workloads[i]?.exits}`)]);
    rows.push([`  per entry`, at((l) => switchText(l.workloads[i]?.perEntry ?? zero))]);
    rows.push([`  per exit`, at((l) => switchText(l.workloads[i]?.perExit ?? zero))]);
  });
  rows.push(["cost rank", col((l) => (l.rank === null ? "-" : String(l.rank)))]);
  return rows;
}

const zero: SwitchCost = { registers: 0, bytes: 0, copyRuns: 0, cacheLines: 0 };

export function formatMetrics(report: MetricsReport): string {
  const layouts = report.layouts;
  const table = textTable(
    ["", ...layouts.map((l) => l.layout)],
    metricRows(report, layouts).map(([label, values]) => [label, ...values]),
  );
  const workloads = report.workloads.map((w) => `  ${w.workload} (E2H=${w.e2h}): ${w.title}`).join("\n");
  const verdicts = layouts.map((l) => `  ${l.layout}: ${l.verdict}`).join("\n");
  return (
    `Layouts measured against ${report.baseline}; world switch copies per nested entry and exit on the workloads:\n${workloads}\n\n` +
    `${table}\n\nRanked by ${report.rankedBy}.\n\nVerdicts:\n${verdicts}\n`
  );
}
