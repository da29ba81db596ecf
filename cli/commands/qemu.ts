import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { abiOf } from "../../emulator/kvm-api.js";
import { loadLayout, referenceMachine, registerIndex } from "../../emulator/machine.js";
import { NV_PROBE_PROFILES, qemuTraps, type NvProbeProfile, type ReviewedList } from "../../emulator/qemu/nv-probe.js";
import { translate } from "../../emulator/qemu/program.js";
import { randomReportText, runRandomOnQemu } from "../../emulator/qemu/random.js";
import { CC, CPUS, haveTool, inParallel, mismatchText, QEMU, QEMU_CPUS, qemuVersion, runOnQemuAsync, type QemuCpu, type QemuResult } from "../../emulator/qemu/qemu.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { notForProfile } from "../../emulator/scenario/profiles.js";
import { packageRoot } from "../../generators/paths.js";
import { findProfile, type Profile } from "../../generators/profile/model.js";
import { formatLocated } from "../../generators/spec/diagnostics.js";
import { UsageError } from "../errors.js";
import { checkOutputPath, readInputFile, writeOutputFile } from "../files.js";
import { positiveInteger, seed as seedOption } from "../options.js";
import { defaultSpecsDir, modelAndProfilesOrExit, profileOrExit } from "../paths.js";

export function qemuCommand(y: Argv): Argv {
  return y.command(
    "qemu [files..]",
    `run scenarios on ${QEMU} too (-M virt,virtualization=on) and compare with the emulator (reference model, unified ABI, the CPU's reglab profile); exit 1 on a mismatch, 3 when a tool is missing`,
    (a) =>
      a
        .positional("files", { type: "string", array: true, describe: "scenarios (default: the bundled ones)" })
        .option("cpu", { choices: QEMU_CPUS, default: "max" as QemuCpu, describe: "QEMU -cpu" })
        .option("json", { type: "string", describe: "write the results as JSON to this file" })
        .option("keep", { type: "string", describe: "build in this folder (default: a temporary one)" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" })
        .option("traps", {
          type: "boolean",
          default: false,
          describe: "instead of scenarios: check the nested trap model (direct, trap with its ESR, VNCR offset) against QEMU's FEAT_NV/FEAT_NV2 (-cpu max)",
        })
        .option("profile", { choices: NV_PROBE_PROFILES, describe: "with --traps: the host profile (default: both)" })
        .option("random", {
          type: "string",
          coerce: positiveInteger("random"),
          describe:
            "run N random programs (emulator/qemu/random.ts) instead of the bundled scenarios (with FILEs: as well); the first that differs is shrunk and written as qemu-counterexample-CPU-seedS.scn",
        })
        .option("seed", { type: "string", coerce: seedOption(), describe: "seed for --random (printed either way)" }),
    async (argv) => {
      for (const tool of [CC, QEMU]) {
        if (!haveTool(tool)) {
          process.stderr.write(`reglab qemu: ${tool} is not installed\n`);
          process.exitCode = 3;
          return;
        }
      }
      if (argv.random !== undefined && argv.traps) throw new UsageError("--random and --traps run different things: give one");
      // A report path that cannot be written is a usage line before QEMU runs, not a crash after.
      if (argv.json) checkOutputPath("json", argv.json);
      const loaded = await modelAndProfilesOrExit(argv.specs);
      if (!loaded) return;
      const { model, profiles } = loaded;
      if (argv.traps) {
        process.exitCode = traps(model, profiles, argv.profile, argv.keep);
        return;
      }
      const cpu = CPUS[argv.cpu];
      // The emulator side runs under the CPU's reglab profile (cpus.ts).
      const profile = findProfile(profiles, cpu.profile);
      if (!profile) {
        process.stderr.write(`reglab qemu: no profile named ${cpu.profile} for -cpu ${cpu.cpu} (have: ${profiles.map((p) => p.name).join(", ")})\n`);
        process.exitCode = 2;
        return;
      }
      let randomFailed = false;
      if (argv.random !== undefined) {
        const seed = argv.seed ?? Date.now() % 0x7fffffff;
        process.stdout.write(`random programs: ${argv.random}, seed ${seed}, -cpu ${cpu.cpu} (-M ${cpu.machine}), profile ${profile.name}\n`);
        const file = `qemu-counterexample-${cpu.cpu}-seed${seed}.scn`;
        const tty = process.stderr.isTTY === true;
        const total = argv.random;
        const r = await runRandomOnQemu({
          model,
          profile,
          cpu: argv.cpu,
          count: total,
          seed,
          workDir: join(argv.keep ?? mkdtempSync(join(tmpdir(), "reglab-qemu-")), "random"),
          counterexampleFile: file,
          onProgress: (done, shrinking) => {
            if (tty) process.stderr.write(`\r${shrinking ? `shrinking: ${done} candidate(s) run` : `${done}/${total} random programs`}\x1b[K`);
          },
        });
        if (tty) process.stderr.write("\r\x1b[K");
        if (r.failure) {
          writeOutputFile("random", file, r.failure.scn);
          randomFailed = true;
        }
        process.stdout.write(randomReportText(r, r.failure ? file : undefined));
        if (!argv.files || argv.files.length === 0) {
          if (argv.json) {
            const random = { ...r, failure: r.failure && { ...r.failure, output: undefined } };
            writeOutputFile("json", argv.json, JSON.stringify({ qemu: qemuVersion() ?? "unknown", cpu: cpu.cpu, machine: cpu.machine, profile: profile.name, random }, null, 2) + "\n");
          }
          process.exitCode = randomFailed ? 1 : 0;
          return;
        }
      }
      const files = argv.files && argv.files.length > 0 ? argv.files.map(String) : bundled(argv.specs);
      const work = argv.keep ?? mkdtempSync(join(tmpdir(), "reglab-qemu-"));
      const unified = await loadLayout("unified");
      const index = registerIndex(model, profile);
      const jobs: (() => Promise<QemuResult>)[] = [];
      for (const file of files) {
        const display = relative(process.cwd(), file) || file;
        const { scenario, errors } = parseScenario(display, readInputFile(file), index, sysregNames(model));
        if (errors.length > 0) {
          for (const e of errors) process.stderr.write(formatLocated(display, e.line, e.col, e.message) + "\n");
          process.exitCode = 2;
          return;
        }
        // A scenario written for other profiles (its `# profiles:` header) has no meaning under this one.
        const other = notForProfile(scenario, profile.name);
        if (other) {
          jobs.push(() => Promise.resolve({ file: display, cpu: argv.cpu, profile: profile.name, unsupported: other, compared: 0, mismatches: [], notes: [], skipped: [] }));
          continue;
        }
        const m = referenceMachine(model, abiOf(unified, index), profile);
        const t = translate(scenario, m);
        jobs.push(() => runOnQemuAsync(t, argv.cpu, m.index, join(work, basename(file, ".scn"))));
      }
      // Two at a time: QEMU's TCG is single-threaded per vCPU; the build runs in between.
      const results = await inParallel(jobs, 2);
      for (const r of results) {
        const head = r.unsupported
          ? `not run: ${r.unsupported}`
          : r.error
            ? `ERROR: ${r.error}`
            : `${r.mismatches.length === 0 ? "agrees" : `${r.mismatches.length} mismatch(es)`} (${r.compared} observables, ${r.skipped.length} skipped)`;
        process.stdout.write(`${r.file}: ${head}\n`);
        for (const mm of r.mismatches) process.stdout.write(`  ${mismatchText(mm)}\n`);
        for (const n of r.notes) process.stdout.write(`  note: ${n}\n`);
        for (const k of r.skipped) process.stdout.write(`  skipped: line ${k.line}: ${k.text}: ${k.why}\n`);
      }
      if (argv.json) {
        const report = { qemu: qemuVersion() ?? "unknown", cpu: cpu.cpu, machine: cpu.machine, profile: profile.name, results: results.map(({ output: _o, ...r }) => r) };
        writeOutputFile("json", argv.json, JSON.stringify(report, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n");
      }
      process.exitCode = randomFailed || results.some((r) => r.error || r.mismatches.length > 0) ? 1 : 0;
    },
  );
}

function bundled(specs: string | undefined): string[] {
  const dir = join(specs ?? defaultSpecsDir(), "scenarios");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".scn"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * `--traps`: every MRS/MSR of every encoded register and alias, plus ERET, HVC
 * and SMC, run at EL1 under HCR_EL2.NV (and NV2) on QEMU, against the trap
 * model (emulator/qemu/nv-probe.ts). The reviewed differences are those of
 * test/qemu-nv-exceptions.json; without that file every difference counts.
 */
function traps(model: Parameters<typeof qemuTraps>[0]["model"], profiles: readonly Profile[], only: NvProbeProfile | undefined, keep: string | undefined): number {
  const chosen: Profile[] = [];
  for (const name of only ? [only] : NV_PROBE_PROFILES) {
    const p = profileOrExit(profiles, name, "reglab qemu --traps");
    if (!p) return 2;
    chosen.push(p);
  }
  const reviewedFile = join(packageRoot(), "test", "qemu-nv-exceptions.json");
  const reviewed = existsSync(reviewedFile) ? (JSON.parse(readFileSync(reviewedFile, "utf8")) as ReviewedList) : undefined;
  return qemuTraps({
    model,
    profiles: chosen,
    e2h: [0, 1],
    work: keep ?? mkdtempSync(join(tmpdir(), "reglab-qemu-traps-")),
    write: (text) => process.stdout.write(text),
    ...(reviewed ? { reviewed } : {}),
  });
}
