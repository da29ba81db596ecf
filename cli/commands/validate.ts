import type { Argv } from "yargs";
import { loadProfiles } from "../../generators/profile/load.js";
import { formatDiagnostic } from "../../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import { defaultSpecsDir } from "../paths.js";

export function validateCommand(y: Argv): Argv {
  return y.command(
    "validate",
    "load and validate every spec; file:line:col errors, exit 1 on any",
    (a) => a.option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const r = loadRegisterSpecs(specs);
      const p = loadProfiles(specs, r.entries);
      const problems = [...r.diagnostics, ...p.diagnostics];
      const files = r.files + p.files;
      for (const d of problems) process.stderr.write(formatDiagnostic(d) + "\n");
      if (problems.length > 0) {
        process.stderr.write(`${problems.length} error${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `ok: ${r.model.registers.length} registers, ${r.model.aliases.length} aliases, ${p.table.features.size} features and ${p.profiles.length} profiles in ${files} files, no problems\n`,
      );
    },
  );
}
