import { join, resolve } from "node:path";
import type { Argv } from "yargs";
import { comparisonTable } from "../../generators/layout/comparison.js";
import { formatSummary, summarize } from "../../generators/spec/summary.js";
import { positiveInteger, seed as seedOption } from "../options.js";
import { defaultSpecsDir, packageRoot, specsOrExit } from "../paths.js";
import { metricsOrExit } from "./docs.js";

/** The main job on the bundled specs (`npm start`): grows with each stage of the pipeline. */
export function startCommand(y: Argv): Argv {
  return y.command(
    "start",
    "the main job on the bundled specs: validate, generate every layout, compare them all (A/B) and print the table",
    (a) =>
      a
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" })
        .option("out", { type: "string", describe: "output folder (default: generated/)" })
        .option("random", { type: "string", default: "1000", coerce: positiveInteger("random"), describe: "random programs per A/B comparison" })
        .option("seed", { type: "string", default: "1", coerce: seedOption(), describe: "seed of the random programs" }),
    async (argv) => {
      // Loaded on use: the emitters bring in ts-morph, which every other command can do without.
      const { applySync, DOCS_DIR, planSync, renderAll } = await import("../../generators/generate.js");
      const loaded = await specsOrExit(argv.specs ?? defaultSpecsDir(), "start");
      if (!loaded) return;
      const out = resolve(argv.out ?? join(packageRoot(), "generated"));
      // The scenarios are input too: checked before anything is written (exit 2, as `reglab run` on a malformed one).
      const { bundledScenarioList } = await import("./scenario-files.js");
      const { scenarios, problems } = bundledScenarioList(loaded.model, argv.specs ?? defaultSpecsDir(), loaded.profiles);
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`${p}\n`);
        process.stderr.write(`start: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the scenarios; nothing written\n`);
        process.exitCode = 2;
        return;
      }
      const metrics = await metricsOrExit(loaded.model, loaded.layouts, loaded.profiles, argv.specs ?? defaultSpecsDir(), "start");
      if (!metrics) return;
      const files = renderAll(loaded.model, loaded.layouts, loaded.profiles, metrics);
      const plan = planSync(out, files);
      applySync(out, files, plan);
      process.stdout.write(
        `reglab: ${loaded.registerFiles} register specs and ${loaded.layoutFiles} layouts validated; ` +
          `generated/: ${plan.write.length} written, ${plan.unchanged.length} unchanged, ${plan.remove.length} removed\n\n` +
          `${formatSummary(summarize(loaded.model))}\n\n`,
      );
      // A/B: every layout against the reference model, on the bundled scenarios and on random programs.
      const { Matrix } = await import("../../emulator/ab/matrix.js");
      const { layoutModuleOf } = await import("../../generators/layout/module-data.js");
      const modules = loaded.layouts.map(layoutModuleOf);
      const matrix = new Matrix(loaded.model, modules);
      const verdicts = new Map(matrix.verdicts(scenarios).map((v) => [v.layout, v]));
      const el2 = new Matrix(loaded.model, modules.filter((m) => m.el2));
      const seed = argv.seed;
      const random = el2.random(argv.random, seed);
      const shown = new Map(
        [...verdicts].map(([name, v]) => {
          const ran = v.scenarios - v.refused;
          const randomNote = modules.find((m) => m.name === name)?.el2 ? ` + ${random.runs} random` : "";
          const bad = v.behaviour.length + (random.diffs ?? []).filter((d) => d.layout === name).length;
          return [name, { behaviour: bad === 0 ? `same (${ran} scn${randomNote})` : `DIFFERS (${bad})` }];
        }),
      );
      process.stdout.write(
        `Layouts compared (${scenarios.length} scenarios, ${random.runs} random programs, seed ${seed}; copies per nested entry/exit):\n\n` +
          `${comparisonTable(loaded.layouts, shown)}\n`,
      );
      // The one line per layout a reviewer quotes (reglab metrics has the rest).
      process.stdout.write(`\nVerdicts (reglab metrics for the numbers):\n${metrics.layouts.map((l) => `  ${l.layout}: ${l.verdict}`).join("\n")}\n`);
      if (random.counterexample) {
        process.stdout.write(`\nrandom programs diverged; shrunk counterexample:\n${random.counterexample}`);
        process.exitCode = 1;
      }
      if ([...verdicts.values()].some((v) => v.behaviour.length > 0)) process.exitCode = 1;
      // Last, so a reader finds where to click: the site renderAll wrote under <out>/docs/.
      process.stdout.write(`\ndocs: ${join(out, DOCS_DIR, "index.html")}\n`);
    },
  );
}
