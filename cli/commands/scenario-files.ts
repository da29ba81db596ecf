/** The bundled scenarios, parsed (a malformed one is a bug in the bundle: it throws). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sysregNames } from "../../emulator/a64/sysreg-names.js";
import type { NamedScenario } from "../../emulator/ab/run-ab.js";
import { registerIndex } from "../../emulator/machine.js";
import { parseScenario } from "../../emulator/scenario/parse.js";
import { checkScenarioProfiles } from "../../emulator/scenario/profiles.js";
import { loadProfiles } from "../../generators/profile/load.js";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";

/** `profiles`: what a `# profiles:` header may name (default: the profiles of `specs`). */
export function bundledScenarioList(model: RegisterModel, specs: string, profiles?: readonly Profile[]): NamedScenario[] {
  const dir = join(specs, "scenarios");
  const index = registerIndex(model);
  const names = sysregNames(model);
  const have = profiles ?? loadProfiles(specs, []).profiles;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".scn"))
    .sort()
    .map((f) => {
      const { scenario, errors } = parseScenario(f, readFileSync(join(dir, f), "utf8"), index, names);
      errors.push(...checkScenarioProfiles(scenario, have));
      if (errors.length > 0) throw new Error(`${f}:${errors[0]?.line}:${errors[0]?.col}: ${errors[0]?.message}`);
      return { name: f, scenario };
    });
}
