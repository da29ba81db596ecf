/**
 * The layouts side by side: the metrics table and the verdicts under it
 * (index.html shows both too) and the bar charts of comparison.html, one per
 * metric, from the metrics report.
 */
import { DEFAULT_HOST_PROFILES, modeOf } from "../../emulator/metrics/host-cost.js";
import type { LayoutMetrics, MetricsReport, SwitchCost } from "../../emulator/metrics/report-schema.js";
import type { ResolvedLayout } from "../layout/types.js";
import type { Profile } from "../profile/model.js";
import { barChart, formatValue, type BarChart, type BarSeries } from "./svg-bars.js";
import { docOrder, layoutHref, pageBase, type Depth, type Link, type PageBase } from "./view-common.js";
import type { DiagramView } from "./view-register.js";

export interface MetricsRow {
  readonly label: string;
  /** A heading row that opens a group of rows (its cells are empty). */
  readonly group: boolean;
  /** Right-aligned: numbers and hex. */
  readonly numeric: boolean;
  readonly cells: readonly string[];
}

export interface MetricsTable {
  readonly columns: readonly Link[];
  /** Columns including the row labels, for a group heading's colspan. */
  readonly span: number;
  /**
   * The table's CSS min-width: the label column plus, per layout, room for
   * the longest layout name on one line (the headers do not wrap), so a
   * narrow window scrolls the table instead of running names together.
   */
  readonly minWidth: string;
  readonly rows: readonly MetricsRow[];
}

/** A layout's verdict, in the list under the table (a sentence is too long for a table cell). */
export interface VerdictItem {
  readonly layout: Link;
  /** "rank 2 of 6", or why the layout is not ranked. */
  readonly rank: string;
  /** The report's verdict, with its full stop. */
  readonly verdict: string;
}

export interface ChartView extends DiagramView {
  readonly id: string;
  readonly title: string;
}

/** One workload's cost under a profile: a cell pair of the CPU profiles table. */
export interface ProfileCell {
  readonly workload: string;
  /** False where the workload is not written for the profile (no nested exit measured): `text` says so. */
  readonly measured: boolean;
  readonly traps: string;
  readonly vncr: string;
  readonly text: string;
}

/** One bundled CPU profile as a host: what it is and what each workload costs it. */
export interface ProfileRow {
  readonly name: string;
  readonly title: string;
  readonly basedOn: string;
  readonly features: number;
  readonly mode: string;
  readonly cells: readonly ProfileCell[];
}

export interface ProfilesView {
  readonly workloads: readonly { readonly workload: string; readonly e2h: number }[];
  readonly rows: readonly ProfileRow[];
}

export interface ComparisonView extends PageBase {
  readonly baseline: string;
  readonly rankedBy: string;
  readonly table: MetricsTable;
  readonly verdicts: readonly VerdictItem[];
  readonly workloads: readonly { readonly workload: string; readonly title: string; readonly e2h: number }[];
  readonly charts: readonly ChartView[];
  readonly profiles: ProfilesView;
}

/** The layouts' metrics in docs order (baseline first); a layout missing from the report is left out. */
export function orderedMetrics(report: MetricsReport, layouts: readonly ResolvedLayout[]): LayoutMetrics[] {
  const byName = new Map(report.layouts.map((l) => [l.layout, l]));
  return docOrder(layouts, report.baseline)
    .map((l) => byName.get(l.name))
    .filter((m): m is LayoutMetrics => m !== undefined);
}

const NO_EL2 = "no EL2 state";

/**
 * The host profiles the metrics table, the traps chart and the layout pages
 * compare: the default hosts (v8.3-nv: FEAT_NV, v8.4-nv2: FEAT_NV2) picked by
 * name from however many hosts the report measured (the docs measure every
 * profile, for the CPU profiles section); without them, the first FEAT_NV and
 * the first FEAT_NV2 host; without those either, every host.
 */
export function comparedHosts<H extends { readonly profile: string; readonly mode: string }>(hosts: readonly H[]): H[] {
  const named = hosts.filter((h) => DEFAULT_HOST_PROFILES.includes(h.profile));
  if (named.length > 0) return named;
  const byMode = (["nv", "nv2"] as const).flatMap((mode) => hosts.find((h) => h.mode === mode) ?? []);
  return byMode.length > 0 ? byMode : [...hosts];
}

/** "2 of 6" (of the ranked layouts), or why the layout has no rank. */
export function rankOf(m: LayoutMetrics, report: MetricsReport): string {
  const ranked = report.layouts.filter((l) => l.rank !== null).length;
  return m.rank === null ? "not ranked (no EL2 state)" : `${m.rank} of ${ranked}`;
}

/** One item per layout, in the table's column order. */
export function verdictItems(report: MetricsReport, layouts: readonly ResolvedLayout[], depth: Depth): VerdictItem[] {
  return orderedMetrics(report, layouts).map((m) => {
    const rank = rankOf(m, report);
    const text = m.verdict.trim().replace(/\.$/, "");
    return {
      layout: { text: m.layout, href: layoutHref(depth, m.layout) },
      rank: m.rank === null ? rank : `rank ${rank}`,
      verdict: `${text}.`,
    };
  });
}

/** Table geometry in rem at the metrics table's 0.88rem text: see style.css's table.metrics. */
const LABEL_COLUMN_REM = 12;
const CELL_PADDING_REM = 1;
/** A generous average advance of the headers' regular-weight sans-serif, in em (DejaVu Sans: about 0.6 on layout names). */
const HEADER_EM = 0.62;
const TABLE_FONT_REM = 0.88;

function minWidth(names: readonly string[]): string {
  const longest = Math.max(0, ...names.map((n) => n.length));
  const column = Math.ceil((longest * HEADER_EM * TABLE_FONT_REM + CELL_PADDING_REM) * 10) / 10;
  return `${Math.ceil((LABEL_COLUMN_REM + names.length * column) * 10) / 10}rem`;
}
/**
 * One column per layout, one number per cell so columns line up, rows in
 * groups (state, ABI, each workload's entries and exits, rank); `detail`
 * adds the rows only the comparison page has room for. The verdicts are
 * sentences: they go under the table (verdictItems), not in it.
 */
export function metricsTable(report: MetricsReport, layouts: readonly ResolvedLayout[], depth: Depth, detail: boolean): MetricsTable {
  const ms = orderedMetrics(report, layouts);
  const rows: MetricsRow[] = [];
  const group = (label: string) => rows.push({ label, group: true, numeric: false, cells: [] });
  const row = (label: string, numeric: boolean, cell: (m: LayoutMetrics) => string | number) =>
    rows.push({ label, group: false, numeric, cells: ms.map((m) => String(cell(m))) });
  group("State");
  row("bytes of vCPU state", true, (m) => m.state.bytes);
  row("padding (bytes)", true, (m) => m.state.padding);
  group(`ABI against ${report.baseline}`);
  if (detail) row("ONE_REG ids", true, (m) => m.abi.oneRegIds);
  row("ONE_REG ids added", true, (m) => m.abi.added.length);
  row("ONE_REG ids removed", true, (m) => m.abi.removed.length);
  row("ONE_REG ids changed", true, (m) => m.abi.changed.length);
  row("sizeof(struct kvm_regs)", true, (m) => m.abi.kvmRegsSize);
  row("KVM_GET_REGS", true, (m) => m.abi.ioctls.KVM_GET_REGS);
  if (detail) row("KVM_SET_REGS", true, (m) => m.abi.ioctls.KVM_SET_REGS);
  row("compatible with v4.12", true, (m) => (m.abi.compatible ? "yes" : "no"));
  report.workloads.forEach((w, i) => {
    const at = (m: LayoutMetrics) => m.workloads[i];
    for (const [dir, key] of [["entry", "perEntry"], ["exit", "perExit"]] as const) {
      group(`${w.workload} (E2H = ${w.e2h}), per nested ${dir}`);
      const metric = (label: string, f: (c: SwitchCost) => number) => row(label, true, (m) => {
        const x = at(m);
        return x ? formatValue(f(x[key])) : NO_EL2;
      });
      metric("bytes copied", (c) => c.bytes);
      metric("copy runs", (c) => c.copyRuns);
      metric("cache lines", (c) => c.cacheLines);
      if (detail) metric("registers moved", (c) => c.registers);
    }
    if (report.hosts.length > 0) {
      group(`${w.workload} (E2H = ${w.e2h}), traps per nested exit on the host (FEAT_NV vs FEAT_NV2)`);
      const host = (m: LayoutMetrics, profile: string) => at(m)?.hosts.find((h) => h.profile === profile);
      for (const h of comparedHosts(report.hosts)) {
        row(`traps, ${h.profile}`, true, (m) => {
          const x = host(m, h.profile);
          return x ? formatValue(x.traps) : NO_EL2;
        });
        if (h.mode === "nv2") {
          row(`VNCR accesses, ${h.profile}`, true, (m) => {
            const x = host(m, h.profile);
            return x ? formatValue(x.vncrAccesses) : NO_EL2;
          });
          row(`page sync B, ${h.profile}`, true, (m) => {
            const x = host(m, h.profile);
            return x ? formatValue(x.pageSync.bytes) : NO_EL2;
          });
        }
      }
      if (comparedHosts(report.hosts).some((h) => h.mode === "nv") && comparedHosts(report.hosts).some((h) => h.mode === "nv2")) {
        row("NV/NV2 trap ratio", true, (m) => {
          const x = at(m);
          return x ? (x.nvToNv2TrapRatio === null ? "-" : formatValue(x.nvToNv2TrapRatio)) : NO_EL2;
        });
      }
    }
    if (detail) {
      group(`${w.workload} (E2H = ${w.e2h}), whole run`);
      row("exceptions taken", true, (m) => at(m)?.exceptions ?? NO_EL2);
      row("traps taken", true, (m) => at(m)?.traps ?? NO_EL2);
    }
  });
  group("Verdict");
  row("rank", true, (m) => (m.rank === null ? "-" : m.rank));
  return {
    columns: ms.map((m) => ({ text: m.layout, href: layoutHref(depth, m.layout) })),
    span: ms.length + 1,
    minWidth: minWidth(ms.map((m) => m.layout)),
    rows,
  };
}

type SwitchMetric = keyof SwitchCost;

interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly series: (ms: readonly LayoutMetrics[], report: MetricsReport) => BarSeries[];
  readonly missing: string;
  /** Written once for a layout whose every value is 0 ("" writes the zeros). */
  readonly allZero: string;
}

const one = (name: string, f: (m: LayoutMetrics) => number) => (ms: readonly LayoutMetrics[]) => [{ name, values: ms.map(f) }];

/** Per entry or exit, one series per workload; a layout without EL2 state has no bar. */
const perSwitch = (dir: "perEntry" | "perExit", metric: SwitchMetric) => (ms: readonly LayoutMetrics[], report: MetricsReport) =>
  report.workloads.length === 0
    ? [{ name: "no workloads measured", values: ms.map(() => null) }]
    : report.workloads.map((w, i) => ({
        name: `${w.workload} (E2H=${w.e2h})`,
        values: ms.map((m) => m.workloads[i]?.[dir][metric] ?? null),
      }));

/**
 * Traps per nested exit: one series per (host profile, workload) pair, host
 * profiles in the report's order (FEAT_NV first, then FEAT_NV2 by default).
 */
const hostTraps = (ms: readonly LayoutMetrics[], report: MetricsReport): BarSeries[] =>
  report.hosts.length === 0 || report.workloads.length === 0
    ? [{ name: "no host profiles measured", values: ms.map(() => null) }]
    : comparedHosts(report.hosts).flatMap((h) =>
        report.workloads.map((w, i) => ({
          name: `${h.mode === "nv2" ? "FEAT_NV2" : h.mode === "nv" ? "FEAT_NV" : "no FEAT_NV"} (${h.profile}), ${w.workload}`,
          values: ms.map((m) => m.workloads[i]?.hosts.find((x) => x.profile === h.profile)?.traps ?? null),
        })),
      );

export const CHARTS: readonly ChartSpec[] = [
  { id: "state-bytes", title: "Bytes of vCPU state: sizeof(struct kvm_cpu_context)", unit: "B", series: one("bytes", (m) => m.state.bytes), missing: "", allZero: "" },
  { id: "padding", title: "Padding in struct kvm_cpu_context (bytes no member uses)", unit: "B", series: one("padding", (m) => m.state.padding), missing: "", allZero: "" },
  {
    id: "one-reg-ids",
    title: "ONE_REG ids added, removed and changed against the baseline",
    unit: "ids",
    series: (ms) => [
      { name: "added", values: ms.map((m) => m.abi.added.length) },
      { name: "removed", values: ms.map((m) => m.abi.removed.length) },
      { name: "changed", values: ms.map((m) => m.abi.changed.length) },
    ],
    missing: "",
    allZero: "none added, removed or changed",
  },
  { id: "entry-bytes", title: "Bytes copied per nested entry", unit: "B", series: perSwitch("perEntry", "bytes"), missing: NO_EL2, allZero: "" },
  { id: "entry-runs", title: "Copy runs (memcpy calls) per nested entry", unit: "runs", series: perSwitch("perEntry", "copyRuns"), missing: NO_EL2, allZero: "" },
  { id: "entry-cache-lines", title: "64-byte cache lines touched per nested entry", unit: "lines", series: perSwitch("perEntry", "cacheLines"), missing: NO_EL2, allZero: "" },
  { id: "exit-bytes", title: "Bytes copied per nested exit", unit: "B", series: perSwitch("perExit", "bytes"), missing: NO_EL2, allZero: "" },
  { id: "exit-runs", title: "Copy runs (memcpy calls) per nested exit", unit: "runs", series: perSwitch("perExit", "copyRuns"), missing: NO_EL2, allZero: "" },
  { id: "exit-cache-lines", title: "64-byte cache lines touched per nested exit", unit: "lines", series: perSwitch("perExit", "cacheLines"), missing: NO_EL2, allZero: "" },
  { id: "host-traps", title: "traps per nested exit: FEAT_NV vs FEAT_NV2", unit: "traps", series: hostTraps, missing: NO_EL2, allZero: "" },
  {
    id: "page-sync",
    title: "VNCR page sync per nested exit under FEAT_NV2 (bytes)",
    unit: "B",
    series: (ms) => [{ name: "page sync", values: ms.map((m) => (m.vncrPageSync ? m.vncrPageSync.perSwitch.bytes * 2 : null)) }],
    missing: NO_EL2,
    allZero: "none: the VNCR page is its storage",
  },
];

export function chartGeometries(report: MetricsReport, layouts: readonly ResolvedLayout[]): BarChart[] {
  const ms = orderedMetrics(report, layouts);
  return CHARTS.map((c) =>
    barChart({ id: c.id, title: c.title, unit: c.unit, categories: ms.map((m) => m.layout), series: c.series(ms, report), missing: c.missing, allZero: c.allZero }),
  );
}

const PROFILE_MODE_TEXT: Record<string, string> = { nv2: "FEAT_NV2", nv: "FEAT_NV", paravirt: "no FEAT_NV: paravirtualized" };

export const NOT_WRITTEN = "not written for this profile";

/** What a profile is based on: its base as written, with the architecture version it implements when that differs. */
function basedOn(p: Profile): string {
  if (p.base && p.arch && p.base !== p.arch) return `${p.base} (${p.arch})`;
  return p.base ?? p.arch ?? "nothing: lists its features outright";
}

/** Equal numbers as one, differing ones as their range (traps do not depend on the layout, so this stays one number). */
function spread(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? formatValue(lo) : `${formatValue(lo)}-${formatValue(hi)}`;
}

/**
 * One row per CPU profile, sorted by name: what it is, its host mode, and per
 * workload the traps per nested exit and VNCR accesses per exit on a host of
 * that profile. Traps and VNCR accesses depend on the guest hypervisor's
 * instructions, not on the layout: the numbers are those of every layout with
 * EL2 state (a range, should they ever differ). A profile the report did not
 * measure, or a workload with no nested exit under it, is "not written for
 * this profile" (a workload's `# profiles:` header leaves it out, or it cannot run there).
 */
export function profilesView(report: MetricsReport, profiles: readonly Profile[], layouts: readonly ResolvedLayout[]): ProfilesView {
  const ms = orderedMetrics(report, layouts).filter((m) => m.workloads.length > 0);
  const sorted = [...profiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = sorted.map((p): ProfileRow => {
    const cells = report.workloads.map((w, i): ProfileCell => {
      const costs = ms.flatMap((m) => m.workloads[i]?.hosts.filter((h) => h.profile === p.name && h.nestedExits > 0) ?? []);
      if (costs.length === 0) return { workload: w.workload, measured: false, traps: "", vncr: "", text: NOT_WRITTEN };
      const traps = spread(costs.map((c) => c.traps));
      const vncr = spread(costs.map((c) => c.vncrAccesses));
      return { workload: w.workload, measured: true, traps, vncr, text: `${traps} traps, ${vncr} VNCR accesses` };
    });
    return { name: p.name, title: p.title, basedOn: basedOn(p), features: p.features.size, mode: PROFILE_MODE_TEXT[modeOf(p)] ?? modeOf(p), cells };
  });
  return { workloads: report.workloads.map((w) => ({ workload: w.workload, e2h: w.e2h })), rows };
}

export function comparisonView(report: MetricsReport, layouts: readonly ResolvedLayout[], charts: readonly ChartView[], profiles: readonly Profile[]): ComparisonView {
  return {
    ...pageBase(0, "Layouts compared", layouts),
    baseline: report.baseline,
    rankedBy: report.rankedBy,
    table: metricsTable(report, layouts, 0, true),
    verdicts: verdictItems(report, layouts, 0),
    workloads: report.workloads,
    charts,
    profiles: profilesView(report, profiles, layouts),
  };
}
