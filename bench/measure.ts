/** Timing helpers for bench.ts: medians of interleaved repetitions, CPU time of child processes. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Run every candidate `repeat` times, interleaved (a, b, c, a, b, c, ...) so that load from other
 * processes on a shared machine falls on all of them alike; the median of each, in ns per op.
 */
export function interleaved(repeat: number, cases: readonly { readonly ops: number; readonly fn: () => void }[]): number[] {
  const times = cases.map(() => [] as number[]);
  for (let k = 0; k < repeat; k++) {
    cases.forEach((c, i) => {
      const t = performance.now();
      c.fn();
      times[i]?.push(((performance.now() - t) * 1e6) / c.ops);
    });
  }
  return times.map(median);
}

/** CPU seconds (user + system) of `fn` in this process. */
export function cpuSeconds(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1e6;
}

export async function cpuSecondsAsync(fn: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const before = process.cpuUsage();
  const t = performance.now();
  await fn();
  const d = process.cpuUsage(before);
  return { cpu: (d.user + d.system) / 1e6, wall: (performance.now() - t) / 1e3 };
}

/** Clock ticks of every child this process has waited for (Linux /proc/self/stat cutime + cstime). */
function childTicks(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5); f[0] is field 3.
    return Number(f[13]) + Number(f[14]);
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100;

export interface ProcessTime {
  /** CPU seconds (user + system) of the process and its threads; wall seconds where /proc is missing. */
  readonly cpu: number;
  readonly wall: number;
  readonly status: number | null;
}

export function runProcess(argv: readonly string[], cwd: string): ProcessTime {
  const ticks = childTicks();
  const t = performance.now();
  const r = spawnSync(argv[0] as string, argv.slice(1), { cwd, stdio: ["ignore", "ignore", "pipe"] });
  const wall = (performance.now() - t) / 1e3;
  const after = childTicks();
  const cpu = ticks === undefined || after === undefined ? wall : (after - ticks) / TICKS_PER_SECOND;
  return { cpu, wall, status: r.status };
}

/** Median CPU and wall seconds of `repeat` runs of a command. */
export function processMedian(argv: readonly string[], cwd: string, repeat: number, before?: () => void): ProcessTime {
  const runs: ProcessTime[] = [];
  for (let k = 0; k < repeat; k++) {
    before?.();
    runs.push(runProcess(argv, cwd));
  }
  return { cpu: median(runs.map((r) => r.cpu)), wall: median(runs.map((r) => r.wall)), status: runs.find((r) => r.status !== 0)?.status ?? 0 };
}
