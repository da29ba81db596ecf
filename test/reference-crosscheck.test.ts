/**
 * The specs against sources they were not written from: Linux's
 * vncr_mapping.h, KVM's reset table (sys_regs.c), the bit and mask macros
 * Linux writes by hand (kvm_arm.h, sysreg.h, arch_timer.h, pgtable-hwdef.h),
 * and QEMU's system register tables. Each table in test/reference/ names
 * the file and commit it was transcribed from. Disagreements that are the
 * sources' and not ours are listed with their reason; nothing is skipped
 * silently.
 */
import { describe, expect, it } from "vitest";
import { formatRange, hex, maskToRanges } from "../generators/spec/bits.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import type { Field, Register } from "../generators/spec/model.js";
import { KVM_RESET } from "./reference/linux-kvm-reset.js";
import { LINUX_MASKS, LINUX_MASK_SOURCES, type LinuxMaskEntry } from "./reference/linux-res-masks.js";
import { VNCR_OFFSETS } from "./reference/linux-vncr-mapping.js";
import { QEMU_ENCODINGS } from "./reference/qemu-encodings.js";
import { SPECS } from "./helpers.js";

const { model } = loadRegisterSpecs(SPECS);
const regs = new Map(model.registers.map((r) => [r.name, r]));

/** Where our spec knowingly differs from a transcribed source, and why. */
const VNCR_EXCEPTIONS: Record<string, string> = {
  SCTLR2_EL1:
    "VNCR_SCTLR2_EL1 0x278 was added after the transcribed vncr_mapping.h (@211fced4); it is in Kingxukai/linux @9b44fff6",
  ICH_HFGRTR_EL2:
    "GICv5 FGT registers: in enum vcpu_sysreg's VNCR section at torvalds/linux @e74c3a88, newer than the transcribed vncr_mapping.h",
  ICH_HFGWTR_EL2: "as ICH_HFGRTR_EL2",
  ICH_HFGITR_EL2: "as ICH_HFGRTR_EL2",
};
const RESET_EXCEPTIONS: Record<string, string> = {
  VTCR_EL2:
    "KVM's table resets it to 0, but kvm_init_nv_sysregs() makes bit 31 RES1, so a read after reset returns 0x80000000: the spec records what a read returns",
};
const MASK_EXCEPTIONS: Record<string, string> = {
  "HSTR_EL2.T4": "HSTR_EL2_T(x) is Linux's generic BIT(x); the Arm ARM has no T4 or T14 (RES0: no CP15 c4/c14 registers to trap)",
  "HSTR_EL2.T14": "as HSTR_EL2.T4",
};

function describeMask(m: bigint): string {
  return maskToRanges(m).map(formatRange).join(",") || "none";
}

describe("VNCR offsets against Linux vncr_mapping.h", () => {
  it("every spec'd offset is Linux's, and every register Linux maps has it", () => {
    const wrong: string[] = [];
    for (const r of model.registers) {
      if (r.name in VNCR_EXCEPTIONS) continue;
      const linux = VNCR_OFFSETS[r.name];
      if (r.vncr !== linux) wrong.push(`${r.name}: spec ${r.vncr === undefined ? "none" : hex(r.vncr)}, Linux ${linux === undefined ? "none" : hex(linux)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("reset values against KVM's sys_regs.c", () => {
  it("agree wherever KVM's table gives a value", () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const r of model.registers) {
      const kvm = KVM_RESET[r.name];
      if (kvm === undefined || kvm === "special" || r.name in RESET_EXCEPTIONS) continue;
      compared++;
      const ours = r.reset;
      if (ours !== kvm) wrong.push(`${r.name}: spec ${typeof ours === "bigint" ? hex(ours) : ours}, KVM ${typeof kvm === "bigint" ? hex(kvm) : kvm}`);
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});

function targets(e: LinuxMaskEntry): Register[] {
  const names = e.register === "SCTLR_ELx" ? ["SCTLR_EL1", "SCTLR_EL2"] : [e.register];
  return names.flatMap((n) => {
    const r = regs.get(n);
    return r ? [r] : [];
  });
}

function fieldsOf(r: Register): Field[] {
  return [...r.fields, ...(r.formatE2H1?.fields ?? [])];
}

describe("bit positions and RES masks against Linux's hand-written macros", () => {
  it("every field Linux names sits where the spec puts it", () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const e of LINUX_MASKS as readonly LinuxMaskEntry[]) {
      if ((e.kind !== "bit" && e.kind !== "field") || !e.field) continue;
      if (`${e.register}.${e.field}` in MASK_EXCEPTIONS) continue;
      for (const r of targets(e)) {
        compared++;
        // A "bit" macro may name one bit of a wider field (CPACR_EL1_FPEN_EL1EN is bit 20 of FPEN 21:20).
        const f = fieldsOf(r).find(
          (x) =>
            x.name.toUpperCase() === e.field?.toUpperCase() &&
            (e.kind === "bit" ? (e.value & ~x.mask) === 0n : x.mask === e.value),
        );
        if (!f) {
          const named = fieldsOf(r).filter((x) => x.name.toUpperCase() === e.field?.toUpperCase());
          wrong.push(
            `${r.name}.${e.field}: Linux ${e.name} = bits ${describeMask(e.value)} (${LINUX_MASK_SOURCES[e.source].version}); spec ${named.map((x) => formatRange(x.range)).join(" / ") || "has no such field"}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it("Linux's RES1 masks are RES1 (or RES1-without-feature fields) in the spec", () => {
    const wrong: string[] = [];
    for (const e of LINUX_MASKS as readonly LinuxMaskEntry[]) {
      if (e.kind !== "res1" || `${e.register}.${e.name}` in MASK_EXCEPTIONS) continue;
      for (const r of targets(e)) {
        const formats = [r, ...(r.formatE2H1 ? [r.formatE2H1] : [])];
        const ok = formats.some((f) => {
          const res1ish = f.res1.value | f.fields.filter((x) => x.whenAbsent === "res1").reduce((m, x) => m | x.mask, 0n);
          return (e.value & ~res1ish) === 0n;
        });
        if (!ok) wrong.push(`${r.name}: Linux ${e.name} = ${hex(e.value)} (${LINUX_MASK_SOURCES[e.source].version}); spec RES1 ${hex(r.res1.value)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("Linux's RES0 masks hold no spec field that exists without a feature", () => {
    const wrong: string[] = [];
    for (const e of LINUX_MASKS as readonly LinuxMaskEntry[]) {
      if (e.kind !== "res0" || `${e.register}.${e.name}` in MASK_EXCEPTIONS) continue;
      for (const r of targets(e)) {
        const formats = [r, ...(r.formatE2H1 ? [r.formatE2H1] : [])];
        const ok = formats.some((f) => f.fields.every((x) => x.feature !== undefined || (x.mask & e.value) === 0n));
        if (!ok) wrong.push(`${r.name}: Linux ${e.name} = ${hex(e.value)} (${LINUX_MASK_SOURCES[e.source].version}) covers a field the spec has in every CPU`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("encodings against QEMU's target/arm tables", () => {
  it("every register QEMU defines has the spec's encoding", () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const r of [...model.registers, ...model.aliases]) {
      const q = QEMU_ENCODINGS[r.name] ?? QEMU_ENCODINGS[r.name.toUpperCase()];
      if (!q || !r.encoding) continue;
      compared++;
      if (JSON.stringify([q.op0, q.op1, q.crn, q.crm, q.op2]) !== JSON.stringify([r.encoding.op0, r.encoding.op1, r.encoding.crn, r.encoding.crm, r.encoding.op2])) {
        wrong.push(`${r.name}: QEMU ${JSON.stringify(q)}, spec ${JSON.stringify(r.encoding)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
