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
        .option("profile", {
          type: "string",
          array: true,
          describe: "host CPU profiles whose traps per nested exit are counted (default: v8.3-nv and v8.4-nv2, FEAT_NV vs FEAT_NV2)",
        })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const loaded = await specsOrExit(specs, "metrics");
      if (!loaded || !layoutsExistOrExit(loaded.layouts, argv.layout, "metrics", 2)) return;
      const { metricsOfSpecs, formatWorkloadProblem, DEFAULT_HOST_PROFILES } = await import("../../emulator/metrics/compute.js");
      const { findProfile } = await import("../../generators/profile/model.js");
      const names = argv.profile && argv.profile.length > 0 ? argv.profile : DEFAULT_HOST_PROFILES;
      const hosts: import("../../generators/profile/model.js").Profile[] = [];
      for (const n of names) {
        const p = findProfile(loaded.profiles, n);
        if (!p) {
          process.stderr.write(`metrics: no profile named ${n} (have: ${loaded.profiles.map((x) => x.name).join(", ")})\n`);
          process.exitCode = 2;
          return;
        }
        if (!hosts.includes(p)) hosts.push(p);
      }
      const { report, problems } = metricsOfSpecs(loaded.model, loaded.layouts, specs, hosts);
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
      const failing = shown.layouts.filter((l) => l.workloads.some((w) => w.failures > 0 || w.hosts.some((h) => h.failures > 0)));
      if (failing.length > 0) {
        process.stderr.write(`metrics: expectations of the workloads failed on ${failing.map((l) => l.layout).join(", ")} (reglab run shows where)\n`);
        process.exitCode = 1;
      }
    },
  );
}
