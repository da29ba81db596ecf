import { relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { abiOf } from "../../emulator/kvm-api.js";
import { layoutMachine, layoutNames, loadLayout, referenceMachine, REFERENCE, registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { checkScenarioProfiles, runsUnder, scenarioProfiles } from "../../emulator/scenario/profiles.js";
import { runScenario } from "../../emulator/scenario/run.js";
import { DEFAULT_PROFILE } from "../../generators/profile/model.js";
import { processing } from "../../generators/processing.js";
import { formatLocated } from "../../generators/spec/diagnostics.js";
import { readInputFile } from "../files.js";
import { layoutsExistOrExit, modelAndProfilesOrExit, profileOrExit } from "../paths.js";

/** Upstream Linux's register ABI: what the reference model answers ONE_REG with on a plain run. */
const REFERENCE_ABI = "unified";

export function runCommand(y: Argv): Argv {
  return y.command(
    "run <file>",
    "run a scenario on a layout (or on the reference model: --layout reference); exit 1 on a failed expect, 2 on a malformed scenario, 3 when the layout cannot run it",
    (a) =>
      a
        .positional("file", { type: "string", demandOption: true, describe: "a .scn scenario" })
        .option("layout", { type: "string", demandOption: true, describe: `layout name, or ${REFERENCE}` })
        .option("profile", {
          type: "string",
          describe: `CPU profile (specs/profiles/) the vCPU runs under (default: ${DEFAULT_PROFILE}, or the first the scenario's '# profiles:' header names when it does not name ${DEFAULT_PROFILE})`,
        })
        .option("json", { type: "boolean", default: false, describe: "print one JSON object" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      if (!layoutsExistOrExit([...layoutNames(), REFERENCE].map((name) => ({ name })), [argv.layout], "run", 2)) return;
      const text = readInputFile(argv.file);
      const loaded = await modelAndProfilesOrExit(argv.specs);
      if (!loaded) return;
      const { model, profiles } = loaded;
      if (argv.profile !== undefined && !profileOrExit(profiles, argv.profile, "run")) return;
      const file = argv.file;
      const display = relative(process.cwd(), file) || file;
      const index = registerIndex(model);
      processing(display);
      const { scenario, errors } = parseScenario(display, text, index, sysregNames(model));
      errors.push(...checkScenarioProfiles(scenario, profiles));
      if (errors.length > 0) {
        for (const e of errors.sort((x, y) => x.line - y.line || x.col - y.col)) process.stderr.write(formatLocated(display, e.line, e.col, e.message) + "\n");
        process.exitCode = 2;
        return;
      }
      // No --profile: max, unless the scenario is written for other profiles only; then its first.
      const name = argv.profile ?? (runsUnder(scenario, DEFAULT_PROFILE) ? DEFAULT_PROFILE : scenarioProfiles(scenario, profiles)[0]?.name);
      const profile = profileOrExit(profiles, name, "run");
      if (!profile) return;
      if (!runsUnder(scenario, profile.name)) {
        const named = scenario.profiles?.all ? "all" : (scenario.profiles?.names.map((n) => n.name).join(" ") ?? DEFAULT_PROFILE);
        process.stderr.write(`${display}: note: written for profiles ${named}; running under ${profile.name} as asked\n`);
      }
      const machine =
        argv.layout === REFERENCE
          ? referenceMachine(model, abiOf(await loadLayout(REFERENCE_ABI), registerIndex(model, profile)), profile)
          : layoutMachine(model, await loadLayout(argv.layout), profile);
      const record = runScenario(scenario, machine);
      if (argv.json) process.stdout.write(JSON.stringify(record, null, 2) + "\n");
      else {
        for (const s of record.steps) {
          process.stdout.write(`${display}:${s.line}: ${s.op.padEnd(36)} ${s.result}${s.abi ? ` (${s.abi})` : ""}\n`);
        }
        if (record.refused) process.stdout.write(`refused: ${record.refused}\n`);
        for (const f of record.failures) process.stderr.write(`${display}:${f.line}: expect failed: ${f.message}\n`);
        const under = profile.name === DEFAULT_PROFILE ? "" : ` under profile ${profile.name}`;
        if (!record.refused) process.stdout.write(`${record.failures.length === 0 ? "passed" : "FAILED"} on ${record.layout}${under}\n`);
      }
      process.exitCode = record.refused ? 3 : record.failures.length > 0 ? 1 : 0;
    },
  );
}
