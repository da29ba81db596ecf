import { writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { registerJsonSchema } from "../../generators/spec/json-schema.js";
import { SCHEMA_FILE } from "../../generators/spec/load.js";
import { defaultSpecsDir } from "../paths.js";

export function schemaCommand(y: Argv): Argv {
  return y.command(
    "schema",
    "write the JSON Schema of the register spec format (from the zod schemas)",
    (a) =>
      a
        .option("out", { type: "string", describe: `output file (default: specs/${SCHEMA_FILE})` })
        .option("stdout", { type: "boolean", default: false, describe: "print instead of writing" }),
    (argv) => {
      const text = registerJsonSchema();
      if (argv.stdout) {
        process.stdout.write(text);
        return;
      }
      const out = argv.out ?? join(defaultSpecsDir(), SCHEMA_FILE);
      writeFileSync(out + ".tmp", text);
      renameSync(out + ".tmp", out);
      process.stdout.write(`wrote ${out}\n`);
    },
  );
}
