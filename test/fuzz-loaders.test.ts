/**
 * Bad input never crashes (issue 13): random mutations of the bundled register
 * specs, layouts, profiles, features table, scenarios and workloads go through
 * the functions the commands call, and every run must end in success or in
 * diagnostics that point inside a file (line and column within its text).
 * A thrown exception, or a position outside the file, fails the property;
 * fast-check shrinks it to the smallest mutation list and prints it.
 *
 * The seed is fixed in CI (replayable, never flaky there) and random
 * elsewhere, so each local run probes new inputs; it is printed either way,
 * and FUZZ_SEED=N replays a run. Everything runs on a temporary copy of
 * specs/; the repository's specs/ and generated/ are never touched.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sysregNames } from "../emulator/a64/sysreg-names.js";
import { layoutMachine, loadLayout, registerIndex } from "../emulator/machine.js";
import { loadWorkloads } from "../emulator/metrics/workload.js";
import { parseScenario } from "../emulator/scenario/parse.js";
import { checkScenarioProfiles, runsUnder } from "../emulator/scenario/profiles.js";
import { runScenario } from "../emulator/scenario/run.js";
import { loadLayouts } from "../generators/layout/load.js";
import { loadProfiles } from "../generators/profile/load.js";
import { DEFAULT_PROFILE, findProfile } from "../generators/profile/model.js";
import { buildModel } from "../generators/spec/build-model.js";
import { checkSpecText, findYamlFiles, loadRegisterSpecs, SCHEMA_FILE } from "../generators/spec/load.js";
import { formatLocated } from "../generators/spec/diagnostics.js";
import { validateSpecs } from "../generators/spec/validate.js";
import { reglab, SPECS } from "./helpers.js";

const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261206 : Date.now() % 0x7fffffff;
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

// ---- mutations -------------------------------------------------------------

/** An alias bomb: a few lines, 10^4 nodes once expanded (the yaml library's guard threw a bare ReferenceError). */
const ALIAS_BOMB = [
  "a: &a [x,x,x,x,x,x,x,x,x,x]",
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
].join("\n");

const ODD_NUMBERS = ["99999999999999999999999999999", "0x" + "f".repeat(40), "-1", "-0x10", "1.5", "1e309", "'seven'", "NaN", ".inf", "0b101", "007", "64", "65", "4096", "18446744073709551616"];
/** Values that pass YAML and often the schema, to reach the later passes (planning, cross-file rules). */
const ODD_VALUES = ["[]", "{}", "null", "~", "''", "0", "1", "63", "64", "65536", "\"63:0\"", "\"0:63\"", "\"99:0\"", "docs", "max", "SCTLR_EL2", "FEAT_VHE", "[SCTLR_EL2, SCTLR_EL2]", "true", "x".repeat(300)];
const CONTROL = ["\u0000", "\u0007", "\u001b[2J", "\u007f", "\u2028", "\ufffe", "\ud800"];

type Mutation =
  | { kind: "delete"; line: number }
  | { kind: "duplicate"; line: number }
  | { kind: "swap"; line: number; other: number }
  | { kind: "reindent"; line: number; by: number }
  | { kind: "number"; nth: number; value: string }
  | { kind: "value"; nth: number; value: string }
  | { kind: "control"; at: number; bytes: string }
  | { kind: "truncate"; at: number }
  | { kind: "unknown-key"; line: number }
  | { kind: "tab"; line: number }
  | { kind: "bom" }
  | { kind: "crlf" }
  | { kind: "alias-bomb" }
  | { kind: "alias-cycle"; line: number }
  | { kind: "long-line"; line: number };

const line = fc.nat(400);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), line }),
  fc.record({ kind: fc.constant("duplicate" as const), line }),
  fc.record({ kind: fc.constant("swap" as const), line, other: line }),
  fc.record({ kind: fc.constant("reindent" as const), line, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant("number" as const), nth: fc.nat(60), value: fc.constantFrom(...ODD_NUMBERS) }),
  fc.record({ kind: fc.constant("value" as const), nth: fc.nat(80), value: fc.constantFrom(...ODD_VALUES) }),
  fc.record({ kind: fc.constant("control" as const), at: fc.nat(4000), bytes: fc.constantFrom(...CONTROL) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(4000) }),
  fc.record({ kind: fc.constant("unknown-key" as const), line }),
  fc.record({ kind: fc.constant("tab" as const), line }),
  fc.constant({ kind: "bom" as const }),
  fc.constant({ kind: "crlf" as const }),
  fc.constant({ kind: "alias-bomb" as const }),
  fc.record({ kind: fc.constant("alias-cycle" as const), line }),
  fc.record({ kind: fc.constant("long-line" as const), line }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const at = (n: number) => n % lines.length;
  const indentOf = (s: string) => /^\s*/.exec(s)?.[0] ?? "";
  switch (m.kind) {
    case "delete":
      lines.splice(at(m.line), 1);
      break;
    case "duplicate":
      lines.splice(at(m.line), 0, lines[at(m.line)] ?? "");
      break;
    case "swap": {
      const [i, j] = [at(m.line), at(m.other)];
      [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      break;
    }
    case "reindent": {
      const l = lines[at(m.line)] ?? "";
      lines[at(m.line)] = m.by >= 0 ? " ".repeat(m.by) + l : l.slice(Math.min(-m.by, indentOf(l).length));
      break;
    }
    case "number": {
      let n = 0;
      return text.replace(/\b(0x[0-9a-f]+|\d+)\b/gi, (s) => (n++ === m.nth ? m.value : s));
    }
    case "value": {
      // The value after the nth `key: ` (block or flow style).
      let n = 0;
      return text.replace(/(\b[A-Za-z][\w-]*: )([^,{}\[\]\n#]+)/g, (s, key: string) => (n++ === m.nth ? key + m.value : s));
    }
    case "control": {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.bytes + text.slice(i);
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "unknown-key": {
      const l = lines[at(m.line)] ?? "";
      lines.splice(at(m.line), 0, `${indentOf(l)}colour: blue`);
      break;
    }
    case "tab": {
      const l = lines[at(m.line)] ?? "";
      lines[at(m.line)] = "\t" + l.trimStart();
      break;
    }
    case "bom":
      return "\ufeff" + text;
    case "crlf":
      return text.replace(/\n/g, "\r\n");
    case "alias-bomb":
      return text.replace(/\n?$/, "\n") + ALIAS_BOMB + "\n";
    case "alias-cycle":
      lines.splice(at(m.line), 0, "loop: &loop [1, *loop]");
      break;
    case "long-line":
      lines.splice(at(m.line), 0, "# " + "x".repeat(1 << 20));
      break;
  }
  return lines.join("\n");
}

// ---- the spec tree, loaded once --------------------------------------------

let root: string;
let base: ReturnType<typeof loadRegisterSpecs>;
let baseProfiles: ReturnType<typeof loadProfiles>["profiles"] | undefined;
/** Display name (relative to the temp specs root, as diagnostics print it) -> original text. */
const originals = new Map<string, string>();

beforeAll(() => {
  process.stdout.write(`fuzz-loaders: seed ${SEED}, ${RUNS} runs (FUZZ_SEED=${SEED} replays this run)\n`);
  root = join(mkdtempSync(join(tmpdir(), "reglab-fuzz-")), "specs");
  cpSync(SPECS, root, { recursive: true });
  for (const p of [...findYamlFiles(root), ...scnFiles("scenarios"), ...scnFiles("workloads")]) {
    originals.set(relative(root, p).split("\\").join("/"), readFileSync(p, "utf8"));
  }
  base = loadRegisterSpecs(root, root);
  expect(base.diagnostics).toEqual([]);
});

afterAll(() => rmSync(join(root, ".."), { recursive: true, force: true }));

/** A spec tree beside the copy holding only schema/ and `file` (as `text`): its root. */
let mini: string;
function single(file: string, text: string): string {
  mini ??= join(root, "..", "mini");
  rmSync(mini, { recursive: true, force: true });
  mkdirSync(join(mini, file, ".."), { recursive: true });
  cpSync(join(root, "schema"), join(mini, "schema"), { recursive: true });
  writeFileSync(join(mini, file), text);
  return mini;
}

function scnFiles(dir: string): string[] {
  return readdirSync(join(SPECS, dir))
    .filter((f) => f.endsWith(".scn"))
    .map((f) => join(root, dir, f));
}

interface Located {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** `file` as it is now (mutated or not). */
function textOf(file: string, mutated: { file: string; text: string }): string | undefined {
  return file === mutated.file ? mutated.text : originals.get(file);
}

/** Every diagnostic names a known file and a line and column inside its text. */
function expectLocated(problems: readonly Located[], mutated: { file: string; text: string }): void {
  for (const p of problems) {
    const text = textOf(p.file, mutated);
    expect(text, `${p.file}: not a file of the tree (${p.message})`).toBeDefined();
    const lines = (text ?? "").split("\n");
    const where = `${p.file}:${p.line}:${p.col}: ${p.message}`;
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.length, `line outside the file: ${where}`).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1 && p.col <= (lines[p.line - 1]?.length ?? 0) + 1, `column outside the line: ${where}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    // As printed: one line, no control byte from the input reaching the terminal, not a 1 MB quote.
    const printed = formatLocated(p.file, p.line, p.col, p.message);
    expect(printed).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
    expect(printed.length).toBeLessThan(1200);
  }
}

/**
 * Run the mutated `file` through what the commands run on it and return the
 * problems found. Registers: the per-file check and the cross-file rules of
 * loadRegisterSpecs (the other files' entries reused, as re-reading 260 files
 * per case would make the test slow), then the layouts planned against the
 * model. The others: the real loader on the temp tree with the file written.
 */
async function runMutated(file: string, text: string, layout: string): Promise<Located[]> {
  const abs = join(root, file);
  if (file.startsWith("registers/")) {
    const stem = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
    const schemaRef = relative(join(abs, ".."), join(root, SCHEMA_FILE)).split("\\").join("/");
    const r = checkSpecText(file, text, schemaRef, stem);
    const entries = base.entries.filter((e) => e.source.file !== file);
    if (r.entry) entries.push(r.entry);
    const model = buildModel(entries);
    // One layout planned against the mutated model (all seven would triple the time per case).
    const lays = loadLayouts(single(layout, originals.get(layout) ?? ""), model, mini);
    return [...r.diagnostics, ...validateSpecs(entries), ...lays.diagnostics];
  }
  // A layout and a workload are loaded alone: the loaders take a folder and only this file matters.
  if (file.startsWith("layouts/")) return [...loadLayouts(single(file, text), base.model, mini).diagnostics];
  if (file.startsWith("workloads/")) return loadWorkloads(base.model, single(file, text)).problems.map((p) => ({ ...p, file: p.file.split("\\").join("/") }));
  writeFileSync(abs, text);
  try {
    if (file.startsWith("profiles/") || file === "features.yaml") return [...loadProfiles(root, base.entries, root).diagnostics];
    // A scenario: parsed and, when it parses, run as `reglab run FILE --layout unified` would.
    const profiles = (baseProfiles ??= loadProfiles(root, base.entries, root).profiles);
    const { scenario, errors } = parseScenario(file, text, registerIndex(base.model), sysregNames(base.model));
    errors.push(...checkScenarioProfiles(scenario, profiles));
    if (errors.length === 0) {
      const profile = findProfile(profiles, runsUnder(scenario, DEFAULT_PROFILE) ? DEFAULT_PROFILE : (scenario.profiles?.names[0]?.name ?? DEFAULT_PROFILE));
      runScenario(scenario, layoutMachine(base.model, await loadLayout("unified"), profile));
    }
    return errors.map((e) => ({ ...e, file }));
  } finally {
    writeFileSync(abs, originals.get(file) ?? "");
  }
}

describe("fuzzed inputs end in success or located diagnostics", () => {
  it("register specs, layouts, profiles, features.yaml, scenarios and workloads", { timeout: Math.max(60_000, RUNS * 400) }, async () => {
    const files = [...originals.keys()].sort();
    // Registers are most of the files; weight the kinds so each gets its share of runs.
    const layouts = files.filter((f) => f.startsWith("layouts/"));
    const pick = fc.oneof(
      { arbitrary: fc.constantFrom(...files.filter((f) => f.startsWith("registers/"))), weight: 2 },
      fc.constantFrom(...files.filter((f) => f.startsWith("layouts/"))),
      fc.constantFrom(...files.filter((f) => f.startsWith("profiles/") || f === "features.yaml")),
      fc.constantFrom(...files.filter((f) => f.startsWith("scenarios/"))),
      fc.constantFrom(...files.filter((f) => f.startsWith("workloads/"))),
    );
    await fc.assert(
      fc.asyncProperty(pick, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...layouts), async (file, ms_, layout) => {
        const text = ms_.reduce(mutate, originals.get(file) ?? "");
        const t0 = performance.now();
        const problems = await runMutated(file, text, layout);
        const ms = performance.now() - t0;
        // A case that takes seconds is a hang in the making (a loop bounded by an input number).
        if (ms > 2000) process.stdout.write(`fuzz-loaders: slow case (${Math.round(ms)} ms): ${file} ${JSON.stringify(ms_)}\n`);
        expectLocated(problems, { file, text });
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });

  it("the located check can fail: a position past the end of a file is caught", () => {
    const file = "layouts/unified.yaml";
    const text = originals.get(file) ?? "";
    expect(() => expectLocated([{ file, line: text.split("\n").length + 1, col: 1, message: "x" }], { file, text })).toThrow(/line outside/);
    expect(() => expectLocated([{ file, line: 1, col: 10_000, message: "x" }], { file, text })).toThrow(/column outside/);
  });
});

/** Every file under `dir` with its content. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name), "utf8"));
    }
  };
  walk(dir);
  return out;
}

describe("the real CLI on broken inputs: located errors, exit status, nothing written", () => {
  /** A stand-in for generated/: files with reglab's header (which generate would overwrite or remove) and one without. */
  let out: string;
  beforeAll(() => {
    out = join(root, "..", "out");
    mkdirSync(join(out, "unified"), { recursive: true });
    writeFileSync(join(out, "unified", "layout.json"), "// generated by reglab; do not edit\n{}\n");
    writeFileSync(join(out, "stale.h"), "/* generated by reglab; do not edit */\n");
    writeFileSync(join(out, "notes.txt"), "mine\n");
  });

  /** Run `args` with `file` (relative to the temp specs) replaced by `text`; the file is restored after. */
  function withFile(file: string, text: string, args: string[]) {
    writeFileSync(join(root, file), text);
    try {
      return reglab(args, root);
    } finally {
      writeFileSync(join(root, file), originals.get(file) ?? "");
    }
  }

  /** Every stderr line but the summary is `file:line:col: error: ...`, printable, and no stack trace. */
  function expectLocatedOutput(stderr: string, summary: RegExp): string[] {
    const lines = stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(summary);
    const located = lines.slice(0, -1);
    expect(located.length).toBeGreaterThan(0);
    for (const l of located) expect(l).toMatch(/^[^\s:]+:\d+:\d+: error: [^\u0000-\u001f]+$/);
    expect(stderr).not.toMatch(/^\s+at /m);
    return located;
  }

  it("validate: an alias bomb in a register spec is one error at the alias that went past the limit", () => {
    const file = "registers/el2/SCTLR_EL2.yaml";
    const text = mutate(originals.get(file) ?? "", { kind: "alias-bomb" });
    const r = withFile(file, text, ["validate", "--specs", "."]);
    expect(r.status).toBe(1);
    const [first, ...rest] = expectLocatedOutput(r.stderr, /^\d+ errors? in \d+ files$/);
    const dLine = text.split("\n").findIndex((l) => l.startsWith("d: &d")) + 1;
    expect(first).toMatch(new RegExp(`^registers/el2/SCTLR_EL2\\.yaml:${dLine}:\\d+: error: aliases expand past 10000 nodes here`));
    expect(rest).toEqual([]);
  });

  it("generate: a layout with an alias cycle, a BOM in features.yaml: located, exit 1, the output folder untouched", () => {
    const before = snapshot(out);
    const cycle = withFile("layouts/unified.yaml", mutate(originals.get("layouts/unified.yaml") ?? "", { kind: "alias-cycle", line: 3 }), ["generate", "--specs", ".", "--out", out]);
    expect(cycle.status).toBe(1);
    expect(expectLocatedOutput(cycle.stderr, /^generate: \d+ problems? in the specs; nothing written$/)[0]).toMatch(/^layouts\/unified\.yaml:4:\d+: error: alias \*loop is inside the node it names/);
    const bom = withFile("features.yaml", "\ufeff" + (originals.get("features.yaml") ?? "").replace(/\n/g, "\r\n"), ["generate", "--specs", ".", "--out", out]);
    expect(bom.status).toBe(1);
    expectLocatedOutput(bom.stderr, /^generate: \d+ problems? in the specs; nothing written$/);
    expect(snapshot(out)).toEqual(before);
  });

  it("run and start: control bytes and a 1 MB line in a scenario are located and escaped, exit 2, nothing written", () => {
    const file = "scenarios/01-reset-pstate-el2.scn";
    const text = mutate(mutate(originals.get(file) ?? "", { kind: "long-line", line: 2 }), { kind: "control", at: 0, bytes: "\u001b[2J" });
    const run = withFile(file, text.replace("reset", "reset\nx0 = \u0007" + "7".repeat(1 << 20)), ["run", file, "--layout", "unified", "--specs", "."]);
    expect(run.status).toBe(2);
    const located = run.stderr.trimEnd().split("\n");
    for (const l of located) expect(l).toMatch(/^scenarios\/01-reset-pstate-el2\.scn:\d+:\d+: error: [^\u0000-\u001f]{1,1000}$/);
    expect(run.stderr).toContain("\\x1b[2J");
    const before = snapshot(out);
    const start = withFile(file, text, ["start", "--specs", ".", "--out", out]);
    expect(start.status).toBe(2);
    expectLocatedOutput(start.stderr, /^start: \d+ problems? in the scenarios; nothing written$/);
    expect(snapshot(out)).toEqual(before);
  });
});
