import type { Argv } from "yargs";
import { hex } from "../../generators/spec/bits.js";
import { printable } from "../../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../../generators/spec/load.js";
import { AsmError, assemble } from "../../emulator/a64/encode.js";
import { lazySysregNames, sysregNames, type SysregNames } from "../../emulator/a64/sysreg-names.js";
import { defaultSpecsDir } from "../paths.js";

/** System register names from the specs, loaded only when an instruction names one. */
export function specSysregNames(specs: string | undefined): SysregNames {
  return lazySysregNames(() => sysregNames(loadRegisterSpecs(specs ?? defaultSpecsDir()).model));
}

export function asmCommand(y: Argv): Argv {
  return y.command(
    "asm <text..>",
    'assemble one A64 instruction of the system subset: reglab asm "mrs x1, SCTLR_EL2" prints 0xd53c1001',
    (a) =>
      a
        .positional("text", { type: "string", array: true, demandOption: true, describe: "the instruction (words are joined with spaces)" })
        .option("specs", { type: "string", describe: "specs folder for register names (default: the bundled specs/)" }),
    (argv) => {
      const text = argv.text.join(" ");
      try {
        process.stdout.write(hex(assemble(text, specSysregNames(argv.specs)), 8) + "\n");
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        // The text is echoed escaped (a control byte must not reach the terminal raw); the caret follows the escapes.
        const caret = printable(text.slice(0, e.column - 1)).length;
        process.stderr.write(`error: ${printable(e.message)}\n  ${printable(text)}\n  ${" ".repeat(caret)}^\n`);
        process.exitCode = 1;
      }
    },
  );
}
