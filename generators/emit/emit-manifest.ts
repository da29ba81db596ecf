/**
 * layout.json: the manifest, exactly in the shape DESIGN.md states
 * ("Generated output (contract)"), extended compatibly: `$comment` first
 * (JSON has no comments), then layout, structs, registers, ioctls, and after
 * them what the contract does not name (title, el2, enums, copyPlan).
 */
import { oneRegHex } from "../layout/one-reg.js";
import type { CopyPhase } from "../layout/types.js";
import { GENERATED_BY, type Emitter } from "./emitter.js";

function phase(p: CopyPhase) {
  return {
    bytes: p.bytes,
    cacheLines: p.cacheLines,
    runs: p.runs.map((r) => ({ kind: r.kind, offset: r.offset, size: r.size, registers: r.registers })),
    moves: p.moves.map((m) => ({
      kind: m.kind,
      register: m.register,
      physical: m.physical,
      offset: m.offset,
      size: m.size,
      translate: m.translate,
    })),
  };
}

export const emitManifest: Emitter = ({ layout }) => {
  const manifest = {
    $comment: GENERATED_BY,
    layout: layout.name,
    structs: layout.structs.map((s) => ({
      name: s.name,
      ...(s.uapi ? { uapi: true } : {}),
      size: s.size,
      align: s.align,
      fields: s.fields.map((f) => ({ name: f.name, offset: f.offset, size: f.size })),
    })),
    registers: layout.registers.map((r) => ({
      name: r.name,
      container: r.container,
      index: r.index,
      offset: r.offset,
      size: r.size,
      cExpr: r.cExpr,
      oneReg: r.oneReg === null ? null : oneRegHex(r.oneReg),
      kind: r.kind,
      uapiOffset: r.uapiOffset,
    })),
    ioctls: {
      KVM_GET_REGS: "0x" + layout.ioctls.KVM_GET_REGS.toString(16).padStart(8, "0"),
      KVM_SET_REGS: "0x" + layout.ioctls.KVM_SET_REGS.toString(16).padStart(8, "0"),
    },
    title: layout.title,
    el2: layout.el2,
    enums: layout.enums.map((e) => ({ name: e.name, entries: e.entries.map((x) => ({ name: x.name, value: x.value })) })),
    copyPlan: {
      e2h0: { entry: phase(layout.copyPlan.e2h0.entry), exit: phase(layout.copyPlan.e2h0.exit) },
      e2h1: { entry: phase(layout.copyPlan.e2h1.entry), exit: phase(layout.copyPlan.e2h1.exit) },
    },
  };
  return [{ path: "layout.json", content: JSON.stringify(manifest, null, 2) + "\n" }];
};
