/**
 * Numeric options, checked where yargs reads them so that a bad value is one
 * usage line and exit 2 (cli/errors.ts), never a NaN that silently means 0 or
 * a fraction that makes a loop run forever (`--random 1.5` used to hang `ab`).
 * The options are declared as strings so the message can quote what was typed.
 */
import { UsageError } from "./errors.js";

function integer(flag: string, raw: unknown, min: number, max: number, what: string): number {
  if (Array.isArray(raw)) throw new UsageError(`--${flag} is given ${raw.length} times; give it once`);
  const text = String(raw).trim();
  const n = /^-?(0x[0-9a-f]+|[0-9]+)$/i.test(text) ? Number(text.replace(/^-/, "")) * (text.startsWith("-") ? -1 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${flag} takes ${what}, got '${text}'`);
  return n;
}

/** A count of at least 1 (random programs, worker threads): 0 asks for nothing, so it is a mistake. */
export function positiveInteger(flag: string, max = 1_000_000_000): (raw: unknown) => number {
  return (raw) => integer(flag, raw, 1, max, `a whole number from 1 to ${max}`);
}

/** A seed as `ab` prints it: 0 to 2^31 - 1, the range of the seeds it picks itself. */
export function seed(flag = "seed"): (raw: unknown) => number {
  return (raw) => integer(flag, raw, 0, 0x7fffffff, "a whole number from 0 to 2147483647");
}
