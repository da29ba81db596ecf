/**
 * What a layout costs before anything runs: the bytes and padding of its
 * structs, and what its userspace ABI changes against the baseline. Pure
 * functions of the planner's output (offsets and sizes that gcc checks in
 * check.c), so the numbers are the compiler's, not ours.
 */
import { hex } from "../../generators/spec/bits.js";
import type { CStruct, ResolvedLayout } from "../../generators/layout/types.js";
import type { AbiChange, LayoutMetrics } from "./report-schema.js";

/** Bytes of `s` no member occupies: holes before aligned members and tail padding. */
export function ownPadding(s: CStruct): number {
  return s.size - s.fields.reduce((n, f) => n + f.size, 0);
}

/**
 * Padding of `name` including the padding inside the structs it embeds
 * (struct kvm_regs inside kvm_cpu_context, user_fpsimd_state inside kvm_regs):
 * what a memcpy of the whole struct moves for nothing.
 */
export function totalPadding(structs: readonly CStruct[], name: string): number {
  const byName = new Map(structs.map((s) => [s.name, s]));
  const of = (n: string, depth: number): number => {
    const s = byName.get(n);
    if (!s || depth > 8) return 0;
    return (
      ownPadding(s) +
      s.fields.reduce((sum, f) => {
        const inner = /^struct (\w+)$/.exec(f.cType)?.[1];
        return inner ? sum + of(inner, depth + 1) * (f.count ?? 1) : sum;
      }, 0)
    );
  };
  return of(name, 0);
}

export function stateCost(layout: ResolvedLayout): LayoutMetrics["state"] {
  const ctx = layout.structs.find((s) => s.name === "kvm_cpu_context");
  return {
    bytes: ctx?.size ?? 0,
    padding: totalPadding(layout.structs, "kvm_cpu_context"),
    structs: layout.structs.map((s) => ({ name: s.name, size: s.size, padding: ownPadding(s) })),
  };
}

const id = (v: bigint | null | undefined): string | null => (v === null || v === undefined ? null : hex(v, 16));

/** The ABI against `base`: ONE_REG ids by register name, struct kvm_regs and its ioctls. */
export function abiCost(layout: ResolvedLayout, base: ResolvedLayout): LayoutMetrics["abi"] {
  const ids = (l: ResolvedLayout) => new Map(l.registers.filter((r) => r.oneReg !== null).map((r) => [r.name, r.oneReg]));
  const mine = ids(layout);
  const theirs = ids(base);
  const change = (register: string): AbiChange => ({ register, baseline: id(theirs.get(register)), layout: id(mine.get(register)) });
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const added = [...mine.keys()].filter((r) => !theirs.has(r)).sort(byName).map(change);
  const removed = [...theirs.keys()].filter((r) => !mine.has(r)).sort(byName).map(change);
  const changed = [...mine.keys()].filter((r) => theirs.has(r) && theirs.get(r) !== mine.get(r)).sort(byName).map(change);
  const size = (l: ResolvedLayout) => l.structs.find((s) => s.name === "kvm_regs")?.size ?? 0;
  const kvmRegsSize = size(layout);
  const baselineKvmRegsSize = size(base);
  const ioctlsChanged = layout.ioctls.KVM_GET_REGS !== base.ioctls.KVM_GET_REGS || layout.ioctls.KVM_SET_REGS !== base.ioctls.KVM_SET_REGS;
  const compatible = removed.length === 0 && changed.length === 0 && kvmRegsSize === baselineKvmRegsSize && !ioctlsChanged;
  const reasons: string[] = [];
  if (changed.length > 0) reasons.push(`${changed.length} ${base.name} ONE_REG id${changed.length === 1 ? "" : "s"} change (${changed[0]?.register}${changed.length > 1 ? ", ..." : ""})`);
  if (removed.length > 0) reasons.push(`${removed.length} ${base.name} ONE_REG id${removed.length === 1 ? " is" : "s are"} gone (${removed[0]?.register}${removed.length > 1 ? ", ..." : ""})`);
  if (kvmRegsSize !== baselineKvmRegsSize) {
    reasons.push(
      `struct kvm_regs grows from ${baselineKvmRegsSize} to ${kvmRegsSize} bytes, so KVM_GET_REGS becomes ${hex(layout.ioctls.KVM_GET_REGS)} (was ${hex(base.ioctls.KVM_GET_REGS)})`,
    );
  } else if (ioctlsChanged) reasons.push(`KVM_GET_REGS becomes ${hex(layout.ioctls.KVM_GET_REGS)} (was ${hex(base.ioctls.KVM_GET_REGS)})`);
  const why = compatible
    ? `keeps every ${base.name} ONE_REG id, struct kvm_regs (${kvmRegsSize} bytes) and KVM_GET_REGS/KVM_SET_REGS` +
      (added.length > 0 ? `; adds ${added.length} ONE_REG id${added.length === 1 ? "" : "s"}` : "")
    : reasons.join("; ");
  return {
    oneRegIds: mine.size,
    added,
    removed,
    changed,
    kvmRegsSize,
    baselineKvmRegsSize,
    ioctls: { KVM_GET_REGS: hex(layout.ioctls.KVM_GET_REGS), KVM_SET_REGS: hex(layout.ioctls.KVM_SET_REGS) },
    ioctlsChanged,
    compatible,
    why,
  };
}
