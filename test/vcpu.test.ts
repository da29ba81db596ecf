/**
 * Unit tests of the core: exception entry (Arm ARM D1.3: ESR, ELR, SPSR,
 * PSTATE, vector offsets), the world switch's translation of EL2 values into
 * the physical EL1 registers (against Linux's translate_* helpers), and the
 * KVM userspace register API's errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayoutState } from "../emulator/layout-state.js";
import { runScenario } from "../emulator/scenario/run.js";
import { index, LAYOUT_NAMES, machine, scenario } from "./emulator-helpers.js";
import { LINUX_TRANSLATIONS } from "./reference/linux-nested-translate.js";

const n = (name: string) => index.number(name);

describe("exception entry", () => {
  it("HVC from EL1 goes to VBAR_EL2 + 0x400 with EC 0x16, the next PC in ELR_EL2 and PSTATE in SPSR_EL2", async () => {
    const m = await machine("unified");
    m.vcpu.reset();
    m.vcpu.state.set(n("VBAR_EL2"), 0x8000n);
    m.vcpu.setEl(1);
    m.vcpu.pc = 0x1000n;
    const r = m.vcpu.step(0xd4000002 | (0x42 << 5)); // hvc #0x42
    expect(r.exception).toEqual({ el: 2, ec: 0x16, esr: 0x5a000042, elr: 0x1004n, spsr: 0x3c5n, vector: 0x400 });
    expect(m.vcpu.pc).toBe(0x8400n);
    expect(m.vcpu.pstate).toBe(0x3c9); // EL2h, D A I F masked
    expect(m.vcpu.state.get(n("ELR_EL2"))).toBe(0x1004n);
  });

  it("from the current EL: +0x200 with SP_ELx, +0x000 with SP_EL0; NZCV is kept", async () => {
    const m = await machine("el2-array");
    m.vcpu.reset();
    m.vcpu.pstate = 0x600003c9; // Z and C set, EL2h
    m.vcpu.step(0xd4000002); // hvc #0
    expect(m.vcpu.pc).toBe(0x200n);
    expect(m.vcpu.pstate >>> 28).toBe(0x6);
    m.vcpu.pstate = 0x3c8; // EL2t
    m.vcpu.step(0xd4000002);
    expect(m.vcpu.pc).toBe(0x000n);
    expect(m.vcpu.state.get(n("SPSR_EL2"))).toBe(0x3c8n);
  });

  it("an access EL1 cannot make is UNDEFINED: EC 0x0 to EL1, ELR at the instruction", async () => {
    const m = await machine("banked");
    m.vcpu.reset();
    m.vcpu.setEl(1);
    m.vcpu.pc = 0x40n;
    const r = m.vcpu.step(0xd53c1001); // mrs x1, SCTLR_EL2
    expect(r.exception).toMatchObject({ el: 1, ec: 0, esr: 0x02000000, elr: 0x40n, vector: 0x200 });
  });

  it("TVM traps an EL1 write to EL2 with the ISS of the instruction", async () => {
    const m = await machine("vncr-page");
    m.vcpu.reset();
    m.vcpu.state.set(n("HCR_EL2"), (1n << 26n) | (1n << 31n));
    m.vcpu.setEl(1);
    // msr TTBR0_EL1, x3: op0 3, op1 0, CRn 2, CRm 0, op2 0, Rt 3, write
    const r = m.vcpu.step(0xd5182003);
    const iss = (3 << 20) | (0 << 17) | (0 << 14) | (2 << 10) | (3 << 5) | (0 << 1) | 0;
    expect(r.exception?.esr).toBe(((0x18 << 26) | (1 << 25) | iss) >>> 0);
    expect(m.vcpu.state.counters.traps).toBe(1);
  });
});

describe("world switch", () => {
  for (const name of LAYOUT_NAMES.filter((l) => l !== "baseline-2017")) {
    it(`${name}: with E2H = 0 the physical EL1 registers hold Linux's translation of the EL2 values`, async () => {
      const m = await machine(name);
      const state = m.vcpu.state;
      if (!(state instanceof LayoutState)) throw new Error("not a layout");
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (a, b) => {
          m.vcpu.reset(); // HCR_EL2.E2H is 0 after reset
          m.vcpu.setEl(1);
          for (const el2 of Object.keys(LINUX_TRANSLATIONS)) state.set(n(el2), index.sanitize(n(el2), a));
          state.set(n("SCTLR_EL1"), index.sanitize(n("SCTLR_EL1"), b));
          m.vcpu.setEl(2); // exit to the guest hypervisor: load its EL2 state, translated
          for (const [el2, [el1, translate]] of Object.entries(LINUX_TRANSLATIONS)) {
            expect(state.physical(n(el2)), `${el2} -> ${el1}`).toBe(translate(state.get(n(el2))));
          }
          // The nested guest's SCTLR_EL1 was saved, not lost.
          expect(state.get(n("SCTLR_EL1"))).toBe(index.sanitize(n("SCTLR_EL1"), b));
          m.vcpu.setEl(1); // and back: the guest's value is loaded again
          expect(state.physical(n("SCTLR_EL1"))).toBe(index.sanitize(n("SCTLR_EL1"), b));
        }),
        { numRuns: 50 },
      );
      expect(state.counters.worldSwitches).toBeGreaterThan(0);
      expect(state.counters.bytesCopied).toBeGreaterThan(0);
    });
  }

  it("with E2H = 1 the EL2 values reach the physical registers as they are", async () => {
    const m = await machine("unified");
    const state = m.vcpu.state as LayoutState;
    m.vcpu.reset();
    m.vcpu.setEl(1);
    state.set(n("HCR_EL2"), (1n << 34n) | (1n << 31n));
    state.set(n("TCR_EL2"), 0x1234n);
    m.vcpu.setEl(2);
    expect(state.physical(n("TCR_EL2"))).toBe(0x1234n);
  });
});

describe("KVM register API", () => {
  const run = async (layout: string, text: string) => runScenario(scenario(text), await machine(layout));

  it("returns ENOENT, EINVAL and E2BIG where KVM does", async () => {
    const r = await run(
      "unified",
      [
        "reset",
        "onereg get 0x6030000000138000 -> x1", // no system register at (2, 0, 0, 0, 0)
        "onereg get 0x6020000000100000 -> x1", // regs.regs[0] as U32: wrong size
        "onereg get 0x6030000000100001 -> x1", // inside regs.regs[0]
        "onereg get 0x6030000000101000 -> x1", // past struct kvm_regs
        "onereg set PSTATE, 0x3c3", // M = 0b0011 does not exist
        "reglist 1",
        "onereg get SCTLR_EL2 -> x1",
      ].join("\n"),
    );
    expect(r.steps.slice(1).map((s) => s.result)).toEqual([
      "errno ENOENT",
      "errno EINVAL",
      "errno EINVAL",
      "errno ENOENT",
      "errno EINVAL",
      "errno E2BIG",
      "x1 = 0x30c50830",
    ]);
  });

  it("KVM_GET_REGS puts each register at its layout's struct kvm_regs offset", async () => {
    for (const layout of ["baseline-2017", "extended-append", "extended-insert"]) {
      const m = await machine(layout);
      m.vcpu.reset();
      m.vcpu.setEl(1);
      m.vcpu.state.set(n("ELR_EL1"), 0x1122334455667788n);
      const blob = m.api.getRegs();
      const [off] = m.api.abi.blob.get(n("ELR_EL1")) ?? [-1];
      expect(new DataView(blob.buffer).getBigUint64(off, true), layout).toBe(0x1122334455667788n);
      expect(blob.length).toBe(m.api.abi.kvmRegsSize);
      blob.fill(0, off, off + 8);
      expect(m.api.setRegs(blob)).toBe(0);
      expect(m.vcpu.state.get(n("ELR_EL1"))).toBe(0n);
    }
  });
});
