/**
 * The input file being read or checked right now, kept so that an unexpected
 * internal error (a bug: every problem with an input is a located diagnostic)
 * can still tell the user which file triggered it. Loaders call processing()
 * as they move from file to file; the command line reads currentInput() only
 * when it reports such a bug. One process runs one command, so a module-level
 * variable is enough; it is never used to make a decision.
 */
let current: string | undefined;

export function processing(file: string | undefined): void {
  current = file;
}

export function currentInput(): string | undefined {
  return current;
}
