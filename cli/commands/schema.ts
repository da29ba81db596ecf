import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { specJsonSchemas } from "../../generators/spec/json-schema.js";
import { defaultSpecsDir } from "../paths.js";

export function schemaCommand(y: Argv): Argv {
  return y.command(
    "schema",
    "write the JSON Schemas of the register and layout spec formats (from the zod schemas)",
    (a) => a.option("specs", { type: "string", describe: "specs folder to write schema/ into (default: the bundled specs/)" }),
    (argv) => {
      const root = argv.specs ?? defaultSpecsDir();
      for (const [rel, text] of specJsonSchemas()) {
        const out = join(root, rel);
        writeFileSync(out + ".tmp", text);
        renameSync(out + ".tmp", out);
        process.stdout.write(`wrote ${out}\n`);
      }
    },
  );
}
