/**
 * Apply a register's declarative EL2 -> EL1 counterpart mapping: how a
 * non-VHE (HCR_EL2.E2H == 0) guest hypervisor's EL2 value becomes the value
 * loaded into the EL1 register while it runs at EL1 (what Linux's
 * translate_*_el2_to_*_el1 helpers in arch/arm64/include/asm/kvm_nested.h do
 * in code). Unmapped bits are zero; the counterpart's RES1 bits are then set.
 */
import { rangeMask, rangeWidth } from "./bits.js";
import type { MapRule, Register } from "./model.js";

export function applyMapRules(rules: readonly MapRule[], value: bigint, counterpartRes1: bigint): bigint {
  let out = 0n;
  for (const rule of rules) {
    const toMask = rangeMask(rule.to);
    if (rule.kind === "set") {
      out |= toMask;
      continue;
    }
    let field = (value & rangeMask(rule.from)) >> BigInt(rule.from.lo);
    const width = rangeWidth(rule.from);
    if (rule.invert) field = ~field & ((1n << BigInt(width)) - 1n);
    // A one-bit source fills the whole target (CPTR_EL2.TFP -> CPACR_EL1.FPEN).
    if (width === 1 && rangeWidth(rule.to) > 1) field = field ? toMask >> BigInt(rule.to.lo) : 0n;
    out |= (field << BigInt(rule.to.lo)) & toMask;
  }
  return out | counterpartRes1;
}

/**
 * The counterpart's value for a guest hypervisor with E2H == 0: identity where
 * the formats agree, undefined where the counterpart is not loaded from it.
 */
export function toCounterpartValue(reg: Register, counterpart: Register, value: bigint): bigint | undefined {
  if (reg.toCounterpart === "none") return undefined;
  if (!reg.toCounterpart) return value;
  return applyMapRules(reg.toCounterpart, value, counterpart.res1.value);
}
