/**
 * Check one YAML file against a zod schema: YAML syntax, the
 * `# yaml-language-server: $schema=` first line, then the schema, with each
 * zod issue mapped to the YAML node it is about (a missing key to the mapping
 * that should hold it, an unknown key to the key itself).
 */
import type { z } from "zod";
import type { Diagnostic } from "./diagnostics.js";
import { diagnosticAt, parseYamlSource, yamlValue, type YamlPath, type YamlSource } from "./yaml-source.js";

export interface Checked<T> {
  readonly source: YamlSource;
  /** Present when the file passed the schema, or passed once the keys at fault were left out. */
  readonly value?: T;
  readonly diagnostics: Diagnostic[];
}

export function checkYamlAgainstSchema<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  schemaRef: string,
): Checked<z.output<S>> {
  const { source, diagnostics } = parseYamlSource(file, text);
  const expected = `# yaml-language-server: $schema=${schemaRef}`;
  const first = text.split("\n", 1)[0] ?? "";
  if (first.trimEnd() !== expected) {
    diagnostics.push({
      file,
      line: 1,
      col: 1,
      code: "schema-comment",
      message: `the first line must be '${expected}' so editors check the file as it is typed`,
    });
  }
  if (diagnostics.some((d) => d.code === "yaml-syntax")) return { source, diagnostics };
  const read = yamlValue(source);
  if (read.value === undefined && read.diagnostics.length > 0) return { source, diagnostics: [...diagnostics, ...read.diagnostics] };
  const data: unknown = read.value;
  let parsed = schema.safeParse(data);
  if (!parsed.success) {
    diagnostics.push(...parsed.error.issues.flatMap((i) => issueToDiagnostics(source, data, i, [])));
    // Drop the keys at fault and try again, so the cross-file rules still see
    // this file and report their problems now rather than on the next run.
    parsed = schema.safeParse(withoutKeysAtFault(data, parsed.error.issues));
    if (!parsed.success) return { source, diagnostics };
  }
  return { source, value: parsed.data as z.output<S>, diagnostics };
}

type Issue = z.core.$ZodIssue;

function withoutKeysAtFault(data: unknown, issues: readonly Issue[]): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data;
  const drop = new Set<string>();
  for (const i of issues) {
    if (i.code === "unrecognized_keys" && i.path.length === 0) i.keys.forEach((k) => drop.add(k));
    else if (i.path.length > 0) drop.add(String(i.path[0]));
  }
  return Object.fromEntries(Object.entries(data).filter(([k]) => !drop.has(k)));
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "bigint") return `the integer ${v}`;
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string '${v}'`;
  return `${typeof v} ${String(v)}`;
}

function pathText(path: YamlPath): string {
  let s = "";
  for (const k of path) s += typeof k === "number" ? `[${k}]` : s ? `.${k}` : k;
  return s || "(document)";
}

const GENERIC_UNION = /^Invalid input/;

/** One zod issue as positioned diagnostics, in our codes and words. */
function issueToDiagnostics(source: YamlSource, data: unknown, issue: Issue, prefix: YamlPath): Diagnostic[] {
  const path: YamlPath = [...prefix, ...(issue.path as (string | number)[])];
  const where = pathText(path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        diagnosticAt(source, path, "unknown-key", `unknown key '${key}'${path.length ? ` in ${where}` : ""}`, key),
      );
    case "invalid_type": {
      const value = valueAt(data, path);
      if (value === undefined) {
        const key = path[path.length - 1];
        const parent = path.slice(0, -1);
        return [
          diagnosticAt(
            source,
            parent,
            "missing-key",
            `missing key '${String(key)}'${parent.length ? ` in ${pathText(parent)}` : ""}`,
          ),
        ];
      }
      const message = issue.message.startsWith("Invalid input") ? `expected ${issue.expected}` : issue.message;
      return [diagnosticAt(source, path, "wrong-type", `${where}: ${message}, got ${describe(value)}`)];
    }
    case "invalid_union": {
      if (!GENERIC_UNION.test(issue.message) || issue.errors.length === 0) {
        const value = valueAt(data, path);
        if (value === undefined) return issueToDiagnostics(source, data, { ...issue, code: "invalid_type", expected: "nonoptional" } as Issue, prefix);
        const code = typeof value === "object" || typeof value === "boolean" ? "wrong-type" : "bad-value";
        return [diagnosticAt(source, path, code, `${where}: ${issue.message}, got ${describe(value)}`)];
      }
      // Report the branch that got furthest: the one with the fewest type errors.
      const best = [...issue.errors].sort((a, b) => typeErrors(a) - typeErrors(b))[0] ?? [];
      return best.flatMap((i) => issueToDiagnostics(source, data, i, path));
    }
    default:
      return [
        diagnosticAt(
          source,
          path,
          issue.code === "custom" && /expected an integer/.test(issue.message) ? "wrong-type" : "bad-value",
          `${where}: ${issue.message}`,
        ),
      ];
  }
}

function typeErrors(issues: readonly Issue[]): number {
  return issues.filter((i) => i.code === "invalid_type" || i.code === "invalid_union").length;
}
