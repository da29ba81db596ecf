import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { junitReport, textReport } from "../../emulator/ab/report.js";
import { runPair, type NamedScenario, type PairReport } from "../../emulator/ab/run-ab.js";
import { layoutNames, loadLayout, registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { defaultSpecsDir, registerModelOrExit } from "../paths.js";

export function abCommand(y: Argv): Argv {
  return y.command(
    "ab [a] [b] [files..]",
    "A/B conformance: layouts A and B and the reference model on the scenarios; exit 1 on a behaviour divergence",
    (x) =>
      x
        .positional("a", { type: "string", describe: "first layout" })
        .positional("b", { type: "string", describe: "second layout" })
        .positional("files", { type: "string", array: true, describe: "scenarios (default: specs/scenarios/*.scn)" })
        .option("all", { type: "boolean", default: false, describe: "every pair of layouts that store EL2 state" })
        .option("json", { type: "string", describe: "write the JSON report to this file" })
        .option("junit", { type: "string", describe: "write a JUnit XML report to this file" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      const specs = argv.specs ?? defaultSpecsDir();
      const model = await registerModelOrExit(specs);
      if (!model) return;
      const index = registerIndex(model);
      const names = sysregNames(model);
      const dir = join(specs, "scenarios");
      const files = argv.files?.length ? argv.files : readdirSync(dir).filter((f) => f.endsWith(".scn")).sort().map((f) => join(dir, f));
      const scenarios: NamedScenario[] = [];
      let malformed = false;
      for (const f of files) {
        const display = relative(process.cwd(), f) || f;
        const { scenario, errors } = parseScenario(display, readFileSync(f, "utf8"), index, names);
        for (const e of errors) process.stderr.write(`${display}:${e.line}:${e.col}: error: ${e.message}\n`);
        malformed ||= errors.length > 0;
        scenarios.push({ name: display, scenario });
      }
      if (malformed) {
        process.exitCode = 2;
        return;
      }
      let pairs: [string, string][];
      if (argv.all) {
        const el2: string[] = [];
        for (const n of layoutNames()) if ((await loadLayout(n)).el2) el2.push(n);
        pairs = el2.flatMap((a, i) => el2.slice(i + 1).map((b): [string, string] => [a, b]));
      } else {
        if (!argv.a || !argv.b) {
          process.stderr.write("ab: name two layouts, or --all\n");
          process.exitCode = 2;
          return;
        }
        pairs = [[argv.a, argv.b]];
      }
      const reports: PairReport[] = [];
      for (const [a, b] of pairs) reports.push(runPair(model, await loadLayout(a), await loadLayout(b), scenarios));
      process.stdout.write(textReport(reports));
      if (argv.json) writeFileSync(argv.json, JSON.stringify({ pairs: reports }, null, 2) + "\n");
      if (argv.junit) writeFileSync(argv.junit, junitReport(reports));
      process.exitCode = reports.some((r) => r.behaviour.length > 0) ? 1 : 0;
    },
  );
}
