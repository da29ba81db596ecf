/**
 * The typed model of CPU profiles: which architecture features a virtual CPU
 * has. Built once from the validated features table and profile specs;
 * the emulator and the generators read this, never the YAML.
 *
 * A profile's feature set is already resolved: its base expanded, the
 * mandatory features of its architecture version included, its removals
 * applied. Registers and fields whose feature a profile lacks behave as the
 * architecture says for an absent feature (DESIGN.md, "Profiles").
 */
import type { Position } from "../spec/diagnostics.js";

/** The profile used when none is named: every feature the specs describe. */
export const DEFAULT_PROFILE = "max";

/** One architecture version (v8.0 ... v9.x) and the versions it includes. */
export interface ArchVersion {
  readonly name: string;
  /** The versions whose mandatory features this one has too, as written (direct only). */
  readonly includes: readonly string[];
  /** Every version this one includes, directly or not, itself included. */
  readonly atLeast: ReadonlySet<string>;
}

/** One architecture feature, as the features table states it. */
export interface Feature {
  readonly name: string;
  readonly title: string;
  /** The earliest version in which the Arm ARM permits it. */
  readonly since: string;
  /** From this version on, a CPU with every feature of `requires` has it. */
  readonly mandatory?: string;
  /** Features a CPU must have to have this one (direct dependencies). */
  readonly requires: readonly string[];
  /** The citations, as text. */
  readonly source: readonly string[];
  readonly notes?: string;
  /** Where the entry's name is in the table. */
  readonly origin: Position;
}

export interface FeatureTable {
  /** By name, in the table's order. */
  readonly versions: ReadonlyMap<string, ArchVersion>;
  /** By name, in the table's order. */
  readonly features: ReadonlyMap<string, Feature>;
}

export const EMPTY_FEATURE_TABLE: FeatureTable = { versions: new Map(), features: new Map() };

export interface Profile {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /**
   * The architecture version the CPU implements (from its base), or
   * undefined for a profile that lists its features outright (max).
   */
  readonly arch?: string;
  /** What the profile was derived from, as written: a version or a profile. */
  readonly base?: string;
  /** Every feature the CPU has, resolved. */
  readonly features: ReadonlySet<string>;
  readonly source: readonly string[];
  /** Where the profile's `name` is; undefined for a built-in profile. */
  readonly origin?: Position;
}

/**
 * Whether `profile` has `feature`. An undefined feature is what a register
 * or field with no `feature:` key needs: every CPU has it.
 */
export function profileHas(profile: Profile, feature: string | undefined): boolean {
  return feature === undefined || profile.features.has(feature);
}

export function findProfile(profiles: readonly Profile[], name: string): Profile | undefined {
  return profiles.find((p) => p.name === name);
}

/** The default profile (`max`); every loaded profile list has it. */
export function defaultProfile(profiles: readonly Profile[]): Profile {
  const p = findProfile(profiles, DEFAULT_PROFILE);
  if (!p) throw new Error(`no ${DEFAULT_PROFILE} profile: profiles must come from loadProfiles()`);
  return p;
}

/** Whether version `a` includes version `b` (b <= a): v8.3 includes v8.1; v9.1 includes v8.6; v8.6 does not include v9.0. */
export function versionIncludes(table: FeatureTable, a: string, b: string): boolean {
  return table.versions.get(a)?.atLeast.has(b) ?? false;
}

/**
 * The versions a CPU of version `arch` may take features from: its own and
 * those of the next versions (Arm: "An Armv8.x-A processor can implement any
 * features from the next .x extension. However, it cannot implement features
 * from any .x extension after that"). For v8.5 that is up to v8.6 and v9.0.
 */
export function permittedVersions(table: FeatureTable, arch: string): ReadonlySet<string> {
  const out = new Set(table.versions.get(arch)?.atLeast ?? []);
  for (const v of table.versions.values()) if (v.includes.includes(arch)) for (const w of v.atLeast) out.add(w);
  return out;
}

/** Whether `feature` is mandatory at `arch` for a CPU whose features are `have`. */
export function isMandatory(table: FeatureTable, feature: string, arch: string, have: ReadonlySet<string>): boolean {
  const f = table.features.get(feature);
  if (!f?.mandatory || !versionIncludes(table, arch, f.mandatory)) return false;
  return f.requires.every((r) => have.has(r));
}

/**
 * `start` plus every feature mandatory at `arch` whose requirements are met,
 * repeated until nothing changes (a mandatory feature can make another one
 * mandatory: FEAT_PMUv3 at v8.5 brings FEAT_PMUv3p1, p4 and p5). Features in
 * `exclude` are never added.
 */
export function withMandatory(
  table: FeatureTable,
  arch: string,
  start: Iterable<string>,
  exclude: ReadonlySet<string> = new Set(),
): Set<string> {
  const have = new Set(start);
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of table.features.keys()) {
      if (have.has(name) || exclude.has(name)) continue;
      if (isMandatory(table, name, arch, have)) {
        have.add(name);
        changed = true;
      }
    }
  }
  return have;
}

/** The features of `features` some member requires and that `features` lacks, per member. */
export function unmetRequirements(table: FeatureTable, features: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of features) {
    const missing = (table.features.get(name)?.requires ?? []).filter((r) => !features.has(r));
    if (missing.length > 0) out.set(name, missing);
  }
  return out;
}
