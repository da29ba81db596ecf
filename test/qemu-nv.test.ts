/**
 * The nested trap model (emulator/nested/trap-model.ts) against QEMU's
 * FEAT_NV/FEAT_NV2 (`-cpu max`, QEMU >= 9.0): emulator/qemu/nv-probe.ts runs,
 * at EL1 under HCR_EL2.NV (and NV1 for an E2H = 0 guest hypervisor, NV2 and
 * VNCR_EL2 for v8.4-nv2), an MRS and an MSR of every register and alias the
 * model has an encoding for, plus ERET, HVC and SMC, and compares what QEMU's
 * host at EL2 sees (trap with its ESR, VNCR page offset, nothing, or an UNDEF
 * at EL1) with the model's classification. A difference fails unless
 * test/qemu-nv-exceptions.json lists it with its reason and source; a listed
 * difference that no longer occurs fails too, as do registers QEMU stops (or
 * starts) lacking and spec polarity problems that appear or get fixed.
 *
 * Outside CI the QEMU part skips with a message when qemu-system-aarch64 or
 * aarch64-linux-gnu-gcc is missing; in CI it fails. A QEMU without FEAT_NV
 * (7.2, Debian bookworm's own) fails with a message naming the fix.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  compareNvProbe,
  differenceText,
  NO_NV_MESSAGE,
  NV_PROBE_PROFILES,
  observedWord,
  parseNvProbeOutput,
  planNvProbe,
  reviewComparison,
  runNvProbe,
  specPolarityProblems,
  type ReviewedList,
} from "../emulator/qemu/nv-probe.js";
import { CC, haveTool, QEMU } from "../emulator/qemu/qemu.js";
import type { GuestE2H } from "../emulator/nested/trap-model.js";
import { inCI } from "./c-compiler.js";
import { model, profile } from "./emulator-helpers.js";
import { ROOT } from "./helpers.js";

interface ExceptionsFile extends ReviewedList {
  readonly specPolarity: { readonly reason: string; readonly problems: readonly string[] };
}
const LIST: ExceptionsFile = JSON.parse(readFileSync(join(ROOT, "test", "qemu-nv-exceptions.json"), "utf8")) as ExceptionsFile;
const UNIMPLEMENTED = new Set(LIST.unimplemented.flatMap((u) => u.registers));

const MODES: readonly { readonly profile: (typeof NV_PROBE_PROFILES)[number]; readonly e2h: GuestE2H }[] = NV_PROBE_PROFILES.flatMap((p) => [
  { profile: p, e2h: 0 as GuestE2H },
  { profile: p, e2h: 1 as GuestE2H },
]);

describe("the NV probe without QEMU", () => {
  it("classifies a synthetic run: a trap, a VNCR store, a VNCR load, an UNDEF at EL1 and a direct access", () => {
    const plan = planNvProbe(model, profile("v8.4-nv2"), { e2h: 0 });
    const idx = (text: string) => {
      const p = plan.probes.find((q) => q.text === text);
      if (!p) throw new Error(`no probe ${text}`);
      return p;
    };
    const hpfar = idx("mrs HPFAR_EL2");
    const sctlrW = idx("msr SCTLR_EL1");
    const sctlrR = idx("mrs SCTLR_EL1");
    const midr = idx("msr MPIDR_EL1");
    const tpidr = idx("mrs TPIDR_EL0");
    const out = [
      "@MMFR2 0x1221011112011011",
      `@P ${hpfar.index} 2 0x0000000062310121 0x0000000000000000 0x0000000000000000 0x0 0x0 0`,
      `@P ${sctlrW.index} 0 0x0 0x0 0x0000000000c50838 0x0000000000000110 0x0000000000000110 1`,
      `@P ${sctlrR.index} 0 0x0 0x0 0x5a5a5a5a00000110 0x0 0x0 0`,
      `@P ${midr.index} 1 0x0000000002000000 0x0 0x0 0x0 0x0 0`,
      `@P ${tpidr.index} 0 0x0 0x0 0x0000000000001234 0x0 0x0 0`,
      "@END",
    ].join("\n");
    const r = parseNvProbeOutput(plan, out);
    expect(r.ended).toBe(true);
    const words = [hpfar, sctlrW, sctlrR, midr, tpidr].map((p) => observedWord(p, r.observations.get(p.index), true));
    expect(words).toEqual(["trap:0x62310121", "vncr:0x110", "vncr:0x110", "undefined", "direct"]);
  });

  it("reports a difference the reviewed list does not hold, and a listed one that no longer occurs", () => {
    const plan = planNvProbe(model, profile("v8.3-nv"), { e2h: 0 });
    const sctlr = plan.probes.find((p) => p.text === "mrs SCTLR_EL1");
    if (!sctlr) throw new Error("no probe");
    // Every probe "direct" except SCTLR_EL1's, reported as a trap with the wrong Rt.
    const lines = plan.probes.map((p) => `@P ${p.index} ${p === sctlr ? "2 0x0000000062300401" : "0 0x0"} 0x0 0x0 0x0 0x0 0`);
    const run = { ...parseNvProbeOutput(plan, [...lines, "@END"].join("\n")), output: "" };
    const c = compareNvProbe(plan, run);
    expect(c.differences.find((d) => d.probe === "mrs SCTLR_EL1")).toEqual({ profile: "v8.3-nv", e2h: 0, probe: "mrs SCTLR_EL1", model: "trap:0x62300421", qemu: "trap:0x62300401" });
    const { stale } = reviewComparison(c, LIST);
    expect(stale).toContain("v8.3-nv E2H=0 msr RVBAR_EL2: listed (model undefined, QEMU trap:0x62333020) but no longer differs");
  });

  it("finds the spec trap references whose polarity the architecture contradicts, as listed", () => {
    expect(specPolarityProblems(model)).toEqual(LIST.specPolarity.problems);
  });
});

const missing = [QEMU, CC].filter((t) => !haveTool(t));
if (missing.length > 0 && !inCI) {
  console.warn(`test/qemu-nv.test.ts: skipped: ${missing.join(" and ")} not installed (.ci/run installs them; CI fails without them)`);
}

describe.skipIf(missing.length > 0 && !inCI)("the trap model against QEMU -cpu max (FEAT_NV, FEAT_NV2)", () => {
  it("has the tools (CI installs qemu-system-arm and gcc-aarch64-linux-gnu)", () => {
    expect(missing).toEqual([]);
  });

  const work = mkdtempSync(join(tmpdir(), "reglab-qemu-nv-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const mode of MODES) {
    it(`${mode.profile}, guest hypervisor E2H = ${mode.e2h}: every classification agrees with QEMU but for the reviewed differences`, { timeout: 30000 }, () => {
      const plan = planNvProbe(model, profile(mode.profile), { e2h: mode.e2h });
      const run = runNvProbe(plan, join(work, `${mode.profile}-e2h${mode.e2h}`));
      // A QEMU without FEAT_NV fails here with the message that names the fix (not a skip).
      expect(run.noNv, NO_NV_MESSAGE).toBeUndefined();
      expect(run.error, run.output.slice(0, 2000)).toBeUndefined();
      expect(run.mmfr2 === undefined ? 0n : (run.mmfr2 >> 24n) & 0xfn).toBeGreaterThanOrEqual(plan.host.nv2 ? 2n : 1n);

      const c = compareNvProbe(plan, run);
      expect(c.anomalies).toEqual([]);
      const { unlisted, stale } = reviewComparison(c, LIST);
      expect(unlisted.map(differenceText)).toEqual([]);
      expect(stale).toEqual([]);

      // Registers QEMU lacks are not compared: the list must be exactly the reviewed one.
      const lacking = new Set(c.notImplemented.map((n) => n.register));
      expect([...lacking].filter((r) => !UNIMPLEMENTED.has(r)).sort()).toEqual([]);
      expect([...UNIMPLEMENTED].filter((r) => !lacking.has(r)).sort()).toEqual([]);

      // The comparison has teeth: every kind the model predicts for this host occurs and agrees.
      expect(c.agree.trap).toBeGreaterThan(50);
      expect(c.agree.direct).toBeGreaterThan(50);
      expect(c.agree.undefined).toBeGreaterThan(0);
      if (plan.host.nv2) expect(c.agree.vncr).toBeGreaterThan(50);
      else expect(c.agree.vncr).toBe(0);
    });
  }
});
