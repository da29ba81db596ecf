/**
 * How the command line ends when a command cannot go on. Three kinds, decided
 * here and nowhere else:
 *
 * - a problem in an input file: a located `file:line:col: error:` diagnostic,
 *   printed by the command itself (never thrown), exit 1 (2 for scenarios);
 * - a usage problem (a bad option value, a layout or profile that does not
 *   exist, a file that cannot be read or written): one line
 *   `reglab <command>: <what>`, exit 2 — thrown as UsageError, or an fs error
 *   carrying a path, and turned into that line by reportFailure();
 * - anything else is a bug in reglab: one line naming the input being
 *   processed and asking for a report, exit 70 (EX_SOFTWARE); the stack only
 *   with --debug.
 */
import { currentInput } from "../generators/processing.js";

/** A mistake in how reglab was called: the message is the whole story, exit `status`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit status for an unexpected internal error (sysexits.h EX_SOFTWARE). */
export const INTERNAL_ERROR = 70;

/** Node's fs errors: code ENOENT, EACCES, ... and the path they are about. */
function ioError(e: unknown): { code: string; path: string; syscall?: string } | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  return typeof code === "string" && typeof path === "string" ? { code, path, ...(syscall ? { syscall } : {}) } : undefined;
}

const IO_WORDS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EEXIST: "already exists",
};

/** The one line an fs error becomes: `cannot read X: no such file or directory (ENOENT)`. */
export function ioMessage(e: unknown): string | undefined {
  const io = ioError(e);
  if (!io) return undefined;
  // `open` serves reading and writing alike: say which only where the call does.
  const syscall = io.syscall ?? "";
  const verb = /^(read|scandir|stat|lstat)$/.test(syscall) ? "cannot read" : /^(write|mkdir|rename|unlink|rmdir)$/.test(syscall) ? "cannot write" : "cannot open";
  return `${verb} ${io.path}: ${IO_WORDS[io.code] ?? io.code.toLowerCase()} (${io.code})`;
}

/**
 * Print what ended the command as described above and return the exit status.
 * `command` is the subcommand's name (undefined before yargs knew it).
 */
export function reportFailure(e: unknown, command: string | undefined, debug: boolean): number {
  const who = command ? `reglab ${command}` : "reglab";
  if (e instanceof UsageError) {
    process.stderr.write(`${who}: ${e.message}\n`);
    return e.status;
  }
  const io = ioMessage(e);
  if (io) {
    process.stderr.write(`${who}: ${io}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
  const input = currentInput();
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  process.stderr.write(
    `${who}: internal error${input ? ` while processing ${input}` : ""}: ${firstLine(what)}; ` +
      `this is a bug in reglab, please report it${input ? " with that file" : ""}${debug ? "" : " (rerun with --debug for the stack)"}\n`,
  );
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return INTERNAL_ERROR;
}

function firstLine(s: string): string {
  const line = s.split("\n", 1)[0] ?? s;
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
