/**
 * The bundled specs: clean under every rule, complete against the lists the
 * issue and Linux name, and each one citing a source.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../generators/spec/diagnostics.js";
import { specJsonSchemas } from "../generators/spec/json-schema.js";
import { loadRegisterSpecs, SCHEMA_FILE } from "../generators/spec/load.js";
import { reglab, SPECS } from "./helpers.js";

const loaded = loadRegisterSpecs(SPECS);

describe("bundled register specs", () => {
  it("validate with no problems", () => {
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("reglab validate prints a one-line summary and exits 0", () => {
    const r = reglab(["validate"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ registers, \d+ aliases, \d+ features, \d+ profiles, \d+ layouts, \d+ scenarios and \d+ workloads in \d+ files, no problems\n$/);
  });

  it("the committed JSON Schemas are what `reglab schema` derives from the zod schemas", () => {
    const schemas = specJsonSchemas();
    expect([...schemas.keys()]).toContain(SCHEMA_FILE);
    for (const [rel, text] of schemas) expect(readFileSync(join(SPECS, rel), "utf8"), rel).toBe(text);
  });
});
