/**
 * Problems found in spec files, as data. Each carries a code (so tests and
 * tools can match on it), a message, and the position it points at; the
 * `file:line:col: error: message` text is made only when printing, like a
 * compiler's. Loaders collect every problem and never stop at the first.
 */

export type DiagnosticCode =
  | "yaml-syntax"
  // alias to no anchor, alias cycle, alias expansion past the bound (yaml-source.ts)
  | "yaml-alias"
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
  return formatLocated(d.file, d.line, d.col, d.message);
}

/** `file:line:col: error: message`, for any located problem (scenarios, workloads), made printable. */
export function formatLocated(file: string, line: number, col: number, message: string): string {
  return `${printable(file)}:${line}:${col}: error: ${printable(message)}`;
}

const MAX_MESSAGE = 500;

/**
 * A message as one line a terminal shows as it is: messages quote the input,
 * and an input's control bytes (an escape sequence, a NUL, a newline) must not
 * reach the terminal raw, nor a 1 MB value fill it. Control characters become
 * \xNN (\uNNNN above 0xff), and the message is cut at MAX_MESSAGE characters.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
  return escaped.length > MAX_MESSAGE ? `${escaped.slice(0, MAX_MESSAGE)}... (${escaped.length - MAX_MESSAGE} more characters)` : escaped;
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
