/**
 * Random A/B runs on worker threads (emulator/ab/parallel.ts) answer exactly what one thread
 * answers for the same seed: the same count, the same shrunk counterexample, the same differences,
 * whichever thread met the first divergent program. Workers run the compiled worker.js, so this
 * loads the built modules (npm test builds first), all from dist/ so the model and layouts are the
 * same classes the workers deserialize.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, SPECS } from "./helpers.js";

const dist = (p: string) => import(pathToFileURL(join(ROOT, "dist", p)).href);

describe("randomParallel", async () => {
  const { randomParallel } = (await dist("emulator/ab/parallel.js")) as typeof import("../emulator/ab/parallel.js");
  const { plantFault } = (await dist("emulator/ab/faults.js")) as typeof import("../emulator/ab/faults.js");
  const { loadLayout } = (await dist("emulator/machine.js")) as typeof import("../emulator/machine.js");
  const { loadSpecs } = (await dist("generators/pipeline.js")) as typeof import("../generators/pipeline.js");
  const { model, profiles } = loadSpecs(SPECS);
  const unified = await loadLayout("unified");
  const el2 = await loadLayout("el2-array");

  it("finds, and shrinks, the same counterexample on 1, 2 and 3 threads", async () => {
    // A fault random programs meet after a while, not on the first program: several chunks are run.
    const faulty = plantFault(unified, "offset", "TTBR1_EL2");
    const outcomes = [];
    for (const w of [1, 2, 3]) outcomes.push(await randomParallel(model, SPECS, [faulty, el2], 2000, 11, w));
    expect(outcomes[0]?.counterexample).toMatch(/TTBR[01]_EL2/);
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
  }, 120_000);

  it("runs every program when none diverges, under a profile too", async () => {
    const v80 = profiles.find((p) => p.name === "v8.0");
    expect(v80).toBeDefined();
    expect(await randomParallel(model, SPECS, [unified, el2], 600, 3, 2, v80)).toEqual({ runs: 600 });
    expect(await randomParallel(model, SPECS, [unified, el2], 600, 3, 1, v80)).toEqual({ runs: 600 });
  }, 120_000);
});
