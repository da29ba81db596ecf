/**
 * QEMU in the loop (README "QEMU in the loop"): every bundled scenario with a
 * hardware meaning, translated into a bare-metal program
 * (emulator/qemu/program.ts), run on qemu-system-aarch64 -M virt,virtualization=on
 * under each QEMU CPU of emulator/qemu/cpus.ts and compared observable by
 * observable with the emulator (reference model, unified ABI) under that CPU's
 * reglab profile. The scenarios are those whose `# profiles:` header names the
 * profile (emulator/scenario/profiles.ts runsUnder): derived, never hand-picked.
 *
 * A scenario the translation refuses must be in REFUSED with its reason (a new
 * refusal fails, and so does a listed one that runs now). A mismatch fails
 * unless test/qemu-exceptions.json lists it with its reason; a listed one that
 * no longer occurs fails too (the list must stay reviewed). Outside CI the test
 * skips, with a message, when qemu-system-aarch64 or aarch64-linux-gnu-gcc is
 * missing; in CI (.ci/run installs both) it fails.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../emulator/qemu/program.js";
import { CC, CPUS, haveTool, inParallel, mismatchText, QEMU, QEMU_CPUS, runOnQemuAsync, type Mismatch, type QemuCpu, type QemuResult } from "../emulator/qemu/qemu.js";
import { runsUnder } from "../emulator/scenario/profiles.js";
import { inCI } from "./c-compiler.js";
import { bundledScenarios, machine, profile, scenario } from "./emulator-helpers.js";
import { ROOT } from "./helpers.js";

/**
 * The scenarios the translation still refuses, with the reason it gives (a regular expression over
 * Translation.unsupported). Reviewed: see program.ts's header for the lowering and its limits.
 */
// Empty since the harness runs on its own stacks, illegal exception returns are lowered to the
// landing's exception and KVM API writes to the host's writes (emulator/qemu/translate.ts header): every bundled
// scenario runs. The table stays for what a new scenario may still need (program.ts `unsupported`).
export const REFUSED: Readonly<Record<string, RegExp>> = {};

/** Scenarios that run but whose every observable is KVM userspace API (onereg, reglist): nothing to compare on hardware. */
export const NO_HARDWARE_OBSERVABLE: Readonly<Record<string, string>> = {
  "35-reglist-el2.scn": "KVM_GET_REG_LIST and KVM_GET/SET_ONE_REG of EL2 registers only",
  "45-kvm-firmware-pseudo-registers.scn": "KVM firmware pseudo-registers (KVM_REG_ARM_FW), which have no hardware counterpart",
};

interface Exception {
  readonly file: string;
  readonly lines: readonly number[];
  readonly observable: string;
  readonly cpus: readonly string[];
  readonly reason: string;
}
const EXCEPTIONS: readonly Exception[] = (JSON.parse(readFileSync(join(ROOT, "test", "qemu-exceptions.json"), "utf8")) as { exceptions: Exception[] }).exceptions;

function listed(m: Mismatch, file: string, cpu: QemuCpu): Exception | undefined {
  return EXCEPTIONS.find((e) => e.file === file && e.cpus.includes(cpu) && e.lines.includes(m.line) && new RegExp(`^(${e.observable})$`).test(m.observable));
}

const missing = [QEMU, CC].filter((t) => !haveTool(t));
if (missing.length > 0 && !inCI) {
  console.warn(`test/qemu.test.ts: skipped: ${missing.join(" and ")} not installed (.ci/run installs them; CI fails without them)`);
}

/** The bundled scenarios written for the CPU's profile. */
function scenariosFor(cpu: QemuCpu): { file: string; text: string }[] {
  return bundledScenarios().filter(({ file, text }) => runsUnder(scenario(text, file), CPUS[cpu].profile));
}

describe.skipIf(missing.length > 0 && !inCI)("QEMU in the loop", () => {
  it("has the tools (CI installs qemu-system-arm and gcc-aarch64-linux-gnu)", () => {
    expect(missing).toEqual([]);
  });

  const work = mkdtempSync(join(tmpdir(), "reglab-qemu-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const results = new Map<string, QemuResult>();
  // Every CPU's programs at once, two QEMUs at a time (2 cores): the per-scenario tests read the results.
  beforeAll(async () => {
    const jobs: (() => Promise<QemuResult>)[] = [];
    for (const cpu of QEMU_CPUS) {
      const p = profile(CPUS[cpu].profile);
      for (const { file, text } of scenariosFor(cpu)) {
        const m = await machine("reference", p);
        const t = translate(scenario(text, file), m);
        jobs.push(async () => {
          const r = await runOnQemuAsync(t, cpu, m.index, join(work, `${cpu}-${file}`));
          results.set(`${cpu}/${file}`, r);
          return r;
        });
      }
    }
    await inParallel(jobs, 2);
  }, 120000);

  for (const cpu of QEMU_CPUS) {
    describe(`-cpu ${cpu} (profile ${CPUS[cpu].profile})`, () => {
      const files = scenariosFor(cpu).map((s) => s.file);
      it("runs every scenario written for the profile", () => {
        expect(files.length).toBeGreaterThan(cpu === "max" ? 40 : 5);
      });
      for (const file of files) {
        it(`${file} agrees with the emulator, but for the reviewed exceptions`, () => {
          const r = results.get(`${cpu}/${file}`);
          expect(r).toBeDefined();
          if (!r) return;
          const refused = REFUSED[file];
          if (refused) {
            expect(r.unsupported, `${file} is in REFUSED but runs now: take it out`).toMatch(refused);
            return;
          }
          expect(r.unsupported).toBeUndefined();
          expect(r.error, r.output).toBeUndefined();
          if (NO_HARDWARE_OBSERVABLE[file]) expect(r.compared, `${file} has hardware observables now: take it out of NO_HARDWARE_OBSERVABLE`).toBe(0);
          else expect(r.compared).toBeGreaterThan(0);
          const unlisted = r.mismatches.filter((mm) => !listed(mm, file, cpu)).map(mismatchText);
          expect(unlisted).toEqual([]);
          const stale = EXCEPTIONS.filter((e) => e.file === file && e.cpus.includes(cpu))
            .flatMap((e) => e.lines.map((line) => ({ e, line })))
            .filter(({ e, line }) => !r.mismatches.some((mm) => mm.line === line && new RegExp(`^(${e.observable})$`).test(mm.observable)))
            .map(({ e, line }) => `${file}:${line} ${e.observable} is listed in test/qemu-exceptions.json but agrees now`);
          expect(stale).toEqual([]);
        });
      }
    });
  }
});
