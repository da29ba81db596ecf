/**
 * The compiler is the judge: for every layout, a C program that includes the
 * generated kvm_host.h prints every struct's size and alignment, every
 * member's offset and size, and every register's offset and size (through
 * offsetof() on its lvalue, through the lvalue's address at run time, and
 * through the ctxt_*() accessor where there is one). The host gcc compiles and
 * runs it; aarch64-linux-gnu-gcc, when installed, compiles the same numbers
 * into a data table read back from its assembly (nothing arm64 has to run).
 * Every number is compared with the planner's ResolvedLayout and, when
 * `reglab generate` has written it, with generated/<layout>/layout.json;
 * every mismatch is listed, then the test fails once.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memberAt } from "../generators/emit/c-view.js";
import { loadLayouts } from "../generators/layout/load.js";
import type { ResolvedLayout } from "../generators/layout/types.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { ARM64_CC, compile, haveCompiler, HOST_CC, inCI, writeC } from "./c-compiler.js";
import { ROOT, SPECS } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const { layouts } = loadLayouts(SPECS, model);

const work = mkdtempSync(join(tmpdir(), "reglab-gcc-offsets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const haveArm64 = haveCompiler(ARM64_CC);

/** One number the program reports: a key such as `reg SCTLR_EL2 offset`, and the C expression that computes it. */
interface Probe {
  readonly key: string;
  readonly expr: string;
  /** Needs a live `ctxt` pointer (run time only). */
  readonly runtime: boolean;
}

/** `#define __ctxt_sys_reg(c, r)\t(&(c)->sys_regs[...])` in kvm_host.h: container -> accessor. */
function accessors(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of header.matchAll(/^#define (__ctxt_\w+)\(c, r\)\t\(&\(c\)->(\w+)\[/gm)) out.set(m[2] ?? "", m[1] ?? "");
  return out;
}

function probes(layout: ResolvedLayout, header: string): Probe[] {
  const out: Probe[] = [];
  const add = (key: string, expr: string, runtime = false): void => void out.push({ key, expr, runtime });
  const structs = new Map(layout.structs.map((s) => [s.name, s]));
  for (const s of layout.structs) {
    add(`struct ${s.name} size`, `sizeof(struct ${s.name})`);
    add(`struct ${s.name} align`, `_Alignof(struct ${s.name})`);
    for (const f of s.fields) {
      add(`field ${s.name}.${f.name} offset`, `offsetof(struct ${s.name}, ${f.name})`);
      add(`field ${s.name}.${f.name} size`, `sizeof_field(struct ${s.name}, ${f.name})`);
    }
  }
  const acc = accessors(header);
  const kvmRegs = structs.get("kvm_regs");
  for (const p of layout.registers) {
    const member = p.cExpr.replace(/^ctxt->/, "");
    add(`reg ${p.name} offset`, `offsetof(struct kvm_cpu_context, ${member})`);
    add(`reg ${p.name} size`, `sizeof(((struct kvm_cpu_context *)0)->${member})`);
    add(`reg ${p.name} address`, `(size_t)((char *)&${p.cExpr} - (char *)ctxt)`, true);
    add(`reg ${p.name} lvalue-size`, `sizeof(${p.cExpr})`, true);
    const macro = acc.get(p.container);
    const index = new RegExp(`^${p.container}\\[(?:VNCR_)?${p.name}(?: / 8)?\\]$`);
    if (macro && index.test(member)) add(`reg ${p.name} accessor`, `(size_t)((char *)${macro}(ctxt, ${p.name}) - (char *)ctxt)`, true);
    if (p.uapiOffset !== null && kvmRegs) {
      const m = memberAt(structs, kvmRegs, p.uapiOffset, p.size);
      add(`reg ${p.name} uapi-offset`, m === undefined ? "(size_t)-1" : `offsetof(struct kvm_regs, ${m})`);
    }
  }
  return out;
}

/** What the layout says each probe should be. */
function expected(layout: ResolvedLayout): Map<string, number> {
  const want = new Map<string, number>();
  for (const s of layout.structs) {
    want.set(`struct ${s.name} size`, s.size);
    want.set(`struct ${s.name} align`, s.align);
    for (const f of s.fields) {
      want.set(`field ${s.name}.${f.name} offset`, f.offset);
      want.set(`field ${s.name}.${f.name} size`, f.size);
    }
  }
  for (const p of layout.registers) {
    for (const k of ["offset", "address", "accessor"]) want.set(`reg ${p.name} ${k}`, p.offset);
    for (const k of ["size", "lvalue-size"]) want.set(`reg ${p.name} ${k}`, p.size);
    if (p.uapiOffset !== null) want.set(`reg ${p.name} uapi-offset`, p.uapiOffset);
  }
  return want;
}

interface ManifestLayout {
  structs?: { name: string; size?: number; align?: number; fields?: { name: string; offset?: number; size?: number }[] }[];
  registers?: { name: string; offset?: number; size?: number; uapiOffset?: number | null }[];
}

/** The same expectations from generated/<layout>/layout.json, for the keys it states. */
function expectedFromManifest(m: ManifestLayout): Map<string, number> {
  const want = new Map<string, number>();
  const put = (k: string, v: number | undefined): void => void (typeof v === "number" && want.set(k, v));
  for (const s of m.structs ?? []) {
    put(`struct ${s.name} size`, s.size);
    put(`struct ${s.name} align`, s.align);
    for (const f of s.fields ?? []) {
      put(`field ${s.name}.${f.name} offset`, f.offset);
      put(`field ${s.name}.${f.name} size`, f.size);
    }
  }
  for (const r of m.registers ?? []) {
    put(`reg ${r.name} offset`, r.offset);
    put(`reg ${r.name} size`, r.size);
    put(`reg ${r.name} uapi-offset`, r.uapiOffset ?? undefined);
  }
  return want;
}

const PRELUDE = `#include <stddef.h>
#include <stdio.h>
#include "kvm_host.h"

#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
`;

/** A program that prints `key value` per probe. */
function program(ps: readonly Probe[]): string {
  const lines = ps.map((p) => `\tprintf("%s %zu\\n", "${p.key}", (size_t)(${p.expr}));`);
  return `${PRELUDE}
static struct kvm_cpu_context storage;

int main(void)
{
	struct kvm_cpu_context *ctxt = &storage;

${lines.join("\n")}
	return 0;
}
`;
}

/** The compile-time probes as a data table, for a compiler whose output cannot run here. */
function table(ps: readonly Probe[]): string {
  return `${PRELUDE}
const unsigned long long reglab_probes[] = {
${ps.map((p) => `\t${p.expr},`).join("\n")}
};
`;
}

/** `.xword N` / `.quad N` (and `.zero N`) lines after the `reglab_probes:` label of gcc -S output. */
function tableValues(asm: string): number[] {
  const start = asm.indexOf("reglab_probes:");
  if (start < 0) return [];
  const values: number[] = [];
  for (const line of asm.slice(start).split("\n").slice(1)) {
    const m = /^\s*\.(xword|quad|dword|8byte)\s+(-?\d+)\s*$/.exec(line);
    const zero = /^\s*\.zero\s+(\d+)\s*$/.exec(line);
    if (m) values.push(Number(m[2]));
    else if (zero) values.push(...Array<number>(Number(zero[1]) / 8).fill(0));
    else if (/^\s*\.(size|section|text|data|ident)\b|^\S+:/.test(line)) break;
  }
  return values;
}

interface Mismatch {
  readonly source: string;
  readonly key: string;
  readonly expected: number | undefined;
  readonly actual: number | undefined;
}

function judge(source: string, want: ReadonlyMap<string, number>, got: ReadonlyMap<string, number>, keys: Iterable<string>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const key of keys) {
    if (!want.has(key)) continue;
    const expected = want.get(key);
    const actual = got.get(key);
    if (expected !== actual) out.push({ source, key, expected, actual });
  }
  return out;
}

describe("gcc lays the structs out as the planner says", () => {
  if (!haveArm64 && inCI) {
    it(`needs ${ARM64_CC} in CI`, () => {
      expect.fail(`${ARM64_CC} is missing; CI must install gcc-aarch64-linux-gnu and linux-libc-dev-arm64-cross`);
    });
  }
  if (!haveArm64 && !inCI) console.warn(`SKIPPED: ${ARM64_CC} not found; offsets are judged by ${HOST_CC} only`);

  it.each(layouts.map((l) => [l.name, l] as const))("%s", (name, layout) => {
    const dir = join(work, name);
    const files = writeC(dir, layout, model);
    const header = files.find((f) => f.path === "kvm_host.h")?.content ?? "";
    const ps = probes(layout, header);
    const keys = ps.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    const mismatches: Mismatch[] = [];

    // The host compiler: compile, run, read `key value` lines.
    writeFileSync(join(dir, "offsets.c"), program(ps));
    const built = compile(HOST_CC, ["-o", "offsets", "offsets.c"], dir);
    expect(built.output, `${HOST_CC} offsets.c`).toBe("");
    const run = spawnSync(join(dir, "offsets"), { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const host = new Map<string, number>();
    for (const line of run.stdout.trimEnd().split("\n")) {
      const m = /^(.*) (\d+)$/.exec(line);
      if (m) host.set(m[1] ?? "", Number(m[2]));
    }
    const want = expected(layout);
    mismatches.push(...judge(`${HOST_CC} vs layout`, want, host, keys));

    // The arm64 compiler: the compile-time probes, from its assembly.
    if (haveArm64) {
      const compileTime = ps.filter((p) => !p.runtime);
      writeFileSync(join(dir, "probes.c"), table(compileTime));
      const asm = compile(ARM64_CC, ["-S", "-o", "probes.s", "probes.c"], dir);
      expect(asm.output, `${ARM64_CC} -S probes.c`).toBe("");
      const values = tableValues(readFileSync(join(dir, "probes.s"), "utf8"));
      expect(values.length, "values in the arm64 probe table").toBe(compileTime.length);
      const arm64 = new Map(compileTime.map((p, i) => [p.key, values[i] ?? -1]));
      mismatches.push(...judge(`${ARM64_CC} vs layout`, want, arm64, arm64.keys()));
    }

    // The manifest `reglab generate` wrote, once it exists.
    const manifest = join(ROOT, "generated", name, "layout.json");
    if (existsSync(manifest)) {
      const m = JSON.parse(readFileSync(manifest, "utf8")) as ManifestLayout;
      mismatches.push(...judge(`${HOST_CC} vs ${join("generated", name, "layout.json")}`, expectedFromManifest(m), host, keys));
    }

    for (const x of mismatches) console.error(`${name}: ${x.source}: ${x.key}: expected ${x.expected ?? "(none)"}, compiler says ${x.actual ?? "(nothing)"}`);
    expect(mismatches).toEqual([]);
  });
});
