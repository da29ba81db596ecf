/**
 * The scenarios of a specs tree (specs/scenarios/*.scn), parsed, with every
 * problem as a printed `file:line:col: error:` line; `--specs` points at
 * hand-edited trees, so a malformed scenario is the user's to fix, not a crash.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { processing } from "../../generators/processing.js";
import { formatLocated } from "../../generators/spec/diagnostics.js";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import type { NamedScenario } from "../../emulator/ab/run-ab.js";
import { registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { checkScenarioProfiles } from "../../emulator/scenario/profiles.js";
import { loadProfiles } from "../../generators/profile/load.js";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";

/** `profiles`: what a `# profiles:` header may name (default: the profiles of `specs`). */
export function bundledScenarioList(model: RegisterModel, specs: string, profiles?: readonly Profile[]): { scenarios: NamedScenario[]; problems: string[] } {
  const dir = join(specs, "scenarios");
  const index = registerIndex(model);
  const names = sysregNames(model);
  const have = profiles ?? loadProfiles(specs, []).profiles;
  const problems: string[] = [];
  const scenarios = readdirSync(dir)
    .filter((f) => f.endsWith(".scn"))
    .sort()
    .map((f) => {
      const shown = relative(process.cwd(), join(dir, f)) || f;
      processing(shown);
      const { scenario, errors } = parseScenario(f, readFileSync(join(dir, f), "utf8"), index, names);
      errors.push(...checkScenarioProfiles(scenario, have));
      for (const e of errors.sort((x, y) => x.line - y.line || x.col - y.col)) problems.push(formatLocated(shown, e.line, e.col, e.message));
      return { name: f, scenario };
    });
  processing(undefined);
  return { scenarios, problems };
}
