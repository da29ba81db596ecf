/**
 * Load register specs: find the files, parse YAML with positions, check each
 * against the zod schema, run the cross-file rules, and build the model.
 * Every problem in every file is reported; nothing stops at the first.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { RegisterSpec, type RegisterSpecParsed } from "./schema.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { diagnosticAt, type YamlSource } from "./yaml-source.js";
import { checkYamlAgainstSchema } from "./check-yaml.js";
import { validateSpecs } from "./validate.js";
import { buildModel } from "./build-model.js";
import type { RegisterModel } from "./model.js";
import { processing } from "../processing.js";

/** A spec file that passed the schema, with the tree its values came from. */
export interface SpecEntry {
  readonly source: YamlSource;
  readonly spec: RegisterSpecParsed;
}

export interface LoadResult {
  /** Built from every file that passed the schema, even when other rules failed. */
  readonly model: RegisterModel;
  readonly entries: readonly SpecEntry[];
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

export const SCHEMA_FILE = "schema/register.schema.json";

/** Every `*.yaml` under `dir`, sorted, so load order (and output) is stable. */
export function findYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".yaml") || name.endsWith(".yml")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Load `specsRoot/registers/**.yaml`. File names in diagnostics are relative
 * to `displayFrom` (the current directory by default), as a compiler prints them.
 */
export function loadRegisterSpecs(specsRoot: string, displayFrom: string = process.cwd()): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const entries: SpecEntry[] = [];
  const files = findYamlFiles(join(specsRoot, "registers"));
  for (const path of files) {
    const display = relative(displayFrom, path).split(sep).join("/") || path;
    processing(display);
    const text = readFileSync(path, "utf8");
    const schemaRef = relative(dirname(path), join(specsRoot, SCHEMA_FILE)).split(sep).join("/");
    const r = checkSpecText(display, text, schemaRef, basename(path).replace(/\.ya?ml$/, ""));
    diagnostics.push(...r.diagnostics);
    if (r.entry) entries.push(r.entry);
  }
  processing(relative(displayFrom, join(specsRoot, "registers")) || specsRoot);
  diagnostics.push(...validateSpecs(entries));
  const model = buildModel(entries);
  processing(undefined);
  return { model, entries, files: files.length, diagnostics: sortDiagnostics(diagnostics) };
}

/** Per-file checks: YAML syntax, the schema comment, the schema, the file name. */
export function checkSpecText(
  file: string,
  text: string,
  schemaRef: string,
  stem: string,
): { entry?: SpecEntry; diagnostics: Diagnostic[] } {
  const { source, value, diagnostics } = checkYamlAgainstSchema(file, text, RegisterSpec, schemaRef);
  if (!value) return { diagnostics };
  if (value.name !== stem) {
    diagnostics.push(
      diagnosticAt(source, ["name"], "file-name", `register ${value.name} must live in ${value.name}.yaml, not ${stem}.yaml`),
    );
  }
  return { entry: { source, spec: value }, diagnostics };
}
