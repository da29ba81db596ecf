/**
 * The C emitters, for every bundled layout: byte-for-byte golden files (the
 * committed generated/<layout>/ files; accept changes with `reglab generate`), deterministic output, and a C
 * compiler's verdict: each header compiles alone (and twice, for its include
 * guard) and check.c's _Static_asserts hold, with the host gcc and with
 * aarch64-linux-gnu-gcc (required in CI, skipped with a message elsewhere).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitCheckC, emitKvmHostH, emitKvmUapiH } from "../generators/emit/emit-c.js";
import { GENERATED_BY } from "../generators/emit/emitter.js";
import { loadLayouts } from "../generators/layout/load.js";
import type { ResolvedLayout } from "../generators/layout/types.js";
import { formatDiagnostic } from "../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { ARM64_CC, compile, haveCompiler, HOST_CC, inCI, renderC, writeC } from "./c-compiler.js";
import { ROOT, SPECS } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const loaded = loadLayouts(SPECS, model);
const layouts = loaded.layouts;
const C_FILES = ["kvm_uapi.h", "kvm_host.h", "check.c"];

const work = mkdtempSync(join(tmpdir(), "reglab-emit-c-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const haveArm64 = haveCompiler(ARM64_CC);
if (!haveArm64 && !inCI) {
  console.warn(`SKIPPED: ${ARM64_CC} not found; install gcc-aarch64-linux-gnu and linux-libc-dev-arm64-cross to compile check.c for arm64`);
}

/** A translation unit that includes `header` twice: it must compile alone, and its include guard must work. */
function headerAlone(dir: string, header: string): string {
  const tu = `alone-${header.replace(/\W/g, "_")}.c`;
  writeFileSync(join(dir, tu), `#include "${header}"\n#include "${header}"\n`);
  return tu;
}

describe("C emitters", () => {
  it("every layout spec plans", () => {
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(layouts.length).toBe(loaded.files);
    expect(layouts.length).toBeGreaterThan(0);
  });

  if (!haveArm64 && inCI) {
    it(`needs ${ARM64_CC} in CI (.ci/run installs gcc-aarch64-linux-gnu)`, () => {
      expect.fail(`${ARM64_CC} is missing; CI must install gcc-aarch64-linux-gnu and linux-libc-dev-arm64-cross`);
    });
  }

  describe.each(layouts.map((l) => [l.name, l] as const))("%s", (name, layout) => {
    const dir = join(work, name);
    const files = writeC(dir, layout, model);

    it("writes kvm_uapi.h, kvm_host.h and check.c, deterministically, each ending with a newline", () => {
      expect(files.map((f) => f.path)).toEqual(C_FILES);
      expect(renderC(layout, model)).toEqual(files);
      for (const f of files) {
        const lines = f.content.split("\n");
        expect(lines[0], f.path).toBe(`/* ${GENERATED_BY} */`);
        expect(lines[1], f.path).toBe(`/* layout ${name}: ${layout.title} */`);
        expect(f.content.endsWith("\n") && !f.content.endsWith("\n\n"), f.path).toBe(true);
        expect(f.content, f.path).not.toMatch(/[ \t]$/m);
      }
    });

    it.each(C_FILES)("%s matches its golden file", async (path) => {
      const f = files.find((x) => x.path === path);
      await expect(f?.content).toMatchFileSnapshot(join(ROOT, "generated", name, path));
    });

    it(`${HOST_CC} accepts each header alone and check.c`, () => {
      for (const tu of [headerAlone(dir, "kvm_uapi.h"), headerAlone(dir, "kvm_host.h"), "check.c"]) {
        const r = compile(HOST_CC, ["-fsyntax-only", tu], dir);
        expect(r.output, `${HOST_CC} ${tu}`).toBe("");
        expect(r.ok, tu).toBe(true);
      }
    });

    it.runIf(haveArm64)(`${ARM64_CC} accepts check.c, alone and after arm64's own <asm/ptrace.h>`, () => {
      // With -include asm/ptrace.h, struct user_pt_regs and user_fpsimd_state
      // come from Linux's arm64 uapi headers and check.c judges our copies against them.
      for (const extra of [[], ["-include", "asm/ptrace.h"]]) {
        const r = compile(ARM64_CC, ["-fsyntax-only", ...extra, "check.c"], dir);
        expect(r.output, `${ARM64_CC} ${extra.join(" ")} check.c`).toBe("");
        expect(r.ok).toBe(true);
      }
    });
  });

  it("check.c fails to compile when a planned offset is wrong", () => {
    const base = layouts[0];
    if (!base) throw new Error("no layouts");
    const victim = base.registers.at(-1);
    if (!victim) throw new Error("no registers");
    const wrong: ResolvedLayout = { ...base, registers: base.registers.map((p) => (p === victim ? { ...p, offset: p.offset + 8 } : p)) };
    const dir = join(work, "wrong-offset");
    writeC(dir, wrong, model);
    const r = compile(HOST_CC, ["-fsyntax-only", "check.c"], dir);
    expect(r.ok).toBe(false);
    expect(r.output).toContain(`static assertion failed: "${victim.name} (${victim.cExpr.slice("ctxt->".length)}) at ${victim.offset + 8}"`);
  });

  it("rejects text that would end a C comment, before rendering", () => {
    const base = layouts[0];
    if (!base) throw new Error("no layouts");
    const bad: ResolvedLayout = { ...base, title: "a */ b" };
    expect(() => emitKvmUapiH({ layout: bad, model })).toThrow(/title: a comment cannot contain \/\* or \*\//);
    expect(() => emitKvmHostH({ layout: bad, model })).toThrow(/view model is invalid/);
    expect(() => emitCheckC({ layout: bad, model })).toThrow(/view model is invalid/);
  });

  it("rejects a uapi offset that lands on no member of struct kvm_regs", () => {
    const base = layouts.find((l) => l.registers.some((p) => p.uapiOffset !== null));
    if (!base) throw new Error("no layout exposes core registers");
    const bad: ResolvedLayout = {
      ...base,
      registers: base.registers.map((p) => (p.name === "SP_EL1" && p.uapiOffset !== null ? { ...p, uapiOffset: p.uapiOffset + 4 } : p)),
    };
    expect(() => emitCheckC({ layout: bad, model })).toThrow(/SP_EL1: no 8-byte member of struct kvm_regs starts at its uapiOffset 276/);
  });
});
