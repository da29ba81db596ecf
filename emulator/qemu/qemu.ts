/**
 * Build a translated scenario (program.ts: translate.ts) with aarch64-linux-gnu-gcc, run it
 * on qemu-system-aarch64 (-M virt,virtualization=on, semihosting exit, a
 * timeout) and compare what it prints with the emulator's observables, as the
 * A/B runner compares two layouts: scenario, line, observable, both values and
 * the differing bits by field name (generators/spec/model.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hex } from "../../generators/spec/bits.js";
import type { RegisterIndex } from "../register-index.js";
import { CPUS, QEMU_CPUS, type QemuCpu } from "./cpus.js";
import type { Observable, ProgramView, Skipped, Translation } from "./program.js";
import { templateSet } from "./templates.js";

export { CPUS, QEMU_CPUS, type QemuCpu };
export { QEMU_TEMPLATES_DIR } from "./templates.js";

export const QEMU = "qemu-system-aarch64";
export const CC = "aarch64-linux-gnu-gcc";

/** The per-CPU bit rules (cpus.ts), by CPU: kept for callers of the first slice. */
export const IMPDEF_BITS = Object.fromEntries(QEMU_CPUS.map((c) => [c, CPUS[c].rules])) as Record<QemuCpu, (typeof CPUS)[QemuCpu]["rules"]>;

export interface Mismatch {
  readonly file: string;
  readonly line: number;
  readonly step: string;
  readonly observable: string;
  readonly emulator: string;
  readonly qemu: string;
  /** The differing bits by field name ("EC [31:26]: 0x16 -> 0x0", "bit 22"). */
  readonly bits: readonly string[];
}

export interface QemuResult {
  readonly file: string;
  readonly cpu: QemuCpu;
  readonly unsupported?: string;
  /** Toolchain or QEMU failure (build error, timeout, no @END). */
  readonly error?: string;
  readonly compared: number;
  readonly mismatches: readonly Mismatch[];
  readonly notes: readonly string[];
  readonly skipped: readonly Skipped[];
  readonly output?: string;
  /** The reglab profile the emulator side ran under (cpus.ts). */
  readonly profile?: string;
}

export function haveTool(cmd: string): boolean {
  return spawnSync(cmd, ["--version"], { stdio: "ignore" }).status === 0;
}

const templates = templateSet<{ program: ProgramView; harness: ProgramView }>({ program: "program.S.hbs", harness: "harness.c.hbs" });

export function renderProgram(view: ProgramView): { asm: string; c: string } {
  const t = templates();
  return { asm: t.program(view), c: t.harness(view) };
}

/** Decode the bits that differ between a and b by the fields of register `reg`. */
export function decodeBits(index: RegisterIndex, reg: string | undefined, a: bigint, b: bigint): string[] {
  const diff = a ^ b;
  if (diff === 0n) return [];
  const r = reg ? index.byName.get(reg) : undefined;
  const spec = r === undefined ? undefined : index.spec[r];
  const out: string[] = [];
  let rest = diff;
  for (const f of spec?.fields ?? []) {
    if ((f.mask & diff) === 0n) continue;
    let lo = 0n;
    while (((f.mask >> lo) & 1n) === 0n) lo++;
    let hi = lo;
    while (((f.mask >> (hi + 1n)) & 1n) === 1n) hi++;
    out.push(`${f.name} [${hi === lo ? `${lo}` : `${hi}:${lo}`}]: ${hex((a & f.mask) >> lo)} -> ${hex((b & f.mask) >> lo)}`);
    rest &= ~f.mask;
  }
  for (let bit = 0n; bit < 64n; bit++) if ((rest >> bit) & 1n) out.push(`bit ${bit}: ${(a >> bit) & 1n} -> ${(b >> bit) & 1n}`);
  return out;
}

/** Parse "@V step name value" and "@E step el offset esr elr-insn spsr far" lines into observables keyed "step/name". */
export function parseOutput(out: string): { values: Map<string, bigint>; exceptionSteps: Set<number>; ended: boolean } {
  const values = new Map<string, bigint>();
  const exceptionSteps = new Set<number>();
  let ended = false;
  for (const line of out.split(/\r?\n/)) {
    const v = /^@V (\d+) (\S+) (0x[0-9a-f]+)$/.exec(line.trim());
    if (v) values.set(`${v[1]}/${v[2]}`, BigInt(v[3] ?? 0));
    const e = /^@E (\d+) (\d) (0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+) (0x[0-9a-f]+)$/.exec(line.trim());
    // FAR is compared only where the emulator records one (an exception that sets FAR_ELx): for the
    // exceptions it models (HVC, SVC, SMC, trapped MSR/MRS, UNDEFINED, illegal state) the Arm ARM
    // leaves FAR_ELx UNKNOWN, so observables.ts observes exception.FAR_ELx only when the record has a FAR.
    if (e) {
      const step = Number(e[1]);
      const el = `EL${e[2]}`;
      exceptionSteps.add(step);
      values.set(`${step}/exception.EL`, BigInt(e[2] ?? 0));
      values.set(`${step}/exception.vector`, BigInt(e[3] ?? 0));
      values.set(`${step}/exception.ESR_${el}`, BigInt(e[4] ?? 0));
      values.set(`${step}/exception.ELR_${el}-insn`, BigInt(e[5] ?? 0));
      values.set(`${step}/exception.SPSR_${el}`, BigInt(e[6] ?? 0));
      values.set(`${step}/exception.FAR_${el}`, BigInt(e[7] ?? 0));
    }
    if (line.trim() === "@END") ended = true;
  }
  return { values, exceptionSteps, ended };
}

export function compare(t: Translation, cpu: QemuCpu, index: RegisterIndex, out: string): Pick<QemuResult, "mismatches" | "notes" | "compared"> & { ended: boolean } {
  const { values, exceptionSteps, ended } = parseOutput(out);
  const mismatches: Mismatch[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const impdef = CPUS[cpu].rules;
  const mk = (o: Observable, emu: string, q: string, bits: string[]): Mismatch => ({ file: t.file, line: o.line, step: o.text, observable: o.name, emulator: emu, qemu: q, bits });
  for (const o of t.observables) {
    const key = `${o.step}/${o.name}`;
    seen.add(key);
    const q = values.get(key);
    if (q === undefined) {
      mismatches.push(mk(o, hex(o.value), "(not observed)", []));
      continue;
    }
    let mask = 0n;
    const reg = o.decodeAs ?? o.name;
    for (const rule of impdef) {
      if (!rule.registers.includes(reg)) continue;
      if (rule.onlyWhereQemuZero && (q & rule.mask) !== 0n) continue;
      const d = (o.value ^ q) & rule.mask;
      if (d !== 0n) {
        const diff = decodeBits(index, o.decodeAs, o.value & rule.mask, q & rule.mask).join(", ");
        notes.push(`${t.file}:${o.line}: ${o.name}: per-CPU rule (${cpu}, ${reg} ${rule.bits}) ${diff}: ${rule.why} [${rule.source}]`);
      }
      mask |= rule.mask;
    }
    if (((o.value ^ q) & ~mask) !== 0n) mismatches.push(mk(o, hex(o.value), hex(q), decodeBits(index, o.decodeAs, o.value & ~mask, q & ~mask)));
  }
  // Exceptions QEMU took that the emulator did not.
  const stepLine = new Map(t.observables.map((o) => [o.step, o] as const));
  for (const step of exceptionSteps) {
    const key = `${step}/exception.EL`;
    if (seen.has(key)) continue;
    const o = stepLine.get(step);
    const el = values.get(key) ?? 0n;
    const esrKey = `${step}/exception.ESR_EL${el}`;
    mismatches.push({
      file: t.file,
      line: o?.line ?? 0,
      step: o?.text ?? `step ${step}`,
      observable: "exception",
      emulator: "(none)",
      qemu: `to EL${el} ESR ${hex(values.get(esrKey) ?? 0n)} vector +${hex(values.get(`${step}/exception.vector`) ?? 0n, 3)}`,
      bits: [],
    });
  }
  return { mismatches, notes, compared: t.observables.length, ended };
}

/** The command lines of one run (cpus.ts gives -M and -cpu). */
function commands(cpu: QemuCpu): { cc: string[]; qemu: string[] } {
  const p = CPUS[cpu];
  return {
    cc: ["-nostdlib", "-ffreestanding", "-static", "-mgeneral-regs-only", "-O1", "-Wl,-Ttext=0x40080000", "-Wl,--build-id=none", "-o", "prog.elf", "program.S", "harness.c"],
    qemu: ["-M", p.machine, "-cpu", p.cpuArg, "-nographic", "-monitor", "none", "-serial", "stdio", "-semihosting-config", "enable=on,target=native,userspace=on", "-kernel", "prog.elf"],
  };
}

function prepare(t: Translation, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const { asm, c } = renderProgram(t.view);
  writeFileSync(join(dir, "program.S"), asm);
  writeFileSync(join(dir, "harness.c"), c);
}

const resultBase = (t: Translation, cpu: QemuCpu) => ({ file: t.file, cpu, skipped: t.skipped, profile: CPUS[cpu].profile });

/** The result of a program that did not run: the translation refused the scenario, or it did not build. */
function notRun(t: Translation, cpu: QemuCpu, why: { unsupported: string } | { error: string }): QemuResult {
  return { ...resultBase(t, cpu), ...why, compared: 0, mismatches: [], notes: [] };
}

function finish(t: Translation, cpu: QemuCpu, index: RegisterIndex, dir: string, output: string, failure: string | undefined, status: number | null): QemuResult {
  writeFileSync(join(dir, `qemu-${cpu}.out`), output);
  const r = compare(t, cpu, index, output);
  const error = failure ?? (!r.ended ? `qemu exited (status ${status}) without reaching the end of the program` : undefined);
  return { ...resultBase(t, cpu), compared: r.compared, mismatches: r.mismatches, notes: r.notes, output, ...(error ? { error } : {}) };
}

/** Build and run `t` on QEMU with `cpu` in `dir`; compare. */
export function runOnQemu(t: Translation, cpu: QemuCpu, index: RegisterIndex, dir: string, timeoutMs = 8000): QemuResult {
  if (t.unsupported) return notRun(t, cpu, { unsupported: t.unsupported });
  prepare(t, dir);
  const cmd = commands(cpu);
  const cc = spawnSync(CC, cmd.cc, { cwd: dir, encoding: "utf8" });
  if (cc.status !== 0) return notRun(t, cpu, { error: `build failed: ${cc.stdout}${cc.stderr}${cc.error ?? ""}` });
  const q = spawnSync(QEMU, cmd.qemu, { cwd: dir, encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL", stdio: ["ignore", "pipe", "pipe"] });
  return finish(t, cpu, index, dir, `${q.stdout ?? ""}${q.stderr ?? ""}`, q.error ? `qemu: ${q.error.message}` : undefined, q.status);
}

/** Run a child to its end, collecting stdout and stderr; kill it (SIGKILL) after timeoutMs. */
function run(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<{ output: string; status: number | null; failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ output, status: null, failure: `${cmd}: ${e.message}` });
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ output, status, ...(timedOut ? { failure: `${cmd}: timed out after ${timeoutMs} ms` } : {}) });
    });
  });
}

/** runOnQemu with asynchronous child processes: callers run several at once (test/qemu.test.ts, `reglab qemu`). */
export async function runOnQemuAsync(t: Translation, cpu: QemuCpu, index: RegisterIndex, dir: string, timeoutMs = 8000): Promise<QemuResult> {
  if (t.unsupported) return notRun(t, cpu, { unsupported: t.unsupported });
  prepare(t, dir);
  const cmd = commands(cpu);
  const cc = await run(CC, cmd.cc, dir, 60000);
  if (cc.status !== 0) return notRun(t, cpu, { error: `build failed: ${cc.output}${cc.failure ?? ""}` });
  const q = await run(QEMU, cmd.qemu, dir, timeoutMs);
  return finish(t, cpu, index, dir, q.output, q.failure, q.status);
}

/** Run `jobs` with at most `limit` at a time, keeping their order. */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      const job = jobs[k];
      if (job) out[k] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/** `qemu-system-aarch64 --version`'s first line, or undefined. */
export function qemuVersion(): string | undefined {
  const r = spawnSync(QEMU, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.split("\n")[0]?.trim() : undefined;
}

export function mismatchText(m: Mismatch): string {
  return `${m.file}:${m.line}: ${m.step}: ${m.observable}: emulator ${m.emulator}, QEMU ${m.qemu}${m.bits.length ? ` (${m.bits.join("; ")})` : ""}`;
}
