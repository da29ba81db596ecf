/**
 * Large random A/B runs on several cores, with exactly the result of a
 * single thread for the same seed.
 *
 * The programs are the ones fast-check generates for that seed (the stream
 * fc.check and fc.sample share). Each worker makes its own: fc.sample with
 * `path: "K"` replays that stream from program K without generating the K
 * before it (fast-check derives program i's random source by i jumps of the
 * seed's generator, not from what program i-1 consumed), so no thread samples
 * programs another runs, and the main thread samples none. Work is handed out
 * in chunks of consecutive programs through a shared counter, so a worker that
 * started late or drew long programs simply takes fewer chunks. The shared
 * state also holds the lowest index found to diverge: a chunk that starts
 * after it is not run, since the answer is the first divergent program. The
 * main thread then reruns fast-check up to that program, which fails there and
 * shrinks it the way a single-threaded run would.
 *
 * Workers get the register model, layouts and profile as data (one v8
 * serialization, shared by every worker), not a specs folder to load: loading
 * and validating the YAML cost each worker more than its programs did.
 */
import fc from "fast-check";
import { availableParallelism } from "node:os";
import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { DEFAULT_PROFILE, type Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { LayoutModule } from "../layout-module.js";
import { Matrix, type RandomOutcome } from "./matrix.js";
import { programArbitrary } from "./random.js";

/**
 * Two workers only for long runs: a worker spends about 0.35 s (wall) before its first program and
 * runs its first thousand or so at half speed while V8 compiles, so below some thousands of
 * programs one warm thread finishes first (bench section 4 measures both).
 */
export function defaultWorkers(runs: number): number {
  return runs >= 10_000 ? Math.min(2, availableParallelism()) : 1;
}

/** What every worker is sent (workerData). */
export interface Job {
  /** v8.serialize({model, layouts, profile}): serialized once, read by every worker. */
  readonly data: SharedArrayBuffer;
  readonly runs: number;
  readonly seed: number;
  /** Programs per chunk. */
  readonly chunk: number;
  /** Int32 [next chunk to claim, lowest divergent program index or NONE, workers started]. */
  readonly state: SharedArrayBuffer;
}

export interface JobData {
  readonly model: RegisterModel;
  readonly layouts: readonly LayoutModule[];
  readonly profile?: Profile | undefined;
}

const NEXT = 0;
const FIRST = 1;
const STARTED = 2;
/** No divergence found (yet): above every index, so "a chunk starts after it" is never true. */
const NONE = 0x7fffffff;

/** Lower the shared first-divergence index to `i` unless a lower one is already there. */
function lowerFirst(state: Int32Array, i: number): void {
  for (let seen = Atomics.load(state, FIRST); i < seen; ) {
    const was = Atomics.compareExchange(state, FIRST, seen, i);
    if (was === seen) return;
    seen = was;
  }
}

/** A worker has loaded and is about to claim chunks: the main thread then leaves them to the workers. */
export function workerStarted(job: Pick<Job, "state">): void {
  Atomics.add(new Int32Array(job.state), STARTED, 1);
}

/**
 * Claim chunks until none is left (or every one left starts after a known divergence), running
 * each program on `matrix`, or until `stop()` says so. Called by each worker thread, and by the
 * main thread while the workers start.
 */
export function runChunks(job: Omit<Job, "data">, matrix: Matrix, stop: () => boolean = () => false): void {
  const state = new Int32Array(job.state);
  const arbitrary = programArbitrary(matrix.model, matrix.profile);
  while (!stop()) {
    const start = Atomics.add(state, NEXT, 1) * job.chunk;
    // Chunks are claimed in order: once one starts past the end or past a divergence, all later ones do.
    if (start >= job.runs || start > Atomics.load(state, FIRST)) return;
    const count = Math.min(job.chunk, job.runs - start);
    const programs = fc.sample(arbitrary, { seed: job.seed, numRuns: count, path: String(start) });
    for (let k = 0; k < count; k++) {
      if (start + k > Atomics.load(state, FIRST)) return;
      if (matrix.programDiffs(programs[k] as string[]).length > 0) {
        lowerFirst(state, start + k);
        return;
      }
    }
  }
}

/**
 * `runs` random programs from `seed` on every layout under `profile`, on `workers` threads: the
 * outcome of `new Matrix(model, layouts, profile).random(runs, seed)`. `_specs` is no longer read
 * (workers get the model itself); kept so callers need not change.
 */
export async function randomParallel(
  model: RegisterModel,
  _specs: string,
  layouts: readonly LayoutModule[],
  runs: number,
  seed: number,
  workers: number,
  profile?: Profile,
): Promise<RandomOutcome> {
  const matrix = new Matrix(model, layouts, profile);
  if (workers <= 1) return matrix.random(runs, seed);
  const bytes = serialize({ model, layouts, profile } satisfies JobData);
  const data = new SharedArrayBuffer(bytes.length);
  new Uint8Array(data).set(bytes);
  const state = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  Atomics.store(new Int32Array(state), FIRST, NONE);
  // About 8 chunks per worker: enough to even out a late start and uneven programs, few enough
  // that replaying the stream to each chunk's start (jumps, no generation) stays negligible.
  const chunk = Math.max(25, Math.ceil(runs / (workers * 8)));
  const job: Job = { data, runs, seed, chunk, state };
  const expected = profile?.name ?? DEFAULT_PROFILE;
  const done = Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: job });
          worker.once("message", (m: { profile: string }) => {
            // The profile it ran under, so that a worker given the wrong one cannot pass silently.
            if (m.profile !== expected) reject(new Error(`a worker ran under profile ${m.profile}, not ${expected}`));
            else resolve();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => reject(new Error(`a worker exited (status ${code}) before answering`)));
        }),
    ),
  );
  // A worker spends a good part of a second loading its modules; the main thread, its machines
  // already compiled, runs chunks meanwhile, and stops once every worker has started (`workers`
  // threads then share the cores, as asked). Claims are atomic, so who runs which chunk is
  // irrelevant to the result.
  runChunks(job, matrix, () => Atomics.load(new Int32Array(state), STARTED) >= workers);
  await done;
  const first = Atomics.load(new Int32Array(state), FIRST);
  if (first === NONE) return { runs };
  return matrix.random(first + 1, seed);
}
