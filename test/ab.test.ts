/**
 * A/B runs can fail: faults planted in a layout (a register left out of the
 * world-switch copy plan, two registers sharing an offset, a ONE_REG id that
 * leads to the wrong register) make the bundled scenarios diverge from the
 * reference model, and the divergence names the faulty register. A clean
 * pair shows no behaviour difference but reports its ABI differences.
 */
import { describe, expect, it } from "vitest";
import { runPair, type NamedScenario } from "../emulator/ab/run-ab.js";
import type { LayoutModule } from "../emulator/layout-module.js";
import { loadLayout } from "../emulator/machine.js";
import { bundledScenarios, model, scenario } from "./emulator-helpers.js";

const scenarios: NamedScenario[] = bundledScenarios().map(({ file, text }) => ({ name: file, scenario: scenario(text, file) }));

function withFault(l: LayoutModule, change: (m: { -readonly [K in keyof LayoutModule]: LayoutModule[K] }) => void): LayoutModule {
  const m = {
    ...l,
    name: `${l.name}-faulty`,
    offsets: Int32Array.from(l.offsets),
    oneRegIds: [...l.oneRegIds],
    copyPlan: structuredClone(l.copyPlan),
  };
  change(m);
  return m;
}

describe("reglab ab", () => {
  it("finds no behaviour difference between two real layouts, and reports their ABI differences", async () => {
    const r = runPair(model, await loadLayout("el2-array"), await loadLayout("extended-append"), scenarios);
    expect(r.behaviour).toEqual([]);
    expect(r.abi.map((d) => d.kind)).toContain("kvm-regs-size");
    expect(r.abi.filter((d) => d.kind === "one-reg-changed").map((d) => d.register).sort()).toEqual(["ELR_EL2", "SPSR_EL2", "SP_EL2"]);
  });

  it("catches a register left out of the world-switch copy plan", async () => {
    const unified = await loadLayout("unified");
    const victim = unified.registers.indexOf("TCR_EL1");
    const faulty = withFault(unified, (m) => {
      for (const e2h of [m.copyPlan.e2h0, m.copyPlan.e2h1]) {
        for (const phase of [e2h.entry, e2h.exit]) for (const run of phase.runs) (run.registers as number[]).splice(0, Infinity, ...run.registers.filter((i) => i !== victim));
      }
    });
    const r = runPair(model, faulty, unified, scenarios);
    expect(r.behaviour.length).toBeGreaterThan(0);
    expect(r.behaviour.every((d) => d.layout === "unified-faulty")).toBe(true);
    expect(r.behaviour.some((d) => /TCR_EL1/.test(`${d.op} ${d.expected} ${d.actual}`) || d.op.includes("TCR"))).toBe(true);
  });

  it("catches two registers sharing an offset", async () => {
    const unified = await loadLayout("unified");
    const faulty = withFault(unified, (m) => {
      m.offsets[unified.registers.indexOf("TTBR1_EL2")] = unified.offsets[unified.registers.indexOf("TTBR0_EL2")] ?? 0;
    });
    const r = runPair(model, faulty, unified, scenarios);
    expect(r.behaviour.some((d) => /TTBR[01]_EL2/.test(`${d.op} ${d.expected} ${d.actual}`))).toBe(true);
  });

  it("catches a ONE_REG id that leads to the wrong register", async () => {
    const el2 = await loadLayout("el2-array");
    const a = el2.registers.indexOf("SCTLR_EL2");
    const b = el2.registers.indexOf("TCR_EL2");
    const ids = [...el2.oneRegIds];
    [ids[a], ids[b]] = [ids[b] ?? null, ids[a] ?? null];
    const faulty = withFault(el2, (m) => {
      m.oneRegIds = ids;
    });
    const r = runPair(model, faulty, el2, scenarios);
    expect(r.behaviour.some((d) => /SCTLR_EL2|TCR_EL2/.test(d.op))).toBe(true);
  });
});

describe("random programs", () => {
  it("a register left out of the copy plan is found and shrunk to a short program that names it", async () => {
    const { randomAb } = await import("../emulator/ab/random.js");
    const unified = await loadLayout("unified");
    const victim = unified.registers.indexOf("TCR_EL1");
    const faulty = withFault(unified, (m) => {
      for (const e2h of [m.copyPlan.e2h0, m.copyPlan.e2h1]) {
        for (const phase of [e2h.entry, e2h.exit]) for (const run of phase.runs) (run.registers as number[]).splice(0, Infinity, ...run.registers.filter((i) => i !== victim));
      }
    });
    const r = randomAb(model, faulty, unified, 500, 1);
    expect(r.counterexample, "no counterexample found").toBeDefined();
    const steps = (r.counterexample ?? "").trim().split("\n");
    console.log(`seed ${r.seed}: shrunk counterexample\n${r.counterexample}`);
    expect(steps[0]).toBe("reset");
    expect(steps.length - 1).toBeLessThanOrEqual(4);
    // The divergence report of the shrunk program names the register the plan lost.
    expect(r.report?.behaviour.map((d) => `${d.op}: ${d.expected} / ${d.actual}`).join("\n")).toMatch(/TCR_EL1/);
  });

  it("is deterministic for a seed, and finds nothing between two real layouts", async () => {
    const { randomAb } = await import("../emulator/ab/random.js");
    const a = randomAb(model, await loadLayout("banked"), await loadLayout("vncr-page"), 150, 42);
    expect(a.counterexample).toBeUndefined();
    expect(a).toEqual(randomAb(model, await loadLayout("banked"), await loadLayout("vncr-page"), 150, 42));
  });
});

describe("reports", () => {
  it("the --json report matches its documented schema, and the JUnit report is well-formed XML with one test case per scenario and pair", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { spawnSync } = await import("node:child_process");
    const { AbReport } = await import("../emulator/ab/report-schema.js");
    const { reglab } = await import("./helpers.js");
    const dir = mkdtempSync(join(tmpdir(), "reglab-ab-"));
    const json = join(dir, "ab.json");
    const junit = join(dir, "ab.xml");
    const r = reglab(["ab", "el2-array", "extended-insert", "--json", json, "--junit", junit]);
    expect(r.status).toBe(0);
    const report = AbReport.parse(JSON.parse(readFileSync(json, "utf8")));
    expect(report.pairs[0]?.scenarios.length).toBe(scenarios.length);
    expect(report.pairs[0]?.abi.some((d) => d.kind === "one-reg-changed")).toBe(true);
    // JUnit: parsed by a real XML parser (Python's ElementTree), checked against the JUnit structure.
    const py = [
      "import sys, xml.etree.ElementTree as ET",
      "root = ET.parse(sys.argv[1]).getroot()",
      "assert root.tag == 'testsuites'",
      "suites = root.findall('testsuite')",
      "assert all(int(s.get('tests')) == len(s.findall('testcase')) for s in suites)",
      "assert all(c.get('name') and c.get('classname') for s in suites for c in s.findall('testcase'))",
      "print(sum(len(s.findall('testcase')) for s in suites))",
    ].join("\n");
    const p = spawnSync("python3", ["-c", py, junit], { encoding: "utf8" });
    expect(p.stderr).toBe("");
    expect(Number(p.stdout.trim())).toBe(scenarios.length);
  });
});

describe("worker threads", () => {
  it("a random run on two workers says what one thread says for the same seed", async () => {
    const { reglab } = await import("./helpers.js");
    const args = ["ab", "--all", "specs/scenarios/21-world-switch-e2h0.scn", "--random", "200", "--seed", "5"];
    const one = reglab([...args, "--workers", "1"]);
    const two = reglab([...args, "--workers", "2"]);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain("200 random programs, behaviour identical");
  });
});

describe("random programs find and shrink every planted fault", () => {
  const faults: [string, () => Promise<[LayoutModule, LayoutModule]>, RegExp][] = [
    [
      "two registers sharing an offset",
      async () => {
        const u = await loadLayout("unified");
        return [withFault(u, (m) => void (m.offsets[u.registers.indexOf("TTBR1_EL2")] = u.offsets[u.registers.indexOf("TTBR0_EL2")] ?? 0)), u];
      },
      /TTBR[01]_EL2/,
    ],
    [
      "a ONE_REG id leading to the wrong register",
      async () => {
        const l = await loadLayout("el2-array");
        const ids = [...l.oneRegIds];
        const a = l.registers.indexOf("SCTLR_EL2");
        const b = l.registers.indexOf("TCR_EL2");
        [ids[a], ids[b]] = [ids[b] ?? null, ids[a] ?? null];
        return [withFault(l, (m) => void (m.oneRegIds = ids)), l];
      },
      /SCTLR_EL2|TCR_EL2/,
    ],
  ];
  for (const [what, make, names] of faults) {
    it(what, async () => {
      const { randomAb } = await import("../emulator/ab/random.js");
      const [faulty, good] = await make();
      const r = randomAb(model, faulty, good, 3000, 1);
      expect(r.counterexample, "no counterexample").toBeDefined();
      console.log(`${what}: seed ${r.seed}, shrunk to\n${r.counterexample}`);
      expect((r.counterexample ?? "").trim().split("\n").length - 1).toBeLessThanOrEqual(4);
      const told = `${r.counterexample}\n${r.report?.behaviour.map((d) => `${d.op} ${d.expected} ${d.actual}`).join("\n")}`;
      expect(told).toMatch(names);
    });
  }
});

describe("the command", () => {
  it("exits 1 and names the first divergence when an observable differs", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { reglab } = await import("./helpers.js");
    const f = join(mkdtempSync(join(tmpdir(), "reglab-ab-")), "wrong.scn");
    writeFileSync(f, "reset\nexpect SCTLR_EL2 == 0x1\n");
    const r = reglab(["ab", "unified", "banked", f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/BEHAVIOUR DIFFERS/);
    expect(r.stdout).toMatch(/first divergence: reference, .*wrong\.scn:2/);
  });
});

describe("reglab ab --plant", () => {
  const cases: [string, RegExp][] = [
    ["copy-plan:TCR_EL1", /TCR_EL1/],
    ["offset:TTBR1_EL2", /TTBR[01]_EL2/],
    ["one-reg:SCTLR_EL2", /SCTLR_EL2/],
  ];
  for (const [fault, names] of cases) {
    it(`${fault}: exits 1 with a counterexample of at most 4 steps that names the register`, async () => {
      const { mkdtempSync, readdirSync, readFileSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { join } = await import("node:path");
      const { spawnSync } = await import("node:child_process");
      const { CLI, ROOT } = await import("./helpers.js");
      const cwd = mkdtempSync(join(tmpdir(), "reglab-plant-"));
      const one = join(ROOT, "specs", "scenarios", "01-reset-pstate-el2.scn");
      const r = spawnSync(process.execPath, [CLI, "ab", "unified", "unified", one, "--plant", fault, "--random", "2000", "--seed", "1"], { cwd, encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("seed 1");
      const file = readdirSync(cwd).find((f) => f.endsWith(".scn"));
      expect(file).toBeDefined();
      const steps = readFileSync(join(cwd, file ?? ""), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
      expect(steps[0]).toBe("reset");
      expect(steps.length - 1).toBeLessThanOrEqual(4);
      expect(r.stdout.slice(r.stdout.indexOf("BEHAVIOUR DIFFERS"))).toMatch(names);
      // The written counterexample replays with reglab run.
      expect(spawnSync(process.execPath, [CLI, "run", join(cwd, file ?? ""), "--layout", "unified"], { encoding: "utf8" }).status).toBe(0);
    });
  }
});
