/**
 * A YAML file kept with its syntax tree, so any value can be traced back to
 * the line and column it came from. Integers parse as bigint: register values
 * are 64-bit and a JavaScript number would silently round them.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, DiagnosticCode, Position } from "./diagnostics.js";

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  /** The path as the user should see it (relative to where reglab runs). */
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export function parseYamlSource(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, intAsBigInt: true, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, text, doc, lines };
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const p = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    return { file, line: p.line, col: p.col, code: "yaml-syntax", message: firstLine(e.message) };
  });
  return { source, diagnostics };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

export function positionAt(source: YamlSource, offset: number): Position {
  const p = source.lines.linePos(offset);
  return { file: source.file, line: p.line, col: p.col };
}

/**
 * The node at `path`, or the nearest ancestor that exists (a missing key is
 * reported at the mapping that should hold it).
 */
export function nodeAt(source: YamlSource, path: YamlPath): Node | undefined {
  let node: unknown = source.doc.contents;
  let found = node as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
    } else break;
    if (node && typeof node === "object" && "range" in node) found = node as Node;
    else break;
  }
  return found;
}

/** The key scalar of `key` in the mapping at `path` (for unknown keys). */
export function keyNodeAt(source: YamlSource, path: YamlPath, key: string): Node | undefined {
  const map = nodeAt(source, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

export function positionOf(source: YamlSource, path: YamlPath, key?: string): Position {
  const node = key === undefined ? nodeAt(source, path) : (keyNodeAt(source, path, key) ?? nodeAt(source, path));
  const offset = node?.range?.[0] ?? 0;
  return positionAt(source, offset);
}

export function diagnosticAt(
  source: YamlSource,
  path: YamlPath,
  code: DiagnosticCode,
  message: string,
  key?: string,
): Diagnostic {
  return { ...positionOf(source, path, key), code, message };
}
