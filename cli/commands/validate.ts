import type { Argv } from "yargs";
import { formatDiagnostic } from "../../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import { defaultSpecsDir } from "../paths.js";

export function validateCommand(y: Argv): Argv {
  return y.command(
    "validate",
    "load and validate every spec; file:line:col errors, exit 1 on any",
    (a) => a.option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    (argv) => {
      const r = loadRegisterSpecs(argv.specs ?? defaultSpecsDir());
      for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
      if (r.diagnostics.length > 0) {
        process.stderr.write(`${r.diagnostics.length} error${r.diagnostics.length === 1 ? "" : "s"} in ${r.files} file${r.files === 1 ? "" : "s"}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `ok: ${r.model.registers.length} registers and ${r.model.aliases.length} aliases in ${r.files} files, no problems\n`,
      );
    },
  );
}
