#!/usr/bin/env node
/** The reglab command line: thin; each command lives in cli/commands/. */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { abCommand } from "./commands/ab.js";
import { asmCommand } from "./commands/asm.js";
import { disasmCommand } from "./commands/disasm.js";
import { docsCommand } from "./commands/docs.js";
import { generateCommand } from "./commands/generate.js";
import { metricsCommand } from "./commands/metrics.js";
import { qemuCommand } from "./commands/qemu.js";
import { runCommand } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { startCommand } from "./commands/start.js";
import { validateCommand } from "./commands/validate.js";

const commands = [validateCommand, generateCommand, runCommand, abCommand, metricsCommand, docsCommand, schemaCommand, startCommand, asmCommand, disasmCommand, qemuCommand];

await commands
  .reduce((y, add) => add(y), yargs(hideBin(process.argv)).scriptName("reglab"))
  .demandCommand(1, "name a command (reglab --help lists them)")
  .strict()
  .help()
  .parseAsync();
