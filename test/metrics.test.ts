/**
 * `reglab metrics`: numbers checked against hand calculation (fixture layouts
 * small enough to lay out on paper, and Linux v4.12's struct kvm_regs), the
 * padding of every struct against gcc, the ABI diff against ids computed
 * from KVM's ARM64_SYS_REG() rule, the per-entry/per-exit attribution against
 * the planner's copy plan, and the --json report against its JSON Schema with
 * an independent validator (ajv).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { computeMetrics, formatWorkloadProblem, loadWorkloads, metricsOfSpecs } from "../emulator/metrics/compute.js";
import { ownPadding, totalPadding } from "../emulator/metrics/layout-cost.js";
import { defaultHosts } from "../emulator/metrics/compute.js";
import { vncrPageSync } from "../emulator/metrics/host-cost.js";
import { MetricsReport } from "../emulator/metrics/report-schema.js";
import { measureWorkload, type Workload } from "../emulator/metrics/workload.js";
import { layoutMachine } from "../emulator/machine.js";
import { layoutModuleOf } from "../generators/layout/module-data.js";
import { loadSpecs } from "../generators/pipeline.js";
import { compile, haveCompiler, HOST_CC, inCI, writeC } from "./c-compiler.js";
import { scenario } from "./emulator-helpers.js";
import { FIXTURES, reglab, SPECS } from "./helpers.js";

const fixture = loadSpecs(join(FIXTURES, "metrics"));
const bundled = loadSpecs(SPECS);
const layout = (name: string, from = fixture) => {
  const l = from.layouts.find((x) => x.name === name);
  if (!l) throw new Error(`no layout ${name}`);
  return l;
};

describe("hand-calculated metrics", () => {
  it("the fixture specs load cleanly", () => expect(fixture.diagnostics).toEqual([]));

  // struct kvm_regs of the fixtures: user_pt_regs (272 bytes, 8-aligned) at 0, then user_fpsimd_state
  // (528 bytes, 16-aligned for its __uint128_t vregs[32]) at 272, already a multiple of 16: 800 bytes, no hole.
  // contiguous: kvm_regs 0..800, sys_regs[5] (__INVALID_SYSREG__, SCTLR_EL1, then SCTLR_EL2 HCR_EL2 ESR_EL2 in
  // encoding order) at 800..840; the struct's alignment is 16 (it embeds kvm_regs), so sizeof = 848: 8 bytes of tail.
  // scattered: sys_regs[2] 800..816, other[16] 816..944, el2_regs[3] 944..968, sizeof 976: 8 bytes of tail.
  it("bytes and padding of the fixture layouts", () => {
    const report = computeMetrics(fixture.model, fixture.layouts, []);
    const row = (n: string) => report.layouts.find((l) => l.layout === n)?.state;
    expect(row("contiguous")).toMatchObject({ bytes: 848, padding: 8 });
    expect(row("scattered")).toMatchObject({ bytes: 976, padding: 8 });
    expect(row("baseline-2017")).toMatchObject({ bytes: 816, padding: 0 });
  });

  // A nested entry saves the physical SCTLR_EL1 (holding the guest hypervisor's SCTLR_EL2) into SCTLR_EL2's slot
  // and loads the nested guest's SCTLR_EL1 from its slot: 2 registers, 16 bytes, 2 runs (one save, one load).
  // contiguous: slots at 808 and 816, both in the line 768..831: 1 cache line.
  // scattered: SCTLR_EL1 at 808 (line 768..831), SCTLR_EL2 at 944 (line 896..959): 2 cache lines.
  it("cache lines touched by a contiguous and a scattered EL1/EL2 pair", () => {
    for (const [name, lines] of [["contiguous", 1], ["scattered", 2]] as const) {
      const plan = layout(name).copyPlan;
      for (const phase of [plan.e2h0.entry, plan.e2h0.exit, plan.e2h1.entry, plan.e2h1.exit]) {
        expect({ name, bytes: phase.bytes, runs: phase.runs.length, lines: phase.cacheLines, moves: phase.moves.length }).toEqual({
          name,
          bytes: 16,
          runs: 2,
          lines,
          moves: 2,
        });
      }
    }
  });

  // Linux v4.12 arch/arm64/include/uapi/asm/kvm.h: struct kvm_regs { struct user_pt_regs regs; __u64 sp_el1;
  // __u64 elr_el1; __u64 spsr[KVM_NR_SPSR]; struct user_fpsimd_state fp_regs; }: 272 + 8 + 8 + 5 * 8 = 328, and
  // fp_regs, 16-aligned, starts at 336: an 8-byte hole; 336 + 528 = 864, a multiple of 16, no tail.
  // v4.12 arch/arm64/include/asm/kvm_host.h: struct kvm_cpu_context { struct kvm_regs gp_regs; u64 sys_regs[NR_SYS_REGS]; }
  // with 99 sys_regs here: 864 + 792 = 1656, rounded up to the 16-byte alignment kvm_regs brings: 1664, 8 more.
  // el2-array adds el2_regs[88] and shadow_sys_regs[131] to sys_regs[131]: 864 + 1048 + 704 + 1048 = 3664 = 229 * 16, no tail.
  // unified (upstream): user_pt_regs 272, spsr_abt/und/irq/fiq 304, fp_regs at 304 (= 19 * 16), 832 + 498 * 8 = 4816,
  // two pointers 4832 = 302 * 16: no padding at all.
  it("padding of the real layouts, where struct kvm_regs has a 16-byte-aligned member", () => {
    const kvmRegs = layout("baseline-2017", bundled).structs.find((s) => s.name === "kvm_regs");
    expect(kvmRegs && ownPadding(kvmRegs)).toBe(8);
    const report = computeMetrics(bundled.model, bundled.layouts, []);
    const padding = Object.fromEntries(report.layouts.map((l) => [l.layout, l.state.padding]));
    expect(padding).toMatchObject({ "baseline-2017": 16, "el2-array": 8, unified: 0 });
    expect(totalPadding(layout("el2-array", bundled).structs, "kvm_cpu_context")).toBe(8);
  });

  // ARM64_SYS_REG(op0, op1, crn, crm, op2) in arch/arm64/include/uapi/asm/kvm.h: KVM_REG_ARM64 (0x6000000000000000)
  // | KVM_REG_SIZE_U64 (0x0030000000000000) | KVM_REG_ARM64_SYSREG (0x13 << 16) | op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2.
  // SCTLR_EL2 3,4,1,0,0: 0xc000 | 0x2000 | 0x80 = 0xe080; HCR_EL2 3,4,1,1,0: 0xe088; ESR_EL2 3,4,5,2,0: 0xc000 | 0x2000 | 0x280 | 0x10 = 0xe290.
  it("the ABI diff against the baseline lists the EL2 ids as added and keeps SCTLR_EL1's", () => {
    const report = computeMetrics(fixture.model, fixture.layouts, []);
    const abi = report.layouts.find((l) => l.layout === "contiguous")?.abi;
    expect(abi?.added).toEqual([
      { register: "ESR_EL2", baseline: null, layout: "0x603000000013e290" },
      { register: "HCR_EL2", baseline: null, layout: "0x603000000013e088" },
      { register: "SCTLR_EL2", baseline: null, layout: "0x603000000013e080" },
    ]);
    expect(abi).toMatchObject({ removed: [], changed: [], compatible: true, kvmRegsSize: 800, ioctlsChanged: false });
  });

  it("the real layouts' ABI verdicts: extended-* break v4.12, the others keep it", () => {
    const report = computeMetrics(bundled.model, bundled.layouts, []);
    const abi = Object.fromEntries(report.layouts.map((l) => [l.layout, l.abi]));
    // KVM_GET_REGS = _IOR(KVMIO, 0x81, struct kvm_regs): dir 2 << 30 | size << 16 | 0xae << 8 | 0x81.
    const ior = (size: number) => "0x" + ((2 * 2 ** 30 + size * 2 ** 16 + 0xae81) >>> 0).toString(16);
    expect(abi["extended-append"]).toMatchObject({ compatible: false, kvmRegsSize: 896, ioctls: { KVM_GET_REGS: ior(896) }, changed: [] });
    expect(abi["extended-insert"]?.compatible).toBe(false);
    expect(abi["extended-insert"]?.changed.map((c) => c.register)).toContain("ELR_EL1");
    for (const n of ["el2-array", "unified", "banked", "vncr-page"]) {
      expect(abi[n], n).toMatchObject({ compatible: true, kvmRegsSize: 864, ioctls: { KVM_GET_REGS: ior(864) }, removed: [], changed: [] });
    }
    expect(abi["el2-array"]?.added.map((c) => c.register)).toContain("SCTLR_EL2");
  });
});

describe("padding as gcc lays the structs out", () => {
  const work = mkdtempSync(join(tmpdir(), "reglab-padding-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const have = haveCompiler(HOST_CC);
  it.skipIf(!have && !inCI)("sizeof(struct) minus the sizes of its members is the padding metrics report, in every layout", () => {
    const report = computeMetrics(bundled.model, bundled.layouts, []);
    for (const l of bundled.layouts) {
      const dir = join(work, l.name);
      writeC(dir, l, bundled.model);
      const own = new Map(report.layouts.find((r) => r.layout === l.name)?.state.structs.map((s) => [s.name, s.padding]));
      const asserts = l.structs.map((s) => {
        const members = s.fields.map((f) => `sizeof(((struct ${s.name} *)0)->${f.name})`).join(" + ");
        return `_Static_assert(sizeof(struct ${s.name}) - (${members}) == ${own.get(s.name)}, "padding of struct ${s.name}");`;
      });
      writeFileSync(join(dir, "padding.c"), `#include "kvm_host.h"\n${asserts.join("\n")}\n`);
      const r = compile(HOST_CC, ["-fsyntax-only", "padding.c"], dir);
      expect(r.output, l.name).toBe("");
      expect(r.ok, l.name).toBe(true);
    }
  });
});

describe("the bundled workloads", () => {
  const { workloads, problems } = loadWorkloads(bundled.model, SPECS);

  it("load with titles and no problems", () => {
    expect(problems).toEqual([]);
    expect(workloads.map((w) => w.name)).toEqual(readdirSync(join(SPECS, "workloads")).filter((f) => f.endsWith(".scn")).sort());
    expect(workloads.map((w) => w.name)).toEqual(expect.arrayContaining(["nested-exits-e2h0.scn", "nested-exits-e2h1.scn", "kvm-exit-path-e2h0.scn"]));
    for (const w of workloads) expect(w.title.length).toBeGreaterThan(10);
  });

  it("run on every layout with EL2 state: 8 entries, 8 exits, every expectation met; each switch costs what the plan says", () => {
    for (const l of bundled.layouts.filter((x) => x.el2)) {
      for (const w of workloads) {
        const m = measureWorkload(w, layoutMachine(bundled.model, layoutModuleOf(l)));
        expect({ layout: l.name, entries: m.entries, exits: m.exits, failures: m.failures }).toEqual({ layout: l.name, entries: 8, exits: 8, failures: 0 });
        const plan = m.e2h === 1 ? l.copyPlan.e2h1 : l.copyPlan.e2h0;
        expect(m.perEntry, `${l.name} ${w.name}`).toEqual({
          registers: plan.entry.moves.length,
          bytes: plan.entry.bytes,
          copyRuns: plan.entry.runs.length,
          cacheLines: plan.entry.cacheLines,
        });
        expect(m.perExit, `${l.name} ${w.name}`).toEqual({
          registers: plan.exit.moves.length,
          bytes: plan.exit.bytes,
          copyRuns: plan.exit.runs.length,
          cacheLines: plan.exit.cacheLines,
        });
      }
    }
    // The E2H each workload's guest hypervisor runs with is what its name says.
    for (const w of workloads) {
      expect(measureWorkload(w, layoutMachine(bundled.model, layoutModuleOf(layout("unified", bundled)))).e2h, w.name).toBe(w.name.includes("e2h1") ? 1 : 0);
    }
  });

  const run = (imm: string) => ["reset", "x0 = 0x80000001", "msr HCR_EL2, x0", "x0 = 0x40000", "msr ELR_EL2, x0", "x0 = 0x3c5", "msr SPSR_EL2, x0", "eret", `hvc ${imm}`];
  it("a reset inside a workload does not count as a switch, and a switch is counted on the step that made it", () => {
    const w: Workload = {
      name: "inline.scn",
      title: "two HVC exits around a reset",
      scenario: scenario(
        [...run("#1"), ...run("#2")].join("\n"),
      ),
    };
    const m = measureWorkload(w, layoutMachine(bundled.model, layoutModuleOf(layout("el2-array", bundled))));
    expect({ entries: m.entries, exits: m.exits, exceptions: m.exceptions }).toEqual({ entries: 2, exits: 2, exceptions: 1 });
    expect(m.perEntry.bytes).toBe(layout("el2-array", bundled).copyPlan.e2h0.entry.bytes);
  });
});

describe("the host's cost of the guest hypervisor: traps per nested exit with FEAT_NV and FEAT_NV2", () => {
  const { workloads } = loadWorkloads(bundled.model, SPECS);
  const hosts = defaultHosts(SPECS);
  const report = computeMetrics(bundled.model, bundled.layouts, workloads, hosts);
  const per = (layoutName: string, workload: string) => {
    const w = report.layouts.find((l) => l.layout === layoutName)?.workloads.find((x) => x.workload === workload);
    if (!w) throw new Error(`${layoutName} ${workload}`);
    const h = (p: string) => w.hosts.find((x) => x.profile === p);
    return { nv: h("v8.3-nv"), nv2: h("v8.4-nv2"), ratio: w.nvToNv2TrapRatio };
  };
  const el2 = bundled.layouts.filter((l) => l.el2).map((l) => l.name);

  it("the default hosts are v8.3-nv (FEAT_NV) and v8.4-nv2 (FEAT_NV2)", () => {
    expect(report.hosts).toMatchObject([{ profile: "v8.3-nv", mode: "nv" }, { profile: "v8.4-nv2", mode: "nv2" }]);
  });

  // test/trap-model.test.ts counts kvm-exit-path-e2h0.scn by hand: FEAT_NV 88 traps per exit (1 exit + 44 + 43),
  // FEAT_NV2 7 traps (exit, HPFAR_EL2, CPTR_EL2 x2, VBAR_EL2 x2, ERET) and 75 VNCR accesses. 7 complete exits (the 8th
  // has no re-entry). Any layout: the classification does not depend on where the state is stored.
  it("kvm-exit-path-e2h0.scn: 88 traps with FEAT_NV; 7 traps and 75 VNCR accesses with FEAT_NV2; on every layout", () => {
    for (const l of el2) {
      const c = per(l, "kvm-exit-path-e2h0.scn");
      expect({ l, nv: [c.nv?.traps, c.nv?.vncrAccesses, c.nv?.nestedExits], nv2: [c.nv2?.traps, c.nv2?.vncrAccesses], ratio: c.ratio }).toEqual({
        l,
        nv: [88, 0, 7],
        nv2: [7, 75],
        ratio: 12.57, // 88 / 7
      });
    }
  });

  // nested-exits-e2h0.scn (HCR_EL2.E2H = 0, so NV1 = 1): the 7 complete exits are HVC, SCTLR_EL1 write (TVM),
  // TCR_EL1 read (TRVM), HVC, TTBR0_EL1 write, HVC, MAIR_EL1 read. Each handler: mrs ESR_EL2, FAR_EL2, HPFAR_EL2,
  // ELR_EL2, SPSR_EL2; (a VM exit: the emulated access to the guest's EL1 register); msr ELR_EL2, SPSR_EL2; eret.
  //   FEAT_NV: every EL2 access traps and so does the EL1 register under KVM's TVM/TRVM: an HVC exit is 1 + 5 + 2 + 1 = 9,
  //     a VM exit 1 + 5 + 1 + 2 + 1 = 10; (3 * 9 + 4 * 10) / 7 = 67 / 7 = 9.57.
  //   FEAT_NV2: ESR/FAR/ELR/SPSR_EL2 become their EL1 twins, HPFAR_EL2 traps, the EL1 register is at its VNCR offset:
  //     3 traps (exit, HPFAR_EL2, ERET) per exit, 4 VNCR accesses in 7 exits = 0.57.
  // nested-exits-e2h1.scn (E2H = 1, NV1 = 0): the handler reads ESR_EL1, FAR_EL1, ELR_EL1, SPSR_EL1 (direct) and
  // HPFAR_EL2 (trap), writes ELR_EL1, SPSR_EL1, ERET; a VM exit accesses the guest's register by its _EL12 name.
  //   FEAT_NV: HVC exit 1 + 1 + 1 = 3, VM exit 4 (the _EL12 alias traps): (3 * 3 + 4 * 4) / 7 = 25 / 7 = 3.57.
  //   FEAT_NV2: the alias is a VNCR access ('101'): 3 traps per exit, 4 VNCR accesses / 7 = 0.57.
  it("nested-exits-e2h0/e2h1.scn: the hand counts", () => {
    for (const l of el2) {
      const e0 = per(l, "nested-exits-e2h0.scn");
      const e1 = per(l, "nested-exits-e2h1.scn");
      expect([e0.nv?.traps, e0.nv2?.traps, e0.nv2?.vncrAccesses, e0.ratio], l).toEqual([9.57, 3, 0.57, 3.19]);
      expect([e1.nv?.traps, e1.nv2?.traps, e1.nv2?.vncrAccesses, e1.ratio], l).toEqual([3.57, 3, 0.57, 1.19]);
    }
  });

  // The emulator runs each host row's workload on a vCPU of that profile: v8.0 has no FEAT_VHE, so HCR_EL2.E2H is
  // RES0 and the VHE workload cannot run as written there (no nested exit completes); the non-VHE ones run with the
  // paravirtualized guest hypervisor, as many exceptions as FEAT_NV (88 and 9.57, see above).
  it("a host without FEAT_NV (v8.0): paravirtualized, the same exceptions as FEAT_NV; workloads not written for the profile get no count", () => {
    const v80 = bundled.profiles.find((p) => p.name === "v8.0");
    if (!v80) throw new Error("no v8.0 profile");
    const r = computeMetrics(bundled.model, [layout("baseline-2017", bundled), layout("unified", bundled)], workloads, [v80]);
    const u = r.layouts.find((l) => l.layout === "unified");
    expect(r.hosts).toEqual([{ profile: "v8.0", title: v80.title, mode: "paravirt" }]);
    // kvm-exit-path sets HCR_EL2.API/APK (FEAT_PAuth, v8.3) and nested-exits-e2h1 needs FEAT_VHE: their
    // `# profiles:` headers leave v8.0 out, so only nested-exits-e2h0 (`all`) is measured there.
    expect(u?.workloads.map((w) => [w.hosts[0]?.traps, w.hosts[0]?.nestedExits, w.hosts[0]?.failures])).toEqual([
      [0, 0, 0],
      [9.57, 7, 0],
      [0, 0, 0],
    ]);
    // v8.1-vhe has VHE but no FEAT_NV: the E2H = 1 workload runs paravirtualized with FEAT_NV's count, 3.57;
    // kvm-exit-path is not written for it (FEAT_PAuth).
    const vhe = bundled.profiles.find((p) => p.name === "v8.1-vhe");
    if (!vhe) throw new Error("no v8.1-vhe profile");
    const r1 = computeMetrics(bundled.model, [layout("baseline-2017", bundled), layout("unified", bundled)], workloads, [vhe]);
    expect(r1.layouts.find((l) => l.layout === "unified")?.workloads.map((w) => w.hosts[0]?.traps)).toEqual([0, 9.57, 3.57]);
    expect(u?.workloads.every((w) => w.nvToNv2TrapRatio === null)).toBe(true);
  });

  // The VNCR page sync (emulator/metrics/host-cost.ts): 0 when offset(r) - vncr(r) is one constant.
  // vncr-page stores each VNCR-mapped register at its architectural offset; unified keeps them in VNCR order after
  // __VNCR_START__ (sys_regs[__VNCR_START__ + vncr / 8]): both page-ordered, 81 registers each.
  // el2-array (generated/el2-array/layout.json): its 81 VNCR-mapped registers are gp_regs' SP_EL1 @272, ELR_EL1 @280,
  // SPSR_EL1 @288; 25 EL0/EL1 ones in sys_regs (SCTLR_EL1 @888 ... CNTV_CVAL_EL0 @1904) and 53 EL2 ones in el2_regs
  // (VTCR_EL2 @1968 ... ICH_LR15_EL2 @2576). Bytes: 81 * 8 = 648 per direction. Runs: neighbours in the context that
  // are also neighbours on the page (same offset - vncr): SCTLR/ACTLR_EL1 (0x110, 0x118), AFSR0/AFSR1_EL1
  // (0x128, 0x130), PIR/POR_EL1 (0x2a0, 0x2a8), HFGRTR/HFGWTR/HFGITR_EL2 (0x1b8..0x1c8), HFGRTR2/HFGWTR2_EL2
  // (0x2c0, 0x2c8), HDFGRTR/HDFGWTR_EL2 (0x1d0, 0x1d8), ICH_AP0R0..ICH_AP1R3_EL2 (0x480..0x4b8, 8),
  // ICH_HFGRTR/HFGWTR_EL2 (0xb18, 0xb20), ICH_HCR/ICH_VMCR_EL2 (0x4c0, 0x4c8), ICH_LR0..15_EL2 (0x400..0x478, 16):
  // 10 runs holding 2+2+2+3+2+2+8+2+2+16 = 41 registers, and 81 - 41 = 40 single-register runs: 50 runs.
  // Cache lines (offset / 64): 272..295 -> line 4; 888..1047 -> lines 13..16 (4); 1664..1911 -> 26..29 (4);
  // 1968..2583 -> 30..40 (11): 1 + 4 + 4 + 11 = 20. Per nested exit (page -> storage on entry, back on exit): twice.
  it("the FEAT_NV2 page sync: 0 for vncr-page and unified, 648 B / 50 runs / 20 lines each way for el2-array", () => {
    expect(vncrPageSync(bundled.model, layout("vncr-page", bundled))).toEqual({ registers: 81, pageOrdered: true, perSwitch: { registers: 0, bytes: 0, copyRuns: 0, cacheLines: 0 } });
    expect(vncrPageSync(bundled.model, layout("unified", bundled))).toMatchObject({ registers: 81, pageOrdered: true, perSwitch: { bytes: 0 } });
    expect(vncrPageSync(bundled.model, layout("el2-array", bundled))).toEqual({
      registers: 81,
      pageOrdered: false,
      perSwitch: { registers: 81, bytes: 648, copyRuns: 50, cacheLines: 20 },
    });
    const e = per("el2-array", "kvm-exit-path-e2h0.scn");
    expect(e.nv2?.pageSync).toEqual({ registers: 162, bytes: 1296, copyRuns: 100, cacheLines: 40 });
    expect(e.nv?.pageSync.bytes).toBe(0);
    expect(per("unified", "kvm-exit-path-e2h0.scn").nv2?.pageSync.bytes).toBe(0);
    // The verdicts say so, since the page sync differs between layouts.
    const verdict = (n: string) => report.layouts.find((l) => l.layout === n)?.verdict ?? "";
    expect(verdict("el2-array")).toContain("under FEAT_NV2 (v8.4-nv2) it copies 648 B in 50 runs (20 cache lines)");
    expect(verdict("unified")).toContain("its VNCR-mapped registers are the VNCR page");
  });
});

describe("reglab metrics", () => {
  it("--json matches the JSON Schema in specs/schema (checked by ajv) and the zod schema", () => {
    const r = reglab(["metrics", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json: unknown = JSON.parse(r.stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(SPECS, "schema", "metrics.schema.json"), "utf8")) as object);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const report = MetricsReport.parse(json);
    expect(report.layouts.map((l) => l.layout)).toEqual(bundled.layouts.map((l) => l.name));
    // A broken report is rejected by the same schema: the check can fail.
    expect(validate({ ...report, layouts: [{ ...report.layouts[0], rank: 0 }] })).toBe(false);
    expect(report.layouts.filter((l) => l.el2).map((l) => l.rank).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.layouts.find((l) => l.layout === "baseline-2017")).toMatchObject({ rank: null, workloads: [] });
    // Every workload holds its expectations under every host profile its header names, and is measured there.
    for (const l of report.layouts) {
      for (const w of l.workloads) {
        for (const h of w.hosts) expect({ layout: l.layout, workload: w.workload, host: h.profile, failures: h.failures, measured: h.nestedExits > 0 }).toMatchObject({ failures: 0, measured: true });
      }
    }
  });

  it("prints a table and one verdict per layout; --layout narrows it; an unknown layout is one line and exit 2", () => {
    const all = reglab(["metrics"]);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^ {2}el2-array: ABI compatible with v4\.12: .*; cost rank \d of 6 \(/m);
    expect(all.stdout).toMatch(/^ {2}extended-append: not ABI compatible with v4\.12: struct kvm_regs grows from 864 to 896 bytes/m);
    const one = reglab(["metrics", "--layout", "unified"]);
    expect(one.stdout).toContain("unified: ");
    expect(one.stdout).not.toContain("el2-array: ");
    const bad = reglab(["metrics", "--layout", "nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`metrics: no layout named nope (have: ${bundled.layouts.map((l) => l.name).join(", ")})\n`);
  });

  it("shows the traps per nested exit under v8.3-nv and v8.4-nv2 by default; --profile picks hosts; an unknown one is one line and exit 2", () => {
    const all = reglab(["metrics", "--layout", "el2-array"]);
    expect(all.status).toBe(0);
    for (const row of ["traps per nested exit (v8.3-nv)", "traps per nested exit (v8.4-nv2)", "VNCR accesses per exit (v8.4-nv2)", "NV/NV2 trap ratio"]) {
      expect(all.stdout).toContain(row);
    }
    expect(all.stdout).toMatch(/traps per nested exit \(v8\.3-nv\) +88\n/);
    const v80 = reglab(["metrics", "--profile", "v8.0", "--json"]);
    expect(v80.status).toBe(0);
    expect(MetricsReport.parse(JSON.parse(v80.stdout)).hosts.map((h) => h.mode)).toEqual(["paravirt"]);
    const bad = reglab(["metrics", "--profile", "nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.split("\n")).toHaveLength(2);
    expect(bad.stderr).toMatch(/^metrics: no profile named nope \(have: .*v8\.4-nv2.*\)\n$/);
  });

  it("a malformed workload is reported at its file, line and column, and no report is made", () => {
    const r = metricsOfSpecs(bundled.model, bundled.layouts, join(FIXTURES, "metrics-bad-workload"));
    expect(r.report).toBeUndefined();
    expect(r.problems.map(formatWorkloadProblem)).toMatchInlineSnapshot(`
      [
        "workloads/bad.scn:1:1: error: a workload's first line must be \`# title: ...\`",
        "workloads/bad.scn:3:5: error: unknown system register NOT_A_REG_EL2 (not in the specs; S<op0>_<op1>_C<n>_C<m>_<op2> names any encoding)",
      ]
    `);
  });
});
