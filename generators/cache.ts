/**
 * A content-addressed result cache for the interactive commands, in the
 * spirit of `eslint --cache` and `tsc --incremental`: `reglab validate` and
 * `reglab generate --check` spend a second or more parsing YAML, checking
 * schemas, running the metrics workloads and printing TypeScript through
 * ts-morph, to answer a question whose inputs rarely change between two runs.
 *
 * The key is a sha256 of everything the answer depends on:
 *
 * - every file under the specs folder, by relative name and bytes (not only
 *   the ones today's loaders read: a new file is an input until proven not);
 * - reglab's own code: every code file of the running build (dist/ or, from
 *   source, the .ts tree), the handlebars templates, package.json and
 *   package-lock.json (dependency versions: yaml, zod, ts-morph shape output);
 * - the command, its options, the absolute specs folder and the current
 *   directory (diagnostics name files relative to it);
 * - FORMAT, bumped whenever an entry's shape changes.
 *
 * Entries live in `node_modules/.cache/reglab/` of the package (or
 * $REGLAB_CACHE_DIR), one JSON file per key, written atomically (temp file
 * plus rename). The cache never changes an answer and never fails a command:
 * an entry that cannot be read, parsed, or does not have the expected shape
 * is a miss; a cache that cannot be written is skipped silently.
 *
 * This module is the warm path, so it imports node built-ins only (plus
 * sync-files.js for the header test, itself built-ins only): never yaml, zod,
 * ts-morph, handlebars or the emulator. Whatever computes a result on a miss
 * comes in as a callback that loads those itself.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "./paths.js";
import { planFiles, type SyncPlan } from "./sync-files.js";

/** Bump when an entry's value changes shape: older entries then miss instead of being misread. */
const FORMAT = 1;

export interface CacheSettings {
  /** `--no-cache`: compute, and neither read nor write an entry. */
  readonly noCache?: boolean;
  /** Where entries live (tests); default $REGLAB_CACHE_DIR, else <package>/node_modules/.cache/reglab. */
  readonly dir?: string;
}

/** Whether the answer came from the cache; bench and tests look, commands need not. */
export interface Cached<T> {
  readonly value: T;
  readonly hit: boolean;
}

export function cacheDir(settings: CacheSettings = {}): string {
  return settings.dir ?? process.env.REGLAB_CACHE_DIR ?? join(packageRoot(), "node_modules", ".cache", "reglab");
}

// ---------------------------------------------------------------- hashing the inputs

/** Every file under `dir`, sorted by relative path ('/'-separated), recursively; [] when it does not exist. */
function filesUnder(dir: string, keep: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (abs: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const a = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(a).isDirectory()) visit(a, r);
      else if (keep(r)) out.push(r);
    }
  };
  visit(dir, "");
  return out;
}

/**
 * Feed `files` (relative to `root`) into `h`: each as its name, its length and its bytes, so that
 * no two different trees produce the same stream (a byte moved from one file to the next changes
 * the lengths; a renamed file changes the name).
 */
function hashFiles(h: Hash, tag: string, root: string, files: readonly string[]): void {
  h.update(`${tag}\0${files.length}\0`);
  for (const rel of files) {
    const bytes = readFileSync(join(root, rel));
    h.update(`${rel}\0${bytes.length}\0`);
    h.update(bytes);
  }
}

/** Code files of the running build; source maps and declarations do not change what runs. */
const CODE = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".json", ".hbs", ".css"]);
const isCode = (rel: string) => CODE.has(extname(rel)) && !rel.endsWith(".d.ts") && !rel.endsWith(".map");

let codeHash: string | undefined;

/**
 * reglab's own code, hashed once per process: the folders of the running build that hold code
 * (dist/ when built, the repository when run from source by vitest), the templates (read from the
 * package root, since tsc does not copy them into dist/), and the package and lock files.
 */
export function reglabCodeHash(fresh = false): string {
  if (codeHash !== undefined && !fresh) return codeHash;
  const h = createHash("sha256");
  // This file is <build>/generators/cache.{js,ts}: its grandparent is the build's root.
  const build = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const part of ["cli", "generators", "emulator", "generated"]) hashFiles(h, `code:${part}`, join(build, part), filesUnder(join(build, part), isCode));
  const pkg = packageRoot();
  // Every templates/ folder of the source tree (emit-c.ts and docs/render.ts read theirs from there).
  for (const part of ["generators", "emulator"]) hashFiles(h, `templates:${part}`, join(pkg, part), filesUnder(join(pkg, part), (rel) => rel.includes("templates/")));
  hashFiles(h, "package", pkg, ["package.json", "package-lock.json"].filter((f) => existsSync(join(pkg, f))));
  codeHash = h.digest("hex");
  return codeHash;
}

/** Every file under the specs folder, names and bytes. */
export function specsHash(specsDir: string): string {
  const h = createHash("sha256");
  hashFiles(h, "specs", specsDir, filesUnder(specsDir));
  return h.digest("hex");
}

/** JSON with sorted object keys: the same options in another order are the same key. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

interface Slot {
  readonly command: string;
  readonly file: string;
  readonly key: string;
}

/**
 * The entry for `command` with `options` on the specs in `specsDir`. The file name carries a
 * short hash of the command's setting (options, folder, cwd) and the full key: a new entry for the
 * same setting replaces the old one (see store), so the cache holds one entry per setting.
 */
function slotOf(command: string, specsDir: string, options: Record<string, unknown>, settings: CacheSettings, again = false): Slot {
  const setting = canonical({ command, options, specs: resolve(specsDir), cwd: process.cwd() });
  const key = createHash("sha256").update(`reglab-cache ${FORMAT}\0${setting}\0${reglabCodeHash(again)}\0${specsHash(specsDir)}`).digest("hex");
  const settingHash = createHash("sha256").update(setting).digest("hex").slice(0, 16);
  return { command, key, file: join(cacheDir(settings), `${command}-${settingHash}-${key}.json`) };
}

interface Entry {
  readonly format: number;
  readonly command: string;
  readonly key: string;
  readonly value: unknown;
}

/** The value stored under `slot`, or undefined for anything but a whole, well-formed entry. */
function load<T>(slot: Slot, valid: (v: unknown) => v is T): T | undefined {
  try {
    const e = JSON.parse(readFileSync(slot.file, "utf8")) as Partial<Entry> | null;
    if (!e || e.format !== FORMAT || e.command !== slot.command || e.key !== slot.key) return undefined;
    return valid(e.value) ? e.value : undefined;
  } catch {
    return undefined;
  }
}

/** Write atomically (a reader sees the old entry, none, or the whole new one); drop the setting's older entries. */
function store(slot: Slot, value: unknown): void {
  const dir = dirname(slot.file);
  const tmp = join(dir, `.${basename(slot.file)}.tmp-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const entry: Entry = { format: FORMAT, command: slot.command, key: slot.key, value };
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, slot.file);
    const prefix = basename(slot.file).slice(0, basename(slot.file).length - slot.key.length - ".json".length);
    for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name !== basename(slot.file)) unlinkSync(join(dir, name));
  } catch {
    // A read-only install, a full disk, a concurrent cleanup: the answer stands, only the next run is slower.
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
  }
}

/**
 * Only the stored value, never a computation: undefined on a miss (or when the inputs cannot be
 * hashed). For a caller that answers from the cache before it has loaded what computing takes.
 */
function lookup<T>(command: string, specsDir: string, options: Record<string, unknown>, settings: CacheSettings, valid: (v: unknown) => v is T): T | undefined {
  if (settings.noCache) return undefined;
  try {
    return load(slotOf(command, specsDir, options, settings), valid);
  } catch {
    return undefined;
  }
}

/**
 * The generic cache: the stored value for this command, options and inputs, else `compute()`'s,
 * stored when it is not undefined (undefined: the computation failed after printing why, which a
 * later run must print again, so it is not remembered).
 */
export async function cached<T>(
  command: string,
  specsDir: string,
  options: Record<string, unknown>,
  settings: CacheSettings,
  valid: (v: unknown) => v is T,
  compute: () => T | undefined | Promise<T | undefined>,
): Promise<Cached<T> | undefined> {
  if (settings.noCache) {
    const value = await compute();
    return value === undefined ? undefined : { value, hit: false };
  }
  let slot: Slot;
  try {
    slot = slotOf(command, specsDir, options, settings);
  } catch {
    // An input that cannot be read for hashing: the computation reads it too and reports it its own way.
    const value = await compute();
    return value === undefined ? undefined : { value, hit: false };
  }
  const hit = load(slot, valid);
  if (hit !== undefined) return { value: hit, hit: true };
  const value = await compute();
  if (value === undefined) return undefined;
  // Stored only if no input changed while computing (an editor saving a spec meanwhile): the value
  // must be the one of the inputs its key names.
  let after: Slot | undefined;
  try {
    after = slotOf(command, specsDir, options, settings, true);
  } catch {
    after = undefined;
  }
  if (after?.key === slot.key) store(slot, value);
  return { value, hit: false };
}

// ---------------------------------------------------------------- reglab validate

/**
 * What `reglab validate` found, as data: every problem as the located line it prints
 * (`file:line:col: error: message`; loaders of different kinds make them, so the line is the common
 * form), the number of files checked, and what was checked by kind (registers, aliases, ...), in the
 * order the `ok:` line names them. The command that fills it is part of the key, so the kinds an
 * entry holds are always the ones the running command prints.
 */
export interface ValidateResult<C extends Readonly<Record<string, number>> = Readonly<Record<string, number>>> {
  readonly problems: readonly string[];
  readonly files: number;
  readonly counts: C;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

function isValidateResult(v: unknown): v is ValidateResult {
  if (v === null || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  const counts = r.counts;
  return (
    Array.isArray(r.problems) &&
    r.problems.every((p) => typeof p === "string") &&
    isCount(r.files) &&
    counts !== null &&
    typeof counts === "object" &&
    !Array.isArray(counts) &&
    Object.values(counts).every(isCount)
  );
}

/**
 * `reglab validate` on `specsDir`: the stored result, else `compute()`'s (which loads the specs).
 * A result with problems is stored too: a warm run prints the same problems and exits 1 as well.
 */
export async function cachedValidate<C extends Readonly<Record<string, number>>>(
  specsDir: string,
  settings: CacheSettings,
  compute: () => ValidateResult<C> | Promise<ValidateResult<C>>,
): Promise<Cached<ValidateResult<C>>> {
  const r = await cached("validate", specsDir, {}, settings, isValidateResult as (v: unknown) => v is ValidateResult<C>, compute);
  if (!r) throw new Error("cachedValidate: compute returned nothing");
  return r;
}

/** The stored `reglab validate` result for `specsDir`, or undefined (a miss: run the command). */
export function lookupValidate<C extends Readonly<Record<string, number>>>(specsDir: string, settings: CacheSettings = {}): ValidateResult<C> | undefined {
  return lookup("validate", specsDir, {}, settings, isValidateResult as (v: unknown) => v is ValidateResult<C>);
}

// ---------------------------------------------------------------- reglab generate --check

/** Generated files by path (relative to the output folder), as the sha256 (hex) of their UTF-8 bytes. */
export type ExpectedFiles = ReadonlyMap<string, string>;

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

const HEX64 = /^[0-9a-f]{64}$/;

function isExpectedList(v: unknown): v is [string, string][] {
  return Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string" && HEX64.test(e[1]));
}

/**
 * `reglab generate --check` (and what a plain `generate` would write): the hash of every file the
 * generator owns for these specs and `--layout` choice, else those of `compute()`'s files. compute
 * returns undefined after printing why it could not (bad specs, an unknown layout, a failing
 * workload): that is not stored, so a later run prints it again. The output folder is not part of
 * the key: what the files should hold does not depend on where they are.
 */
export async function cachedExpected(
  specsDir: string,
  options: { readonly layouts?: readonly string[] | undefined },
  settings: CacheSettings,
  compute: () => ReadonlyMap<string, string> | undefined | Promise<ReadonlyMap<string, string> | undefined>,
): Promise<Cached<ExpectedFiles> | undefined> {
  const r = await cached("generate-check", specsDir, { layouts: layoutKey(options.layouts) }, settings, isExpectedList, async () => {
    const files = await compute();
    return files && [...files].map(([path, content]): [string, string] => [path, sha256(content)]);
  });
  return r && { value: new Map(r.value), hit: r.hit };
}

/** The layout filter as a set (generate.ts makes one): order and repetition do not change the answer. */
function layoutKey(layouts: readonly string[] | undefined): string[] {
  return layouts && layouts.length > 0 ? [...new Set(layouts)].sort() : [];
}

/** The stored expected files for `specsDir` and `--layout`, or undefined (a miss: run the command). */
export function lookupExpected(specsDir: string, options: { readonly layouts?: readonly string[] | undefined }, settings: CacheSettings = {}): ExpectedFiles | undefined {
  const list = lookup("generate-check", specsDir, { layouts: layoutKey(options.layouts) }, settings, isExpectedList);
  return list && new Map(list);
}

/**
 * planSync (sync-files.ts) for --check, from hashes instead of contents, so a warm run needs no
 * contents at all: the same decisions (planFiles), a file being unchanged when its bytes hash as
 * expected. Commands use this on both paths so cold and warm agree.
 */
export function planCheck(root: string, expected: ExpectedFiles, scope?: ReadonlySet<string>): Omit<SyncPlan, "leftovers"> {
  const { present: _present, ...plan } = planFiles(root, expected, (rel, abs) => sha256(readFileSync(abs)) === expected.get(rel), scope);
  return plan;
}
