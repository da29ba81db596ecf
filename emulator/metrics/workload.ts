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
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import { decode } from "../a64/decode.js";
import { sysregNames } from "../a64/sysreg-names.js";
import { registerIndex, type Machine } from "../machine.js";
import { parseScenario, type Scenario, type ScenarioError } from "../scenario/parse.js";
import { runScenario } from "../scenario/run.js";
import { classifyNestedExit, hostTrapConfig, TrapModel, type GuestE2H, type HostOutcome, type HostTrapConfig } from "../nested/trap-model.js";
import { newCounters, type Counters } from "../state.js";
import { modeOf, roundTrip, trapRatio, ZERO_COST } from "./host-cost.js";
import type { HostCost, SwitchCost, WorkloadMetrics } from "./report-schema.js";
import { processing } from "../../generators/processing.js";

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
    processing(join(dir, f));
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

/** What measureWorkload classifies for the host, beside the world switch counters. */
export interface HostOptions {
  readonly model: RegisterModel;
  /** The host profiles whose traps are counted. */
  readonly profiles: readonly Profile[];
  /** The layout's VNCR page sync per direction, charged twice per nested exit under FEAT_NV2. */
  readonly pageSync?: SwitchCost | undefined;
}

const trapModels = new WeakMap<RegisterModel, TrapModel>();
function trapModelOf(model: RegisterModel): TrapModel {
  let tm = trapModels.get(model);
  if (!tm) trapModels.set(model, (tm = new TrapModel(model)));
  return tm;
}

/** Per host: outcomes of the nested exit in progress, and the sums over the completed ones. */
interface HostTally {
  readonly profile: Profile;
  readonly configs: readonly [HostTrapConfig, HostTrapConfig];
  open: HostOutcome[] | undefined;
  exits: number;
  traps: number;
  vncr: number;
}

/**
 * Run `w` on `m` and attribute every world switch's copies to an entry or an
 * exit; with `hosts`, classify for each host profile every instruction the
 * guest hypervisor executes at virtual EL2 and every nested exit (the trap
 * model's classifyInstruction / classifyNestedExit), per nested exit: from
 * the exit up to and including the ERET back into the nested guest.
 */
export function measureWorkload(w: Workload, m: Machine, hosts?: HostOptions): WorkloadMetrics {
  const entry = tally();
  const exit = tally();
  let entries = 0;
  let exits = 0;
  let e2h: 0 | 1 | undefined;
  let before: Counters = newCounters();
  let el = m.vcpu.el;
  let guestE2h: GuestE2H = m.vcpu.e2h ? 1 : 0;
  const tm = hosts ? trapModelOf(hosts.model) : undefined;
  const esr = m.index.number("ESR_EL2");
  const tallies: HostTally[] = (hosts?.profiles ?? []).map((profile) => ({
    profile,
    configs: [hostTrapConfig(profile.features, 0), hostTrapConfig(profile.features, 1)],
    open: undefined,
    exits: 0,
    traps: 0,
    vncr: 0,
  }));
  const rec = runScenario(w.scenario, m, (step, mm) => {
    if (tm && step.op === "reset") for (const t of tallies) t.open = undefined;
    else if (tm && step.op === "insn") {
      if (el === 2) {
        // The guest hypervisor's instruction, as the host sees it with the E2H it ran under.
        const insn = decode(step.word);
        for (const t of tallies) t.open?.push(tm.classifyInstruction(insn, t.configs[guestE2h]));
        if (mm.vcpu.el < 2) {
          // The ERET (or whatever left virtual EL2) that re-enters the nested guest: one nested exit complete.
          for (const t of tallies) {
            if (!t.open) continue;
            const c = { traps: 0, vncr: 0 };
            for (const o of t.open) if (o.kind === "trap") c.traps++; else if (o.kind === "vncr") c.vncr++;
            t.exits++;
            t.traps += c.traps;
            t.vncr += c.vncr;
            t.open = undefined;
          }
        }
      } else if (mm.vcpu.el === 2) {
        // The nested guest's exception to virtual EL2: one trap to the host, which injects it.
        const exit = classifyNestedExit(Number(mm.vcpu.state.get(esr)));
        for (const t of tallies) t.open = [exit];
      }
    }
    guestE2h = mm.vcpu.e2h ? 1 : 0;
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
  const perEntry = average(entry, entries);
  const perExit = average(exit, exits);
  const per = (v: number, n: number) => (n === 0 ? 0 : Math.round((v / n) * 100) / 100);
  const hostRows: HostCost[] = tallies.map((t) => {
    const mode = modeOf(t.profile);
    const sync = mode === "nv2" && hosts?.pageSync ? roundTrip(hosts.pageSync, hosts.pageSync) : ZERO_COST;
    return {
      profile: t.profile.name,
      mode,
      nestedExits: t.exits,
      failures: rec.failures.length,
      traps: per(t.traps, t.exits),
      vncrAccesses: per(t.vncr, t.exits),
      worldSwitch: roundTrip(perEntry, perExit),
      pageSync: sync,
    };
  });
  return {
    workload: w.name,
    e2h: e2h ?? 0,
    entries,
    exits,
    exceptions: rec.counters.exceptions,
    traps: rec.counters.traps,
    failures: rec.failures.length,
    perEntry,
    perExit,
    hosts: hostRows,
    nvToNv2TrapRatio: trapRatio(hostRows),
  };
}
