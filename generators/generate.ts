/**
 * Compute every generated file in memory, then (and only then) bring the
 * output folder in line with it: write what changed, atomically (temp file +
 * rename), remove files reglab generated before that are no longer produced,
 * and never touch a file without reglab's header. `check` compares instead of
 * writing. A failure before the write phase leaves the previous output as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { MetricsReport } from "../emulator/metrics/report-schema.js";
import { renderDocs } from "./docs/site.js";
import { registrySource } from "./emit/emit-layout-ts.js";
import { GENERATED_BY, type GeneratedFile } from "./emit/emitter.js";
import { EMITTERS } from "./emit/registry.js";
import type { ResolvedLayout } from "./layout/types.js";
import type { Profile } from "./profile/model.js";
import type { RegisterModel } from "./spec/model.js";

/** Paths relative to the output root, sorted, with their content. */
export type FileSet = ReadonlyMap<string, string>;

/** The folder of generated/ that holds the documentation site. */
export const DOCS_DIR = "docs";

export function renderAll(model: RegisterModel, layouts: readonly ResolvedLayout[], profiles: readonly Profile[], metrics: MetricsReport): FileSet {
  const files = new Map<string, string>();
  // A layout's folder and the site share generated/: a layout named like the site's folder would overwrite it.
  if (layouts.some((l) => l.name === DOCS_DIR)) throw new Error(`a layout cannot be named "${DOCS_DIR}": generated/${DOCS_DIR}/ holds the documentation site`);
  for (const layout of layouts) {
    for (const emit of Object.values(EMITTERS)) {
      for (const f of emit({ layout, model })) files.set(`${layout.name}/${f.path}`, f.content);
    }
  }
  const registry: GeneratedFile = registrySource(layouts.map((l) => l.name));
  files.set(registry.path, registry.content);
  for (const [path, content] of renderDocs({ model, layouts, profiles, metrics })) files.set(`${DOCS_DIR}/${path}`, content);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A file is reglab's when its header says so (first 3 lines). */
export function isGenerated(path: string): boolean {
  try {
    const head = readFileSync(path, "utf8").slice(0, 400).split("\n").slice(0, 3).join("\n");
    return head.includes(GENERATED_BY);
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

export interface SyncPlan {
  readonly write: readonly string[];
  readonly remove: readonly string[];
  readonly unchanged: readonly string[];
  /** Files in the way that reglab did not generate: never overwritten. */
  readonly foreign: readonly string[];
}

/**
 * What must change under `root` so it holds exactly `files`. `scope` limits
 * removals to the given top-level folders (the layouts being regenerated).
 */
export function planSync(root: string, files: FileSet, scope?: ReadonlySet<string>): SyncPlan {
  const write: string[] = [];
  const unchanged: string[] = [];
  const foreign: string[] = [];
  for (const [rel, content] of files) {
    const abs = join(root, rel);
    if (!existsSync(abs)) write.push(rel);
    else if (readFileSync(abs, "utf8") === content) unchanged.push(rel);
    else if (isGenerated(abs)) write.push(rel);
    else foreign.push(rel);
  }
  const remove = walk(root)
    .map((abs) => relative(root, abs).split(sep).join("/"))
    .filter((rel) => !files.has(rel))
    .filter((rel) => !scope || scope.has(rel.split("/")[0] ?? ""))
    .filter((rel) => isGenerated(join(root, rel)));
  return { write, remove, unchanged, foreign };
}

export function applySync(root: string, files: FileSet, plan: SyncPlan): void {
  for (const rel of plan.write) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    const tmp = `${abs}.tmp-${process.pid}`;
    writeFileSync(tmp, files.get(rel) ?? "");
    renameSync(tmp, abs);
  }
  for (const rel of plan.remove) {
    const abs = join(root, rel);
    unlinkSync(abs);
    // Drop folders the removal emptied (a layout that no longer exists).
    let dir = dirname(abs);
    while (dir.startsWith(root) && dir !== root && readdirSync(dir).length === 0) {
      rmdirSync(dir);
      dir = dirname(dir);
    }
  }
}
