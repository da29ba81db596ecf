/**
 * Resolve CPU profiles into feature sets and check them: bases that must
 * exist and not loop, feature names that must be in the table, dependencies
 * that must hold, mandatory features that must not be removed, features that
 * must not be newer than the CPU's version allows. Each problem is reported
 * at the YAML node at fault; every profile is checked, none stops the rest.
 */
import { formatPosition, type Diagnostic } from "../spec/diagnostics.js";
import { diagnosticAt, positionOf, type YamlPath, type YamlSource } from "../spec/yaml-source.js";
import {
  DEFAULT_PROFILE,
  isMandatory,
  permittedVersions,
  unmetRequirements,
  withMandatory,
  type FeatureTable,
  type Profile,
} from "./model.js";
import type { ProfileSpecParsed } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** A profile file that passed the schema, with the tree its values came from. */
export interface ProfileEntry {
  readonly source: YamlSource;
  readonly spec: ProfileSpecParsed;
}

/** A feature named by the profile itself, where it is named. */
interface Named {
  readonly feature: string;
  readonly path: YamlPath;
}

function and(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/**
 * Resolve `entries` against `table`. `specFeatures` are the features the
 * register specs use: `features: all` has them too, so `max` covers every
 * register even while the table misses one (that is reported elsewhere).
 * The result always has a `max` profile: built in when no file defines it.
 */
export function resolveProfiles(
  entries: readonly ProfileEntry[],
  table: FeatureTable,
  specFeatures: ReadonlySet<string>,
): { profiles: Profile[]; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const known = [...table.features.keys()];
  const all = new Set([...known, ...specFeatures]);

  // One entry per name; a second definition is reported and left out.
  const byName = new Map<string, ProfileEntry>();
  for (const e of entries) {
    const first = byName.get(e.spec.name);
    if (first) {
      out.push(
        diagnosticAt(e.source, ["name"], "duplicate-name", `profile ${e.spec.name} is already defined at ${formatPosition(positionOf(first.source, ["name"]))}`),
      );
    } else byName.set(e.spec.name, e);
  }

  /** The names of `list` that the table knows; the others reported at their entry. */
  const namedIn = (e: ProfileEntry, key: "add" | "remove" | "features"): Named[] => {
    const list = e.spec[key];
    if (!Array.isArray(list)) return [];
    const named: Named[] = [];
    list.forEach((feature, i) => {
      if (table.features.has(feature)) named.push({ feature, path: [key, i] });
      else out.push(diagnosticAt(e.source, [key, i], "unknown-feature", `unknown feature ${feature}${didYouMean(feature, known)}`));
    });
    return named;
  };

  const resolved = new Map<string, Profile | null>();
  const stack: string[] = [];

  const resolve = (name: string): Profile | null => {
    const done = resolved.get(name);
    if (done !== undefined) return done;
    const e = byName.get(name);
    if (!e) return null;
    const at = stack.indexOf(name);
    if (at >= 0) {
      const cycle = [...stack.slice(at), name];
      for (const member of stack.slice(at)) {
        const m = byName.get(member);
        if (m) out.push(diagnosticAt(m.source, ["base"], "base-cycle", `profile ${member}'s base makes a cycle: ${cycleFrom(cycle, member).join(" -> ")}`));
        resolved.set(member, null);
      }
      return null;
    }
    stack.push(name);
    const p = resolveOne(e);
    stack.pop();
    // A member of a cycle was settled (null) while its base was resolved.
    if (!resolved.has(name)) resolved.set(name, p);
    return resolved.get(name) ?? null;
  };

  const resolveOne = (e: ProfileEntry): Profile | null => {
    const { spec, source } = e;
    const common = {
      name: spec.name,
      title: spec.title,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      source: spec.source,
      origin: positionOf(source, ["name"]),
    };
    if (spec.base !== undefined && spec.features !== undefined) {
      out.push(diagnosticAt(source, [], "bad-value", "a profile has either base (with add and remove) or features, not both", "features"));
      return null;
    }
    if (spec.base === undefined) {
      for (const key of ["add", "remove"] as const) {
        if (spec[key] !== undefined) out.push(diagnosticAt(source, [], "bad-value", `${key} needs a base to add to or remove from`, key));
      }
      if (spec.features === undefined) {
        out.push(diagnosticAt(source, [], "missing-key", "missing key 'base' (a version or a profile) or 'features'"));
        return null;
      }
      if (spec.features === "all") return { ...common, features: new Set(all) };
      const named = namedIn(e, "features");
      const features = new Set(named.map((n) => n.feature));
      reportUnmet(e, features, named, []);
      return { ...common, features };
    }

    // base (+ add - remove)
    const add = namedIn(e, "add");
    const remove = namedIn(e, "remove");
    let arch: string | undefined;
    let start: ReadonlySet<string>;
    if (table.versions.has(spec.base)) {
      arch = spec.base;
      start = withMandatory(table, arch, []);
    } else if (byName.has(spec.base)) {
      const base = resolve(spec.base);
      if (!base) return null; // its problem is reported at it (or at the cycle)
      arch = base.arch;
      start = base.features;
    } else {
      const candidates = [...table.versions.keys(), ...byName.keys()];
      out.push(
        diagnosticAt(source, ["base"], "unknown-base", `base ${spec.base} is neither an architecture version nor a profile${didYouMean(spec.base, candidates)}`),
      );
      return null;
    }
    const removed = new Set(remove.map((r) => r.feature));
    const picked = new Set([...start, ...add.map((a) => a.feature)].filter((f) => !removed.has(f)));
    const features = arch === undefined ? picked : withMandatory(table, arch, picked, removed);

    if (arch !== undefined) {
      const permitted = permittedVersions(table, arch);
      for (const a of add) {
        const f = table.features.get(a.feature);
        if (f && !permitted.has(f.since)) {
          out.push(
            diagnosticAt(
              source,
              a.path,
              "feature-too-new",
              `${a.feature} is permitted from ${f.since}; a ${arch} CPU may take features from the next version at most`,
            ),
          );
        }
      }
      for (const r of remove) {
        if (!isMandatory(table, r.feature, arch, features)) continue;
        const f = table.features.get(r.feature);
        const when = f && f.requires.length > 0 ? ` when ${and(f.requires)} ${f.requires.length === 1 ? "is" : "are"} present` : "";
        out.push(
          diagnosticAt(source, r.path, "mandatory-removed", `${r.feature} is mandatory from ${f?.mandatory ?? "?"}${when}; a ${arch} profile cannot remove it`),
        );
      }
    }
    reportUnmet(e, features, add, remove);
    return { ...common, ...(arch === undefined ? {} : { arch }), base: spec.base, features };
  };

  /**
   * Unmet dependencies: at the entry that named the feature, or at the
   * removal that took its dependency away. A feature inherited from a base
   * profile with an unmet dependency is reported at that base, not again here.
   */
  const reportUnmet = (e: ProfileEntry, features: ReadonlySet<string>, named: readonly Named[], removed: readonly Named[]): void => {
    const dependents = new Map<string, string[]>();
    for (const [feature, missing] of unmetRequirements(table, features)) {
      const entry = named.find((n) => n.feature === feature);
      if (entry) {
        out.push(
          diagnosticAt(
            e.source,
            entry.path,
            "missing-dependency",
            `${feature} requires ${and(missing)}, which profile ${e.spec.name} does not have`,
          ),
        );
        continue;
      }
      for (const m of missing) if (removed.some((r) => r.feature === m)) dependents.set(m, [...(dependents.get(m) ?? []), feature]);
    }
    for (const r of removed) {
      const ds = dependents.get(r.feature);
      if (!ds) continue;
      dependents.delete(r.feature);
      out.push(
        diagnosticAt(
          e.source,
          r.path,
          "missing-dependency",
          `removing ${r.feature} leaves ${and(ds)} without a feature ${ds.length === 1 ? "it requires" : "they require"}`,
        ),
      );
    }
  };

  for (const name of byName.keys()) resolve(name);
  const profiles = [...resolved.values()].filter((p): p is Profile => p !== null);
  if (!profiles.some((p) => p.name === DEFAULT_PROFILE)) {
    profiles.push({
      name: DEFAULT_PROFILE,
      title: "Every feature the specs describe",
      description: "Built in: the default profile, used when none is named.",
      features: all,
      source: ["reglab: every feature of the features table and of the register specs"],
    });
  }
  profiles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { profiles, diagnostics: out };
}

/** The cycle a -> b -> c -> a, rotated to start (and end) at `member`. */
function cycleFrom(cycle: readonly string[], member: string): string[] {
  const ring = cycle.slice(0, -1);
  const i = ring.indexOf(member);
  const rotated = [...ring.slice(i), ...ring.slice(0, i)];
  return [...rotated, member];
}
