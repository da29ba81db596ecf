/**
 * Report files named on the command line (--json, --junit): checked before the
 * work starts, so a typo in the path costs one line and exit 2 rather than a
 * long A/B run followed by a crash; written atomically (temp file in the same
 * folder, then rename), so an interrupted run never leaves half a report that
 * a CI step would then misread. Input files named on the command line (a
 * scenario) are read with readInputFile: a missing file or a folder is a usage
 * line, not a stack trace.
 */
import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ioMessage, UsageError } from "./errors.js";

/** Throws a UsageError when `path` cannot be written as a report file. */
export function checkOutputPath(flag: string, path: string): void {
  const abs = resolve(path);
  const dir = dirname(abs);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`--${flag} ${path} is a folder; name a file`);
  if (!existsSync(dir)) throw new UsageError(`--${flag} ${path}: the folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`--${flag} ${path}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(abs)) accessSync(abs, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: ${ioMessage(e) ?? "cannot write it"}`);
  }
}

/** Write `text` to `path` atomically; a failure is one usage line (the temp file is removed). */
export function writeOutputFile(flag: string, path: string, text: string): void {
  const tmp = `${resolve(path)}.reglab-tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`--${flag} ${path}: ${ioMessage(e) ?? String(e)}`);
  }
}

/** The text of an input file the user named; a usage line (exit 2) when it cannot be read. */
export function readInputFile(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${path} is a folder; name a file`);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(ioMessage(e) ?? `cannot read ${path}: ${String(e)}`);
  }
}
