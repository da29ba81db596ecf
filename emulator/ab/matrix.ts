/**
 * Every layout against the reference model at once: each program runs once
 * per layout and once on the reference per distinct ABI (layouts with the
 * same ONE_REG ids and struct kvm_regs share one reference run), so
 * `reglab ab --all` and `npm start` cost runs per layout, not per pair.
 */
import { DEFAULT_PROFILE, type Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { LayoutModule } from "../layout-module.js";
import { layoutAbi, layoutMachine, referenceMachine, registerIndex } from "../machine.js";
import { parseScenario } from "../scenario/parse.js";
import { forAnyProfile, notForProfile } from "../scenario/profiles.js";
import { runScenario, type RunRecord } from "../scenario/run.js";
import { sysregNames } from "../a64/sysreg-names.js";
import { newCounters, type Counters } from "../state.js";
import { addCounters, behaviourDiffs, type BehaviourDiff } from "./compare.js";
import { programArbitrary } from "./random.js";
import type { NamedScenario } from "./run-ab.js";
import fc from "fast-check";

export interface RandomOutcome {
  /** Programs run (fast-check's count, shrinking aside). */
  readonly runs: number;
  /** The shrunk program, in .scn syntax, when some layout diverged. */
  readonly counterexample?: string;
  readonly diffs?: readonly BehaviourDiff[];
}

export interface LayoutVerdict {
  readonly layout: string;
  readonly scenarios: number;
  readonly refused: number;
  readonly behaviour: readonly BehaviourDiff[];
  readonly cost: Counters;
}

function abiKey(l: LayoutModule): string {
  return `${l.kvmRegsSize}:${l.registers.map((n, i) => `${n}=${l.oneRegIds[i] ?? "-"}@${l.uapiOffsets[i] ?? -1}`).join(",")}`;
}

export class Matrix {
  private readonly refs = new Map<string, LayoutModule>();
  /** abiKey of each layout, made once: it spells out every register, and run() needs it per program. */
  private readonly abiKeys = new Map<LayoutModule, string>();
  /** The parser's name table, built on the first random program (a map over every register). */
  private names: ReturnType<typeof sysregNames> | undefined;

  /** Every machine runs under `profile` (default `max`); scenarios not written for it are refused. */
  constructor(
    readonly model: RegisterModel,
    readonly layouts: readonly LayoutModule[],
    readonly profile?: Profile,
  ) {
    for (const l of layouts) {
      const k = abiKey(l);
      this.abiKeys.set(l, k);
      if (!this.refs.has(k)) this.refs.set(k, l);
    }
  }

  /** Run one scenario everywhere: per layout, its record and its differences from the reference. */
  run(s: NamedScenario): { layout: string; record: RunRecord; diffs: BehaviourDiff[] }[] {
    const { model, profile } = this;
    const profileName = profile?.name ?? DEFAULT_PROFILE;
    const skip = notForProfile(s.scenario, profileName);
    if (skip) {
      return this.layouts.map((l) => ({
        layout: l.name,
        record: { layout: l.name, profile: profileName, steps: [], final: {}, counters: newCounters(), failures: [], refused: skip },
        diffs: [],
      }));
    }
    const index = registerIndex(model, profile);
    const refRuns = new Map<string, RunRecord>();
    for (const [k, l] of this.refs) refRuns.set(k, runScenario(s.scenario, referenceMachine(model, layoutAbi(l, index), profile)));
    return this.layouts.map((l) => {
      const ref = refRuns.get(this.abiKeys.get(l) ?? abiKey(l));
      const record = runScenario(s.scenario, layoutMachine(model, l, profile));
      const diffs = ref ? behaviourDiffs(s.name, record, ref) : [];
      // A layout that refused the scenario is not judged on it, nor is the reference speaking its ABI.
      if (!record.refused) for (const f of ref?.failures ?? []) diffs.push({ scenario: s.name, layout: "reference", line: f.line, op: "expect", expected: "true", actual: f.message });
      return { layout: l.name, record, diffs };
    });
  }

  verdicts(scenarios: readonly NamedScenario[]): LayoutVerdict[] {
    const acc = new Map(this.layouts.map((l) => [l.name, { layout: l.name, scenarios: 0, refused: 0, behaviour: [] as BehaviourDiff[], cost: newCounters() }]));
    for (const s of scenarios) {
      for (const r of this.run(s)) {
        const v = acc.get(r.layout);
        if (!v) continue;
        v.scenarios++;
        if (r.record.refused) v.refused++;
        v.behaviour.push(...r.diffs);
        addCounters(v.cost, r.record.counters);
      }
    }
    return [...acc.values()];
  }

  /**
   * One random program (the lines programArbitrary makes) on every layout: its differences from the
   * reference, none when every layout behaves. The one check of random runs, on one thread or many.
   */
  programDiffs(lines: readonly string[]): BehaviourDiff[] {
    this.names ??= sysregNames(this.model);
    const { scenario, errors } = parseScenario("random.scn", lines.join("\n") + "\n", registerIndex(this.model, this.profile), this.names);
    if (errors.length > 0) throw new Error(`generated a malformed scenario: ${errors[0]?.message}`);
    return this.run({ name: "random.scn", scenario: forAnyProfile(scenario) }).flatMap((r) => r.diffs);
  }

  /** N random programs on every layout; the shrunk program and its differences when one diverges. */
  random(runs: number, seed: number, onProgress?: (done: number) => void): RandomOutcome {
    const check = (lines: string[]) => this.programDiffs(lines);
    let done = 0;
    const out = fc.check(
      fc.property(programArbitrary(this.model, this.profile), (lines) => {
        onProgress?.(++done);
        return check(lines).length === 0;
      }),
      { numRuns: runs, seed },
    );
    if (!out.failed || !out.counterexample) return { runs: out.numRuns };
    const lines = out.counterexample[0];
    return { runs: out.numRuns, counterexample: lines.join("\n") + "\n", diffs: check(lines) };
  }
}
