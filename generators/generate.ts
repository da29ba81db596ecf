/**
 * Compute every generated file in memory, then (and only then) bring the
 * output folder in line with it: write what changed, atomically (temp file +
 * rename), remove files reglab generated before that are no longer produced,
 * and never touch a file without reglab's header. `check` compares instead of
 * writing. A failure before the write phase leaves the previous output as it was.
 */
import type { MetricsReport } from "../emulator/metrics/report-schema.js";
import { renderDocs } from "./docs/site.js";
import { registrySource } from "./emit/emit-layout-ts.js";
import type { GeneratedFile } from "./emit/emitter.js";
import { EMITTERS } from "./emit/registry.js";
import type { ResolvedLayout } from "./layout/types.js";
import type { Profile } from "./profile/model.js";
import type { RegisterModel } from "./spec/model.js";
import type { FileSet } from "./sync-files.js";

export type { FileSet };

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

// The writer (atomic per file, leftover temp files of killed runs cleaned up) lives in sync-files.ts,
// which loads neither the emitters nor ts-morph: the commands that only write import it from there.
export { applySync, isGenerated, planSync, type SyncPlan } from "./sync-files.js";
