/**
 * The result cache (generators/cache.ts): a warm run must say exactly what a cold one says, and
 * any change to an input must make it cold again. In process for the key and entry rules; through
 * the built command line for warm == cold (stdout, stderr and exit status), run with
 * REGLAB_CACHE_DIR pointing at a fresh folder so no other run's entries take part.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedExpected, cachedValidate, planCheck, sha256, type ValidateResult } from "../generators/cache.js";
import { GENERATED_BY } from "../generators/emit/emitter.js";
import { planSync } from "../generators/sync-files.js";
import { CLI, ROOT, SPECS } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "reglab-cache-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh copy of the bundled specs (registers and profiles suffice for validate; all for generate). */
function specsCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(SPECS, dir, { recursive: true });
  return dir;
}

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []);

describe("cache rules, in process", () => {
  const result = (registers: number): ValidateResult => ({ problems: ["a.yaml:1:2: error: x"], files: 1, counts: { registers, aliases: 0 } });
  let specs: string;
  beforeAll(() => {
    specs = join(tmp, "tiny-specs");
    cpSync(join(SPECS, "profiles"), join(specs, "profiles"), { recursive: true });
  });

  it("computes once, then answers from the entry; --no-cache computes and stores nothing", async () => {
    const dir = join(tmp, "c1");
    let calls = 0;
    const compute = () => (calls++, result(7));
    expect(await cachedValidate(specs, { dir }, compute)).toEqual({ value: result(7), hit: false });
    expect(await cachedValidate(specs, { dir }, compute)).toEqual({ value: result(7), hit: true });
    expect(calls).toBe(1);
    expect(entries(dir)).toHaveLength(1);
    const none = join(tmp, "c1-none");
    expect((await cachedValidate(specs, { dir: none, noCache: true }, compute)).hit).toBe(false);
    expect(calls).toBe(2);
    expect(entries(none)).toHaveLength(0);
  });

  it("misses when a spec byte, a file name or an option changes; one entry per setting", async () => {
    const dir = join(tmp, "c2");
    let calls = 0;
    const compute = () => (calls++, result(calls));
    await cachedValidate(specs, { dir }, compute);
    const file = join(specs, "profiles", "max.yaml");
    const before = readFileSync(file);
    writeFileSync(file, Buffer.concat([before.subarray(0, -1), Buffer.from([before.at(-1)! ^ 1])]));
    expect((await cachedValidate(specs, { dir }, compute)).value.counts.registers).toBe(2);
    writeFileSync(file, before);
    // Back to the first bytes: the first entry was replaced (one per setting), so this computes again.
    expect((await cachedValidate(specs, { dir }, compute)).hit).toBe(false);
    expect(entries(dir)).toHaveLength(1);
    writeFileSync(join(specs, "profiles", "new.txt"), "");
    expect((await cachedValidate(specs, { dir }, compute)).hit).toBe(false);
    unlinkSync(join(specs, "profiles", "new.txt"));
    // Options: --layout a, b and b, a, a are the same question; a different set is another.
    const files = new Map([["x/a.txt", "a\n"]]);
    let renders = 0;
    const render = () => (renders++, files);
    await cachedExpected(specs, { layouts: ["a", "b"] }, { dir }, render);
    expect((await cachedExpected(specs, { layouts: ["b", "a", "a"] }, { dir }, render))?.hit).toBe(true);
    expect((await cachedExpected(specs, { layouts: ["a"] }, { dir }, render))?.hit).toBe(false);
    expect((await cachedExpected(specs, {}, { dir }, render))?.hit).toBe(false);
    expect(renders).toBe(3);
  });

  it("a failed computation (undefined) is not remembered", async () => {
    const dir = join(tmp, "c3");
    let calls = 0;
    const fail = () => (calls++, undefined);
    expect(await cachedExpected(specs, {}, { dir }, fail)).toBeUndefined();
    expect(await cachedExpected(specs, {}, { dir }, fail)).toBeUndefined();
    expect(calls).toBe(2);
    expect(entries(dir)).toHaveLength(0);
  });

  it("a corrupt, truncated or misshapen entry is a miss, then replaced", async () => {
    const dir = join(tmp, "c4");
    let calls = 0;
    const compute = () => (calls++, result(5));
    await cachedValidate(specs, { dir }, compute);
    const [name] = entries(dir);
    const path = join(dir, name!);
    const good = readFileSync(path, "utf8");
    const bad = [
      "",
      "{not json",
      good.slice(0, good.length >> 1),
      "null",
      good.replace('"registers":5', '"registers":"5"'),
      good.replace('"problems":["a.yaml', '"problems":[1,"a.yaml'),
      good.replace('"format":1', '"format":0'),
      good.replace(/"key":"[0-9a-f]+"/, '"key":"0"'),
    ];
    for (const text of bad) {
      writeFileSync(path, text);
      expect(await cachedValidate(specs, { dir }, compute)).toEqual({ value: result(5), hit: false });
      expect(readFileSync(path, "utf8")).toBe(good);
    }
    expect(calls).toBe(1 + bad.length);
  });

  it("an unwritable cache folder only costs speed", async () => {
    const file = join(tmp, "c5-is-a-file");
    writeFileSync(file, "");
    expect(await cachedValidate(specs, { dir: join(file, "sub") }, () => result(3))).toEqual({ value: result(3), hit: false });
  });

  it("planCheck decides as planSync does: missing, stale, foreign, extra, scope, temp files ignored", () => {
    const out = join(tmp, "plan-out");
    const mine = `/* ${GENERATED_BY} */\n`;
    const want = new Map([
      ["a/ok.h", `${mine}ok\n`],
      ["a/stale.h", `${mine}new\n`],
      ["a/hand.h", `${mine}x\n`],
      ["a/missing.h", `${mine}m\n`],
    ]);
    const disk: [string, string][] = [
      ["a/ok.h", `${mine}ok\n`],
      ["a/stale.h", `${mine}old\n`],
      ["a/hand.h", "hand written\n"],
      ["a/extra.h", `${mine}gone\n`],
      ["a/notes.txt", "a user's file\n"],
      ["b/extra.h", `${mine}other layout\n`],
      ["a/.ok.h.reglab-tmp-1", mine],
    ];
    for (const [p, c] of disk) {
      mkdirSync(dirname(join(out, p)), { recursive: true });
      writeFileSync(join(out, p), c);
    }
    const hashes = new Map([...want].map(([p, c]) => [p, sha256(c)]));
    const expected = planSync(out, want);
    const plan = planCheck(out, hashes);
    expect(plan).toEqual({ write: ["a/stale.h", "a/missing.h"], remove: ["a/extra.h", "b/extra.h"], unchanged: ["a/ok.h"], foreign: ["a/hand.h"] });
    expect(plan).toEqual({ write: expected.write, remove: expected.remove, unchanged: expected.unchanged, foreign: expected.foreign });
    expect(planCheck(out, hashes, new Set(["a"])).remove).toEqual(["a/extra.h"]);
  });
});


function run(args: readonly string[], cacheDir: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, REGLAB_CACHE_DIR: cacheDir } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("warm == cold through the command line", () => {
  it("validate: good specs, then a one-byte change that breaks them, then a corrupt entry", () => {
    const specs = specsCopy("validate-specs");
    const cache = join(tmp, "cli-validate");
    const cold = run(["validate", "--specs", specs, "--no-cache"], cache);
    expect(cold.status).toBe(0);
    expect(entries(cache)).toHaveLength(0);
    expect(run(["validate", "--specs", specs], cache)).toEqual(cold); // miss: fills
    expect(entries(cache)).toHaveLength(1);
    expect(run(["validate", "--specs", specs], cache)).toEqual(cold); // hit
    // The hit really comes from the entry: a doctored one is believed (and only a key change clears it).
    const entry = join(cache, entries(cache)[0]!);
    const good = readFileSync(entry, "utf8");
    writeFileSync(entry, good.replace(/"registers":\d+/, '"registers":99999'));
    expect(run(["validate", "--specs", specs], cache).stdout).toContain("99999 registers");
    writeFileSync(entry, good);

    // One byte: `title:` becomes `titlf:` (an unknown key, a missing one).
    const file = join(specs, "registers", "el1", "SCTLR_EL1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("\ntitle:", "\ntitlf:"));
    const badCold = run(["validate", "--specs", specs, "--no-cache"], cache);
    expect(badCold.status).toBe(1);
    expect(badCold.stderr).toMatch(/SCTLR_EL1\.yaml:\d+:\d+: error: /);
    expect(run(["validate", "--specs", specs], cache)).toEqual(badCold); // miss
    expect(run(["validate", "--specs", specs], cache)).toEqual(badCold); // hit: same diagnostics, same status

    for (const name of entries(cache)) writeFileSync(join(cache, name), "\u0000garbage");
    expect(run(["validate", "--specs", specs], cache)).toEqual(badCold);
    expect(run(["validate", "--specs", specs], cache)).toEqual(badCold);
  });

  it("generate --check: fresh, then tampered, missing and extra files fail warm exactly as cold", () => {
    const out = join(tmp, "generated");
    const cache = join(tmp, "cli-generate");
    expect(run(["generate", "--out", out], cache).status).toBe(0);
    const fresh = run(["generate", "--check", "--out", out], cache); // cold: fills
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/^generate --check: \d+ files fresh\n$/);
    expect(run(["generate", "--check", "--out", out], cache)).toEqual(fresh); // warm

    appendFileSync(join(out, "unified", "kvm_host.h"), " "); // one byte more
    unlinkSync(join(out, "banked", "layout.json"));
    cpSync(join(out, "unified", "check.c"), join(out, "unified", "old.c")); // reglab's header: an extra file
    writeFileSync(join(out, "el2-array", "check.c"), "/* mine */\n"); // no header: foreign
    const warm = run(["generate", "--check", "--out", out], cache);
    const cold = run(["generate", "--check", "--out", out, "--no-cache"], cache);
    expect(warm).toEqual(cold);
    expect(cold.status).toBe(1);
    expect(cold.stdout).toContain("stale unified/kvm_host.h\n");
    expect(cold.stdout).toContain("missing banked/layout.json\n");
    expect(cold.stdout).toContain("extra unified/old.c\n");
    expect(cold.stdout).toContain("foreign el2-array/check.c\n");
    expect(cold.stderr).toContain("el2-array/check.c was not generated by reglab");

    // Another --layout is another question: its own (cold) answer, then warm.
    const one = run(["generate", "--check", "--out", out, "--layout", "unified", "--no-cache"], cache);
    expect(one.stdout).not.toContain("banked/");
    expect(run(["generate", "--check", "--out", out, "--layout", "unified"], cache)).toEqual(one);
    expect(run(["generate", "--check", "--out", out, "--layout", "unified"], cache)).toEqual(one);
  }, 240_000);
});
