#!/usr/bin/env node
// Runs vitest, then prints the plain closing line CI reads ("N passed, N failed")
// from vitest's JSON report, even when tests fail; exits with vitest's status.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = ".vitest-report.json";
rmSync(report, { force: true });
const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit" });
let line = "0 passed, 1 failed";
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  line = `${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : "");
}
console.log(line);
process.exit(run.status ?? 1);
