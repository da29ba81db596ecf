/**
 * ABI facts of the planned layouts against Linux: baseline-2017's struct
 * kvm_regs and ioctl numbers are v4.12's (test/reference/linux-v4.12-uapi.ts),
 * and what each design does to the core register ids the review asked about.
 */
import { describe, expect, it } from "vitest";
import { loadLayouts } from "../generators/layout/load.js";
import { sysRegId } from "../generators/layout/one-reg.js";
import type { ResolvedLayout } from "../generators/layout/types.js";
import { formatDiagnostic } from "../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { SPECS } from "./helpers.js";
import { GET_REG_LIST, GET_REG_LIST_SOURCE } from "./reference/linux-get-reg-list.js";
import { KVM_GET_REGS, KVM_REGS_OFFSETS_V4_12, KVM_REGS_SIZE_V4_12, KVM_SET_REGS } from "./reference/linux-v4.12-uapi.js";

const regs = loadRegisterSpecs(SPECS);
const lays = loadLayouts(SPECS, regs.model);
const layout = (name: string): ResolvedLayout => {
  const l = lays.layouts.find((x) => x.name === name);
  if (!l) throw new Error(`no layout ${name}`);
  return l;
};
const kvmRegs = (l: ResolvedLayout) => l.structs.find((s) => s.name === "kvm_regs");
const coreIds = (l: ResolvedLayout) => new Map(l.registers.filter((r) => r.uapiOffset !== null).map((r) => [r.name, r.oneReg]));

describe("layouts", () => {
  it("all seven plan without a problem", () => {
    expect(lays.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(lays.layouts.map((l) => l.name)).toEqual([
      "banked",
      "baseline-2017",
      "el2-array",
      "extended-append",
      "extended-insert",
      "unified",
      "vncr-page",
    ]);
  });

  it("baseline-2017's struct kvm_regs and KVM_GET/SET_REGS are Linux v4.12's", () => {
    const l = layout("baseline-2017");
    const s = kvmRegs(l);
    expect(s?.size).toBe(KVM_REGS_SIZE_V4_12);
    expect(l.ioctls).toEqual({ KVM_GET_REGS, KVM_SET_REGS });
    const top = Object.fromEntries(s?.fields.map((f) => [f.name, { offset: f.offset, size: f.size }]) ?? []);
    for (const name of ["regs", "sp_el1", "elr_el1", "spsr", "fp_regs"] as const) expect(top[name], name).toEqual(KVM_REGS_OFFSETS_V4_12[name]);
  });

  it("baseline-2017 stores no EL2 state", () => {
    expect(layout("baseline-2017").registers.filter((r) => regs.model.byName.get(r.name)?.el === 2 && !/32_EL2$/.test(r.name))).toEqual([]);
  });

  it("extended-append keeps every v4.12 core id and grows struct kvm_regs (new ioctl numbers)", () => {
    const base = coreIds(layout("baseline-2017"));
    const app = coreIds(layout("extended-append"));
    for (const [name, id] of base) expect(app.get(name), name).toBe(id);
    expect(kvmRegs(layout("extended-append"))?.size).toBeGreaterThan(KVM_REGS_SIZE_V4_12);
    expect(layout("extended-append").ioctls.KVM_GET_REGS).not.toBe(KVM_GET_REGS);
    expect(["SP_EL2", "ELR_EL2", "SPSR_EL2"].every((n) => app.has(n))).toBe(true);
  });

  it("extended-insert moves the core ids after sp_el1 (fp_regs, elr_el1, ...)", () => {
    const base = coreIds(layout("baseline-2017"));
    const ins = coreIds(layout("extended-insert"));
    const moved = [...base].filter(([n, id]) => ins.get(n) !== id).map(([n]) => n);
    expect(moved).toContain("ELR_EL1");
    expect(moved).toContain("FPSR");
    expect(moved).not.toContain("SP_EL1");
    expect(moved).not.toContain("X0");
  });

  it("a system register's ONE_REG id is ARM64_SYS_REG of its encoding, unless the layout overrides it", () => {
    // DESIGN.md's example: SCTLR_EL2 (3, 4, 1, 0, 0) is 0x603000000013e080.
    expect(layout("el2-array").registers.find((r) => r.name === "SCTLR_EL2")?.oneReg).toBe(0x603000000013e080n);
    for (const l of lays.layouts) {
      for (const p of l.registers) {
        const r = regs.model.byName.get(p.name);
        if (p.uapiOffset !== null || p.oneReg === null || r?.kind !== "register" || !r.encoding || p.name === "CNTV_CVAL_EL0") continue;
        expect(p.oneReg, `${l.name} ${p.name}`).toBe(sysRegId(r.encoding));
      }
    }
  });

  it("in the vncr-page layout every VNCR-mapped register sits at its page offset", () => {
    const l = layout("vncr-page");
    const page = l.registers.filter((r) => r.container === "vncr_page");
    expect(page.length).toBeGreaterThan(50);
    for (const p of page) {
      const r = regs.model.byName.get(p.name);
      expect(r?.kind === "register" ? r.vncr : undefined, p.name).toBe(p.offset);
    }
  });

  it("in the unified layout VNCR-mapped registers are indexed __VNCR_START__ + offset / 8, as Linux's VNCR()", () => {
    const l = layout("unified");
    const start = l.enums.find((e) => e.name === "vcpu_sysreg")?.entries.find((e) => e.name === "__VNCR_START__")?.value ?? -1;
    const hcr = l.registers.find((r) => r.name === "HCR_EL2");
    expect(hcr?.index).toBe(start + 0x78 / 8);
  });

  it("the unified layout's ONE_REG ids are the ones Linux's get-reg-list blesses, for every register both name", () => {
    // Source: tools/testing/selftests/kvm/arm64/get-reg-list.c (see GET_REG_LIST_SOURCE).
    expect(GET_REG_LIST_SOURCE.path).toMatch(/get-reg-list\.c$/);
    const unified = new Map(layout("unified").registers.map((r) => [r.name, r.oneReg]));
    const wrong: string[] = [];
    let compared = 0;
    for (const b of GET_REG_LIST) {
      if (!b.name || !unified.has(b.name)) continue;
      compared++;
      const ours = unified.get(b.name);
      if (ours !== b.id) wrong.push(`${b.name}: Linux ${b.id.toString(16)}, unified ${ours === null || ours === undefined ? "not exposed" : ours.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    // Every core register, the 55 EL2 registers and the v4.12 system registers at least.
    expect(compared).toBeGreaterThan(250);
  });
});
