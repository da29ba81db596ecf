/**
 * A worker thread of a large random A/B run: it loads the specs and the
 * layouts itself, runs the programs it is handed on every layout and the
 * reference model, and answers with the index of the first one that diverged.
 */
import { parentPort, workerData } from "node:worker_threads";
import { sysregNames } from "../a64/sysreg-names.js";
import { loadLayout, registerIndex } from "../machine.js";
import { parseScenario } from "../scenario/parse.js";
import { forAnyProfile } from "../scenario/profiles.js";
import { DEFAULT_PROFILE, type Profile } from "../../generators/profile/model.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import { Matrix } from "./matrix.js";

interface Job {
  readonly specs: string;
  readonly layouts: readonly string[];
  /** The CPU profile every machine runs under (undefined: the default, max). */
  readonly profile?: Profile;
  /** [index in the whole run, program lines] */
  readonly programs: readonly (readonly [number, readonly string[]])[];
}

const job = workerData as Job;
const { model } = loadRegisterSpecs(job.specs);
const index = registerIndex(model);
const names = sysregNames(model);
const matrix = new Matrix(model, await Promise.all(job.layouts.map((n) => loadLayout(n))), job.profile);
let firstFailure = -1;
for (const [i, lines] of job.programs) {
  const { scenario } = parseScenario("random.scn", lines.join("\n") + "\n", index, names);
  if (matrix.run({ name: "random.scn", scenario: forAnyProfile(scenario) }).some((r) => r.diffs.length > 0)) {
    firstFailure = i;
    break;
  }
}
// The profile it ran under, so that the main thread can check the worker got the one it was sent.
parentPort?.postMessage({ firstFailure, profile: job.profile?.name ?? DEFAULT_PROFILE });
