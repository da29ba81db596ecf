/**
 * Which CPU profiles a scenario runs under, from its `# profiles:` header
 * (parse.ts):
 *
 * - no header: the default profile (`max`) alone, what every scenario meant
 *   before profiles existed: old files keep their meaning;
 * - `# profiles: v8.0 v8.1-vhe max`: those profiles, each by its name in
 *   specs/profiles/ (an unknown name is an error at the header);
 * - `# profiles: all`: every profile the specs have.
 *
 * A scenario names the profiles its expectations hold on; a runner that runs
 * under another profile (`reglab ab --profile P`) leaves it out and says so.
 */
import { DEFAULT_PROFILE, type Profile } from "../../generators/profile/model.js";
import type { Scenario, ScenarioError } from "./parse.js";

/** Whether `s` is written for the profile named `profile`. */
export function runsUnder(s: Scenario, profile: string): boolean {
  const h = s.profiles;
  if (!h) return profile === DEFAULT_PROFILE;
  return h.all || h.names.some((n) => n.name === profile);
}

/** The profiles `s` runs under, in the header's order (`all`: `have`'s order). */
export function scenarioProfiles(s: Scenario, have: readonly Profile[]): Profile[] {
  const h = s.profiles;
  if (!h) return have.filter((p) => p.name === DEFAULT_PROFILE);
  if (h.all) return [...have];
  return h.names.flatMap((n) => have.find((p) => p.name === n.name) ?? []);
}

/** An error per profile the header names that `have` lacks, at its column. */
export function checkScenarioProfiles(s: Scenario, have: readonly Profile[]): ScenarioError[] {
  const h = s.profiles;
  if (!h) return [];
  const names = have.map((p) => p.name);
  return h.names
    .filter((n) => !names.includes(n.name))
    .map((n) => ({ line: h.line, col: n.col, message: `profiles: no profile named ${n.name} (have: ${names.join(", ")})` }));
}

/** Why a runner under `profile` leaves `s` out, or undefined when `s` is for it. */
export function notForProfile(s: Scenario, profile: string): string | undefined {
  if (runsUnder(s, profile)) return undefined;
  const named = s.profiles?.names.map((n) => n.name).join(" ") ?? DEFAULT_PROFILE;
  return `written for profiles ${named}, not ${profile}`;
}

/** `s` for every profile: a random program is written for whatever profile its run is under. */
export function forAnyProfile(s: Scenario): Scenario {
  return { ...s, profiles: { line: 0, all: true, names: [] } };
}
