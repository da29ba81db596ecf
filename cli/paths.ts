/** Where the bundled specs live: found from the package root, so reglab runs from any directory. */
import { join } from "node:path";
import { packageRoot } from "../generators/paths.js";

export { packageRoot };

export function defaultSpecsDir(): string {
  return join(packageRoot(), "specs");
}
