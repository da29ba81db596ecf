/**
 * `npm run bench [-- --json FILE] [-- --quick]`: reglab's speed goals, each
 * measured against the baseline that bounds it, in the same run, and printed
 * as a ratio with both absolute numbers and PASS or MISS. Never a test:
 * machines differ; ratios measured side by side do not. Every figure is the
 * median of several interleaved repetitions (a shared 2-core machine is noisy).
 *
 *  1. register read+write through a generated layout, as MSR and MRS do it
 *     (a system register written from X1 through its RES0/RES1 masks, then
 *     read into X0), vs a raw typed-array loop over the same offsets (the
 *     physical limit in JavaScript; goal: within 2x) and vs a naive
 *     Map<string, bigint> register file (goal: 10x faster);
 *  2. a nested round trip (world switch exit + entry, E2H = 0, so with the
 *     non-VHE translations) vs TypedArray.prototype.set of the same bytes,
 *     one set per contiguous run of the plan (goal: within 4x);
 *  3. emulator steps per second on random A/B programs, per layout (goal:
 *     1,000,000 each);
 *  4. A/B runner random programs per second, one worker and two, at 1,000
 *     and 10,000 programs (goal: two workers faster than one);
 *  5. whole processes vs `node -e 0`, in CPU time: `reglab validate` (goal:
 *     within 3x) and `reglab generate --check` (goal: within 10x), each warm
 *     (answered from the cache, generators/cache.ts: the goals are about this
 *     interactive path) and cold (--no-cache, shown beside); `reglab
 *     generate` of every layout into an empty folder; and spec load +
 *     validate alone, in process;
 *  6. scaling: spec load, generate and A/B for the bundled specs and for a
 *     synthetic set 10x larger (bench/synthetic.ts), as growth factors (goal:
 *     at most 12x).
 *
 * Each section prints its wall time, and the end the whole run's: the bench
 * is meant to finish within two minutes on a 2-core machine.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sysregNames } from "../emulator/a64/sysreg-names.js";
import { randomParallel } from "../emulator/ab/parallel.js";
import { Matrix } from "../emulator/ab/matrix.js";
import { programArbitrary } from "../emulator/ab/random.js";
import type { LayoutModule } from "../emulator/layout-module.js";
import { LayoutState } from "../emulator/layout-state.js";
import { layoutMachine, layoutNames, loadLayout, registerIndex } from "../emulator/machine.js";
import { docsHosts, metricsOfSpecs } from "../emulator/metrics/compute.js";
import { parseScenario, type Step } from "../emulator/scenario/parse.js";
import { layoutModuleOf } from "../generators/layout/module-data.js";
import { loadSpecs } from "../generators/pipeline.js";
import { packageRoot } from "../generators/paths.js";
import type { RegisterModel } from "../generators/spec/model.js";
import { cpuSeconds, cpuSecondsAsync, interleaved, median, runProcess, type ProcessTime } from "./measure.js";
import { syntheticSpecs, specsWithLayouts } from "./synthetic.js";

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf("--json");
const JSON_OUT = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
const QUICK = argv.includes("--quick");
const LAYOUT = "unified";
const REPEAT = QUICK ? 3 : 7;
const ROOT = packageRoot();
const SPECS = join(ROOT, "specs");
const CLI = join(ROOT, "dist", "cli", "main.js");

interface Figure {
  readonly what: string;
  /** The measured figure and its baseline, in `unit`. */
  readonly value: number;
  readonly baseline?: number;
  readonly unit: string;
  /** value / baseline (or baseline / value for "faster than" goals), as the goal states it. */
  readonly ratio?: number;
  readonly goal?: string;
  readonly pass?: boolean;
}

const figures: Figure[] = [];
const fmt = (v: number, digits = 2) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : v.toFixed(digits));
function report(f: Figure): void {
  figures.push(f);
  const both = f.baseline === undefined ? `${fmt(f.value)} ${f.unit}` : `${fmt(f.value)} vs ${fmt(f.baseline)} ${f.unit}`;
  const ratio = f.ratio === undefined ? "" : `${f.ratio.toFixed(2)}x`;
  const verdict = f.pass === undefined ? "" : f.pass ? "PASS" : "MISS";
  console.log(`${f.what.padEnd(66)} ${ratio.padStart(8)}  ${(f.goal ?? "").padEnd(14)} ${verdict.padEnd(4)}  ${both}`);
}

// Wall time per section and in all: the whole bench is meant to stay under two minutes.
const started = performance.now();
let current: { name: string; at: number } | undefined;
function section(name?: string): void {
  const now = performance.now();
  if (current) console.log(`    [${current.name}: ${((now - current.at) / 1e3).toFixed(1)} s wall]`);
  current = name === undefined ? undefined : { name, at: now };
}

const loaded = loadSpecs(SPECS);
const model = loaded.model;
const index = registerIndex(model);
console.log(`reglab bench: node ${process.version}, ${process.platform}/${process.arch}, median of ${REPEAT} interleaved runs\n`);

// 1. Register read+write as the emulator does it for MSR and MRS: for each EL1 system register,
//    write it from X1 through its RES0/RES1 masks, then read it into X0.
section("register access, round trip");
{
  const layout = await loadLayout(LAYOUT);
  const machine = layoutMachine(model, layout);
  const state = machine.vcpu.state as LayoutState;
  machine.vcpu.reset();
  machine.vcpu.setEl(1);
  const regs = Int32Array.from(
    model.registers.filter((r) => r.el === 1 && r.cls === "sysreg" && state.has(index.number(r.name))).map((r) => index.number(r.name)),
  );
  const wordOf = (r: number) => (layout.offsets[layout.registers.indexOf(index.names[r] ?? "")] ?? 0) >> 2;
  const offsets = Int32Array.from(regs, wordOf);
  const res0 = Uint32Array.from([...regs].flatMap((r) => [index.res0[2 * r] ?? 0, index.res0[2 * r + 1] ?? 0]));
  const res1 = Uint32Array.from([...regs].flatMap((r) => [index.res1[2 * r] ?? 0, index.res1[2 * r + 1] ?? 0]));
  const X0 = index.number("X0");
  const X1 = index.number("X1");
  const ROUNDS = 20_000;
  const ops = ROUNDS * regs.length;
  const raw = new Uint32Array(layout.contextSize >> 2);
  const x0w = wordOf(X0);
  const x1w = wordOf(X1);
  const names = Array.from(regs, (r) => index.names[r] ?? "");
  const masks = Array.from(regs, (_, i) => [BigInt(res0[2 * i] ?? 0) | (BigInt(res0[2 * i + 1] ?? 0) << 32n), BigInt(res1[2 * i] ?? 0) | (BigInt(res1[2 * i + 1] ?? 0) << 32n)] as const);
  // X1 holds a full 64-bit value in all three, as a guest's MSR source does: with 0 the Map's BigInt
  // arithmetic would stay on V8's small-value fast path and the baseline would measure a case no
  // register file meets.
  const SOURCE = 0xdeadbeefcafef00dn;
  machine.vcpu.setX(1, SOURCE);
  raw[x1w] = Number(SOURCE & 0xffffffffn);
  raw[x1w + 1] = Number(SOURCE >> 32n);
  const map = new Map<string, bigint>([...names, "X0", "X1"].map((n) => [n, n === "X1" ? SOURCE : 0n]));
  const [viaLayout, viaRaw, viaMap] = interleaved(REPEAT, [
    {
      ops,
      fn: () => {
        for (let k = 0; k < ROUNDS; k++) {
          for (let i = 0; i < regs.length; i++) {
            const r = regs[i] as number;
            state.move(r, X1, res0[2 * i] as number, res0[2 * i + 1] as number, res1[2 * i] as number, res1[2 * i + 1] as number);
            state.move(X0, r, 0, 0, 0, 0);
          }
        }
      },
    },
    {
      ops,
      fn: () => {
        for (let k = 0; k < ROUNDS; k++) {
          for (let i = 0; i < offsets.length; i++) {
            const w = offsets[i] as number;
            raw[w] = ((raw[x1w] as number) & ~(res0[2 * i] as number)) | (res1[2 * i] as number);
            raw[w + 1] = ((raw[x1w + 1] as number) & ~(res0[2 * i + 1] as number)) | (res1[2 * i + 1] as number);
            raw[x0w] = raw[w] as number;
            raw[x0w + 1] = raw[w + 1] as number;
          }
        }
      },
    },
    {
      ops: ops / 10,
      fn: () => {
        for (let k = 0; k < ROUNDS / 10; k++) {
          for (let i = 0; i < names.length; i++) {
            const n = names[i] as string;
            const [m0, m1] = masks[i] as readonly [bigint, bigint];
            map.set(n, ((map.get("X1") ?? 0n) & ~m0) | m1);
            map.set("X0", map.get(n) ?? 0n);
          }
        }
      },
    },
  ]) as [number, number, number];
  report({ what: `register read+write via ${LAYOUT} vs raw typed array`, value: viaLayout, baseline: viaRaw, unit: "ns/op", ratio: viaLayout / viaRaw, goal: "<= 2x", pass: viaLayout / viaRaw <= 2 });
  report({ what: `Map<string, bigint> vs register read+write via ${LAYOUT}`, value: viaMap, baseline: viaLayout, unit: "ns/op", ratio: viaMap / viaLayout, goal: ">= 10x", pass: viaMap / viaLayout >= 10 });

  // 2. Nested round trip vs TypedArray.prototype.set of the same bytes, run by run.
  machine.vcpu.setEl(2);
  const TRIPS = 20_000;
  const plan = layout.copyPlan.e2h0;
  const bytes = plan.entry.bytes + plan.exit.bytes;
  const from = new Uint8Array(layout.contextSize);
  const to = new Uint8Array(layout.contextSize);
  const runViews = [plan.exit, plan.entry].flatMap((p) => p.runs.map((r) => [from.subarray(r.offset, r.offset + r.size), r.offset] as const));
  const [roundTrip, plainCopy] = interleaved(REPEAT, [
    {
      ops: TRIPS,
      fn: () => {
        for (let k = 0; k < TRIPS; k++) {
          state.worldSwitch("exit", false);
          state.worldSwitch("entry", false);
        }
      },
    },
    {
      ops: TRIPS,
      fn: () => {
        for (let k = 0; k < TRIPS; k++) {
          for (let i = 0; i < runViews.length; i++) {
            const v = runViews[i] as readonly [Uint8Array, number];
            to.set(v[0], v[1]);
          }
          from[k & 63] = k;
        }
      },
    },
  ]) as [number, number];
  report({
    what: `nested round trip (E2H=0) vs TypedArray.set, ${runViews.length} runs, ${bytes} B`,
    value: roundTrip,
    baseline: plainCopy,
    unit: "ns/trip",
    ratio: roundTrip / plainCopy,
    goal: "<= 4x",
    pass: roundTrip / plainCopy <= 4,
  });
}

// 3. Steps per second on random A/B programs, per layout: every step a vCPU executes (reset, el,
//    xN =, pc =, instructions; the ONE_REG and expect steps are the userspace API's, not the core's).
const programs = (() => {
  const names = sysregNames(model);
  return fc.sample(programArbitrary(model), { numRuns: QUICK ? 100 : 300, seed: 1 }).map((lines) => {
    const { scenario } = parseScenario("random.scn", lines.join("\n") + "\n", index, names);
    return scenario.steps.filter((s) => s.op === "reset" || s.op === "el" || s.op === "set-x" || s.op === "set-pc" || s.op === "insn");
  });
})();
const layouts: LayoutModule[] = await Promise.all(layoutNames().map((n) => loadLayout(n)));
section("steps/s");
{
  const runAll = (layout: LayoutModule): number => {
    const { vcpu } = layoutMachine(model, layout);
    let steps = 0;
    for (const program of programs) {
      for (const s of program as Step[]) {
        switch (s.op) {
          case "reset":
            vcpu.reset();
            break;
          case "el":
            if (s.el === 2 && !vcpu.options.el2) continue;
            vcpu.setEl(s.el);
            break;
          case "set-x":
            vcpu.setX(s.n, s.value);
            break;
          case "set-pc":
            vcpu.pc = s.value;
            break;
          case "insn":
            vcpu.step(s.word);
            break;
          default:
            continue;
        }
        steps++;
      }
    }
    return steps;
  };
  const counts = layouts.map(runAll);
  const LOOPS = QUICK ? 3 : 10;
  const perStep = interleaved(
    REPEAT,
    layouts.map((l, i) => ({
      ops: (counts[i] as number) * LOOPS,
      fn: () => {
        for (let k = 0; k < LOOPS; k++) runAll(l);
      },
    })),
  );
  layouts.forEach((l, i) => {
    const sps = 1e9 / (perStep[i] as number);
    report({ what: `emulator steps/s on random programs, ${l.name}`, value: sps, unit: "steps/s", goal: ">= 1,000,000", pass: sps >= 1e6 });
  });
}

// 4. A/B runner: random scenarios per second on two layouts and the reference, one worker and two,
//    wall clock, at 1,000 programs (the smallest run `reglab ab` gives two workers by default) and
//    10,000. Each figure starts from a warm main thread, as in `reglab ab`, which has run the named
//    scenarios first; workers start cold, which is their real cost.
section("A/B workers");
{
  const pair = layouts.filter((l) => l.name === "unified" || l.name === "el2-array");
  await randomParallel(model, SPECS, pair, 200, 7, 1);
  for (const [runs, reps] of QUICK ? [[1000, 1]] : [[1000, 3], [10_000, 1]]) {
    const one: number[] = [];
    const two: number[] = [];
    for (let k = 0; k < (reps as number); k++) {
      one.push((await cpuSecondsAsync(() => randomParallel(model, SPECS, pair, runs as number, 7, 1))).wall);
      two.push((await cpuSecondsAsync(() => randomParallel(model, SPECS, pair, runs as number, 7, 2))).wall);
    }
    const s1 = (runs as number) / median(one);
    const s2 = (runs as number) / median(two);
    const n = (runs as number).toLocaleString("en-US");
    report({ what: `A/B random programs/s (unified vs el2-array), ${n}, 1 worker`, value: s1, unit: "programs/s" });
    report({ what: `A/B random programs/s, ${n}, 2 workers vs 1 (wall clock)`, value: s2, baseline: s1, unit: "programs/s", ratio: s2 / s1, goal: "> 1x", pass: s2 > s1 });
  }
}

// 5. Whole processes vs `node -e 0`, CPU seconds (user + system), and spec load + validate in process.
//    validate and generate --check twice: cold (--no-cache: every spec parsed, every file rendered)
//    and warm (an earlier run's answer found in the cache, generators/cache.ts). The goals are about
//    the warm path, the one a user meets when running them again and again; cold is shown beside.
section("processes");
{
  const P = QUICK ? 1 : 3;
  // A cache of the bench's own: nothing another run left there decides what is measured.
  const cacheDir = mkdtempSync(join(tmpdir(), "reglab-bench-cache-"));
  process.env.REGLAB_CACHE_DIR = cacheDir;
  const t: Record<string, ProcessTime[]> = {};
  const time = (name: string, argv: readonly string[]) => (t[name] ??= []).push(runProcess(argv, ROOT));
  const validate = [process.execPath, CLI, "validate"];
  const check = [process.execPath, CLI, "generate", "--check"];
  try {
    // Cold: the first run fills the cache; a cold run costs seconds, so one more with --no-cache
    // (the same work, minus writing the entry) makes the median, for generate --check.
    time("validateCold", validate);
    time("checkCold", check);
    for (let k = 0; k < (QUICK ? 0 : 1); k++) {
      time("validateCold", [...validate, "--no-cache"]);
      time("checkCold", [...check, "--no-cache"]);
    }
    if (!QUICK) time("validateCold", [...validate, "--no-cache"]);
    // Warm, interleaved with the baseline (measured twice as often: the denominator of every ratio).
    for (let k = 0; k < P + 2; k++) {
      time("node", [process.execPath, "-e", "0"]);
      time("node", [process.execPath, "-e", "0"]);
      time("validateWarm", validate);
      time("checkWarm", check);
    }
  } finally {
    delete process.env.REGLAB_CACHE_DIR;
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const cpu = (k: string) => median((t[k] ?? []).map((r) => r.cpu));
  const node = cpu("node");
  const ratio = (what: string, k: string, goal?: number) =>
    report({ what, value: cpu(k), baseline: node, unit: "s", ratio: cpu(k) / node, ...(goal === undefined ? {} : { goal: `<= ${goal}x`, pass: cpu(k) / node <= goal }) });
  ratio(`reglab validate, warm (cached) vs node -e 0 (CPU)`, "validateWarm", 3);
  ratio(`reglab validate, cold (no cache entry) vs node -e 0 (CPU)`, "validateCold");
  ratio(`reglab generate --check, warm (cached) vs node -e 0 (CPU)`, "checkWarm", 10);
  ratio(`reglab generate --check, cold (no cache entry) vs node -e 0 (CPU)`, "checkCold");
  console.log("    (the goals are for the warm path, what a user re-running a command on unchanged inputs meets;");
  console.log("     cold, the first run after a change to the specs or to reglab, is shown beside)");
  const bad = Object.entries(t).filter(([, runs]) => runs.some((r) => r.status !== 0));
  if (bad.length > 0) console.log(`    (${bad.map(([k]) => k).join(", ")} exited non-zero: someone's work in progress?)`);
  // A fresh empty folder: every file is computed and written (one run: seconds each, and not a goal).
  const dir = mkdtempSync(join(tmpdir(), "reglab-bench-gen-"));
  const generate = runProcess([process.execPath, CLI, "generate", "--out", dir], ROOT).cpu;
  rmSync(dir, { recursive: true, force: true });
  const load = median(Array.from({ length: P }, () => cpuSeconds(() => loadSpecs(SPECS))));
  report({ what: "reglab generate, every layout, empty folder (CPU, 1 run)", value: generate, unit: "s" });
  report({ what: "spec load + validate in process (registers, profiles, layouts)", value: load, unit: "s CPU" });
}

// 6. Scaling: the bundled specs and a synthetic set 10x larger, same layouts.
section("scaling");
{
  const used = new Set(model.registers.flatMap((r) => (r.encoding ? [`${r.encoding.op0}:${r.encoding.op1}:${r.encoding.crn}:${r.encoding.crm}:${r.encoding.op2}`] : [])));
  for (const a of model.aliases) used.add(`${a.encoding.op0}:${a.encoding.op1}:${a.encoding.crn}:${a.encoding.crm}:${a.encoding.op2}`);
  const big = syntheticSpecs(SPECS, 10, used);
  const small = specsWithLayouts(SPECS, big.layouts);
  try {
    const { renderAll } = await import("../generators/generate.js");
    const AB_RUNS = QUICK ? 50 : 200;
    const measureAt = (dir: string) => {
      let l: ReturnType<typeof loadSpecs> | undefined;
      const load = cpuSeconds(() => (l = loadSpecs(dir)));
      const s = l as ReturnType<typeof loadSpecs>;
      if (s.diagnostics.length > 0) throw new Error(`synthetic specs do not validate: ${s.diagnostics[0]?.message}`);
      const generate = cpuSeconds(() => {
        const m = metricsOfSpecs(s.model, s.layouts, dir, docsHosts(s.profiles));
        if (!m.report) throw new Error("metrics failed on the synthetic specs");
        renderAll(s.model, s.layouts, s.profiles, m.report);
      });
      const modules = s.layouts.map(layoutModuleOf);
      const ab = cpuSeconds(() => new Matrix(s.model as RegisterModel, modules).random(AB_RUNS, 3));
      return { load, generate, ab, registers: s.model.registers.length };
    };
    measureAt(small.dir); // warm: module loading and JIT belong to neither side
    const a = measureAt(small.dir);
    const b = measureAt(big.dir);
    const growth = (what: string, x: number, y: number) =>
      report({ what: `${what}, ${b.registers} vs ${a.registers} registers`, value: y, baseline: x, unit: "s CPU", ratio: y / x, goal: "<= 12x", pass: y / x <= 12 });
    growth("scaling: spec load + validate", a.load, b.load);
    growth(`scaling: generate (${big.layouts.length} layouts + docs)`, a.generate, b.generate);
    growth(`scaling: A/B, ${AB_RUNS} random programs`, a.ab, b.ab);
  } finally {
    big.remove();
    small.remove();
  }
}

section();
const wall = (performance.now() - started) / 1e3;
console.log(`\nbench: ${wall.toFixed(1)} s wall in all (goal: under 120 s on a 2-core machine)`);
const misses = figures.filter((f) => f.pass === false).length;
console.log(`\n${figures.filter((f) => f.pass !== undefined).length - misses} PASS, ${misses} MISS`);
if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, platform: `${process.platform}/${process.arch}`, date: new Date().toISOString(), repeat: REPEAT, wallSeconds: wall, figures }, null, 2) + "\n");
  console.log(`bench: ${JSON_OUT} written`);
}
