/** Where the bundled specs live: found from this file, so reglab runs from any directory. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

export function defaultSpecsDir(): string {
  return join(packageRoot(), "specs");
}
