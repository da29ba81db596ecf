/** Where the bundled specs live: found from the package root, so reglab runs from any directory. */
import { join } from "node:path";
import { packageRoot } from "../generators/paths.js";

export { packageRoot };

export function defaultSpecsDir(): string {
  return join(packageRoot(), "specs");
}

/**
 * The register model for commands that run scenarios: the bundled specs (or
 * `specs`), or undefined after printing every problem and setting exit code 2.
 */
export async function registerModelOrExit(specs: string | undefined) {
  const { loadRegisterSpecs } = await import("../generators/spec/load.js");
  const { formatDiagnostic } = await import("../generators/spec/diagnostics.js");
  const regs = loadRegisterSpecs(specs ?? defaultSpecsDir());
  if (regs.diagnostics.length === 0) return regs.model;
  for (const d of regs.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  process.exitCode = 2;
  return undefined;
}
