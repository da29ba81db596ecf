/** Machines and scenarios for emulator tests: the bundled specs and profiles, every generated layout, the reference model. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sysregNames } from "../emulator/a64/sysreg-names.js";
import { abiOf } from "../emulator/kvm-api.js";
import { layoutMachine, layoutNames, loadLayout, referenceMachine, registerIndex, type Machine } from "../emulator/machine.js";
import { parseScenario, type Scenario } from "../emulator/scenario/parse.js";
import { loadProfiles } from "../generators/profile/load.js";
import { findProfile, type Profile } from "../generators/profile/model.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { SPECS } from "./helpers.js";

const regs = loadRegisterSpecs(SPECS);
export const model = regs.model;
export const index = registerIndex(model);
export const names = sysregNames(model);
export const LAYOUT_NAMES = layoutNames();
/** The bundled CPU profiles (specs/profiles/), max included. */
export const PROFILES: readonly Profile[] = loadProfiles(SPECS, regs.entries).profiles;

export function profile(name: string): Profile {
  const p = findProfile(PROFILES, name);
  if (!p) throw new Error(`no profile ${name}`);
  return p;
}

/** A machine for a layout or "reference" (speaking upstream Linux's ABI, as `reglab run` does), under `p` (default max). */
export async function machine(name: string, p?: Profile): Promise<Machine> {
  if (name === "reference") return referenceMachine(model, abiOf(await loadLayout("unified"), registerIndex(model, p)), p);
  return layoutMachine(model, await loadLayout(name), p);
}

export function scenario(text: string, file = "inline.scn"): Scenario {
  const { scenario: s, errors } = parseScenario(file, text, index, names);
  if (errors.length) throw new Error(errors.map((e) => `${file}:${e.line}:${e.col}: ${e.message}`).join("\n"));
  return s;
}

export const SCENARIO_DIR = join(SPECS, "scenarios");

export function bundledScenarios(): { file: string; text: string }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".scn"))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(SCENARIO_DIR, f), "utf8") }));
}
