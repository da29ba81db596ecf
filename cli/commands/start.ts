import type { Argv } from "yargs";
import { formatDiagnostic } from "../../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import { formatSummary, summarize } from "../../generators/spec/summary.js";
import { defaultSpecsDir } from "../paths.js";

/** The main job on the bundled specs (`npm start`): grows with each stage of the pipeline. */
export function startCommand(y: Argv): Argv {
  return y.command(
    "start",
    "the main job on the bundled specs: validate them and print a summary",
    (a) => a.option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    (argv) => {
      const r = loadRegisterSpecs(argv.specs ?? defaultSpecsDir());
      for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
      if (r.diagnostics.length > 0) {
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`reglab: ${r.files} register specs validated\n\n${formatSummary(summarize(r.model))}\n`);
    },
  );
}
