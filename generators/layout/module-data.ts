/**
 * A resolved layout as the data the emulator runs on (the LayoutModule
 * interface): what generated/<layout>/layout.ts holds, and what
 * layoutModuleOf() builds in memory for commands that run a layout right
 * after planning it. Kept apart from the ts-morph emitter so running a
 * layout never loads the TypeScript compiler.
 */
import type { LayoutModule } from "../../emulator/layout-module.js";
import { oneRegHex } from "./one-reg.js";
import type { CopyPhase, Placement, ResolvedLayout } from "./types.js";

/** One copy phase with registers as numbers of the layout's own (name-sorted) numbering. */
export function phaseData(p: CopyPhase, index: ReadonlyMap<string, number>) {
  return {
    runs: p.runs.map((r) => ({
      kind: r.kind === "save" ? 0 : 1,
      offset: r.offset,
      size: r.size,
      registers: r.registers.map((n) => index.get(n) ?? -1),
    })),
    bytes: p.bytes,
    cacheLines: p.cacheLines,
    translated: p.moves.filter((m) => m.translate).map((m) => index.get(m.register) ?? -1),
  };
}

/**
 * The same LayoutModule the generated layout.ts exports, built in memory from
 * the plan: for commands that compare layouts right after generating them
 * (npm start), without importing modules compiled before the generation.
 */
export function layoutModuleOf(layout: ResolvedLayout): LayoutModule {
  const regs: Placement[] = [...layout.registers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index = new Map(regs.map((r, i) => [r.name, i]));
  const plan = layout.copyPlan;
  return {
    name: layout.name,
    title: layout.title,
    el2: layout.el2,
    contextSize: layout.structs.find((s) => s.name === "kvm_cpu_context")?.size ?? 0,
    kvmRegsSize: layout.structs.find((s) => s.name === "kvm_regs")?.size ?? 0,
    ioctls: layout.ioctls,
    registers: regs.map((r) => r.name),
    offsets: Int32Array.from(regs, (r) => r.offset),
    sizes: Uint8Array.from(regs, (r) => r.size),
    uapiOffsets: Int32Array.from(regs, (r) => r.uapiOffset ?? -1),
    oneRegIds: regs.map((r) => (r.oneReg === null ? null : oneRegHex(r.oneReg))),
    copyPlan: {
      e2h0: { entry: phaseData(plan.e2h0.entry, index), exit: phaseData(plan.e2h0.exit, index) },
      e2h1: { entry: phaseData(plan.e2h1.entry, index), exit: phaseData(plan.e2h1.exit, index) },
    } as LayoutModule["copyPlan"],
  };
}
