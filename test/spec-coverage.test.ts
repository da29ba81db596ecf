/**
 * The specs cover what the issue and Linux require: the RFC's EL2 registers
 * and every EL1 counterpart with every bit described, the EL2 registers KVM
 * exposes today, the special-purpose registers of struct kvm_regs, the
 * _EL12/_EL02 aliases, and KVM's enum vcpu_sysreg of 2017 and of today.
 */
import { describe, expect, it } from "vitest";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import type { Register } from "../generators/spec/model.js";
import { GET_REG_LIST_EL2, RFC_EL2_REGS, SPECIAL_REGS, VCPU_SYSREG_TODAY, VCPU_SYSREG_V4_12 } from "./reference/kvm-register-lists.js";
import { SPECS } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const registers = new Map(model.registers.map((r) => [r.name, r]));
const missing = (names: readonly string[]) => names.filter((n) => !model.byName.has(n));

describe("spec coverage", () => {
  it("every register of the RFC's enum el2_regs, with every bit described", () => {
    expect(missing(RFC_EL2_REGS)).toEqual([]);
    expect(RFC_EL2_REGS.filter((n) => !registers.get(n)?.fieldsComplete)).toEqual([]);
  });

  it("every EL2 register KVM's get-reg-list expects for a vCPU with EL2 (55)", () => {
    expect(GET_REG_LIST_EL2).toHaveLength(55);
    expect(missing(GET_REG_LIST_EL2)).toEqual([]);
  });

  it("the special-purpose registers struct kvm_regs carries, as class special", () => {
    expect(missing(SPECIAL_REGS)).toEqual([]);
    expect(SPECIAL_REGS.filter((n) => registers.get(n)?.cls !== "special")).toEqual([]);
  });

  it("every EL1 counterpart exists, is fully described, and is not itself an EL2 register", () => {
    const counterparts = model.registers.flatMap((r) => (r.counterpart ? [r.counterpart] : []));
    expect(counterparts.length).toBeGreaterThan(20);
    expect(missing(counterparts)).toEqual([]);
    expect(counterparts.filter((n) => !registers.get(n)?.fieldsComplete)).toEqual([]);
    expect(counterparts.filter((n) => (registers.get(n)?.el ?? 2) >= 2)).toEqual([]);
  });

  it("every E2H-redirected EL2 register has its _EL12/_EL02 alias, aliasing the counterpart", () => {
    const redirected = model.registers.filter((r) => r.e2hRedirect);
    expect(redirected.length).toBeGreaterThan(15);
    const bad = redirected.filter((r: Register) => {
      const alias = r.el12Alias ? model.byName.get(r.el12Alias) : undefined;
      return !alias || alias.kind !== "alias" || alias.aliasOf !== r.counterpart || !/_EL(12|02)$/.test(alias.name);
    });
    expect(bad.map((r) => r.name)).toEqual([]);
  });

  it("every alias is named _EL12 or _EL02 and reaches a register of a lower EL", () => {
    const bad = model.aliases.filter((a) => {
      const t = registers.get(a.aliasOf);
      return !/_EL(12|02)$/.test(a.name) || !t || t.el >= 2;
    });
    expect(bad.map((a) => a.name)).toEqual([]);
  });

  it("every spec cites a Linux file or the Arm ARM", () => {
    const uncited = [...model.registers, ...model.aliases].filter(
      (r) => !r.source.some((s) => /Linux|Arm ARM|DDI ?0487|QEMU/.test(s)),
    );
    expect(uncited.map((r) => r.name)).toEqual([]);
  });
});

describe("enum vcpu_sysreg", () => {
  it("every register of the mid-2017 (v4.12) enum has a spec", () => {
    expect(VCPU_SYSREG_V4_12).toHaveLength(98);
    expect(missing(VCPU_SYSREG_V4_12)).toEqual([]);
  });

  it("every register of today's enum has a spec", () => {
    expect(VCPU_SYSREG_TODAY.length).toBeGreaterThan(150);
    expect(missing(VCPU_SYSREG_TODAY)).toEqual([]);
  });
});
