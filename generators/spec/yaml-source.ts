/**
 * A YAML file kept with its syntax tree, so any value can be traced back to
 * the line and column it came from. Integers parse as bigint: register values
 * are 64-bit and a JavaScript number would silently round them.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, DiagnosticCode, Position } from "./diagnostics.js";

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  /** The path as the user should see it (relative to where reglab runs). */
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  /**
   * Offset of each line's first character, from the text itself. Not the yaml
   * library's LineCounter: that one learns newlines from the lexer's tokens, and
   * after a syntax error a scalar token can swallow several lines, so its line
   * numbers drift and columns run past the end of the line (found by the fuzz test).
   */
  readonly lineStarts: readonly number[];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function parseYamlSource(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  // logLevel "error": the library otherwise prints a Node warning (not a diagnostic) for a
  // collection used as a mapping key; the schema reports such a key as unknown anyway.
  const doc = parseDocument(text, { intAsBigInt: true, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const source: YamlSource = { file, text, doc, lineStarts: lineStartsOf(text) };
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => ({
    ...positionAt(source, e.pos[0]),
    code: "yaml-syntax",
    message: firstLine(e.message),
  }));
  return { source, diagnostics };
}

/**
 * How many nodes aliases may add to one document when expanded. The specs need
 * none (a register spec has a few hundred nodes); the bound is what keeps an
 * alias bomb (`b: &b [*a, *a, ...]` nested a few levels) from expanding into
 * gigabytes. The yaml library has its own guard, but it throws a ReferenceError
 * with no position from inside toJS(); ours is counted beforehand and located.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/**
 * The document as plain data, or located diagnostics: an alias to no anchor,
 * an alias inside the node it names (a cycle), or aliases that would expand past
 * MAX_ALIAS_EXPANSION nodes (at the alias that crossed the line). Call only on
 * a document without syntax errors.
 */
export function yamlValue(source: YamlSource): { value: unknown; diagnostics: [] } | { value?: undefined; diagnostics: Diagnostic[] } {
  const problem = aliasProblem(source);
  if (problem) return { diagnostics: [problem] };
  try {
    // Our count above bounds the expansion, so the library's own (position-less) guard is off.
    return { value: source.doc.toJS({ maxAliasCount: -1 }), diagnostics: [] };
  } catch (e) {
    // Not expected after the checks above; still a located problem, never a stack trace.
    const at = positionAt(source, source.doc.contents?.range?.[0] ?? 0);
    return { diagnostics: [{ ...at, code: "yaml-alias", message: `cannot read the YAML document: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/**
 * The first alias problem in document order. Aliases resolve as the library does: to
 * the last anchor of that name before the alias. Sizes are counted in expanded nodes,
 * each node once (memoized), so the walk is linear in the document, not in the expansion.
 * The walk is iterative: a deeply nested document must not overflow the stack here.
 */
function aliasProblem(source: YamlSource): Diagnostic | undefined {
  const anchors = new Map<string, unknown>();
  const size = new Map<unknown, number>();
  const open = new Set<unknown>();
  let added = 0;
  const located = (node: Node, message: string): Diagnostic => ({ ...positionAt(source, node.range?.[0] ?? 0), code: "yaml-alias", message });
  // Each frame: a node and whether its children have been pushed.
  const stack: { node: unknown; entered: boolean }[] = [{ node: source.doc.contents, entered: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (node === null || node === undefined || typeof node !== "object") {
      size.set(node, 1);
      stack.pop();
      continue;
    }
    if (!top.entered) {
      top.entered = true;
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, node);
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) return located(node, `alias *${node.source} names no anchor before it (write &${node.source} first)`);
        if (open.has(target)) return located(node, `alias *${node.source} is inside the node it names: it would never end`);
        const n = size.get(target) ?? 1;
        added += n;
        if (added > MAX_ALIAS_EXPANSION) {
          return located(node, `aliases expand past ${MAX_ALIAS_EXPANSION} nodes here (an alias bomb?); write the values out`);
        }
        size.set(node, n);
        stack.pop();
        continue;
      }
      open.add(node);
      const children = isPair(node) ? [node.key, node.value] : isMap(node) || isSeq(node) ? node.items : [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], entered: false });
      continue;
    }
    open.delete(node);
    const children = isPair(node) ? [node.key, node.value] : isMap(node) || isSeq(node) ? node.items : [];
    size.set(node, 1 + children.reduce((sum: number, c) => sum + (size.get(c) ?? 1), 0));
    stack.pop();
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

export function positionAt(source: YamlSource, offset: number): Position {
  // Offsets past the end (an error "at the end of the document") point just after the last character.
  const at = Math.max(0, Math.min(offset, source.text.length));
  const starts = source.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return { file: source.file, line: lo + 1, col: at - (starts[lo] ?? 0) + 1 };
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
