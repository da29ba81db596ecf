/**
 * A worker thread of a large random A/B run (parallel.ts): it reads the
 * register model, layouts and profile it is sent, claims chunks of programs
 * until none is left, and answers with the profile it ran under. What it found
 * is in the shared state, not the message.
 */
import { deserialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { DEFAULT_PROFILE } from "../../generators/profile/model.js";
import { Matrix } from "./matrix.js";
import { runChunks, workerStarted, type Job, type JobData } from "./parallel.js";

const job = workerData as Job;
// A copy out of the shared buffer: deserialize reads a Buffer, and the next worker reads the same bytes.
const { model, layouts, profile } = deserialize(Buffer.from(new Uint8Array(job.data))) as JobData;
const matrix = new Matrix(model, layouts, profile);
workerStarted(job);
runChunks(job, matrix);
parentPort?.postMessage({ profile: profile?.name ?? DEFAULT_PROFILE });
