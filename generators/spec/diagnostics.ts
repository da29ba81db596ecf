/**
 * Problems found in spec files, as data. Each carries a code (so tests and
 * tools can match on it), a message, and the position it points at; the
 * `file:line:col: error: message` text is made only when printing, like a
 * compiler's. Loaders collect every problem and never stop at the first.
 */

export type DiagnosticCode =
  | "yaml-syntax"
  | "schema-comment"
  | "file-name"
  | "unknown-key"
  | "wrong-type"
  | "missing-key"
  | "bad-value"
  | "duplicate-name"
  | "duplicate-encoding"
  | "duplicate-field"
  | "field-overlap"
  | "field-outside-width"
  | "field-in-reserved"
  | "reserved-overlap"
  | "fields-incomplete"
  | "reset-outside-width"
  | "reset-res0"
  | "reset-res1"
  | "unknown-counterpart"
  | "unknown-alias-target"
  | "bad-alias"
  | "unknown-trap-control"
  | "bad-mapping"
  | "vncr-unaligned"
  | "vncr-outside-page"
  | "vncr-shared"
  | "placed-twice"
  | "placed-nowhere"
  | "unknown-register"
  | "unknown-container"
  | "element-too-narrow"
  | "vncr-mismatch"
  | "duplicate-c-name"
  | "uapi-not-stored"
  // CPU profiles and the features table (generators/profile/)
  | "unknown-feature"
  | "unknown-dependency"
  | "unknown-version"
  | "unknown-source"
  | "dependency-newer"
  | "missing-dependency"
  | "mandatory-removed"
  | "feature-too-new"
  | "unknown-base"
  | "base-cycle";

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface Diagnostic extends Position {
  readonly code: DiagnosticCode;
  readonly message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: error: ${d.message}`;
}

/** Sorted by file, then line, then column, so output is stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col,
  );
}

export function formatPosition(p: Position): string {
  return `${p.file}:${p.line}:${p.col}`;
}
