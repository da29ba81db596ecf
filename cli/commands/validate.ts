/**
 * `reglab validate`: load and check every spec a person edits (register
 * specs, features and profiles, layouts, scenarios, workloads) and print
 * every problem at once as `file:line:col: error:`; exit 1 on any. Layouts,
 * scenarios and workloads name registers, so they are checked only once the
 * register specs load without problems: otherwise a register spec with an
 * error would also show up as an "unknown register" in every file that names
 * it, consequences rather than causes.
 */
import { join, relative } from "node:path";
import type { Argv } from "yargs";
import { loadLayouts } from "../../generators/layout/load.js";
import { loadProfiles } from "../../generators/profile/load.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import type { bundledScenarioList } from "./scenario-files.js";
import { formatDiagnostic, formatLocated } from "../../generators/spec/diagnostics.js";
import { defaultSpecsDir } from "../paths.js";

export function validateCommand(y: Argv): Argv {
  return y.command(
    "validate",
    "load and validate every spec (registers, features, profiles, layouts, scenarios, workloads); file:line:col errors, exit 1 on any",
    (a) => a.option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const regs = loadRegisterSpecs(specs);
      const profs = loadProfiles(specs, regs.entries);
      const loaded = { model: regs.model, profiles: profs.profiles };
      const problems = [...regs.diagnostics, ...profs.diagnostics].map(formatDiagnostic);
      let files = regs.files + profs.files;
      let layouts = 0;
      let scenarios = 0;
      let workloads = 0;
      if (regs.diagnostics.length === 0) {
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
      for (const line of problems) process.stderr.write(line + "\n");
      if (problems.length > 0) {
        process.stderr.write(`${problems.length} error${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}\n`);
        process.exitCode = 1;
        return;
      }
      const m = regs.model;
      process.stdout.write(
        `ok: ${m.registers.length} registers, ${m.aliases.length} aliases, ${profs.table.features.size} features, ${profs.profiles.length} profiles, ` +
          `${layouts} layouts, ${scenarios} scenarios and ${workloads} workloads in ${files} files, no problems\n`,
      );
    },
  );
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
