/**
 * Where the package lives: found from this file, so reglab runs from any
 * directory, from source (vitest) and from dist/ alike. Non-code assets that
 * tsc does not copy into dist/ (the handlebars templates) are read relative
 * to this root.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this file whose package.json is named "reglab". */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "reglab") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the reglab package root");
    dir = up;
  }
}
