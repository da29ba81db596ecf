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
