/**
 * `reglab validate`: load and check every spec a person edits (register
 * specs, features and profiles, layouts, scenarios, workloads) and print
 * every problem at once as `file:line:col: error:`; exit 1 on any. Layouts,
 * scenarios and workloads name registers, so they are checked only once the
 * register specs load without problems: otherwise a register spec with an
 * error would also show up as an "unknown register" in every file that names
 * it, consequences rather than causes.
 *
 * The answer is cached (generators/cache.ts): run again on the same specs and
 * the same reglab, it is read back instead of computed, and printed the same.
 */
import { join, relative } from "node:path";
import type { Argv } from "yargs";
import { cachedValidate, type ValidateResult } from "../../generators/cache.js";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { bundledScenarioList } from "./scenario-files.js";
import { defaultSpecsDir } from "../paths.js";

/** What the `ok:` line counts, in its order (a type, not an interface: the cache wants a record of numbers). */
type Counts = {
  readonly registers: number;
  readonly aliases: number;
  readonly features: number;
  readonly profiles: number;
  readonly layouts: number;
  readonly scenarios: number;
  readonly workloads: number;
};

export function validateCommand(y: Argv): Argv {
  return y.command(
    "validate",
    "load and validate every spec (registers, features, profiles, layouts, scenarios, workloads); file:line:col errors, exit 1 on any",
    (a) =>
      a
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" })
        .option("cache", { type: "boolean", default: true, describe: "reuse the answer of an earlier run on the same specs and reglab (--no-cache: recompute)" }),
    async (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const { value } = await cachedValidate(specs, { noCache: !argv.cache }, () => validateSpecs(specs));
      process.exitCode = reportValidate(value);
    },
  );
}

/**
 * Everything validate checks, as data (what the cache stores). The loaders are imported here, not
 * at the top: a warm run reads one small JSON file and never loads yaml, zod or the emulator.
 */
async function validateSpecs(specs: string): Promise<ValidateResult<Counts>> {
  const { loadRegisterSpecs } = await import("../../generators/spec/load.js");
  const { loadProfiles } = await import("../../generators/profile/load.js");
  const { formatDiagnostic, formatLocated } = await import("../../generators/spec/diagnostics.js");
  const regs = loadRegisterSpecs(specs);
  const profs = loadProfiles(specs, regs.entries);
  const loaded = { model: regs.model, profiles: profs.profiles };
  const problems = [...regs.diagnostics, ...profs.diagnostics].map(formatDiagnostic);
  let files = regs.files + profs.files;
  let layouts = 0;
  let scenarios = 0;
  let workloads = 0;
  if (regs.diagnostics.length === 0) {
    const { loadLayouts } = await import("../../generators/layout/load.js");
    const lays = loadLayouts(specs, regs.model);
    problems.push(...lays.diagnostics.map(formatDiagnostic));
    files += lays.files;
    layouts = lays.layouts.length;
    // Loaded here, not at the top: they pull in the emulator, which a tree with broken register specs never needs.
    const { bundledScenarioList: list } = await import("./scenario-files.js");
    const { loadWorkloads } = await import("../../emulator/metrics/workload.js");
    const s = bundledScenarioListOrEmpty(list, loaded, specs);
    problems.push(...s.problems);
    scenarios = s.count;
    const w = loadWorkloads(loaded.model, specs);
    const shown = (f: string) => relative(process.cwd(), join(specs, f)) || f;
    problems.push(...w.problems.map((p) => formatLocated(shown(p.file), p.line, p.col, p.message)));
    workloads = w.workloads.length + new Set(w.problems.map((p) => p.file)).size;
    files += scenarios + workloads;
  }
  const m = regs.model;
  return {
    problems,
    files,
    counts: { registers: m.registers.length, aliases: m.aliases.length, features: profs.table.features.size, profiles: profs.profiles.length, layouts, scenarios, workloads },
  };
}

/** Print what validate found; the exit status. cli/warm.ts prints a cached result with it too. */
export function reportValidate(v: ValidateResult<Partial<Counts>>): number {
  for (const line of v.problems) process.stderr.write(line + "\n");
  if (v.problems.length > 0) {
    const n = v.problems.length;
    process.stderr.write(`${n} error${n === 1 ? "" : "s"} in ${v.files} file${v.files === 1 ? "" : "s"}\n`);
    return 1;
  }
  const c = v.counts;
  process.stdout.write(
    `ok: ${c.registers} registers, ${c.aliases} aliases, ${c.features} features, ${c.profiles} profiles, ` +
      `${c.layouts} layouts, ${c.scenarios} scenarios and ${c.workloads} workloads in ${v.files} files, no problems\n`,
  );
  return 0;
}

/** The scenarios of `specs`, or none when the tree has no scenarios folder (a specs tree may hold registers only). */
function bundledScenarioListOrEmpty(
  list: typeof bundledScenarioList,
  loaded: { readonly model: RegisterModel; readonly profiles: readonly Profile[] },
  specs: string,
): { problems: string[]; count: number } {
  try {
    const r = list(loaded.model, specs, loaded.profiles);
    return { problems: r.problems, count: r.scenarios.length };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { problems: [], count: 0 };
    throw e;
  }
}
