/**
 * The view of a layout's page: its memory map (rendered by site.ts), the
 * structs and enums the C headers declare, what changes for userspace
 * against the baseline, what it costs on the workloads, and the copy plan of
 * the nested world switch, run by run.
 */
import type { LayoutMetrics, MetricsReport, SwitchCost } from "../../emulator/metrics/report-schema.js";
import type { CopyPhase, ResolvedLayout } from "../layout/types.js";
import type { RegisterModel } from "../spec/model.js";
import { formatValue } from "./svg-bars.js";
import { comparedHosts, rankOf } from "./view-comparison.js";
import { layoutHref, pageBase, registerLink, type Link, type PageBase } from "./view-common.js";
import type { DiagramView } from "./view-register.js";

export interface StructView {
  readonly name: string;
  readonly uapi: boolean;
  readonly size: number;
  readonly align: number;
  readonly fields: readonly { readonly name: string; readonly type: string; readonly offset: number; readonly size: number; readonly end: number; readonly comment: string }[];
}

export interface EnumView {
  readonly name: string;
  readonly count: number;
  readonly entries: readonly { readonly name: string; readonly value: number; readonly expr: string }[];
}

export interface AbiRow {
  readonly register: Link;
  readonly baseline: string;
  readonly layout: string;
}

export interface AbiView {
  readonly isBaseline: boolean;
  readonly baseline: Link;
  readonly compatible: string;
  readonly why: string;
  readonly oneRegIds: number;
  readonly kvmRegs: string;
  readonly getRegs: string;
  readonly setRegs: string;
  readonly ioctlsChanged: string;
  readonly lists: readonly { readonly id: string; readonly title: string; readonly count: number; readonly rows: readonly AbiRow[] }[];
}

export interface WorkloadRow {
  readonly workload: string;
  readonly title: string;
  readonly e2h: number;
  readonly entries: number;
  readonly exits: number;
  readonly exceptions: number;
  readonly traps: number;
  readonly entry: SwitchCells;
  readonly exit: SwitchCells;
}

/** One nested entry or exit, a number per column. */
export interface SwitchCells {
  readonly bytes: string;
  readonly runs: string;
  readonly lines: string;
  readonly registers: string;
}

export interface CostView {
  readonly bytes: number;
  readonly padding: number;
  readonly structs: readonly { readonly name: string; readonly size: number; readonly padding: number }[];
  readonly rank: string;
  readonly verdict: string;
  readonly rankedBy: string;
  readonly workloads: readonly WorkloadRow[];
  /** The FEAT_NV2 VNCR page sync (emulator/metrics/host-cost.ts), null without EL2 state. */
  readonly pageSync: PageSyncView | null;
  /** Traps and VNCR accesses per nested exit, per workload and host profile. */
  readonly hosts: readonly HostRow[];
}

export interface PageSyncView {
  readonly registers: number;
  readonly pageOrdered: boolean;
  /** One sentence: what the layout copies between the page and its storage. */
  readonly summary: string;
  readonly cells: SwitchCells;
}

export interface HostRow {
  readonly workload: string;
  readonly profile: string;
  readonly mode: string;
  readonly traps: string;
  readonly vncr: string;
  readonly pageSync: string;
}

export interface PhaseView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly runs: readonly { readonly n: number; readonly kind: string; readonly offset: number; readonly end: number; readonly size: number; readonly registers: readonly Link[] }[];
}

export interface LayoutView extends PageBase {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly el2: boolean;
  readonly map: DiagramView;
  readonly structs: readonly StructView[];
  readonly enums: readonly EnumView[];
  readonly hasMetrics: boolean;
  readonly abi: AbiView | null;
  readonly cost: CostView | null;
  readonly phases: readonly PhaseView[];
}

function switchCells(c: SwitchCost): SwitchCells {
  return { bytes: formatValue(c.bytes), runs: formatValue(c.copyRuns), lines: formatValue(c.cacheLines), registers: formatValue(c.registers) };
}

function structViews(layout: ResolvedLayout): StructView[] {
  // kvm_cpu_context first: it is what the memory map draws; then the structs it nests, as the planner lists them.
  const ordered = [...layout.structs].sort((a, b) => (a.name === "kvm_cpu_context" ? -1 : b.name === "kvm_cpu_context" ? 1 : 0));
  return ordered.map((s) => ({
    name: s.name,
    uapi: s.uapi,
    size: s.size,
    align: s.align,
    fields: s.fields.map((f) => ({
      name: f.name,
      type: f.count === undefined ? f.cType : `${f.cType}[${f.countExpr ?? String(f.count)}]`,
      offset: f.offset,
      size: f.size,
      end: f.offset + f.size,
      comment: f.comment ?? "",
    })),
  }));
}

function abiView(model: RegisterModel, m: LayoutMetrics, report: MetricsReport): AbiView {
  const base = report.layouts.find((l) => l.layout === report.baseline);
  const rows = (list: LayoutMetrics["abi"]["added"]): AbiRow[] =>
    list.map((c) => ({ register: registerLink(model, 1, c.register), baseline: c.baseline ?? "not exposed", layout: c.layout ?? "not exposed" }));
  const a = m.abi;
  const was = (now: string, then: string | undefined) => (then === undefined || then === now ? now : `${now} (${report.baseline}: ${then})`);
  return {
    isBaseline: m.layout === report.baseline,
    baseline: { text: report.baseline, href: layoutHref(1, report.baseline) },
    compatible: a.compatible ? "yes" : "no",
    why: a.why,
    oneRegIds: a.oneRegIds,
    kvmRegs: a.kvmRegsSize === a.baselineKvmRegsSize ? `${a.kvmRegsSize} bytes (unchanged)` : `${a.kvmRegsSize} bytes (${report.baseline}: ${a.baselineKvmRegsSize})`,
    getRegs: was(a.ioctls.KVM_GET_REGS, base?.abi.ioctls.KVM_GET_REGS),
    setRegs: was(a.ioctls.KVM_SET_REGS, base?.abi.ioctls.KVM_SET_REGS),
    ioctlsChanged: a.ioctlsChanged ? "yes" : "no",
    lists: [
      { id: "abi-added", title: "ONE_REG ids added", count: a.added.length, rows: rows(a.added) },
      { id: "abi-removed", title: "ONE_REG ids removed", count: a.removed.length, rows: rows(a.removed) },
      { id: "abi-changed", title: "ONE_REG ids changed", count: a.changed.length, rows: rows(a.changed) },
    ],
  };
}

const MODE_TEXT: Record<string, string> = { nv2: "FEAT_NV2", nv: "FEAT_NV", paravirt: "no FEAT_NV (paravirtualized)" };

function pageSyncView(m: LayoutMetrics): PageSyncView | null {
  const p = m.vncrPageSync;
  if (!p) return null;
  const c = p.perSwitch;
  const summary = p.pageOrdered
    ? `Its ${p.registers} VNCR-mapped registers are laid out as the VNCR page (offset minus VNCR offset is one constant), so the page can be its storage, as KVM's vncr_array is: nothing is copied under FEAT_NV2.`
    : `Its ${p.registers} VNCR-mapped registers are not laid out as the VNCR page, so under FEAT_NV2 the host copies them from the page into its storage on each nested entry and back on each exit: ${c.bytes} bytes in ${c.copyRuns} runs touching ${c.cacheLines} cache lines each way.`;
  return { registers: p.registers, pageOrdered: p.pageOrdered, summary, cells: switchCells(c) };
}

function hostRows(m: LayoutMetrics): HostRow[] {
  return m.workloads.flatMap((w) =>
    comparedHosts(w.hosts).map((h) => ({
      workload: w.workload,
      profile: h.profile,
      mode: MODE_TEXT[h.mode] ?? h.mode,
      traps: formatValue(h.traps),
      vncr: formatValue(h.vncrAccesses),
      pageSync: h.pageSync.bytes === 0 ? "0" : `${formatValue(h.pageSync.bytes)} B, ${formatValue(h.pageSync.copyRuns)} runs, ${formatValue(h.pageSync.cacheLines)} lines`,
    })),
  );
}

function costView(m: LayoutMetrics, report: MetricsReport): CostView {
  const titles = new Map(report.workloads.map((w) => [w.workload, w.title]));
  return {
    pageSync: pageSyncView(m),
    hosts: hostRows(m),
    bytes: m.state.bytes,
    padding: m.state.padding,
    structs: m.state.structs,
    rank: rankOf(m, report),
    verdict: m.verdict,
    rankedBy: report.rankedBy,
    workloads: m.workloads.map((w) => ({
      workload: w.workload,
      title: titles.get(w.workload) ?? "",
      e2h: w.e2h,
      entries: w.entries,
      exits: w.exits,
      exceptions: w.exceptions,
      traps: w.traps,
      entry: switchCells(w.perEntry),
      exit: switchCells(w.perExit),
    })),
  };
}

const PHASES = [
  { e2h: "e2h0", dir: "entry", title: "E2H = 0, nested entry (virtual EL2 to EL1/EL0)" },
  { e2h: "e2h0", dir: "exit", title: "E2H = 0, nested exit (back to virtual EL2)" },
  { e2h: "e2h1", dir: "entry", title: "E2H = 1, nested entry (virtual EL2 to EL1/EL0)" },
  { e2h: "e2h1", dir: "exit", title: "E2H = 1, nested exit (back to virtual EL2)" },
] as const;

function phaseView(model: RegisterModel, id: string, title: string, p: CopyPhase): PhaseView {
  const translated = p.moves.filter((m) => m.translate).length;
  return {
    id,
    title,
    summary:
      p.runs.length === 0
        ? "Nothing is copied."
        : `${p.moves.length} registers (${translated} translated through toCounterpart), ${p.bytes} bytes in ${p.runs.length} runs, ${p.cacheLines} cache lines.`,
    runs: p.runs.map((r, i) => ({
      n: i + 1,
      kind: r.kind === "save" ? "save (EL1 register to context)" : "load (context to EL1 register)",
      offset: r.offset,
      end: r.offset + r.size,
      size: r.size,
      registers: r.registers.map((name) => registerLink(model, 1, name)),
    })),
  };
}

export function layoutView(input: {
  readonly layout: ResolvedLayout;
  readonly layouts: readonly ResolvedLayout[];
  readonly model: RegisterModel;
  readonly metrics: MetricsReport;
  readonly map: DiagramView;
}): LayoutView {
  const { layout, model, metrics } = input;
  const m = metrics.layouts.find((l) => l.layout === layout.name);
  return {
    ...pageBase(1, layout.name, input.layouts),
    name: layout.name,
    title: layout.title,
    description: layout.description,
    sources: layout.source,
    el2: layout.el2,
    map: input.map,
    structs: structViews(layout),
    enums: layout.enums.map((e) => ({
      name: e.name,
      count: e.entries.length,
      entries: e.entries.map((x) => ({ name: x.name, value: x.value, expr: x.expr ?? "" })),
    })),
    hasMetrics: m !== undefined,
    abi: m ? abiView(model, m, metrics) : null,
    cost: m ? costView(m, metrics) : null,
    phases: PHASES.map((p) => phaseView(model, `copy-${p.e2h}-${p.dir}`, p.title, layout.copyPlan[p.e2h][p.dir])),
  };
}
