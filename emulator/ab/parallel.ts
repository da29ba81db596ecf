/**
 * Large random A/B runs on several cores, with exactly the result of a
 * single thread for the same seed: the programs are the ones fast-check
 * would generate for that seed (fc.sample, same stream as fc.check); the
 * workers find the first that diverges; the main thread then reruns
 * fast-check up to that program, which fails there and shrinks it the way a
 * single-threaded run would.
 */
import fc from "fast-check";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { DEFAULT_PROFILE, type Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { LayoutModule } from "../layout-module.js";
import { Matrix, type RandomOutcome } from "./matrix.js";
import { programArbitrary } from "./random.js";

export function defaultWorkers(runs: number): number {
  return runs >= 1000 ? Math.min(2, availableParallelism()) : 1;
}

export async function randomParallel(
  model: RegisterModel,
  specs: string,
  layouts: readonly LayoutModule[],
  runs: number,
  seed: number,
  workers: number,
  profile?: Profile,
): Promise<RandomOutcome> {
  const matrix = new Matrix(model, layouts, profile);
  if (workers <= 1) return matrix.random(runs, seed);
  const programs = fc.sample(programArbitrary(model, profile), { numRuns: runs, seed });
  const slices = Array.from({ length: workers }, (_, w) => programs.map((p, i) => [i, p] as const).filter(([i]) => i % workers === w));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL("./worker.js", import.meta.url), {
            // The profile goes as it is (its feature Set survives the structured clone): the worker runs under it too.
            workerData: { specs, layouts: layouts.map((l) => l.name), programs: slice, profile },
          });
          worker.once("message", (m: { firstFailure: number; profile: string }) => {
            if (m.profile !== (profile?.name ?? DEFAULT_PROFILE)) reject(new Error(`a worker ran under profile ${m.profile}, not ${profile?.name ?? DEFAULT_PROFILE}`));
            else resolve(m.firstFailure);
          });
          worker.once("error", reject);
        }),
    ),
  );
  const failing = results.filter((i) => i >= 0);
  if (failing.length === 0) return { runs };
  return matrix.random(Math.min(...failing) + 1, seed);
}
