/**
 * Every bundled scenario on the reference model and on every generated
 * layout: all expects hold, and each layout observes exactly what the
 * reference observes, step by step. baseline-2017 stores no EL2 state: it
 * must refuse the scenarios that need EL2 (with a message), and run the rest.
 */
import { describe, expect, it } from "vitest";
import { runScenario, type RunRecord } from "../emulator/scenario/run.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledScenarios, LAYOUT_NAMES, machine, scenario } from "./emulator-helpers.js";
import { SPECS } from "./helpers.js";

// The metrics workloads (specs/workloads/) are scenarios too: held to the same standard.
const WORKLOADS = join(SPECS, "workloads");
const workloads = readdirSync(WORKLOADS)
  .filter((f) => f.endsWith(".scn"))
  .sort()
  .map((f) => ({ file: `workloads/${f}`, text: readFileSync(join(WORKLOADS, f), "utf8") }));
const files = [...bundledScenarios(), ...workloads];

describe("bundled scenarios", () => {
  it("there are at least 40, and the workloads", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(workloads.length).toBeGreaterThanOrEqual(2);
  });

  for (const { file, text } of files) {
    it(file, async () => {
      const s = scenario(text, file);
      const ref: RunRecord = runScenario(s, await machine("reference"));
      expect(ref.refused).toBeUndefined();
      expect(ref.failures).toEqual([]);
      for (const name of LAYOUT_NAMES) {
        const rec = runScenario(s, await machine(name));
        if (rec.refused) {
          expect(name, `${name} refused: ${rec.refused}`).toBe("baseline-2017");
          expect(rec.refused).toMatch(/stores no EL2 state/);
          continue;
        }
        expect(rec.failures, name).toEqual([]);
        // Behaviour must match step by step; what the ABI makes of a step (list length, blob size) may differ.
        const behaviour = (r: RunRecord) => r.steps.map(({ line, op, result }) => ({ line, op, result }));
        expect(behaviour(rec), name).toEqual(behaviour(ref));
        // Every register the layout stores ends as the reference's.
        const wrong = Object.entries(rec.final).filter(([reg, v]) => ref.final[reg] !== v);
        expect(wrong, name).toEqual([]);
      }
    });
  }
});
