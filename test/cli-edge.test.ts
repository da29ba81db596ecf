/**
 * The command line's edges (issue 13): a bad option value, a layout or
 * profile that does not exist, a report path that cannot be written, a file
 * that cannot be read — each is one clear line on stderr and exit 2, never a
 * stack trace or the whole usage text; an internal error is one line naming
 * the input, the stack only with --debug; Ctrl-C during a worker run of
 * `reglab ab` ends it with nothing left running and no half-written report.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { INTERNAL_ERROR, reportFailure, UsageError } from "../cli/errors.js";
import { processing } from "../generators/processing.js";
import { CLI, reglab, ROOT, SPECS } from "./helpers.js";

const SCN = join(SPECS, "scenarios", "01-reset-pstate-el2.scn");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reglab-cli-edge-"));
  writeFileSync(join(dir, "a-file"), "not a folder\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, exit 2, nothing that looks like a stack trace or a usage dump. */
function expectUsageLine(args: string[], pattern: RegExp): void {
  const r = reglab(args);
  expect(r.stderr, `reglab ${args.join(" ")}`).toMatch(pattern);
  expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Options:|--help +Show help/);
  expect(r.status).toBe(2);
}

describe("usage mistakes: one line, exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["--random 0", ["ab", "unified", "banked", "--random", "0"], /^reglab ab: --random takes a whole number from 1 to \d+, got '0'\n$/],
    ["--random negative", ["ab", "unified", "banked", "--random", "-3"], /--random takes a whole number .* got '-3'/],
    ["--random not a number", ["ab", "unified", "banked", "--random", "abc"], /--random takes a whole number .* got 'abc'/],
    // A fraction used to make the random loop run forever.
    ["--random fraction", ["ab", "unified", "banked", "--random", "1.5"], /--random takes a whole number .* got '1.5'/],
    ["--seed abc", ["ab", "unified", "banked", "--random", "5", "--seed", "abc"], /^reglab ab: --seed takes a whole number from 0 to 2147483647, got 'abc'\n$/],
    ["--workers 0", ["ab", "--all", "--random", "10", "--workers", "0"], /^reglab ab: --workers takes a whole number from 1 to 64, got '0'\n$/],
    ["start --random 0", ["start", "--random", "0"], /^reglab start: --random takes/],
    ["unknown layout (ab)", ["ab", "nope", "unified"], /^ab: no layout named nope \(have: .*unified.*\)\n$/],
    ["unknown layout (run)", ["run", SCN, "--layout", "nope"], /^run: no layout named nope \(have: .*reference\)\n$/],
    ["unknown layout (generate)", ["generate", "--layout", "nope", "--check"], /^generate: no layout named nope/],
    ["unknown profile (ab)", ["ab", "unified", "banked", "--profile", "nope"], /^ab: no profile named nope \(have: .*max.*\)\n$/],
    ["unknown profile (run)", ["run", SCN, "--layout", "unified", "--profile", "nope"], /^run: no profile named nope/],
    ["a scenario that does not exist", ["run", "no-such.scn", "--layout", "unified"], /^reglab run: cannot read no-such\.scn: no such file or directory \(ENOENT\)\n$/],
    ["a folder for a scenario", ["run", "specs", "--layout", "unified"], /^reglab run: specs is a folder; name a file\n$/],
    ["--plant nonsense", ["ab", "unified", "banked", "--plant", "bogus"], /^reglab ab: --plant takes KIND:REGISTER/],
    ["an unknown option", ["ab", "unified", "banked", "--colour"], /^reglab ab: Unknown argument: colour \(see --help\)\n$/],
    ["an unknown command", ["frobnicate"], /^reglab frobnicate: Unknown argument: frobnicate/],
  ];
  for (const [name, args, pattern] of cases) it(name, () => expectUsageLine(args, pattern));

  it("an unwritable --json or --junit path is refused before any work", () => {
    expectUsageLine(["ab", "unified", "banked", "--json", join(dir, "missing", "r.json")], /^reglab ab: --json .*: the folder .*missing does not exist\n$/);
    expectUsageLine(["ab", "unified", "banked", "--json", dir], /^reglab ab: --json .* is a folder; name a file\n$/);
    expectUsageLine(["ab", "unified", "banked", "--junit", join(dir, "a-file", "r.xml")], /^reglab ab: --junit .*: .*a-file is not a folder\n$/);
  });
});

describe("internal errors", () => {
  const capture = (e: unknown, debug: boolean): { status: number; text: string } => {
    let text = "";
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      text += String(s);
      return true;
    });
    try {
      return { status: reportFailure(e, "validate", debug), text };
    } finally {
      spy.mockRestore();
    }
  };

  it("are one line naming the input being processed, the stack only with --debug", () => {
    processing("registers/el2/SCTLR_EL2.yaml");
    const bug = new TypeError("cannot read properties of undefined (reading 'bits')");
    const plain = capture(bug, false);
    expect(plain.status).toBe(INTERNAL_ERROR);
    expect(plain.text).toBe(
      "reglab validate: internal error while processing registers/el2/SCTLR_EL2.yaml: TypeError: cannot read properties of undefined (reading 'bits'); " +
        "this is a bug in reglab, please report it with that file (rerun with --debug for the stack)\n",
    );
    const debug = capture(bug, true);
    expect(debug.text.split("\n")[1]).toMatch(/^TypeError: cannot read properties/);
    expect(debug.text).toMatch(/^\s+at /m);
    processing(undefined);
  });

  it("usage errors and file errors are not reported as bugs", () => {
    expect(capture(new UsageError("--x is wrong"), false)).toEqual({ status: 2, text: "reglab validate: --x is wrong\n" });
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x.yaml'"), { code: "ENOENT", path: "x.yaml", syscall: "open" });
    expect(capture(enoent, false)).toEqual({ status: 2, text: "reglab validate: cannot open x.yaml: no such file or directory (ENOENT)\n" });
  });
});

/** Pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  if (!existsSync("/proc")) return [];
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Threads of `pid` (Linux /proc): the ab workers are worker threads. */
function threadsOf(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
}

describe("Ctrl-C during a worker run of reglab ab", () => {
  it.runIf(process.platform === "linux")("ends the run, leaves no process and no report behind", async () => {
    const json = join(dir, "ab.json");
    // Enough programs that the workers are still busy when the signal comes (sampling them takes a moment first).
    const RUNS = 100_000;
    const child = spawn(process.execPath, [CLI, "ab", "--all", "--random", String(RUNS), "--workers", "2", "--seed", "1", "--json", json], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const pid = child.pid ?? 0;
    let stdout = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    // Started: the random phase announced, then two threads more than the process ever had before it (the workers).
    let idle = 0;
    const before = Date.now();
    while (!stdout.includes("random programs:") && Date.now() - before < 60_000) {
      idle = Math.max(idle, threadsOf(pid));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(stdout).toContain(`random programs: ${RUNS}`);
    const t0 = Date.now();
    while (threadsOf(pid) < idle + 2 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
    expect(threadsOf(pid)).toBeGreaterThanOrEqual(idle + 2);
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGINT");
    const end = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 10_000))]);
    if (end === "hung") child.kill("SIGKILL");
    expect(end).not.toBe("hung");
    // Ended by the signal, as a shell's Ctrl-C expects (status 130), not a success.
    expect(end !== "hung" && (end.signal === "SIGINT" || end.code === 130)).toBe(true);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(childrenOf(pid)).toEqual([]);
    expect(existsSync(json)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("reglab-tmp"))).toEqual([]);
  }, 90_000);
});
