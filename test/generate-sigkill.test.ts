/**
 * `reglab generate` killed with SIGKILL while it writes: every file under the
 * output folder must be complete, old or new (never a mix, never truncated),
 * and a temp file a kill leaves must be gone after the next run, while files
 * reglab did not generate (one of them named like a temp file) stay as they
 * are. Runs on a temp copy of the specs and a temp output folder, never on the
 * repository's generated/.
 *
 * The kill is timed from the output folder: on the first change (the write
 * phase has begun; rendering takes seconds before it) plus a random delay, so
 * each kill lands among the writes. The delays are printed.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, SPECS } from "./helpers.js";

const TEMP = /(^|\/)\.[^/]+\.reglab-tmp-\d+$/;
const KILLS = 3;

let dir: string;
let out: string;
let newSpecs: string;
let oldFiles: Map<string, string>;
let newFiles: Map<string, string>;
/** Files reglab did not write: must survive every run untouched. */
const FOREIGN = new Map([
  ["notes.txt", "mine\n"],
  [".notes.txt.reglab-tmp-1", "also mine: named like a temp file, but without reglab's header\n"],
]);

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(root, p).split("\\").join("/"), readFileSync(p, "utf8"));
    }
  };
  walk(root);
  return files;
}

function generate(specs: string, to: string): void {
  const r = spawnSync(process.execPath, [CLI, "generate", "--specs", specs, "--out", to], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}

/** Start `generate`, SIGKILL it `delay` ms after the output folder first changes; resolves when it is gone. */
function generateKilled(specs: string, delay: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "generate", "--specs", specs, "--out", out], { cwd: ROOT, stdio: "ignore" });
    let when = "before any write";
    const watcher = watch(out, { recursive: true }, () => {
      watcher.close();
      when = `${delay} ms after the first write`;
      setTimeout(() => child.kill("SIGKILL"), delay);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      watcher.close();
      resolve(signal === "SIGKILL" ? `killed ${when}` : `ended by itself (exit ${code})`);
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reglab-sigkill-"));
  out = join(dir, "out");
  newSpecs = join(dir, "specs");
  // The new specs change every register's title: hundreds of files differ (docs pages, headers' comments).
  cpSync(SPECS, newSpecs, { recursive: true });
  for (const f of snapshot(join(newSpecs, "registers")).keys()) {
    const p = join(newSpecs, "registers", f);
    // A quoted title stays quoted: the words go inside the quotes.
    writeFileSync(p, readFileSync(p, "utf8").replace(/^title: ("?)(.*?)\1$/m, "title: $1$2 (edited)$1"));
  }
  generate(SPECS, out);
  oldFiles = snapshot(out);
  generate(newSpecs, join(dir, "new"));
  newFiles = snapshot(join(dir, "new"));
  for (const [f, text] of FOREIGN) writeFileSync(join(out, f), text);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generate killed with SIGKILL", () => {
  it("leaves every file complete (old or new), and the next run removes its temp files", async () => {
    const changed = [...newFiles].filter(([f, t]) => oldFiles.get(f) !== t).length;
    expect(changed).toBeGreaterThan(100);
    const delays = Array.from({ length: KILLS }, () => Math.floor(Math.random() * 40));
    process.stdout.write(`generate-sigkill: kill delays ${delays.join(", ")} ms after the first write\n`);
    const ends: string[] = [];
    for (const [i, delay] of delays.entries()) {
      // Alternate the specs so that every run has files to write.
      const how = await generateKilled(i % 2 === 0 ? newSpecs : SPECS, delay);
      ends.push(how);
      const now = snapshot(out);
      const temps = [...now.keys()].filter((f) => TEMP.test(f) && !FOREIGN.has(f));
      process.stdout.write(`generate-sigkill: run ${i + 1} ${how}; ${temps.length} temp file(s) left\n`);
      for (const [f, text] of now) {
        if (FOREIGN.has(f)) expect(text, `${f} (not reglab's) changed`).toBe(FOREIGN.get(f));
        else if (temps.includes(f)) continue;
        else expect(text === oldFiles.get(f) || text === newFiles.get(f), `${f} is neither the old nor the new file (${how})`).toBe(true);
      }
      // Writes are sequential: a kill can catch at most one of them between create and rename.
      expect(temps.length, `temp files after a run ${how}: ${temps.join(", ")}`).toBeLessThanOrEqual(1);
      for (const f of oldFiles.keys()) if (!newFiles.has(f)) expect(now.has(f)).toBe(true);
    }
    // The test is about kills among the writes: at least one must have landed there.
    expect(ends.some((e) => e.startsWith("killed") && e.includes("after the first write")), ends.join("; ")).toBe(true);
    // A complete run: exactly the new files, no temp file, the foreign files untouched.
    generate(newSpecs, out);
    expect(snapshot(out)).toEqual(new Map([...newFiles, ...FOREIGN]));
  }, 240_000);
});
