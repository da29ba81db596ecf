import type { Argv } from "yargs";
import { defaultSpecsDir, layoutsExistOrExit, specsOrExit } from "../paths.js";

export function metricsCommand(y: Argv): Argv {
  return y.command(
    "metrics",
    "per-layout costs (bytes, padding, world switch copies on the bundled workloads) and ABI changes against baseline-2017, with a verdict per layout",
    (a) =>
      a
        .option("json", { type: "boolean", default: false, describe: "print the report as JSON (specs/schema/metrics.schema.json)" })
        .option("layout", { type: "string", array: true, describe: "only these layouts (ranks stay those among all layouts)" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const loaded = await specsOrExit(specs, "metrics");
      if (!loaded || !layoutsExistOrExit(loaded.layouts, argv.layout, "metrics", 2)) return;
      const { metricsOfSpecs, formatWorkloadProblem } = await import("../../emulator/metrics/compute.js");
      const { report, problems } = metricsOfSpecs(loaded.model, loaded.layouts, specs);
      for (const p of problems) process.stderr.write(formatWorkloadProblem(p) + "\n");
      if (!report) {
        process.exitCode = 2;
        return;
      }
      const only = argv.layout && argv.layout.length > 0 ? new Set(argv.layout) : undefined;
      const shown = { ...report, layouts: report.layouts.filter((l) => !only || only.has(l.layout)) };
      if (argv.json) process.stdout.write(JSON.stringify(shown, null, 2) + "\n");
      else {
        const { formatMetrics } = await import("../../emulator/metrics/format.js");
        process.stdout.write(formatMetrics(shown));
      }
      // A layout that fails a workload's expectations misbehaves: its costs are not to be trusted.
      const failing = shown.layouts.filter((l) => l.workloads.some((w) => w.failures > 0));
      if (failing.length > 0) {
        process.stderr.write(`metrics: expectations of the workloads failed on ${failing.map((l) => l.layout).join(", ")} (reglab run shows where)\n`);
        process.exitCode = 1;
      }
    },
  );
}
