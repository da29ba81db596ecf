/**
 * The behaviour gaps closed against Linux KVM and the Arm ARM (README,
 * "Behaviour gaps closed"), beyond what scenarios 41-46 check on every layout:
 *
 * - KVM's pseudo-registers (emulator/arch.ts KVM_PSEUDO_REGISTERS) against the
 *   blessed lists of Linux's get-reg-list selftest, and how every layout's
 *   KVM_GET_REG_LIST carries them;
 * - the RES0/RES1 masks a write forces (register-index.ts writeRes0/writeRes1):
 *   bits reserved in every E2H format, plus the fields of features the vCPU
 *   lacks (HCR_EL2.RW);
 * - EL0 DAIF accesses on a vCPU without EL2 (baseline-2017), which the
 *   EL2 scenarios cannot reach.
 */
import { describe, expect, it } from "vitest";
import { KVM_NR_PMU_COUNTERS, KVM_NV_ABSENT_FEATURES, KVM_PSEUDO_REGISTERS } from "../emulator/arch.js";
import { abiOf } from "../emulator/kvm-api.js";
import { loadLayout } from "../emulator/machine.js";
import { RegisterIndex } from "../emulator/register-index.js";
import { runScenario } from "../emulator/scenario/run.js";
import { index, LAYOUT_NAMES, machine, model, scenario } from "./emulator-helpers.js";
import { GET_REG_LIST, GET_REG_LIST_SOURCE } from "./reference/linux-get-reg-list.js";

const hex = (v: bigint) => "0x" + v.toString(16);
const KVM_REG_ARM_COPROC_MASK = 0x0fff0000n;
const coproc = (id: bigint) => (id & KVM_REG_ARM_COPROC_MASK) >> 16n;
const answered = KVM_PSEUDO_REGISTERS.filter((p) => p.kind !== "register");

describe("KVM pseudo-registers against Linux's get-reg-list", () => {
  const blessed = new Map(GET_REG_LIST.filter((b) => b.list === "base").map((b) => [b.id, b]));

  it("every pseudo-register's id is in the blessed base list, under Linux's name", () => {
    expect(GET_REG_LIST_SOURCE.path).toBe("tools/testing/selftests/kvm/arm64/get-reg-list.c");
    const wrong: string[] = [];
    for (const p of KVM_PSEUDO_REGISTERS) {
      const b = blessed.get(p.id);
      if (!b) {
        wrong.push(`${p.name} ${hex(p.id)}: not blessed`);
        continue;
      }
      // Firmware ids carry their uapi name as the list's comment; the timer ids are named after the register.
      const ok =
        p.kind === "firmware"
          ? b.comment === p.name && b.expr === p.expr
          : p.kind === "register"
            ? b.name === p.register
            : b.name === { KVM_REG_ARM_TIMER_CNT: "CNTVCT_EL0", KVM_REG_ARM_PTIMER_CNT: "CNTPCT_EL0" }[p.name];
      if (!ok) wrong.push(`${p.name} ${hex(p.id)}: blessed as ${b.name ?? b.comment} (${b.expr})`);
    }
    expect(wrong).toEqual([]);
  });

  it("every firmware id Linux blesses is in the table, in kvm_arm_fw_reg_ids[] order", () => {
    const fw = GET_REG_LIST.filter((b) => b.expr.startsWith("KVM_REG_ARM_FW")).map((b) => b.id);
    expect(fw.length).toBe(8);
    expect(KVM_PSEUDO_REGISTERS.filter((p) => p.kind === "firmware").map((p) => p.id)).toEqual(fw);
  });

  it("TIMER_CNT and TIMER_CVAL keep Linux's swapped encodings", () => {
    const byName = new Map(KVM_PSEUDO_REGISTERS.map((p) => [p.name, p]));
    // uapi kvm.h: TIMER_CVAL is ARM64_SYS_REG(3, 3, 14, 0, 2) (CNTVCT_EL0's encoding), TIMER_CNT (3, 3, 14, 3, 2).
    expect(byName.get("KVM_REG_ARM_TIMER_CVAL")?.id).toBe(0x603000000013df02n);
    expect(byName.get("KVM_REG_ARM_TIMER_CNT")?.id).toBe(0x603000000013df1an);
    const cval = model.byName.get("CNTV_CVAL_EL0");
    expect(cval?.kind === "register" ? cval.encoding : undefined).toEqual({ op0: 3, op1: 3, crn: 14, crm: 3, op2: 2 });
  });
});

describe("every layout's KVM_GET_REG_LIST", () => {
  for (const name of LAYOUT_NAMES) {
    it(`${name}: the pseudo-registers once each, timer registers under Linux's ids, KVM's order`, async () => {
      const layout = await loadLayout(name);
      const abi = abiOf(layout, index);
      const stored = new Map(layout.registers.map((r, i) => [r, layout.oneRegIds[i] ? BigInt(layout.oneRegIds[i] as string) : null]));
      // No register of the layout takes an id KVM gives a pseudo-register.
      for (const p of answered) expect(abi.idToReg.has(p.id), `${name} ${p.name}`).toBe(false);
      // Firmware and counter ids: listed exactly once.
      for (const p of answered) expect(abi.ids.filter((id) => id === p.id).length, `${name} ${p.name}`).toBe(1);
      // The timer registers: under Linux's id wherever the layout stores them (baseline-2017 stores none).
      for (const p of KVM_PSEUDO_REGISTERS.filter((x) => x.kind === "register")) {
        const id = stored.get(p.register as string);
        if (id === undefined) expect(abi.ids.includes(p.id), `${name} ${p.name}`).toBe(false);
        else expect(id === null ? null : hex(id), `${name} ${p.register}`).toBe(hex(p.id));
      }
      // Order (guest.c kvm_arm_copy_reg_indices()): core, firmware in kvm_arm_fw_reg_ids[] order, the rest ascending.
      const core = abi.ids.filter((id) => coproc(id) === 0x10n);
      const fw = abi.ids.filter((id) => coproc(id) === 0x14n || coproc(id) === 0x16n);
      const rest = abi.ids.filter((id) => ![0x10n, 0x14n, 0x16n].includes(coproc(id)));
      expect(abi.ids).toEqual([...core, ...fw, ...rest]);
      expect(fw).toEqual(KVM_PSEUDO_REGISTERS.filter((p) => p.kind === "firmware").map((p) => p.id));
      expect([...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(rest);
    });
  }
});

describe("what a write forces", () => {
  const word = (a: Uint32Array, r: number) => (BigInt(a[2 * r + 1] ?? 0) << 32n) | BigInt(a[2 * r] ?? 0);

  it("registers with two E2H formats: only the bits reserved in both", () => {
    for (const r of model.registers.filter((x) => x.formatE2H1)) {
      const n = index.number(r.name);
      expect(word(index.writeRes0, n), r.name).toBe(word(index.res0, n) & word(index.res0E2H1, n));
      expect(word(index.writeRes1, n), r.name).toBe(word(index.res1, n) & word(index.res1E2H1, n));
    }
    // CPTR_EL2: 13, 9 and 7:0 are RES1 with E2H = 0 and RES0 with E2H = 1, so neither is forced.
    const cptr = index.number("CPTR_EL2");
    expect(hex(word(index.writeRes1, cptr))).toBe("0x0");
    expect(hex(word(index.writeRes0, cptr))).toBe("0xffffffff0cccc800");
  });

  it("registers with one format: their own masks", () => {
    for (const r of model.registers.filter((x) => !x.formatE2H1)) {
      const n = index.number(r.name);
      expect(word(index.writeRes0, n), r.name).toBe(word(index.res0, n));
      expect(word(index.writeRes1, n), r.name).toBe(word(index.res1, n));
    }
  });

  it("HCR_EL2.RW is RES1 because the vCPU lacks FEAT_AA32EL1, not because the spec says so", () => {
    const hcr = index.number("HCR_EL2");
    const rw = index.fieldMask("HCR_EL2", "RW");
    expect(KVM_NV_ABSENT_FEATURES.has("FEAT_AA32EL1")).toBe(true);
    expect(word(index.writeRes1, hcr) & rw).toBe(rw);
    // The architecture keeps RW a field: a vCPU with AArch32 at EL1 would write it freely.
    const withAArch32 = new RegisterIndex(model, new Set());
    expect(word(withAArch32.writeRes1, hcr) & rw).toBe(0n);
    expect(withAArch32.sanitize(hcr, 0n)).toBe(0n);
    expect(index.sanitize(hcr, 0n)).toBe(rw);
  });

  it("the PMU the model assumes fits MDCR_EL2.HPMN and PMEVCNTR<n>_EL0", () => {
    // HPMN is 5 bits; the counters are PMEVCNTR0_EL0 .. PMEVCNTR30_EL0 (ARMV8_PMU_MAX_GENERAL_COUNTERS = 31).
    expect(KVM_NR_PMU_COUNTERS).toBeGreaterThan(0);
    expect(KVM_NR_PMU_COUNTERS).toBeLessThanOrEqual(31);
    expect(index.find(`PMEVCNTR${KVM_NR_PMU_COUNTERS - 1}_EL0`)).toBeDefined();
  });
});

describe("EL0 DAIF accesses without EL2", () => {
  it("baseline-2017: UMA = 0 traps MRS/MSR DAIF and DAIFSet to EL1 with EC 0x18; UMA = 1 allows them", async () => {
    const m = await machine("baseline-2017");
    const r = runScenario(
      scenario(
        [
          "reset", // EL1h, no EL2
          "x0 = 0x1000",
          "msr VBAR_EL1, x0",
          "el 0",
          "pc = 0x100",
          "mrs x1, S3_3_C4_C2_1",
          "expect el == 1",
          "expect pc == 0x1400",
          "expect ESR_EL1 == 0x6232d025",
          "expect ELR_EL1 == 0x100",
          "el 0",
          "pc = 0x104",
          "msr daifset, #2",
          "expect el == 1",
          "expect ESR_EL1 == 0x620cd3e4",
          "x0 = 0xc50278", // SCTLR_EL1 with UMA
          "msr SCTLR_EL1, x0",
          "el 0",
          "pc = 0x200",
          "mrs x1, S3_3_C4_C2_1",
          "expect el == 0",
          "expect x1 == 0x3c0",
          "msr daifclr, #0xf",
          "expect daif == 0",
        ].join("\n"),
      ),
      m,
    );
    expect(r.refused).toBeUndefined();
    expect(r.failures).toEqual([]);
  });
});
