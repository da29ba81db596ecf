/**
 * Load layout specs (specs/layouts/*.yaml): schema-check each file with
 * positions kept, then plan it against the register model. Every problem in
 * every layout is reported at once.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { checkYamlAgainstSchema } from "../spec/check-yaml.js";
import { formatPosition, sortDiagnostics, type Diagnostic } from "../spec/diagnostics.js";
import { findYamlFiles } from "../spec/load.js";
import type { RegisterModel } from "../spec/model.js";
import { diagnosticAt, positionOf } from "../spec/yaml-source.js";
import { planLayout } from "./plan.js";
import { LayoutSpec } from "./schema.js";
import type { ResolvedLayout } from "./types.js";

export const LAYOUT_SCHEMA_FILE = "schema/layout.schema.json";

export interface LayoutLoadResult {
  /** Sorted by name; only layouts that planned without a problem. */
  readonly layouts: readonly ResolvedLayout[];
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadLayouts(specsRoot: string, model: RegisterModel, displayFrom: string = process.cwd()): LayoutLoadResult {
  const diagnostics: Diagnostic[] = [];
  const layouts: ResolvedLayout[] = [];
  const files = findYamlFiles(join(specsRoot, "layouts"));
  const seen = new Map<string, string>();
  for (const path of files) {
    const display = relative(displayFrom, path).split(sep).join("/") || path;
    const schemaRef = relative(dirname(path), join(specsRoot, LAYOUT_SCHEMA_FILE)).split(sep).join("/");
    const { source, value, diagnostics: ds } = checkYamlAgainstSchema(display, readFileSync(path, "utf8"), LayoutSpec, schemaRef);
    diagnostics.push(...ds);
    if (!value) continue;
    const stem = basename(path).replace(/\.ya?ml$/, "");
    if (value.name !== stem) {
      diagnostics.push(diagnosticAt(source, ["name"], "file-name", `layout ${value.name} must live in ${value.name}.yaml, not ${stem}.yaml`));
    }
    const first = seen.get(value.name);
    if (first) {
      diagnostics.push(diagnosticAt(source, ["name"], "duplicate-name", `layout ${value.name} is already defined at ${first}`));
      continue;
    }
    seen.set(value.name, formatPosition(positionOf(source, ["name"])));
    if (ds.length > 0) continue;
    const plan = planLayout(value, source, model);
    diagnostics.push(...plan.diagnostics);
    if (plan.layout) layouts.push(plan.layout);
  }
  layouts.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { layouts, files: files.length, diagnostics: sortDiagnostics(diagnostics) };
}
