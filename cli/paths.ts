/** Where the bundled specs live: found from the package root, so reglab runs from any directory. */
import { join } from "node:path";
import { packageRoot } from "../generators/paths.js";
import { DEFAULT_PROFILE, findProfile, type Profile } from "../generators/profile/model.js";

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

/**
 * The register model and the CPU profiles (specs/features.yaml, specs/profiles/) for commands that
 * run scenarios under a profile: undefined after printing every problem (exit code 2).
 */
export async function modelAndProfilesOrExit(specs: string | undefined) {
  const { loadRegisterSpecs } = await import("../generators/spec/load.js");
  const { loadProfiles } = await import("../generators/profile/load.js");
  const { formatDiagnostic } = await import("../generators/spec/diagnostics.js");
  const root = specs ?? defaultSpecsDir();
  const regs = loadRegisterSpecs(root);
  const profs = loadProfiles(root, regs.entries);
  const problems = [...regs.diagnostics, ...profs.diagnostics];
  if (problems.length === 0) return { model: regs.model, profiles: profs.profiles };
  for (const d of problems) process.stderr.write(formatDiagnostic(d) + "\n");
  process.exitCode = 2;
  return undefined;
}

/**
 * The profile named `name` (undefined: the default, max), or undefined after printing
 * `<command>: no profile named X (have: ...)` (exit code 2).
 */
export function profileOrExit(profiles: readonly Profile[], name: string | undefined, command: string): Profile | undefined {
  const p = findProfile(profiles, name ?? DEFAULT_PROFILE);
  if (p) return p;
  process.stderr.write(`${command}: no profile named ${name ?? DEFAULT_PROFILE} (have: ${profiles.map((x) => x.name).join(", ")})\n`);
  process.exitCode = 2;
  return undefined;
}

/**
 * Every spec loaded and validated for a command that writes or reports from
 * them: undefined after printing every problem and `<command>: N problems in
 * the specs` (exit code 1).
 */
export async function specsOrExit(specs: string, command: string) {
  const { loadSpecs } = await import("../generators/pipeline.js");
  const { formatDiagnostic } = await import("../generators/spec/diagnostics.js");
  const loaded = loadSpecs(specs);
  if (loaded.diagnostics.length === 0) return loaded;
  for (const d of loaded.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  const n = loaded.diagnostics.length;
  process.stderr.write(`${command}: ${n} problem${n === 1 ? "" : "s"} in the specs; nothing written\n`);
  process.exitCode = 1;
  return undefined;
}

/** False after printing `<command>: no layout named X (have: ...)` (exit code `status`) when `wanted` names a layout `have` lacks. */
export function layoutsExistOrExit(have: readonly { readonly name: string }[], wanted: readonly string[] | undefined, command: string, status: number): boolean {
  const names = have.map((l) => l.name);
  const unknown = (wanted ?? []).filter((n) => !names.includes(n));
  if (unknown.length === 0) return true;
  process.stderr.write(`${command}: no layout named ${unknown.join(", ")} (have: ${names.join(", ")})\n`);
  process.exitCode = status;
  return false;
}
