/**
 * Bring an output folder in line with a set of generated files: write what
 * changed, remove files reglab generated before that are no longer produced,
 * and never touch a file without reglab's header.
 *
 * Each file is written atomically: the content goes to a temp file beside it,
 * then rename() puts it in place, so a reader (or a run killed at any moment,
 * SIGKILL included) sees either the complete old file or the complete new one.
 * The set as a whole is not atomic: a killed run leaves some files new and
 * some old, each complete; the next run finishes the job.
 *
 * What a kill can leave is a temp file: one killed after creating it and
 * before the rename, which nothing can prevent. Temp files have a name no
 * generated file has, `.<name>.reglab-tmp-<pid>`, are never reported as output
 * (not by --check either), and the next run removes those of a process that no
 * longer runs. Only such a file that is empty or carries reglab's header is
 * removed: those are the only states a temp file of ours can be in (the header
 * is the first thing written, in one write), so a user's file that happens to
 * match the name pattern is still left alone.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { GENERATED_BY } from "./emit/emitter.js";

/** Paths relative to the output root, sorted, with their content. */
export type FileSet = ReadonlyMap<string, string>;

const TEMP = /^\.(.+)\.reglab-tmp-(\d+)$/;

/** The temp file `write` uses for `abs`. */
export function tempPathFor(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.reglab-tmp-${process.pid}`);
}

/** The first bytes of a file (a generated file's header is in its first 3 lines). */
function head(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(400);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** A file is reglab's when its header says so (first 3 lines). */
export function isGenerated(path: string): boolean {
  try {
    return head(path).split("\n").slice(0, 3).join("\n").includes(GENERATED_BY);
  } catch {
    return false;
  }
}

function running(pid: number): boolean {
  if (pid === process.pid) return false; // ours from an earlier run with the same pid: this run has written nothing yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: a process of another user has that pid; leave its file.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A temp file of a reglab run that ended before renaming it (see the top of the file). */
function isLeftoverTemp(abs: string): boolean {
  const m = TEMP.exec(basename(abs));
  if (!m || running(Number(m[2]))) return false;
  try {
    return statSync(abs).size === 0 || isGenerated(abs);
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
  /** Temp files a killed run left (relative paths): applySync removes them; not output, so not reported. */
  readonly leftovers: readonly string[];
}

/**
 * The decisions of a sync, shared by planSync (contents in hand) and the cache's warm --check
 * (only hashes): a missing file is to write; one `same` accepts is unchanged; a different one is
 * to write if reglab generated it, else foreign; a file reglab generated that is not `expected`
 * (inside `scope`) is to remove. Temp files of a killed run are never output; `present` lists what
 * is under `root`, so planSync can find them.
 */
export function planFiles(
  root: string,
  expected: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  same: (rel: string, abs: string) => boolean,
  scope?: ReadonlySet<string>,
): Omit<SyncPlan, "leftovers"> & { readonly present: readonly string[] } {
  const write: string[] = [];
  const unchanged: string[] = [];
  const foreign: string[] = [];
  for (const rel of expected.keys()) {
    const abs = join(root, rel);
    if (!existsSync(abs)) write.push(rel);
    else if (same(rel, abs)) unchanged.push(rel);
    else if (isGenerated(abs)) write.push(rel);
    else foreign.push(rel);
  }
  const present = walk(root).map((abs) => relative(root, abs).split(sep).join("/"));
  const remove = present
    .filter((rel) => !expected.has(rel) && !isTemp(rel))
    .filter((rel) => !scope || scope.has(rel.split("/")[0] ?? ""))
    .filter((rel) => isGenerated(join(root, rel)));
  return { write, remove, unchanged, foreign, present };
}

const isTemp = (rel: string): boolean => TEMP.test(basename(rel));

/**
 * What must change under `root` so it holds exactly `files`. `scope` limits
 * removals to the given top-level folders (the layouts being regenerated).
 */
export function planSync(root: string, files: FileSet, scope?: ReadonlySet<string>): SyncPlan {
  const { present, ...plan } = planFiles(root, files, (rel, abs) => readFileSync(abs, "utf8") === files.get(rel), scope);
  const leftovers = present.filter((rel) => isTemp(rel) && isLeftoverTemp(join(root, rel)));
  return { ...plan, leftovers };
}

export function applySync(root: string, files: FileSet, plan: SyncPlan): void {
  for (const rel of plan.leftovers) unlinkSync(join(root, rel));
  for (const rel of plan.write) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    const tmp = tempPathFor(abs);
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
