/**
 * The handlebars templates of the programs QEMU runs (templates/*.hbs), compiled once per set, with
 * the partials they share registered first: uart-exit (the UART writer, hex/decimal printing and the
 * semihosting exit of both C harnesses).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../generators/paths.js";

export const QEMU_TEMPLATES_DIR = "emulator/qemu/templates";

const PARTIALS = ["uart-exit"] as const;

// C and assembly, not HTML: no escaping; a name missing from the view is an error, not "".
const OPTIONS = { strict: true, knownHelpersOnly: true, noEscape: true };

/** A compiler of templates/<file> with the shared partials registered (the files are read lazily, once). */
export function templateSet<T extends Record<string, object>>(files: { readonly [K in keyof T]: string }): () => { readonly [K in keyof T]: HandlebarsTemplateDelegate<T[K]> } {
  let compiled: { [K in keyof T]: HandlebarsTemplateDelegate<T[K]> } | undefined;
  return () => {
    if (!compiled) {
      const hb = Handlebars.create();
      const load = (f: string) => readFileSync(join(packageRoot(), QEMU_TEMPLATES_DIR, f), "utf8");
      for (const p of PARTIALS) hb.registerPartial(p, hb.compile(load(`${p}.c.hbs`), OPTIONS));
      const out = {} as { [K in keyof T]: HandlebarsTemplateDelegate<T[K]> };
      for (const k of Object.keys(files) as (keyof T)[]) out[k] = hb.compile<T[typeof k]>(load(files[k]), OPTIONS);
      compiled = out;
    }
    return compiled;
  };
}
