import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { abiOf } from "../../emulator/kvm-api.js";
import { layoutMachine, loadLayout, referenceMachine, REFERENCE, registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { runScenario } from "../../emulator/scenario/run.js";
import { registerModelOrExit } from "../paths.js";

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
        .option("json", { type: "boolean", default: false, describe: "print one JSON object" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      const model = await registerModelOrExit(argv.specs);
      if (!model) return;
      const file = argv.file;
      const display = relative(process.cwd(), file) || file;
      const index = registerIndex(model);
      const { scenario, errors } = parseScenario(display, readFileSync(file, "utf8"), index, sysregNames(model));
      if (errors.length > 0) {
        for (const e of errors) process.stderr.write(`${display}:${e.line}:${e.col}: error: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      const machine =
        argv.layout === REFERENCE
          ? referenceMachine(model, abiOf(await loadLayout(REFERENCE_ABI), index))
          : layoutMachine(model, await loadLayout(argv.layout));
      const record = runScenario(scenario, machine);
      if (argv.json) process.stdout.write(JSON.stringify(record, null, 2) + "\n");
      else {
        for (const s of record.steps) {
          process.stdout.write(`${display}:${s.line}: ${s.op.padEnd(36)} ${s.result}${s.abi ? ` (${s.abi})` : ""}\n`);
        }
        if (record.refused) process.stdout.write(`refused: ${record.refused}\n`);
        for (const f of record.failures) process.stderr.write(`${display}:${f.line}: expect failed: ${f.message}\n`);
        if (!record.refused) process.stdout.write(`${record.failures.length === 0 ? "passed" : "FAILED"} on ${record.layout}\n`);
      }
      process.exitCode = record.refused ? 3 : record.failures.length > 0 ? 1 : 0;
    },
  );
}
