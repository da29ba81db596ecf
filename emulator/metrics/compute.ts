/**
 * `reglab metrics`: every layout's cost and ABI change, in one report that
 * the command prints, the docs render and the tests check by hand
 * calculation. Layouts come in as resolved layouts and are made runnable
 * through their in-memory layout module, like the generated ones.
 */
import { layoutModuleOf } from "../../generators/layout/module-data.js";
import type { ResolvedLayout } from "../../generators/layout/types.js";
import { loadProfiles } from "../../generators/profile/load.js";
import { findProfile, type Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import { layoutMachine } from "../machine.js";
import { runsUnder } from "../scenario/profiles.js";
import { DEFAULT_HOST_PROFILES, modeOf, roundTrip, trapRatio, vncrPageSync, ZERO_COST } from "./host-cost.js";
import { abiCost, stateCost } from "./layout-cost.js";
import type { HostCost, LayoutMetrics, MetricsReport, WorkloadMetrics } from "./report-schema.js";
import { loadWorkloads, measureWorkload, type Workload, type WorkloadProblem } from "./workload.js";

export { loadWorkloads, type Workload, type WorkloadProblem } from "./workload.js";
export { DEFAULT_HOST_PROFILES } from "./host-cost.js";


/** The ABI every diff is against: KVM/arm64 as of Linux v4.12, before nesting. */
export const BASELINE = "baseline-2017";

export const RANKED_BY =
  "64-byte cache lines of the context touched per nested round trip (one entry and one exit), summed over the workloads; " +
  "ties broken by copy runs (memcpy calls) per round trip, then by bytes of vCPU state";

/** The sort key of RANKED_BY: smaller is cheaper. */
function costKey(l: Pick<LayoutMetrics, "workloads" | "state">): readonly number[] {
  const sum = (f: (w: WorkloadMetrics) => number) => l.workloads.reduce((n, w) => n + f(w), 0);
  return [sum((w) => w.perEntry.cacheLines + w.perExit.cacheLines), sum((w) => w.perEntry.copyRuns + w.perExit.copyRuns), l.state.bytes];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Competition ranking (1, 2, 2, 4) of the layouts with EL2 state; the rest get null. */
function ranks(layouts: readonly Omit<LayoutMetrics, "rank" | "verdict">[]): Map<string, number> {
  const ranked = layouts.filter((l) => l.el2).sort((a, b) => compareKeys(costKey(a), costKey(b)));
  const out = new Map<string, number>();
  ranked.forEach((l, i) => {
    const prev = ranked[i - 1];
    out.set(l.layout, prev && compareKeys(costKey(prev), costKey(l)) === 0 ? (out.get(prev.layout) ?? i + 1) : i + 1);
  });
  return out;
}

/**
 * The FEAT_NV2 clause of a verdict, when the page sync differs between the
 * layouts with EL2 state (otherwise it would tell the layouts nothing apart).
 */
function nv2Clause(l: Omit<LayoutMetrics, "verdict">, all: readonly Omit<LayoutMetrics, "verdict" | "rank">[], nv2: string | undefined): string {
  const ps = l.vncrPageSync;
  if (!nv2 || !ps) return "";
  const key = (x: typeof ps) => `${x.perSwitch.bytes}/${x.perSwitch.copyRuns}/${x.perSwitch.cacheLines}`;
  const keys = new Set(all.flatMap((m) => (m.vncrPageSync ? [key(m.vncrPageSync)] : [])));
  if (keys.size <= 1) return "";
  const traps = l.workloads.map((w) => w.hosts.find((h) => h.profile === nv2)?.traps ?? 0);
  const t = traps.length > 0 ? `${Math.min(...traps)}-${Math.max(...traps)} traps per nested exit` : "";
  return ps.pageOrdered
    ? `; under FEAT_NV2 (${nv2}) its VNCR-mapped registers are the VNCR page (no page copies${t ? `, ${t}` : ""})`
    : `; under FEAT_NV2 (${nv2}) it copies ${ps.perSwitch.bytes} B in ${ps.perSwitch.copyRuns} runs (${ps.perSwitch.cacheLines} cache lines) between the VNCR page and its storage per nested entry and again per exit${t ? ` (${t})` : ""}`;
}

function verdictOf(l: Omit<LayoutMetrics, "verdict">, of: number, baseline: string): string {
  const abi = l.layout === baseline ? "the reference ABI (Linux v4.12)" : l.abi.compatible ? `ABI compatible with v4.12: ${l.abi.why}` : `not ABI compatible with v4.12: ${l.abi.why}`;
  if (l.rank === null) return `${abi}; stores no EL2 state, so it cannot run a guest hypervisor`;
  const [lines = 0, runs = 0] = costKey(l);
  return `${abi}; cost rank ${l.rank} of ${of} (${lines} cache lines and ${runs} copy runs for a nested round trip on each of ${l.workloads.length} workload${l.workloads.length === 1 ? "" : "s"})`;
}

/** The row of a host profile a workload does not run under: no nested exit measured. */
function notWrittenFor(p: Profile, row: WorkloadMetrics): HostCost {
  return { profile: p.name, mode: modeOf(p), nestedExits: 0, failures: 0, traps: 0, vncrAccesses: 0, worldSwitch: roundTrip(row.perEntry, row.perExit), pageSync: ZERO_COST };
}

/**
 * Measure every layout on the workloads. `hosts`: the host profiles whose
 * traps per nested exit are counted (none: the host rows are empty). Each
 * workload runs once as before for the world switch rows, then once per host
 * profile on a machine of that profile (layoutMachine(model, layout, profile)),
 * for its host row.
 */
export function computeMetrics(
  model: RegisterModel,
  layouts: readonly ResolvedLayout[],
  workloads: readonly Workload[],
  hosts: readonly Profile[] = [],
): MetricsReport {
  const base = layouts.find((l) => l.name === BASELINE);
  if (!base) throw new Error(`metrics compare every layout with ${BASELINE}, and the specs have no layout of that name`);
  const measured = layouts.map((layout) => {
    const module = layoutModuleOf(layout);
    const pageSync = layout.el2 ? vncrPageSync(model, layout) : null;
    const workloadRows = layout.el2
      ? workloads.map((w) => {
          const row = measureWorkload(w, layoutMachine(model, module));
          // A host profile the workload is not written for (its `# profiles:` header) gets no count, like one that
          // cannot run it: its expectations would fail on features that profile lacks, not on the layout.
          const hostRows = hosts.flatMap((p) =>
            runsUnder(w.scenario, p.name)
              ? measureWorkload(w, layoutMachine(model, module, p), { model, profiles: [p], pageSync: pageSync?.perSwitch }).hosts
              : [notWrittenFor(p, row)],
          );
          const ratio = trapRatio(hostRows);
          return { ...row, hosts: hostRows, nvToNv2TrapRatio: ratio };
        })
      : [];
    return { layout: layout.name, title: layout.title, el2: layout.el2, state: stateCost(layout), abi: abiCost(layout, base), workloads: workloadRows, vncrPageSync: pageSync };
  });
  const rank = ranks(measured);
  const of = rank.size;
  const nv2 = hosts.find((p) => modeOf(p) === "nv2")?.name;
  const rows: LayoutMetrics[] = measured.map((m) => {
    const withRank = { ...m, rank: rank.get(m.layout) ?? null };
    const verdict = verdictOf(withRank, of, BASELINE);
    return { ...withRank, verdict: withRank.rank === null ? verdict : verdict + nv2Clause(withRank, measured, nv2) };
  });
  const shape = measured.find((m) => m.workloads.length > 0)?.workloads ?? [];
  return {
    baseline: BASELINE,
    rankedBy: RANKED_BY,
    workloads: workloads.map((w, i) => ({ workload: w.name, title: w.title, e2h: shape[i]?.e2h ?? 0 })),
    hosts: hosts.map((p) => ({ profile: p.name, title: p.title, mode: modeOf(p) })),
    layouts: rows,
  };
}

/** `workloads/FILE:line:col: error: message`, like every other diagnostic. */
export function formatWorkloadProblem(p: WorkloadProblem): string {
  return `${p.file}:${p.line}:${p.col}: error: ${p.message}`;
}

/**
 * The metrics of validated specs: their layouts measured on the workloads
 * under `<specsDir>/workloads/`. A malformed workload is reported, located,
 * and no report is made (generate and docs must not write half a site).
 */
export function metricsOfSpecs(
  model: RegisterModel,
  layouts: readonly ResolvedLayout[],
  specsDir: string,
  hosts?: readonly Profile[],
): { report: MetricsReport; problems: readonly WorkloadProblem[] } | { report: undefined; problems: readonly WorkloadProblem[] } {
  const { workloads, problems } = loadWorkloads(model, specsDir);
  if (problems.length > 0) return { report: undefined, problems };
  return { report: computeMetrics(model, layouts, workloads, hosts ?? defaultHosts(specsDir)), problems };
}

/**
 * The hosts the docs measure: every profile of the specs, the default hosts
 * (DEFAULT_HOST_PROFILES) first, so that the NV/NV2 trap ratio and the
 * verdicts' FEAT_NV2 clause stay theirs, then the others in the given order.
 * `reglab metrics` keeps measuring only the default hosts.
 */
export function docsHosts(profiles: readonly Profile[]): Profile[] {
  const defaults = DEFAULT_HOST_PROFILES.flatMap((n) => findProfile(profiles, n) ?? []);
  return [...defaults, ...profiles.filter((p) => !defaults.includes(p))];
}

/** DEFAULT_HOST_PROFILES from the specs' profiles (those the specs lack are left out). */
export function defaultHosts(specsDir: string): Profile[] {
  const { profiles } = loadProfiles(specsDir, []);
  return DEFAULT_HOST_PROFILES.flatMap((n) => findProfile(profiles, n) ?? []);
}
