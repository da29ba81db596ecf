import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { abiOf } from "../../emulator/kvm-api.js";
import { loadLayout, referenceMachine, registerIndex } from "../../emulator/machine.js";
import { translate } from "../../emulator/qemu/program.js";
import { CC, haveTool, mismatchText, QEMU, QEMU_CPUS, runOnQemu, type QemuCpu, type QemuResult } from "../../emulator/qemu/qemu.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { defaultSpecsDir, modelAndProfilesOrExit } from "../paths.js";

export function qemuCommand(y: Argv): Argv {
  return y.command(
    "qemu [files..]",
    `run scenarios on ${QEMU} too (-M virt,virtualization=on) and compare with the emulator (reference model, unified ABI); exit 1 on a mismatch, 3 when a tool is missing`,
    (a) =>
      a
        .positional("files", { type: "string", array: true, describe: "scenarios (default: the bundled ones)" })
        .option("cpu", { choices: QEMU_CPUS, default: "max" as QemuCpu, describe: "QEMU -cpu" })
        .option("json", { type: "string", describe: "write the results as JSON to this file" })
        .option("keep", { type: "string", describe: "build in this folder (default: a temporary one)" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      for (const tool of [CC, QEMU]) {
        if (!haveTool(tool)) {
          process.stderr.write(`reglab qemu: ${tool} is not installed\n`);
          process.exitCode = 3;
          return;
        }
      }
      const loaded = await modelAndProfilesOrExit(argv.specs);
      if (!loaded) return;
      const { model } = loaded;
      const files = argv.files && argv.files.length > 0 ? argv.files.map(String) : bundled(argv.specs);
      const work = argv.keep ?? mkdtempSync(join(tmpdir(), "reglab-qemu-"));
      const unified = await loadLayout("unified");
      const results: QemuResult[] = [];
      for (const file of files) {
        const display = relative(process.cwd(), file) || file;
        const index = registerIndex(model);
        const { scenario, errors } = parseScenario(display, readFileSync(file, "utf8"), index, sysregNames(model));
        if (errors.length > 0) {
          for (const e of errors) process.stderr.write(`${display}:${e.line}:${e.col}: error: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        const m = referenceMachine(model, abiOf(unified, index));
        const t = translate(scenario, m);
        const r = runOnQemu(t, argv.cpu, m.index, join(work, basename(file, ".scn")));
        results.push(r);
        const head = r.unsupported
          ? `not in this slice: ${r.unsupported}`
          : r.error
            ? `ERROR: ${r.error}`
            : `${r.mismatches.length === 0 ? "agrees" : `${r.mismatches.length} mismatch(es)`} (${r.compared} observables, ${r.skipped.length} skipped)`;
        process.stdout.write(`${display}: ${head}\n`);
        for (const mm of r.mismatches) process.stdout.write(`  ${mismatchText(mm)}\n`);
        for (const n of r.notes) process.stdout.write(`  note: ${n}\n`);
      }
      if (argv.json) {
        writeFileSync(argv.json, JSON.stringify(results.map(({ output: _o, ...r }) => r), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n");
      }
      process.exitCode = results.some((r) => r.error || r.mismatches.length > 0) ? 1 : 0;
    },
  );
}

function bundled(specs: string | undefined): string[] {
  const dir = join(specs ?? defaultSpecsDir(), "scenarios");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".scn"))
    .sort()
    .map((f) => join(dir, f));
}
