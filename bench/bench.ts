/**
 * `npm run bench`: the emulator's speed goals, each measured against a
 * baseline in the same run and printed as a ratio with PASS or MISS. Never a
 * test: machines differ; ratios measured side by side do not.
 *
 *  1. register read+write through a generated layout, as MSR and MRS do it
 *     (a system register written from X1 through its RES0/RES1 masks, then
 *     read into X0), vs a raw typed-array loop doing the same over the same
 *     offsets (goal: within 2x) and vs a Map<string, bigint> register file
 *     (goal: 10x faster);
 *  2. a nested round trip (world switch exit + entry, E2H = 0, so with the
 *     non-VHE translations) vs TypedArray.prototype.set of the same bytes:
 *     one set per contiguous run of the layout's copy plan, which is what a
 *     memcpy-based world switch would do (goal: within 4x);
 *  3. emulator steps per second (goal: at least 1,000,000).
 */
import { performance } from "node:perf_hooks";
import { sysregNames } from "../emulator/a64/sysreg-names.js";
import { assemble } from "../emulator/a64/encode.js";
import { LayoutState } from "../emulator/layout-state.js";
import { layoutMachine, loadLayout, registerIndex } from "../emulator/machine.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { defaultSpecsDir } from "../cli/paths.js";

const LAYOUT = process.argv[2] ?? "unified";
const REPEAT = 5;

/** Best of REPEAT runs of `fn`, in nanoseconds per operation. */
function measure(ops: number, fn: () => void): number {
  let best = Infinity;
  for (let k = 0; k < REPEAT; k++) {
    const t = performance.now();
    fn();
    best = Math.min(best, ((performance.now() - t) * 1e6) / ops);
  }
  return best;
}

function verdict(ok: boolean): string {
  return ok ? "PASS" : "MISS";
}

const { model } = loadRegisterSpecs(defaultSpecsDir());
const index = registerIndex(model);
const layout = await loadLayout(LAYOUT);
const machine = layoutMachine(model, layout);
const state = machine.vcpu.state as LayoutState;
machine.vcpu.reset();
machine.vcpu.setEl(1);

// 1. Register read+write as the emulator does it for MSR and MRS: for each EL1 system register,
//    write it from X1 through its RES0/RES1 masks, then read it into X0.
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
const viaLayout = measure(ops, () => {
  for (let k = 0; k < ROUNDS; k++) {
    for (let i = 0; i < regs.length; i++) {
      const r = regs[i] as number;
      state.move(r, X1, res0[2 * i] as number, res0[2 * i + 1] as number, res1[2 * i] as number, res1[2 * i + 1] as number);
      state.move(X0, r, 0, 0, 0, 0);
    }
  }
});
const raw = new Uint32Array(layout.contextSize >> 2);
const x0w = wordOf(X0);
const x1w = wordOf(X1);
const viaRaw = measure(ops, () => {
  for (let k = 0; k < ROUNDS; k++) {
    for (let i = 0; i < offsets.length; i++) {
      const w = offsets[i] as number;
      raw[w] = ((raw[x1w] as number) & ~(res0[2 * i] as number)) | (res1[2 * i] as number);
      raw[w + 1] = ((raw[x1w + 1] as number) & ~(res0[2 * i + 1] as number)) | (res1[2 * i + 1] as number);
      raw[x0w] = raw[w] as number;
      raw[x0w + 1] = raw[w + 1] as number;
    }
  }
});
const names = Array.from(regs, (r) => index.names[r] ?? "");
const masks = Array.from(regs, (r, i) => [BigInt(res0[2 * i] ?? 0) | (BigInt(res0[2 * i + 1] ?? 0) << 32n), BigInt(res1[2 * i] ?? 0) | (BigInt(res1[2 * i + 1] ?? 0) << 32n)] as const);
const map = new Map<string, bigint>([...names, "X0", "X1"].map((n) => [n, 0n]));
const viaMap = measure(ops / 2, () => {
  for (let k = 0; k < ROUNDS / 2; k++) {
    for (let i = 0; i < names.length; i++) {
      const n = names[i] as string;
      const [m0, m1] = masks[i] as readonly [bigint, bigint];
      map.set(n, ((map.get("X1") ?? 0n) & ~m0) | m1);
      map.set("X0", map.get(n) ?? 0n);
    }
  }
});
const mapNs = viaMap;

// 2. Nested round trip vs TypedArray.prototype.set of the same bytes.
const TRIPS = 20_000;
const plan = layout.copyPlan.e2h0;
const bytes = plan.entry.bytes + plan.exit.bytes;
const roundTrip = measure(TRIPS, () => {
  for (let k = 0; k < TRIPS; k++) {
    state.worldSwitch("exit", false);
    state.worldSwitch("entry", false);
  }
});
// The baseline copies exactly the bytes the plan moves, run by run (one TypedArray.set per
// contiguous run of the plan, as a hand-written memcpy per run would), between two buffers.
const from = new Uint8Array(layout.contextSize);
const to = new Uint8Array(layout.contextSize);
const runViews = [plan.exit, plan.entry].flatMap((p) => p.runs.map((r) => [from.subarray(r.offset, r.offset + r.size), r.offset] as const));
const plainCopy = measure(TRIPS, () => {
  for (let k = 0; k < TRIPS; k++) {
    for (let i = 0; i < runViews.length; i++) {
      const v = runViews[i]!;
      to.set(v[0], v[1]);
    }
    from[k & 63] = k;
  }
});

// 3. Steps per second: a loop of system register moves and immediates at EL1.
const sysNames = sysregNames(model);
const program = ["movz x0, #0x1234", "movk x0, #0x5678, lsl #16", "msr TPIDR_EL1, x0", "mrs x1, TPIDR_EL1", "msr CONTEXTIDR_EL1, x1", "mrs x2, MAIR_EL1", "nop", "isb"].map(
  (t) => assemble(t, sysNames),
);
const STEPS = 1_000_000;
machine.vcpu.wantReads = false;
const perStep = measure(STEPS, () => {
  const v = machine.vcpu;
  for (let k = 0; k < STEPS; k++) v.step(program[k & 7] ?? 0);
});
const stepsPerSecond = 1e9 / perStep;

const rows: [string, string, string][] = [
  [`register read+write via ${LAYOUT} vs raw typed array`, `${(viaLayout / viaRaw).toFixed(2)}x (goal <= 2x)`, verdict(viaLayout / viaRaw <= 2)],
  [`Map<string, bigint> vs register read+write via ${LAYOUT}`, `${(mapNs / viaLayout).toFixed(1)}x (goal >= 10x)`, verdict(mapNs / viaLayout >= 10)],
  [
    `nested round trip (E2H = 0) vs TypedArray.set of its ${runViews.length} runs, ${bytes} bytes`,
    `${(roundTrip / plainCopy).toFixed(2)}x (goal <= 4x)`,
    verdict(roundTrip / plainCopy <= 4),
  ],
  [`emulator steps per second`, `${Math.round(stepsPerSecond).toLocaleString("en-US")} (goal >= 1,000,000)`, verdict(stepsPerSecond >= 1e6)],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`reglab bench (layout ${LAYOUT}, best of ${REPEAT}; ns per op: layout ${viaLayout.toFixed(2)}, raw ${viaRaw.toFixed(2)}, Map ${mapNs.toFixed(1)}, round trip ${roundTrip.toFixed(0)}, set ${plainCopy.toFixed(0)})`);
for (const [what, ratio, v] of rows) console.log(`${what.padEnd(w0)}  ${ratio.padEnd(w1)}  ${v}`);
