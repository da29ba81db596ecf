/** The reglab command line: thin; each command lives in cli/commands/. */
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { reportFailure, UsageError } from "./errors.js";

type AddCommand = (y: Argv) => Argv;

/**
 * Each command's module, loaded on use: `reglab validate` then loads the spec
 * loaders and nothing else (not the emulator, ts-morph or handlebars that
 * other commands' modules bring). Only --help without a command, or a word that
 * names no command, loads them all (for the list, or for yargs' message).
 */
const COMMANDS: Record<string, () => Promise<AddCommand>> = {
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  generate: async () => (await import("./commands/generate.js")).generateCommand,
  run: async () => (await import("./commands/run.js")).runCommand,
  ab: async () => (await import("./commands/ab.js")).abCommand,
  metrics: async () => (await import("./commands/metrics.js")).metricsCommand,
  docs: async () => (await import("./commands/docs.js")).docsCommand,
  schema: async () => (await import("./commands/schema.js")).schemaCommand,
  start: async () => (await import("./commands/start.js")).startCommand,
  asm: async () => (await import("./commands/asm.js")).asmCommand,
  disasm: async () => (await import("./commands/disasm.js")).disasmCommand,
  qemu: async () => (await import("./commands/qemu.js")).qemuCommand,
};

const args = hideBin(process.argv);
// Read before yargs parses: a failure while parsing must still honour it.
const debug = args.includes("--debug");
// The subcommand: the first word that is not an option (for loading it, and for messages).
const named = args.find((a) => !a.startsWith("-"));

// A reader that stops early (`reglab metrics | head -1`) closes the pipe: that ends the output, it is not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
// Errors raised outside the command's own promise chain (an event handler, a timer) end like the others: one line.
process.on("uncaughtException", (e) => {
  process.exitCode = reportFailure(e, named, debug);
  process.exit();
});

try {
  const load = named !== undefined ? COMMANDS[named] : undefined;
  const commands = await Promise.all(load ? [load()] : Object.values(COMMANDS).map((l) => l()));
  await commands
    .reduce((y, add) => add(y), yargs(args).scriptName("reglab"))
    .option("debug", { type: "boolean", global: true, describe: "on an internal error, print the stack too" })
    .demandCommand(1, "name a command (reglab --help lists them)")
    .strict()
    .help()
    // yargs would print the whole usage text and exit 1: one line and exit 2 instead
    // (reportFailure), so a usage mistake reads like every other error.
    .fail((msg: string | null, err: Error | undefined) => {
      // YError: yargs' own, wrapping what an option's coerce threw (cli/options.ts): a usage mistake.
      if (err && err.name !== "YError") throw err;
      // An option's own message says what it takes; yargs' generic ones point at --help.
      if (err) throw new UsageError(err.message);
      const text = msg ?? "bad arguments";
      throw new UsageError(text.includes("--help") ? text : `${text} (see --help)`);
    })
    .parseAsync();
} catch (e) {
  process.exitCode = reportFailure(e, named, debug);
}
