/**
 * Load layout specs (specs/layouts/*.yaml): schema-check each file with
 * positions kept, then plan it against the register model. Every problem in
 * every layout is reported at once.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { checkYamlAgainstSchema } from "../spec/check-yaml.js";
import { formatPosition, sortDiagnostics, type Diagnostic } from "../spec/diagnostics.js";
import { findYamlFiles } from "../spec/load.js";
import type { RegisterModel } from "../spec/model.js";
import { diagnosticAt, positionOf } from "../spec/yaml-source.js";
import { planLayout } from "./plan.js";
import { LayoutSpec } from "./schema.js";
import type { ResolvedLayout } from "./types.js";
import { processing } from "../processing.js";

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
  // No layouts folder: no layouts (as a tree without profiles/ has none), not an fs error.
  const files = existsSync(join(specsRoot, "layouts")) ? findYamlFiles(join(specsRoot, "layouts")) : [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const display = relative(displayFrom, path).split(sep).join("/") || path;
    processing(display);
    const schemaRef = relative(dirname(path), join(specsRoot, LAYOUT_SCHEMA_FILE)).split(sep).join("/");
    const { source, value, diagnostics: ds } = checkYamlAgainstSchema(display, readFileSync(path, "utf8"), LayoutSpec, schemaRef);
    diagnostics.push(...ds);
    if (!value) continue;
    const stem = basename(path).replace(/\.ya?ml$/, "");
    if (value.name !== stem) {
      diagnostics.push(diagnosticAt(source, ["name"], "file-name", `layout ${value.name} must live in ${value.name}.yaml, not ${stem}.yaml`));
    }
    // generated/docs/ holds the documentation site: a layout folder of that name would overwrite it
    // (renderAll refuses it too, but by then it is a crash, not a located problem).
    if (value.name === "docs") {
      diagnostics.push(diagnosticAt(source, ["name"], "bad-value", `a layout cannot be named docs: generated/docs/ holds the documentation site`));
      continue;
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
  processing(undefined);
  layouts.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { layouts, files: files.length, diagnostics: sortDiagnostics(diagnostics) };
}
