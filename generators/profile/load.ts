/**
 * Load the features table (specs/features.yaml) and the CPU profiles
 * (specs/profiles/*.yaml): schema-check each file with positions kept,
 * check the table, resolve the profiles, and check that every feature a
 * register spec names is in the table (at the register spec's `feature:`).
 * Every problem in every file is reported at once.
 *
 * A spec tree without features.yaml has no table: then no feature is
 * checked and `max` is every feature the register specs name, so small trees
 * (test fixtures) need none. When features.yaml fails its schema, profiles
 * are only schema-checked and the only profile is the built-in `max`.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { checkYamlAgainstSchema } from "../spec/check-yaml.js";
import { sortDiagnostics, type Diagnostic } from "../spec/diagnostics.js";
import { findYamlFiles, type SpecEntry } from "../spec/load.js";
import { diagnosticAt, type YamlPath } from "../spec/yaml-source.js";
import { EMPTY_FEATURE_TABLE, type FeatureTable, type Profile } from "./model.js";
import { resolveProfiles, type ProfileEntry } from "./resolve.js";
import { FeaturesFile, ProfileSpec } from "./schema.js";
import { didYouMean } from "./suggest.js";
import { buildFeatureTable } from "./table.js";
import { processing } from "../processing.js";

export const FEATURES_FILE = "features.yaml";
export const FEATURES_SCHEMA_FILE = "schema/features.schema.json";
export const PROFILE_SCHEMA_FILE = "schema/profile.schema.json";

export interface ProfileLoadResult {
  /** Empty when the tree has no features.yaml, or the file failed its schema. */
  readonly table: FeatureTable;
  /** Sorted by name; always has `max`. Only profiles whose base resolved. */
  readonly profiles: readonly Profile[];
  /** features.yaml (when present) and the profile files. */
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

function display(path: string, from: string): string {
  return relative(from, path).split(sep).join("/") || path;
}

function schemaRef(file: string, specsRoot: string, schema: string): string {
  return relative(dirname(file), join(specsRoot, schema)).split(sep).join("/");
}

/** Every `feature:` in a register spec, with its path: the register's, its fields', its E2H = 1 format's fields'. */
export function specFeatureUses(spec: unknown): { feature: string; path: YamlPath }[] {
  const out: { feature: string; path: YamlPath }[] = [];
  const walk = (v: unknown, path: YamlPath): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "feature" && typeof x === "string") out.push({ feature: x, path: [...path, k] });
        else walk(x, [...path, k]);
      }
    }
  };
  walk(spec, []);
  return out;
}

/**
 * Load `specsRoot/features.yaml` and `specsRoot/profiles/**.yaml`, checked
 * against the register specs `registers` (loadRegisterSpecs().entries).
 * File names in diagnostics are relative to `displayFrom`.
 */
export function loadProfiles(
  specsRoot: string,
  registers: readonly SpecEntry[],
  displayFrom: string = process.cwd(),
): ProfileLoadResult {
  const diagnostics: Diagnostic[] = [];
  let files = 0;
  const uses = registers.flatMap((e) => specFeatureUses(e.spec).map((u) => ({ ...u, source: e.source })));
  const specFeatures = new Set(uses.map((u) => u.feature));

  let table = EMPTY_FEATURE_TABLE;
  let tableFailed = false;
  const tablePath = join(specsRoot, FEATURES_FILE);
  if (existsSync(tablePath)) {
    files++;
    const shown = display(tablePath, displayFrom);
    processing(shown);
    const checked = checkYamlAgainstSchema(
      shown,
      readFileSync(tablePath, "utf8"),
      FeaturesFile,
      schemaRef(tablePath, specsRoot, FEATURES_SCHEMA_FILE),
    );
    diagnostics.push(...checked.diagnostics);
    tableFailed = checked.value === undefined;
    if (checked.value) {
      const built = buildFeatureTable(checked.source, checked.value);
      table = built.table;
      diagnostics.push(...built.diagnostics);
      const known = [...table.features.keys()];
      for (const u of uses) {
        if (!table.features.has(u.feature)) {
          diagnostics.push(
            diagnosticAt(u.source, u.path, "unknown-feature", `feature ${u.feature} is not in the features table (${shown})${didYouMean(u.feature, known)}`),
          );
        }
      }
    }
  }

  const entries: ProfileEntry[] = [];
  const dir = join(specsRoot, "profiles");
  for (const path of existsSync(dir) ? findYamlFiles(dir) : []) {
    files++;
    processing(display(path, displayFrom));
    const checked = checkYamlAgainstSchema(
      display(path, displayFrom),
      readFileSync(path, "utf8"),
      ProfileSpec,
      schemaRef(path, specsRoot, PROFILE_SCHEMA_FILE),
    );
    diagnostics.push(...checked.diagnostics);
    if (!checked.value) continue;
    const stem = basename(path).replace(/\.ya?ml$/, "");
    if (checked.value.name !== stem) {
      diagnostics.push(
        diagnosticAt(checked.source, ["name"], "file-name", `profile ${checked.value.name} must live in ${checked.value.name}.yaml, not ${stem}.yaml`),
      );
    }
    entries.push({ source: checked.source, spec: checked.value });
  }

  // Without the table every feature would be "unknown": its own problems say enough.
  processing(display(dir, displayFrom));
  const resolved = resolveProfiles(tableFailed ? [] : entries, table, specFeatures);
  diagnostics.push(...resolved.diagnostics);
  processing(undefined);
  return { table, profiles: resolved.profiles, files, diagnostics: sortDiagnostics(diagnostics) };
}
