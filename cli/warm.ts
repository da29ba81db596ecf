/**
 * The interactive warm path, taken before yargs is loaded (yargs and its
 * help-text dependencies are a third of a warm `reglab validate`): `reglab
 * validate` and `reglab generate --check` asked again on unchanged inputs are
 * answered from the cache (generators/cache.ts) and printed by the commands'
 * own report functions. Only argument lists that yargs reads the same way are
 * taken: each known option once (`--layout` may repeat), values that do not
 * start with "-", no positional words, nothing else. Anything else, a cache
 * miss, or any error here returns undefined, and main.ts goes on through
 * yargs as always, which computes, prints and fills the cache.
 */
import { join } from "node:path";
import { lookupExpected, lookupValidate } from "../generators/cache.js";
import { defaultSpecsDir, packageRoot } from "./paths.js";
import { reportCheck } from "./commands/generate.js";
import { reportValidate } from "./commands/validate.js";

/** `--name value` or `--name=value` for `valued`, bare `--name` for `flags`; undefined for anything else. */
function plainOptions(args: readonly string[], valued: readonly string[], flags: readonly string[], repeatable: readonly string[]): Map<string, string[]> | undefined {
  const seen = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) return undefined;
    const name = m[1] as string;
    let value: string | undefined = m[2];
    if (flags.includes(name) && value === undefined) value = "";
    else if (valued.includes(name)) {
      if (value === undefined) value = args[++i];
      if (value === undefined || value === "" || value.startsWith("-")) return undefined;
    } else return undefined;
    if (seen.has(name) && !repeatable.includes(name)) return undefined;
    seen.set(name, [...(seen.get(name) ?? []), value]);
  }
  return seen;
}

/** The exit status after printing a cached answer, or undefined: not answered here. */
export function answerFromCache(args: readonly string[]): number | undefined {
  try {
    const [command, ...rest] = args;
    if (command === "validate") {
      const o = plainOptions(rest, ["specs"], ["debug"], []);
      const v = o && lookupValidate(o.get("specs")?.[0] ?? defaultSpecsDir());
      return v && reportValidate(v);
    }
    if (command === "generate") {
      const o = plainOptions(rest, ["specs", "out", "layout"], ["check", "debug"], ["layout"]);
      if (!o?.has("check")) return undefined;
      const layouts = o.get("layout");
      const expected = lookupExpected(o.get("specs")?.[0] ?? defaultSpecsDir(), { layouts });
      const out = o.get("out")?.[0] ?? join(packageRoot(), "generated");
      return expected && reportCheck(out, expected, layouts ? new Set(layouts) : undefined);
    }
  } catch {
    // Whatever went wrong, the ordinary path will meet it again and report it properly.
  }
  return undefined;
}
