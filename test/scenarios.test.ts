/**
 * Every bundled scenario on the reference model and on every generated
 * layout, under every CPU profile its `# profiles:` header names (none: max):
 * all expects hold, and each layout observes exactly what the reference
 * observes, step by step. baseline-2017 stores no EL2 state: it must refuse
 * the scenarios that need EL2 (with a message), and run the rest.
 *
 * The headers are held to what the scenarios do: a scenario must fail under
 * every bundled profile it leaves out, and only for features that profile
 * lacks (it passes once they are added), so that no header hides a bug.
 */
import { describe, expect, it } from "vitest";
import { checkScenarioProfiles, scenarioProfiles } from "../emulator/scenario/profiles.js";
import { runScenario, type RunRecord } from "../emulator/scenario/run.js";
import type { Profile } from "../generators/profile/model.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledScenarios, LAYOUT_NAMES, machine, profile, PROFILES, scenario } from "./emulator-helpers.js";
import { SPECS } from "./helpers.js";

// The metrics workloads (specs/workloads/) are scenarios too: held to the same standard.
const WORKLOADS = join(SPECS, "workloads");
const workloads = readdirSync(WORKLOADS)
  .filter((f) => f.endsWith(".scn"))
  .sort()
  .map((f) => ({ file: `workloads/${f}`, text: readFileSync(join(WORKLOADS, f), "utf8") }));
const files = [...bundledScenarios(), ...workloads];

const behaviour = (r: RunRecord) => r.steps.map(({ line, op, result }) => ({ line, op, result }));

describe("bundled scenarios", () => {
  it("there are at least 40, and the workloads", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(workloads.length).toBeGreaterThanOrEqual(2);
  });

  it("every specs/scenarios file names its profiles, and only bundled ones", () => {
    for (const { file, text } of bundledScenarios()) {
      const s = scenario(text, file);
      expect(s.profiles, `${file} has no '# profiles:' header`).toBeDefined();
      expect(checkScenarioProfiles(s, PROFILES), file).toEqual([]);
    }
  });

  for (const { file, text } of files) {
    const s = scenario(text, file);
    for (const p of scenarioProfiles(s, PROFILES)) {
      it(`${file} [${p.name}]`, async () => {
        const ref: RunRecord = runScenario(s, await machine("reference", p));
        expect(ref.refused).toBeUndefined();
        expect(ref.profile).toBe(p.name);
        expect(ref.failures).toEqual([]);
        for (const name of LAYOUT_NAMES) {
          const rec = runScenario(s, await machine(name, p));
          if (rec.refused) {
            expect(name, `${name} refused: ${rec.refused}`).toBe("baseline-2017");
            expect(rec.refused).toMatch(/stores no EL2 state/);
            continue;
          }
          expect(rec.failures, name).toEqual([]);
          // Behaviour must match step by step; what the ABI makes of a step (list length, blob size) may differ.
          expect(behaviour(rec), name).toEqual(behaviour(ref));
          // Every register the layout stores ends as the reference's.
          const wrong = Object.entries(rec.final).filter(([reg, v]) => ref.final[reg] !== v);
          expect(wrong, name).toEqual([]);
        }
      });
    }
  }

  it("a scenario fails under each bundled profile its header leaves out, only for features that profile lacks", async () => {
    const max = profile("max");
    const fails = async (s: ReturnType<typeof scenario>, p: Profile) => runScenario(s, await machine("reference", p)).failures.length > 0;
    const withFeatures = (base: Profile, name: string, features: Iterable<string>): Profile => ({ ...base, name, features: new Set(features) });
    const problems: string[] = [];
    for (const { file, text } of bundledScenarios()) {
      const s = scenario(text, file);
      const named = new Set(scenarioProfiles(s, PROFILES).map((p) => p.name));
      for (const p of PROFILES.filter((x) => !named.has(x.name))) {
        if (!(await fails(s, p))) {
          problems.push(`${file}: passes under ${p.name}, which its header leaves out`);
          continue;
        }
        const without = (base: Profile, drop: readonly string[]) => withFeatures(base, `${base.name}-`, [...base.features].filter((x) => !drop.includes(x)));
        if (!(await fails(s, max))) {
          // A scenario for CPUs with some features: those p lacks whose absence alone (from max) makes it
          // fail, and p with them added passes: what fails under p is those features, nothing else.
          const causes: string[] = [];
          for (const f of [...max.features].filter((x) => !p.features.has(x))) if (await fails(s, without(max, [f]))) causes.push(f);
          if (causes.length === 0) problems.push(`${file}: fails under ${p.name} for no feature it lacks`);
          else if (await fails(s, withFeatures(p, `${p.name}+`, [...p.features, ...causes]))) {
            problems.push(`${file}: under ${p.name}, still failing with ${causes.join(", ")} added`);
          }
          continue;
        }
        // A scenario for CPUs without some features (max fails it too): from a profile it names, the
        // features of p whose presence alone makes it fail, and p without them passes.
        let explained = false;
        for (const q of scenarioProfiles(s, PROFILES)) {
          const causes: string[] = [];
          for (const f of [...p.features].filter((x) => !q.features.has(x))) {
            if (await fails(s, withFeatures(q, `${q.name}+${f}`, [...q.features, f]))) causes.push(f);
          }
          if (causes.length > 0 && !(await fails(s, without(p, causes)))) {
            explained = true;
            break;
          }
        }
        if (!explained) problems.push(`${file}: fails under ${p.name}, and no feature of it explains why`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
