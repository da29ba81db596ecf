/**
 * Run scenarios on two layouts and on the reference model (speaking each
 * layout's ABI in turn), and sort every difference into behaviour, ABI and
 * cost (see compare.ts).
 */
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { LayoutModule } from "../layout-module.js";
import { layoutAbi, layoutMachine, referenceMachine, registerIndex } from "../machine.js";
import type { Scenario } from "../scenario/parse.js";
import { notForProfile } from "../scenario/profiles.js";
import { runScenario } from "../scenario/run.js";
import { DEFAULT_PROFILE } from "../../generators/profile/model.js";
import { newCounters, type Counters } from "../state.js";
import { abiDiffs, addCounters, behaviourDiffs, type AbiDiff, type BehaviourDiff } from "./compare.js";

export interface NamedScenario {
  readonly name: string;
  readonly scenario: Scenario;
}

export interface ScenarioOutcome {
  readonly scenario: string;
  /** Per layout: "pass", "diverged" or "refused: ...". */
  readonly a: string;
  readonly b: string;
}

export interface PairReport {
  readonly a: string;
  readonly b: string;
  readonly scenarios: readonly ScenarioOutcome[];
  readonly behaviour: readonly BehaviourDiff[];
  readonly abi: readonly AbiDiff[];
  readonly cost: { readonly a: Counters; readonly b: Counters };
}

const abiDiffCache = new WeakMap<LayoutModule, WeakMap<LayoutModule, readonly AbiDiff[]>>();

/** abiDiffs(a, b) once per pair: random A/B runs call runPair once per program. */
function abiDiffsOf(a: LayoutModule, b: LayoutModule): AbiDiff[] {
  let byB = abiDiffCache.get(a);
  if (!byB) abiDiffCache.set(a, (byB = new WeakMap()));
  let d = byB.get(b);
  if (!d) byB.set(b, (d = abiDiffs(a, b)));
  return [...d];
}

function outcome(diffs: number, refused: string | undefined): string {
  return refused ? `refused: ${refused}` : diffs === 0 ? "pass" : "diverged";
}

/**
 * Run `scenarios` on A, B and the reference, every machine under `profile` (default `max`). A
 * scenario whose `# profiles:` header does not name the profile is not run: both layouts get
 * "refused: written for profiles ..., not P" (scenario/profiles.ts).
 */
export function runPair(model: RegisterModel, a: LayoutModule, b: LayoutModule, scenarios: readonly NamedScenario[], profile?: Profile): PairReport {
  const index = registerIndex(model, profile);
  const behaviour: BehaviourDiff[] = [];
  const outcomes: ScenarioOutcome[] = [];
  const cost = { a: newCounters(), b: newCounters() };
  for (const { name, scenario } of scenarios) {
    const skip = notForProfile(scenario, profile?.name ?? DEFAULT_PROFILE);
    if (skip) {
      outcomes.push({ scenario: name, a: `refused: ${skip}`, b: `refused: ${skip}` });
      continue;
    }
    const results = [a, b].map((layout) => {
      const ref = runScenario(scenario, referenceMachine(model, layoutAbi(layout, index), profile));
      const rec = runScenario(scenario, layoutMachine(model, layout, profile));
      const diffs = behaviourDiffs(name, rec, ref);
      // An expect that fails on the reference is the scenario's own fault, but it still fails the run.
      if (!rec.refused) for (const f of ref.failures) diffs.push({ scenario: name, layout: "reference", line: f.line, op: "expect", expected: "true", actual: f.message });
      return { rec, diffs };
    });
    const [ra, rb] = results;
    if (!ra || !rb) continue;
    behaviour.push(...ra.diffs, ...rb.diffs);
    addCounters(cost.a, ra.rec.counters);
    addCounters(cost.b, rb.rec.counters);
    outcomes.push({ scenario: name, a: outcome(ra.diffs.length, ra.rec.refused), b: outcome(rb.diffs.length, rb.rec.refused) });
  }
  return { a: a.name, b: b.name, scenarios: outcomes, behaviour, abi: abiDiffsOf(a, b), cost };
}
