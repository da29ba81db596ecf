/**
 * The TypeScript layout modules: ts-morph type-checks each generated
 * layout.ts in memory against the emulator's LayoutModule interface (the real
 * consumer), the module's numbers are the plan's, and the text is pinned by a
 * golden file: the committed generated/<layout>/layout.ts itself (accept a
 * change with `reglab generate`, or `npx vitest -u`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { layoutModuleSource, registrySource } from "../generators/emit/emit-layout-ts.js";
import { emitManifest } from "../generators/emit/emit-manifest.js";
import { GENERATED_BY } from "../generators/emit/emitter.js";
import { loadLayouts } from "../generators/layout/load.js";
import { oneRegHex } from "../generators/layout/one-reg.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { ROOT, SPECS } from "./helpers.js";

const regs = loadRegisterSpecs(SPECS);
const { layouts } = loadLayouts(SPECS, regs.model);
const LAYOUT_MODULE = readFileSync(join(ROOT, "emulator", "layout-module.ts"), "utf8");

function typeCheck(files: Record<string, string>): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts"],
      types: [],
      skipLibCheck: true,
      noEmit: true,
    },
  });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project.getPreEmitDiagnostics().map((d) => {
    const m = d.getMessageText();
    return typeof m === "string" ? m : m.getMessageText();
  });
}

describe("layout.ts (ts-morph)", () => {
  it("every layout module and the registry type-check against LayoutModule", () => {
    const files: Record<string, string> = { "/p/emulator/layout-module.ts": LAYOUT_MODULE };
    for (const l of layouts) files[`/p/generated/${l.name}/layout.ts`] = layoutModuleSource(l);
    files["/p/generated/layouts.ts"] = registrySource(layouts.map((l) => l.name)).content;
    expect(typeCheck(files)).toEqual([]);
  });

  it("rejects a module that breaks the interface (the check can fail)", () => {
    const broken = layoutModuleSource(layouts[0]!).replace("contextSize: CONTEXT_SIZE,", "contextSize: NAME,");
    expect(typeCheck({ "/p/emulator/layout-module.ts": LAYOUT_MODULE, "/p/generated/x/layout.ts": broken }).length).toBeGreaterThan(0);
  });

  for (const l of layouts) {
    it(`${l.name}: header, numbers from the plan, golden text`, async () => {
      const text = layoutModuleSource(l);
      expect(text.split("\n")[0]).toBe(`// ${GENERATED_BY}`);
      const ctx = l.structs.find((s) => s.name === "kvm_cpu_context")!;
      expect(text).toContain(`export const CONTEXT_SIZE = ${ctx.size};`);
      for (const r of l.registers) expect(text).toContain(`export const OFFSET_${r.name} = ${r.offset};`);
      const ids = l.registers.filter((r) => r.oneReg !== null);
      for (const r of ids.slice(0, 20)) expect(text).toContain(oneRegHex(r.oneReg!));
      await expect(text).toMatchFileSnapshot(join(ROOT, "generated", l.name, "layout.ts"));
    });
  }
});

describe("layout.json", () => {
  for (const l of layouts) {
    it(`${l.name}: the DESIGN.md shape, golden text`, async () => {
      const [file] = emitManifest({ layout: l, model: regs.model });
      const m = JSON.parse(file!.content) as Record<string, unknown>;
      expect(Object.keys(m).slice(0, 5)).toEqual(["$comment", "layout", "structs", "registers", "ioctls"]);
      expect(m.$comment).toBe(GENERATED_BY);
      const regsJson = m.registers as { name: string; oneReg: string | null; offset: number }[];
      for (const r of regsJson) {
        expect(Object.keys(r).slice(0, 7)).toEqual(["name", "container", "index", "offset", "size", "cExpr", "oneReg"]);
        if (r.oneReg !== null) expect(r.oneReg).toMatch(/^0x[0-9a-f]{16}$/);
      }
      expect(m.ioctls).toEqual({
        KVM_GET_REGS: "0x" + l.ioctls.KVM_GET_REGS.toString(16).padStart(8, "0"),
        KVM_SET_REGS: "0x" + l.ioctls.KVM_SET_REGS.toString(16).padStart(8, "0"),
      });
      await expect(file!.content).toMatchFileSnapshot(join(ROOT, "generated", l.name, "layout.json"));
    });
  }
});

describe("layoutModuleOf", () => {
  it("builds in memory exactly the LayoutModule each generated layout.ts exports", async () => {
    const { layoutModuleOf } = await import("../generators/emit/emit-layout-ts.js");
    const { loadLayout } = await import("../emulator/machine.js");
    for (const l of layouts) expect(layoutModuleOf(l), l.name).toEqual(await loadLayout(l.name));
  });
});
