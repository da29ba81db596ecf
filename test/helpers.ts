/** Shared test helpers: paths of the bundled specs, fixtures and the built CLI. */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SPECS = join(ROOT, "specs");
export const FIXTURES = join(ROOT, "test", "fixtures");
export const CLI = join(ROOT, "dist", "cli", "main.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `reglab` (npm test builds it first) in `cwd`. */
export function reglab(args: readonly string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
