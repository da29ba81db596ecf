import type { Argv } from "yargs";
import { disassemble } from "../../emulator/a64/disasm.js";
import { UnsupportedInstructionError } from "../../emulator/a64/instruction.js";
import { printable } from "../../generators/spec/diagnostics.js";
import { specSysregNames } from "./asm.js";

/** 0x-hex or decimal, 32 bits. */
function parseWord(s: string): number | undefined {
  if (!/^(0x[0-9a-f]{1,8}|[0-9]+)$/i.test(s)) return undefined;
  const v = Number(s);
  return v <= 0xffffffff ? v : undefined;
}

export function disasmCommand(y: Argv): Argv {
  return y.command(
    "disasm <words..>",
    "print the canonical text of A64 instruction words: reglab disasm 0xd53c1001 prints mrs x1, SCTLR_EL2",
    (a) =>
      a
        .positional("words", { type: "string", array: true, demandOption: true, describe: "instruction words, 0x hex (or decimal)" })
        .option("specs", { type: "string", describe: "specs folder for register names (default: the bundled specs/)" }),
    (argv) => {
      const names = specSysregNames(argv.specs);
      for (const s of argv.words.map(String)) {
        const word = parseWord(s);
        try {
          if (word === undefined) throw new Error(`not a 32-bit instruction word: ${s} (write 0x hex)`);
          process.stdout.write(disassemble(word, names) + "\n");
        } catch (e) {
          if (!(e instanceof UnsupportedInstructionError) && word !== undefined) throw e;
          process.stderr.write(`error: ${printable((e as Error).message)}\n`);
          process.exitCode = 1;
        }
      }
    },
  );
}
