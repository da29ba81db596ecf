/**
 * The emulator under a CPU profile (specs/profiles/): what the architecture
 * says for a feature the virtual CPU lacks, through the emulator API and
 * through the command line.
 *
 * - a register whose feature is absent is not implemented: MRS/MSR of it is
 *   UNDEFINED at every EL (EC 0x00, as any unallocated encoding), never a
 *   read or write of the storage a layout keeps for it anyway;
 * - a field whose feature is absent reads as its `whenAbsent` value;
 * - without FEAT_VHE, HCR_EL2.E2H is RES0 and the _EL12/_EL02 names do not exist;
 * - KVM_GET_REG_LIST lists only the registers the profile has, ONE_REG of
 *   another is ENOENT (sys_regs.c sysreg_hidden());
 * - `max` (the default) is the emulator as it was before profiles.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { programArbitrary } from "../emulator/ab/random.js";
import { runPair } from "../emulator/ab/run-ab.js";
import { EC, ERRNO, KVM_NV_ABSENT_FEATURES } from "../emulator/arch.js";
import { layoutMachine, loadLayout, registerIndex, vcpuFeatures, type Machine } from "../emulator/machine.js";
import { parseScenario } from "../emulator/scenario/parse.js";
import { checkScenarioProfiles, runsUnder, scenarioProfiles } from "../emulator/scenario/profiles.js";
import { runScenario } from "../emulator/scenario/run.js";
import { sysRegId } from "../generators/layout/one-reg.js";
import { profileHas, type Profile } from "../generators/profile/model.js";
import { bundledScenarios, LAYOUT_NAMES, machine, model, names, profile, PROFILES, scenario } from "./emulator-helpers.js";
import { reglab, SPECS } from "./helpers.js";

const v80 = profile("v8.0");
const vhe = profile("v8.1-vhe");
const nv = profile("v8.3-nv");
const max = profile("max");
/** Machines that keep EL2 state, and the reference. */
const EL2_MACHINES = ["reference", ...LAYOUT_NAMES.filter((n) => n !== "baseline-2017")];
const UNDEF_ESR = 0x02000000; // EC 0x00, IL 1, ISS 0

const enc = (name: string) => {
  const e = model.byName.get(name)?.encoding;
  if (!e) throw new Error(`${name} has no encoding`);
  return e;
};
/** MRS Xt, <reg> / MSR <reg>, Xt (Arm ARM C6.2: 0xd5300000 / 0xd5100000 | o0 op1 CRn CRm op2 Rt). */
const sysWord = (read: boolean, name: string, rt: number) => {
  const e = enc(name);
  return ((read ? 0xd5300000 : 0xd5100000) | ((e.op0 & 1) << 19) | (e.op1 << 16) | (e.crn << 12) | (e.crm << 8) | (e.op2 << 5) | rt) >>> 0;
};

/** A machine at `el` after reset, with VBAR_EL1/EL2 set and PC at 0x1000. */
function at(m: Machine, el: number): Machine {
  m.vcpu.reset();
  m.vcpu.state.set(m.index.number("VBAR_EL2"), 0x10000n);
  m.vcpu.state.set(m.index.number("VBAR_EL1"), 0x20000n);
  if (el !== 2) m.vcpu.setEl(el);
  m.vcpu.pc = 0x1000n;
  return m;
}

describe("the API: a profile per machine, max by default", () => {
  it("registerIndex is one per feature set: max is the index of a machine without a profile", () => {
    expect(registerIndex(model, max)).toBe(registerIndex(model));
    expect(registerIndex(model, v80)).not.toBe(registerIndex(model));
    // Another object with the same features shares the index; a different set does not.
    expect(registerIndex(model, { ...v80, name: "copy", features: new Set(v80.features) })).toBe(registerIndex(model, v80));
    expect(registerIndex(model, vhe)).not.toBe(registerIndex(model, v80));
  });

  it("the vCPU's features are the profile's less what KVM's NV vCPU never has", () => {
    const cortex = profile("cortex-a57");
    expect(cortex.features.has("FEAT_AA32EL1")).toBe(true);
    expect(vcpuFeatures(cortex).has("FEAT_AA32EL1")).toBe(false);
    for (const f of KVM_NV_ABSENT_FEATURES) expect(registerIndex(model, cortex).absentFeatures.has(f)).toBe(true);
    expect(registerIndex(model, v80).absentFeatures.has("FEAT_VHE")).toBe(true);
    expect(registerIndex(model, vhe).absentFeatures.has("FEAT_VHE")).toBe(false);
  });

  it("machines say which profile they run under", async () => {
    expect((await machine("unified")).profile).toBe("max");
    expect((await machine("unified", v80)).profile).toBe("v8.0");
    expect((await machine("reference", v80)).profile).toBe("v8.0");
    expect(runScenario(scenario("reset\n"), await machine("banked", vhe)).profile).toBe("v8.1-vhe");
  });
});

describe("a register of an absent feature is UNDEFINED at every EL", () => {
  it("v8.0: MRS/MSR ZCR_EL2 and HCRX_EL2 at EL2 take EC 0x00 to EL2, on every layout and the reference", async () => {
    for (const name of EL2_MACHINES) {
      for (const reg of ["ZCR_EL2", "HCRX_EL2"]) {
        for (const read of [true, false]) {
          const m = at(await machine(name, v80), 2);
          const r = m.vcpu.step(sysWord(read, reg, 3));
          expect(r.exception, `${name} ${read ? "mrs" : "msr"} ${reg}`).toMatchObject({ el: 2, ec: EC.UNKNOWN, esr: UNDEF_ESR, elr: 0x1000n, vector: 0x200 });
          expect(m.vcpu.pc).toBe(0x10200n);
        }
      }
    }
  });

  it("v8.0: ZCR_EL1 at EL1 takes EC 0x00 to EL1; max reads it", async () => {
    for (const name of EL2_MACHINES) {
      const m = at(await machine(name, v80), 1);
      expect(m.vcpu.step(sysWord(true, "ZCR_EL1", 2)).exception, name).toMatchObject({ el: 1, ec: EC.UNKNOWN, esr: UNDEF_ESR, elr: 0x1000n });
      const ok = at(await machine(name, max), 1);
      expect(ok.vcpu.step(sysWord(true, "ZCR_EL1", 2)).exception, name).toBeUndefined();
    }
  });

  it("an absent register is never silently read or written: its storage is there, the access is not", async () => {
    for (const name of EL2_MACHINES) {
      const zcr = (await machine(name)).index.number("ZCR_EL2");
      // Put a value where the layout keeps ZCR_EL2; max reads it, v8.0 must not.
      const reads = async (p: Profile) => {
        const m = at(await machine(name, p), 2);
        m.vcpu.state.set(zcr, 0xfn);
        m.vcpu.setX(5, 0x5555n);
        const r = m.vcpu.step(sysWord(true, "ZCR_EL2", 5));
        return { x5: m.vcpu.x(5), exception: r.exception?.ec };
      };
      expect(await reads(max), name).toEqual({ x5: 0xfn, exception: undefined });
      expect(await reads(v80), name).toEqual({ x5: 0x5555n, exception: EC.UNKNOWN });
      // And MSR does not write it.
      const m = at(await machine(name, v80), 2);
      m.vcpu.setX(6, 0x3n);
      m.vcpu.step(sysWord(false, "ZCR_EL2", 6));
      expect(m.vcpu.state.get(zcr), name).toBe(0n);
    }
  });

  it("every register and alias v8.0 lacks: MRS and MSR UNDEFINED at EL0, EL1 and EL2, storage untouched", async () => {
    const m0 = await machine("unified", v80);
    const absent = [...model.registers, ...model.aliases].filter((r) => r.encoding && (!profileHas(v80, r.feature) || (r.kind === "alias" && !profileHas(v80, model.byName.get(r.aliasOf)?.feature))));
    expect(absent.length).toBeGreaterThan(60);
    expect(absent.map((r) => r.name)).toEqual(expect.arrayContaining(["ZCR_EL2", "HCRX_EL2", "SCTLR_EL12", "CONTEXTIDR_EL2", "APIAKEYLO_EL1", "ICH_AP0R0_EL2"]));
    const wrong: string[] = [];
    for (const r of absent) {
      for (const el of [0, 1, 2]) {
        for (const read of [true, false]) {
          const m = at(m0, el);
          // HCR_EL2.TGE is 0: UNDEFINED at EL0 goes to EL1.
          const to = el === 2 ? 2 : 1;
          const before = m.vcpu.state.get(m.index.X0 + 7);
          const res = m.vcpu.step(sysWord(read, r.name, 7));
          const e = res.exception;
          if (!e || e.ec !== EC.UNKNOWN || e.el !== to || e.esr !== UNDEF_ESR) wrong.push(`${read ? "mrs" : "msr"} ${r.name} at EL${el}: ${JSON.stringify(e ?? res, (_, v) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v))}`);
          if (m.vcpu.state.get(m.index.X0 + 7) !== before) wrong.push(`mrs ${r.name} at EL${el} wrote x7`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("max: the AArch32 registers KVM's NV vCPU lacks are UNDEFINED to the guest, listed and reachable for userspace", async () => {
    const m = at(await machine("unified"), 2);
    expect(m.vcpu.step(sysWord(true, "DACR32_EL2", 1)).exception).toMatchObject({ el: 2, ec: EC.UNKNOWN });
    const id = sysRegId(enc("DACR32_EL2"));
    expect(m.api.regList().ids).toContain(id);
    expect(m.api.setOneReg(id, 0x55n)).toBe(0);
    expect(m.api.getOneReg(id)).toEqual({ errno: 0, value: 0x55n });
    // A profile without AArch32 at EL1 does not list them.
    expect((await machine("unified", v80)).api.regList().ids).not.toContain(id);
  });
});

describe("fields of an absent feature", () => {
  it("HCR_EL2.APK/API (FEAT_PAuth) read 0 after writing ones on v8.0 and v8.1-vhe, and 1 on v8.3-nv and max", async () => {
    const apkApi = 0x30000000000n;
    for (const [p, kept] of [[v80, 0n], [vhe, 0n], [nv, apkApi], [max, apkApi]] as const) {
      for (const name of EL2_MACHINES) {
        const m = at(await machine(name, p), 2);
        m.vcpu.setX(1, apkApi | 0x80000000n);
        m.vcpu.step(sysWord(false, "HCR_EL2", 1));
        expect(m.vcpu.step(sysWord(true, "HCR_EL2", 2)).read, `${p.name} ${name}`).toBe(kept | 0x80000000n);
        // KVM_SET_ONE_REG stores it as an MSR does.
        const hcr = sysRegId(enc("HCR_EL2"));
        expect(m.api.setOneReg(hcr, apkApi)).toBe(0);
        expect(m.api.getOneReg(hcr).value, `${p.name} ${name} ONE_REG`).toBe(kept | 0x80000000n);
      }
    }
  });

  it("reset values take the profile's fixed fields: SCTLR_EL1 is KVM's 0xc50078 under max, 0x30d50818 on v8.0", async () => {
    for (const name of EL2_MACHINES) {
      const sctlr = (p: Profile) => machine(name, p).then((m) => (m.vcpu.reset(), m.vcpu.state.get(m.index.number("SCTLR_EL1"))));
      expect(await sctlr(max), name).toBe(0xc50078n);
      expect(await sctlr(v80), name).toBe(0x30d50818n);
    }
  });
});

describe("HCR_EL2.E2H without FEAT_VHE", () => {
  it("v8.0: E2H reads 0 after writing 1, the E2H = 1 machinery never engages, SCTLR_EL12 is UNDEFINED", async () => {
    for (const name of EL2_MACHINES) {
      const m = at(await machine(name, v80), 2);
      m.vcpu.setX(1, 0x480000000n);
      m.vcpu.step(sysWord(false, "HCR_EL2", 1));
      expect(m.vcpu.step(sysWord(true, "HCR_EL2", 2)).read, name).toBe(0x80000000n);
      expect(m.vcpu.e2h, name).toBe(false);
      // MSR SCTLR_EL1 at EL2 reaches SCTLR_EL1, not SCTLR_EL2.
      const el2 = m.vcpu.state.get(m.index.number("SCTLR_EL2"));
      m.vcpu.setX(3, 0x1005n);
      m.vcpu.step(sysWord(false, "SCTLR_EL1", 3));
      expect(m.vcpu.state.get(m.index.number("SCTLR_EL2")), name).toBe(el2);
      expect(m.vcpu.state.get(m.index.number("SCTLR_EL1")), name).toBe(0x30d01805n);
      m.vcpu.pc = 0x2000n;
      expect(m.vcpu.step(sysWord(true, "SCTLR_EL12", 4)).exception, name).toMatchObject({ el: 2, ec: EC.UNKNOWN, elr: 0x2000n });
    }
  });

  it("v8.1-vhe: E2H holds, SCTLR_EL12 reaches SCTLR_EL1 and SCTLR_EL1 reaches SCTLR_EL2; ZCR_EL12 needs FEAT_SVE too", async () => {
    for (const name of EL2_MACHINES) {
      const m = at(await machine(name, vhe), 2);
      m.vcpu.setX(1, 0x480000000n);
      m.vcpu.step(sysWord(false, "HCR_EL2", 1));
      expect(m.vcpu.e2h, name).toBe(true);
      m.vcpu.setX(3, 0x1005n);
      m.vcpu.step(sysWord(false, "SCTLR_EL12", 3));
      expect(m.vcpu.state.get(m.index.number("SCTLR_EL1")) & 0x1005n, name).toBe(0x1005n);
      expect(m.vcpu.step(sysWord(true, "SCTLR_EL1", 4)).read, name).toBe(m.vcpu.state.get(m.index.number("SCTLR_EL2")));
      expect(m.vcpu.step(sysWord(true, "ZCR_EL12", 5)).exception?.ec, name).toBe(EC.UNKNOWN);
      const all = at(await machine(name, max), 2);
      all.vcpu.setX(1, 0x480000000n);
      all.vcpu.step(sysWord(false, "HCR_EL2", 1));
      expect(all.vcpu.step(sysWord(true, "ZCR_EL12", 5)).exception, name).toBeUndefined();
    }
  });
});

describe("KVM_GET_REG_LIST and ONE_REG under a profile", () => {
  const zcrId = sysRegId(enc("ZCR_EL2"));

  it("v8.0 lacks ZCR_EL2's id, max has it; ONE_REG of it is ENOENT on v8.0", async () => {
    for (const name of EL2_MACHINES) {
      const lo = await machine(name, v80);
      const hi = await machine(name, max);
      expect(lo.api.regList().ids, name).not.toContain(zcrId);
      expect(hi.api.regList().ids, name).toContain(zcrId);
      expect(lo.api.getOneReg(zcrId), name).toEqual({ errno: ERRNO.ENOENT });
      expect(lo.api.setOneReg(zcrId, 1n), name).toBe(ERRNO.ENOENT);
      expect(hi.api.setOneReg(zcrId, 1n), name).toBe(0);
      // E2BIG counts the shorter list.
      expect(lo.api.regList(0).n, name).toBe(lo.api.regList().ids.length);
    }
  });

  it("every profile lists exactly the registers it has (by their unified ids), the pseudo-registers and core ids alike", async () => {
    const unified = await loadLayout("unified");
    const all = layoutMachine(model, unified).api.regList().ids;
    for (const p of PROFILES) {
      const ids = new Set(layoutMachine(model, unified, p).api.regList().ids);
      const expected = all.filter((id) => {
        const r = unified.registers[unified.oneRegIds.indexOf(`0x${id.toString(16).padStart(16, "0")}`)];
        const spec = r === undefined ? undefined : model.byName.get(r);
        return profileHas(p, spec?.feature);
      });
      expect([...ids].sort(), p.name).toEqual([...expected].sort());
    }
  });

  it("scenarios name registers the reference reaches directly: an absent one is ENOENT there too", async () => {
    const s = scenario("reset\nonereg get ZCR_EL2 -> x1\nexpect errno == ENOENT\nonereg set ZCR_EL2, 0x1\nexpect errno == ENOENT\n");
    for (const name of EL2_MACHINES) expect(runScenario(s, await machine(name, v80)).failures, name).toEqual([]);
    expect(runScenario(s, await machine("reference", max)).failures).toHaveLength(2);
  });
});

describe("the # profiles: header", () => {
  const parse = (text: string) => parseScenario("h.scn", text, registerIndex(model), names);

  it("no header: max only; a list: those; all: every bundled profile", () => {
    const none = parse("reset\n").scenario;
    expect(runsUnder(none, "max")).toBe(true);
    expect(runsUnder(none, "v8.0")).toBe(false);
    expect(scenarioProfiles(none, PROFILES).map((p) => p.name)).toEqual(["max"]);
    const two = parse("# a comment first\n# profiles: v8.0 v8.1-vhe\nreset\n").scenario;
    expect(scenarioProfiles(two, PROFILES).map((p) => p.name)).toEqual(["v8.0", "v8.1-vhe"]);
    expect(runsUnder(two, "max")).toBe(false);
    const all = parse("#profiles: all\nreset\n").scenario;
    expect(scenarioProfiles(all, PROFILES).map((p) => p.name)).toEqual(PROFILES.map((p) => p.name));
    // A `# profiles:` inside a trailing comment is only a comment.
    expect(parse("reset  # profiles: v8.0\n").scenario.profiles).toBeUndefined();
  });

  it("reports what is wrong with a header at its line and column", () => {
    const errs = (text: string) => parse(text).errors.map((e) => `${e.line}:${e.col}: ${e.message}`);
    expect(errs("reset\n# profiles: v8.0\n")).toEqual(["2:1: profiles: the '# profiles:' header must come before the first step"]);
    expect(errs("# profiles: v8.0\n# profiles: max\nreset\n")).toEqual(["2:1: profiles: a second '# profiles:' header (the first is on line 1)"]);
    expect(errs("# profiles: v8.0 all\n")).toEqual(["1:18: profiles: 'all' stands alone (it means every profile)"]);
    expect(errs("# profiles: v8.0 v8.0\n")).toEqual(["1:18: profiles: v8.0 is named twice"]);
    expect(errs("# profiles:\n")).toEqual(["1:12: profiles: expected profile names or 'all'"]);
    const unknown = parse("# profiles: v8.0 v9.9\nreset\n").scenario;
    expect(checkScenarioProfiles(unknown, PROFILES).map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      `1:18: profiles: no profile named v9.9 (have: ${PROFILES.map((p) => p.name).join(", ")})`,
    ]);
  });

  it("every bundled scenario names its profiles; the new ones hold under exactly those", () => {
    const header = (f: string) => scenario(bundledScenarios().find((s) => s.file.startsWith(f))?.text ?? "", f).profiles;
    expect(header("47-")?.names.map((n) => n.name)).toEqual(["v8.0", "v8.1-vhe", "v8.3-nv", "v8.4-nv2", "cortex-a57"]);
    expect(header("48-")?.names.map((n) => n.name)).toEqual(["v8.0", "cortex-a57"]);
    expect(header("01-")?.all).toBe(true);
  });
});

describe("A/B runs under a profile", () => {
  it("runPair runs the scenarios written for the profile and refuses the others, saying why", async () => {
    const scns = bundledScenarios()
      .filter((s) => /^(01|02|47|48)-/.test(s.file))
      .map((s) => ({ name: s.file, scenario: scenario(s.text, s.file) }));
    const r = runPair(model, await loadLayout("unified"), await loadLayout("vncr-page"), scns, v80);
    expect(r.behaviour).toEqual([]);
    expect(r.scenarios.map((s) => [s.scenario.slice(0, 2), s.a])).toEqual([
      ["01", "pass"],
      ["02", "refused: written for profiles max, not v8.0"],
      ["47", "pass"],
      ["48", "pass"],
    ]);
  });

  it("random programs under v8.0 mostly reach registers it has, and sometimes one it lacks; under max they are the programs of no profile", () => {
    const lacks = new Set([...model.registers, ...model.aliases].filter((r) => !profileHas(v80, r.feature)).map((r) => r.name));
    const programs = fc.sample(programArbitrary(model, v80), { numRuns: 400, seed: 9 });
    const touched = programs.flat().flatMap((l) => /^(?:mrs x\d+, |msr |onereg (?:get|set) )(\w+)/.exec(l)?.[1] ?? []);
    const absent = touched.filter((n) => lacks.has(n)).length;
    expect(absent).toBeGreaterThan(0);
    expect(absent / touched.length).toBeLessThan(0.15);
    expect(fc.sample(programArbitrary(model, max), { numRuns: 50, seed: 9 })).toEqual(fc.sample(programArbitrary(model), { numRuns: 50, seed: 9 }));
  });
});

describe("the command line", () => {
  const s47 = join(SPECS, "scenarios", "47-absent-sve-hcx-undefined.scn");
  const s48 = join(SPECS, "scenarios", "48-no-vhe-e2h-res0.scn");

  it("reglab run FILE --profile v8.0 --layout unified passes the v8.0 scenarios; max fails them", () => {
    for (const f of [s47, s48]) {
      const r = reglab(["run", f, "--profile", "v8.0", "--layout", "unified"]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/passed on unified under profile v8\.0\n$/);
      const m = reglab(["run", f, "--profile", "max", "--layout", "unified"]);
      expect(m.status).toBe(1);
      expect(m.stderr).toMatch(/note: written for profiles .*; running under max as asked/);
    }
  });

  it("without --profile: max, or the first profile the header names when it does not name max", () => {
    const r = reglab(["run", s48, "--layout", "reference"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/passed on reference under profile v8\.0/);
    const old = reglab(["run", join(SPECS, "scenarios", "02-reset-el2-registers.scn"), "--layout", "unified"]);
    expect(old.status).toBe(0);
    expect(old.stdout).toMatch(/passed on unified\n$/);
  });

  it("an inline program: E2H stays 0 on v8.0 and holds on v8.1-vhe, through the CLI; --json says the profile", () => {
    const f = join(mkdtempSync(join(tmpdir(), "reglab-profile-")), "e2h.scn");
    writeFileSync(f, "# profiles: all\nreset\nx0 = 0x480000000\nmsr HCR_EL2, x0\nmrs x1, HCR_EL2\n");
    const json = (p: string) => JSON.parse(reglab(["run", f, "--layout", "el2-array", "--profile", p, "--json"]).stdout) as { profile: string; final: Record<string, string> };
    expect(json("v8.0")).toMatchObject({ profile: "v8.0", final: { X1: "0x80000000" } });
    expect(json("v8.1-vhe")).toMatchObject({ profile: "v8.1-vhe", final: { X1: "0x480000000" } });
  });

  it("an unknown profile is one line and exit 2, for run and ab; an unknown name in a header is file:line:col", () => {
    const have = PROFILES.map((p) => p.name).join(", ");
    const run = reglab(["run", s47, "--layout", "unified", "--profile", "v7"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`run: no profile named v7 (have: ${have})\n`);
    const ab = reglab(["ab", "unified", "banked", s47, "--profile", "v7"]);
    expect(ab.status).toBe(2);
    expect(ab.stderr).toBe(`ab: no profile named v7 (have: ${have})\n`);
    const f = join(mkdtempSync(join(tmpdir(), "reglab-profile-")), "bad.scn");
    writeFileSync(f, "# profiles: v8.0 v7\nreset\n");
    const bad = reglab(["run", f, "--layout", "unified"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.scn:1:18: error: profiles: no profile named v7/);
  });

  it("reglab ab --profile v8.0 runs the scenarios written for it, and random programs on worker threads under it", () => {
    const r = reglab(["ab", "unified", "banked", s47, s48, join(SPECS, "scenarios", "02-reset-el2-registers.scn"), "--profile", "v8.0"]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain("profile v8.0: 2 of 3 scenarios are written for it; 1 left out");
    expect(r.stdout).toContain("behaviour identical on 2 scenarios (1 refused)");
    // The workers check that they ran under the profile they were sent (parallel.ts), and agree with one thread.
    const args = ["ab", "--all", s47, "--random", "300", "--seed", "4", "--profile", "v8.0"];
    const one = reglab([...args, "--workers", "1"]);
    const two = reglab([...args, "--workers", "2"]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain("random programs: 300, seed 4, profile v8.0");
    expect(two.stdout).toContain("300 random programs, behaviour identical");
  });
});

describe("random programs under every bundled profile", () => {
  // The A/B runner's generator draws from what each profile has (and, rarely, what it lacks): every pair of
  // layouts that differ most in how they store EL2 state must still behave alike, under every CPU.
  it.each(PROFILES.map((p) => [p.name, p] as const))("%s: banked vs vncr-page and el2-array vs extended-insert agree on 150 programs", async (_name, p) => {
    const { randomAb } = await import("../emulator/ab/random.js");
    for (const [a, b] of [["banked", "vncr-page"], ["el2-array", "extended-insert"]] as const) {
      const r = randomAb(model, await loadLayout(a), await loadLayout(b), 150, 11, undefined, p);
      expect(r.counterexample, `${p.name}: ${a} vs ${b}`).toBeUndefined();
      expect(r.runs).toBe(150);
    }
  });
});
