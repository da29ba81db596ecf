/**
 * QEMU in the loop (README "QEMU in the loop"): the scenarios this slice
 * supports, translated into bare-metal programs (emulator/qemu/program.ts), run
 * on qemu-system-aarch64 -M virt,virtualization=on and compared observable by
 * observable with the emulator (reference model, unified ABI). A mismatch fails
 * unless test/qemu-exceptions.json lists it with its reason; a listed one that
 * no longer occurs fails too (the list must stay reviewed). Outside CI the test
 * skips, with a message, when qemu-system-aarch64 or aarch64-linux-gnu-gcc is
 * missing; in CI (.ci/run installs both) it fails.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { translate } from "../emulator/qemu/program.js";
import { CC, haveTool, mismatchText, QEMU, runOnQemu, type Mismatch, type QemuCpu } from "../emulator/qemu/qemu.js";
import { inCI } from "./c-compiler.js";
import { machine, SCENARIO_DIR, scenario } from "./emulator-helpers.js";
import { ROOT } from "./helpers.js";

/** The slice: HVC/SVC/ERET/exception entry (12, 13, 14, 19), reset PSTATE (01), RES0 bits on MSR (04), TVM-untrapped registers (18), APK traps (53). */
export const QEMU_SLICE: Record<QemuCpu, readonly string[]> = {
  max: ["01-reset-pstate-el2.scn", "04-res0-hstr-vbar-el2.scn", "12-hvc-from-el1.scn", "13-hvc-at-el2.scn", "14-svc-el0-tge.scn", "18-tvm-untrapped-registers.scn", "19-eret-roundtrips.scn", "53-pauth-key-traps-apk.scn"],
  // Written for every profile (`# profiles: all`): nothing they use needs a feature after v8.0.
  "cortex-a57": ["01-reset-pstate-el2.scn", "04-res0-hstr-vbar-el2.scn", "12-hvc-from-el1.scn", "13-hvc-at-el2.scn", "19-eret-roundtrips.scn"],
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

describe.skipIf(missing.length > 0 && !inCI)("QEMU in the loop", () => {
  it("has the tools (CI installs qemu-system-arm and gcc-aarch64-linux-gnu)", () => {
    expect(missing).toEqual([]);
  });

  const work = mkdtempSync(join(tmpdir(), "reglab-qemu-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  for (const cpu of Object.keys(QEMU_SLICE) as QemuCpu[]) {
    describe(`-cpu ${cpu}`, () => {
      for (const file of QEMU_SLICE[cpu]) {
        it(`${file} agrees with the emulator, but for the reviewed exceptions`, { timeout: 30000 }, async () => {
          const s = scenario(readFileSync(join(SCENARIO_DIR, file), "utf8"), file);
          const m = await machine("reference");
          const t = translate(s, m);
          expect(t.unsupported).toBeUndefined();
          const r = runOnQemu(t, cpu, m.index, join(work, `${cpu}-${file}`));
          expect(r.error, r.output).toBeUndefined();
          expect(r.compared).toBeGreaterThan(0);
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
