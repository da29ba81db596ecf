import { readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Argv } from "yargs";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import { junitReport, matrixText, textReport } from "../../emulator/ab/report.js";
import { parseFault, plantFault } from "../../emulator/ab/faults.js";
import { defaultWorkers, randomParallel } from "../../emulator/ab/parallel.js";
import { randomAb } from "../../emulator/ab/random.js";
import { runPair, type NamedScenario, type PairReport } from "../../emulator/ab/run-ab.js";
import { layoutNames, loadLayout, registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { checkScenarioProfiles, runsUnder } from "../../emulator/scenario/profiles.js";
import { DEFAULT_PROFILE } from "../../generators/profile/model.js";
import { processing } from "../../generators/processing.js";
import { formatLocated } from "../../generators/spec/diagnostics.js";
import { UsageError } from "../errors.js";
import { checkOutputPath, readInputFile, writeOutputFile } from "../files.js";
import { positiveInteger, seed as seedOption } from "../options.js";
import { defaultSpecsDir, layoutsExistOrExit, modelAndProfilesOrExit, profileOrExit } from "../paths.js";

export function abCommand(y: Argv): Argv {
  return y.command(
    "ab [a] [b] [files..]",
    "A/B conformance: layouts A and B and the reference model on the scenarios; exit 1 on a behaviour divergence",
    (x) =>
      x
        .positional("a", { type: "string", describe: "first layout" })
        .positional("b", { type: "string", describe: "second layout" })
        .positional("files", { type: "string", array: true, describe: "scenarios (default: specs/scenarios/*.scn)" })
        .option("all", { type: "boolean", default: false, describe: "every pair of layouts that store EL2 state" })
        .option("random", { type: "string", coerce: positiveInteger("random"), describe: "also run N random programs per pair (N >= 1)" })
        .option("seed", { type: "string", coerce: seedOption(), describe: "seed for the random programs (printed either way)" })
        .option("plant", { type: "string", describe: "plant a fault in layout A to see the check fail: copy-plan:REG, offset:REG or one-reg:REG" })
        .option("workers", { type: "string", coerce: positiveInteger("workers", 64), describe: "worker threads for --all --random (default: both cores from 10,000 programs on; fewer do not repay starting a worker)" })
        .option("profile", {
          type: "string",
          describe: `CPU profile (specs/profiles/) every machine runs under, random programs included (default: ${DEFAULT_PROFILE}); scenarios whose '# profiles:' header does not name it are left out`,
        })
        .option("json", { type: "string", describe: "write the JSON report to this file" })
        .option("junit", { type: "string", describe: "write a JUnit XML report to this file" })
        .option("specs", { type: "string", describe: "specs folder (default: the bundled specs/)" }),
    async (argv) => {
      // Usage first: a bad report path or layout name must not cost a whole run.
      if (argv.json) checkOutputPath("json", argv.json);
      if (argv.junit) checkOutputPath("junit", argv.junit);
      const fault = argv.plant ? parseFaultOption(argv.plant) : undefined;
      if (!argv.all && argv.a !== undefined && argv.b !== undefined && !layoutsExistOrExit(layoutNames().map((name) => ({ name })), [argv.a, argv.b], "ab", 2)) return;
      const random = argv.random ?? 0;
      const specs = argv.specs ?? defaultSpecsDir();
      const loaded = await modelAndProfilesOrExit(specs);
      if (!loaded) return;
      const { model, profiles } = loaded;
      const profile = profileOrExit(profiles, argv.profile, "ab");
      if (!profile) return;
      const index = registerIndex(model);
      const names = sysregNames(model);
      const dir = join(specs, "scenarios");
      // With --all there are no layouts to name: what yargs took for A and B are scenario files.
      const named = argv.all ? [argv.a, argv.b, ...(argv.files ?? [])].filter((f): f is string => f !== undefined) : (argv.files ?? []);
      const files = named.length ? named : readdirSync(dir).filter((f) => f.endsWith(".scn")).sort().map((f) => join(dir, f));
      const scenarios: NamedScenario[] = [];
      let malformed = false;
      for (const f of files) {
        const display = relative(process.cwd(), f) || f;
        processing(display);
        const { scenario, errors } = parseScenario(display, readInputFile(f), index, names);
        errors.push(...checkScenarioProfiles(scenario, profiles));
        for (const e of errors) process.stderr.write(formatLocated(display, e.line, e.col, e.message) + "\n");
        malformed ||= errors.length > 0;
        scenarios.push({ name: display, scenario });
      }
      if (malformed) {
        process.exitCode = 2;
        return;
      }
      let pairs: [string, string][];
      if (argv.all) {
        const el2: string[] = [];
        for (const n of layoutNames()) if ((await loadLayout(n)).el2) el2.push(n);
        pairs = el2.flatMap((a, i) => el2.slice(i + 1).map((b): [string, string] => [a, b]));
      } else {
        if (!argv.a || !argv.b) {
          process.stderr.write("ab: name two layouts, or --all\n");
          process.exitCode = 2;
          return;
        }
        pairs = [[argv.a, argv.b]];
      }
      if (fault && argv.all) {
        process.stderr.write("ab: --plant works on a pair (A gets the fault), not with --all\n");
        process.exitCode = 2;
        return;
      }
      const layoutA = async (name: string) => {
        if (!fault) return loadLayout(name);
        try {
          return plantFault(await loadLayout(name), fault.kind, fault.register);
        } catch (e) {
          // plantFault's only complaint: the layout does not store that register.
          throw new UsageError(`--plant ${argv.plant}: ${(e as Error).message}`);
        }
      };
      const reports: PairReport[] = [];
      const skipped = scenarios.filter((s) => !runsUnder(s.scenario, profile.name)).length;
      if (argv.profile !== undefined || skipped > 0) {
        process.stdout.write(
          `profile ${profile.name}: ${scenarios.length - skipped} of ${scenarios.length} scenarios are written for it` +
            (skipped > 0 ? `; ${skipped} left out (their '# profiles:' header)` : "") +
            "\n",
        );
      }
      for (const [a, b] of pairs) reports.push(runPair(model, await layoutA(a), await loadLayout(b), scenarios, profile));
      process.stdout.write(textReport(reports));
      if (argv.all) process.stdout.write(`\nbehaviour, every pair (= same as each other and the reference):\n${matrixText(reports)}`);
      let randomFailed = false;
      if (random > 0) {
        const seed = argv.seed ?? Date.now() % 0x7fffffff;
        process.stdout.write(`random programs: ${random}${argv.all ? "" : " per pair"}, seed ${seed}${profile.name === DEFAULT_PROFILE ? "" : `, profile ${profile.name}`}\n`);
        // A counterexample found under a profile replays under it: `reglab run` reads the header.
        const other = profile.name !== DEFAULT_PROFILE;
        const suffix = other ? `-${profile.name}` : "";
        const option = other ? ` --profile ${profile.name}` : "";
        const header = other ? `# profiles: ${profile.name}\n` : "";
          // A progress bar on a terminal; nothing but the summary otherwise.
          const tty = process.stderr.isTTY === true;
          const bar = (done: number) => {
            if (!tty || (done % 50 !== 0 && done !== random)) return;
            const n = Math.min(30, Math.round((30 * done) / random));
            process.stderr.write(`\r[${"#".repeat(n)}${".".repeat(30 - n)}] ${done}/${random} random programs`);
          };
        if (argv.all) {
          // Every EL2 layout at once: each program runs once per layout, not once per pair.
          const { Matrix } = await import("../../emulator/ab/matrix.js");
          const layouts = await Promise.all([...new Set(pairs.flat())].map((n) => loadLayout(n)));
          const workers = argv.workers ?? defaultWorkers(random);
          if (tty && workers > 1) process.stderr.write(`${random} random programs on ${workers} worker threads...`);
          const r =
            workers > 1
              ? await randomParallel(model, specs, layouts, random, seed, workers, profile)
              : new Matrix(model, layouts, profile).random(random, seed, bar);
          if (tty) process.stderr.write("\r\x1b[K");
          if (!r.counterexample) process.stdout.write(`all ${layouts.length} layouts: ${r.runs} random programs, behaviour identical\n`);
          else {
            randomFailed = true;
            const file = `ab-counterexample-all${suffix}-seed${seed}.scn`;
            writeFileSync(file, `# reglab ab --all --random ${random} --seed ${seed}${option}: shrunk counterexample\n${header}${r.counterexample}`);
            process.stdout.write(`BEHAVIOUR DIFFERS on a random program (written to ${file}):\n${r.counterexample}`);
            for (const d of (r.diffs ?? []).slice(0, 5)) {
              process.stdout.write(`  ${d.layout}, line ${d.line ?? "final"} (${d.op}): reference ${d.expected}, layout ${d.actual}\n`);
            }
          }
        }
        for (const [a, b] of argv.all ? [] : pairs) {
          const r = randomAb(model, await layoutA(a), await loadLayout(b), random, seed, bar, profile);
          if (tty) process.stderr.write("\r\x1b[K");
          if (!r.counterexample) {
            process.stdout.write(`${a} vs ${b}: ${r.runs} random programs, behaviour identical\n`);
            continue;
          }
          randomFailed = true;
          const file = `ab-counterexample-${a}-${b}${suffix}-seed${seed}.scn`;
          writeFileSync(file, `# reglab ab ${a} ${b} --random ${random} --seed ${seed}${option}: shrunk counterexample\n${header}${r.counterexample}`);
          const first = r.report?.behaviour[0];
          process.stdout.write(`${a} vs ${b}: BEHAVIOUR DIFFERS on a random program (written to ${file}):\n${r.counterexample}`);
          if (first) process.stdout.write(`  line ${first.line ?? "final"} (${first.op}): reference ${first.expected}, ${first.layout} ${first.actual}\n`);
        }
      }
      if (argv.json) writeOutputFile("json", argv.json, JSON.stringify({ pairs: reports }, null, 2) + "\n");
      if (argv.junit) writeOutputFile("junit", argv.junit, junitReport(reports));
      process.exitCode = randomFailed || reports.some((r) => r.behaviour.length > 0) ? 1 : 0;
    },
  );
}

/** --plant's text as a fault, or a usage error saying what it takes. */
function parseFaultOption(text: string): ReturnType<typeof parseFault> {
  try {
    return parseFault(text);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
