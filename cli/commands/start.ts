import { join } from "node:path";
import type { Argv } from "yargs";
import { layoutTable } from "../../generators/layout/summary.js";
import { loadSpecs } from "../../generators/pipeline.js";
import { formatDiagnostic } from "../../generators/spec/diagnostics.js";
import { formatSummary, summarize } from "../../generators/spec/summary.js";
import { defaultSpecsDir, packageRoot } from "../paths.js";

/** The main job on the bundled specs (`npm start`): grows with each stage of the pipeline. */
export function startCommand(y: Argv): Argv {
  return y.command(
    "start",
    "the main job on the bundled specs: validate them, generate every layout, print what they hold and cost",
    (a) =>
      a
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" })
        .option("out", { type: "string", describe: "output folder (default: generated/)" }),
    async (argv) => {
      // Loaded on use: the emitters bring in ts-morph, which every other command can do without.
      const { applySync, planSync, renderAll } = await import("../../generators/generate.js");
      const loaded = loadSpecs(argv.specs ?? defaultSpecsDir());
      for (const d of loaded.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
      if (loaded.diagnostics.length > 0) {
        process.exitCode = 1;
        return;
      }
      const out = argv.out ?? join(packageRoot(), "generated");
      const files = renderAll(loaded.model, loaded.layouts);
      const plan = planSync(out, files);
      applySync(out, files, plan);
      process.stdout.write(
        `reglab: ${loaded.registerFiles} register specs and ${loaded.layoutFiles} layouts validated; ` +
          `generated/: ${plan.write.length} written, ${plan.unchanged.length} unchanged, ${plan.remove.length} removed\n\n` +
          `${formatSummary(summarize(loaded.model))}\n\n` +
          `Layouts (copy costs per nested entry/exit, guest hypervisor with E2H = 0):\n\n${layoutTable(loaded.layouts)}\n`,
      );
    },
  );
}
