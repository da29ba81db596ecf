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
    for (const h of hostRows(report, i, layouts)) rows.push(h);
  });
  rows.push(["cost rank", col((l) => (l.rank === null ? "-" : String(l.rank)))]);
  return rows;
}

/** The host rows of workload `i`: traps per nested exit per host, VNCR accesses and page sync under FEAT_NV2, the NV/NV2 ratio. */
export function hostRows(report: MetricsReport, i: number, layouts: readonly LayoutMetrics[]): [string, string[]][] {
  const rows: [string, string[]][] = [];
  const cell = (l: LayoutMetrics, f: (w: NonNullable<LayoutMetrics["workloads"][number]>) => string) => {
    const w = l.workloads[i];
    return w ? f(w) : "-";
  };
  const of = (l: LayoutMetrics, profile: string) => l.workloads[i]?.hosts.find((h) => h.profile === profile);
  for (const h of report.hosts) {
    // A workload a vCPU of the profile cannot run (no nested exit completes: a VHE guest hypervisor on v8.0) has no count.
    const n = (l: LayoutMetrics, f: (x: NonNullable<ReturnType<typeof of>>) => string) =>
      cell(l, () => {
        const x = of(l, h.profile);
        return x && x.nestedExits > 0 ? f(x) : "cannot run";
      });
    rows.push([`  traps per nested exit (${h.profile})`, layouts.map((l) => n(l, (x) => String(x.traps)))]);
    if (h.mode === "nv2") {
      rows.push([`  VNCR accesses per exit (${h.profile})`, layouts.map((l) => n(l, (x) => String(x.vncrAccesses)))]);
      rows.push([`  VNCR page sync per exit (${h.profile})`, layouts.map((l) => n(l, (x) => pageSyncText(x.pageSync)))]);
    }
  }
  if (report.hosts.some((h) => h.mode === "nv") && report.hosts.some((h) => h.mode === "nv2")) {
    rows.push([`  NV/NV2 trap ratio`, layouts.map((l) => cell(l, (w) => (w.nvToNv2TrapRatio === null ? "-" : String(w.nvToNv2TrapRatio))))]);
  }
  return rows;
}

/** A page sync: "0" when nothing is copied. */
export function pageSyncText(c: SwitchCost): string {
  return c.bytes === 0 ? "0" : `${c.bytes} B, ${c.copyRuns} runs, ${c.cacheLines} lines`;
}

const zero: SwitchCost = { registers: 0, bytes: 0, copyRuns: 0, cacheLines: 0 };

export function formatMetrics(report: MetricsReport): string {
  const layouts = report.layouts;
  const table = textTable(
    ["", ...layouts.map((l) => l.layout)],
    metricRows(report, layouts).map(([label, values]) => [label, ...values]),
  );
  const workloads = report.workloads.map((w) => `  ${w.workload} (E2H=${w.e2h}): ${w.title}`).join("\n");
  const hosts =
    report.hosts.length === 0
      ? ""
      : `Hosts (traps to the host per nested exit: from the nested guest's exit up to the ERET back into it): ${report.hosts
          .map((h) => `${h.profile} (${h.mode === "nv2" ? "FEAT_NV2" : h.mode === "nv" ? "FEAT_NV" : "no FEAT_NV: paravirtualized guest hypervisor"})`)
          .join(", ")}\n`;
  const verdicts = layouts.map((l) => `  ${l.layout}: ${l.verdict}`).join("\n");
  return (
    `Layouts measured against ${report.baseline}; world switch copies per nested entry and exit on the workloads:\n${workloads}\n${hosts}\n` +
    `${table}\n\nRanked by ${report.rankedBy}.\n\nVerdicts:\n${verdicts}\n`
  );
}
