/**
 * The bundled standard workloads (specs/workloads/*.scn): a guest hypervisor
 * running a nested guest and taking exits, written as ordinary scenarios.
 * Running one on a layout's machine and watching the counters step by step
 * tells what each nested entry (virtual EL2 -> EL1/EL0, an ERET) and each
 * nested exit (back, an exception) copies in that layout: the world switch
 * counters move only on the step that switched, so a step's counter delta
 * belongs to the entry or the exit that step was.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RegisterModel } from "../../generators/spec/model.js";
import { sysregNames } from "../a64/sysreg-names.js";
import { registerIndex, type Machine } from "../machine.js";
import { parseScenario, type Scenario, type ScenarioError } from "../scenario/parse.js";
import { runScenario } from "../scenario/run.js";
import { newCounters, type Counters } from "../state.js";
import type { SwitchCost, WorkloadMetrics } from "./report-schema.js";

export interface Workload {
  /** File name under specs/workloads/. */
  readonly name: string;
  /** From the file's first line, `# title: ...`. */
  readonly title: string;
  readonly scenario: Scenario;
}

export interface WorkloadProblem extends ScenarioError {
  readonly file: string;
}

/** Every `.scn` under `<specs>/workloads/`, parsed, in file-name order; problems are located, not thrown. */
export function loadWorkloads(model: RegisterModel, specsDir: string): { workloads: Workload[]; problems: WorkloadProblem[] } {
  const dir = join(specsDir, "workloads");
  const index = registerIndex(model);
  const names = sysregNames(model);
  const workloads: Workload[] = [];
  const problems: WorkloadProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".scn"))
      .sort();
  } catch {
    // No workloads folder: metrics without workload rows.
  }
  for (const f of files) {
    const text = readFileSync(join(dir, f), "utf8");
    const { scenario, errors } = parseScenario(f, text, index, names);
    const title = /^#\s*title:\s*(.+?)\s*$/m.exec(text.split("\n", 1)[0] ?? "")?.[1];
    if (title === undefined) problems.push({ file: join("workloads", f), line: 1, col: 1, message: "a workload's first line must be `# title: ...`" });
    for (const e of errors) problems.push({ ...e, file: join("workloads", f) });
    if (errors.length === 0 && title !== undefined) workloads.push({ name: f, title, scenario });
  }
  return { workloads, problems };
}

type Tally = { -readonly [K in keyof SwitchCost]: number };

const tally = (): Tally => ({ registers: 0, bytes: 0, copyRuns: 0, cacheLines: 0 });

function add(t: Tally, before: Counters, after: Counters): void {
  t.registers += after.registersCopied - before.registersCopied;
  t.bytes += after.bytesCopied - before.bytesCopied;
  t.copyRuns += after.copyRuns - before.copyRuns;
  t.cacheLines += after.cacheLines - before.cacheLines;
}

/** Per switch, rounded to 1/100 so a report is the same bytes on every machine. */
function average(t: Tally, n: number): SwitchCost {
  const per = (v: number) => (n === 0 ? 0 : Math.round((v / n) * 100) / 100);
  return { registers: per(t.registers), bytes: per(t.bytes), copyRuns: per(t.copyRuns), cacheLines: per(t.cacheLines) };
}

/** Run `w` on `m` and attribute every world switch's copies to an entry or an exit. */
export function measureWorkload(w: Workload, m: Machine): WorkloadMetrics {
  const entry = tally();
  const exit = tally();
  let entries = 0;
  let exits = 0;
  let e2h: 0 | 1 | undefined;
  let before: Counters = newCounters();
  let el = m.vcpu.el;
  const rec = runScenario(w.scenario, m, (step, mm) => {
    const now = mm.vcpu.state.counters;
    // reset zeroes the counters: start counting afresh from there.
    if (step.op !== "reset" && now.worldSwitches > before.worldSwitches) {
      const toGuest = el === 2 && mm.vcpu.el < 2;
      if (toGuest) {
        entries++;
        e2h ??= mm.vcpu.e2h ? 1 : 0;
        add(entry, before, now);
      } else {
        exits++;
        add(exit, before, now);
      }
    }
    before = { ...now };
    el = mm.vcpu.el;
  });
  if (rec.refused) throw new Error(`${w.name}: ${rec.refused}`);
  return {
    workload: w.name,
    e2h: e2h ?? 0,
    entries,
    exits,
    exceptions: rec.counters.exceptions,
    traps: rec.counters.traps,
    failures: rec.failures.length,
    perEntry: average(entry, entries),
    perExit: average(exit, exits),
  };
}
