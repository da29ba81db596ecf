/**
 * The features table (specs/features.yaml) after its schema passed: the
 * cross-entry rules (versions, dependencies and sources that must resolve,
 * a dependency that must not be newer than the feature needing it), and the
 * typed FeatureTable built from it.
 */
import type { Diagnostic } from "../spec/diagnostics.js";
import { diagnosticAt, positionOf, type YamlSource } from "../spec/yaml-source.js";
import type { ArchVersion, Feature, FeatureTable } from "./model.js";
import type { FeaturesFileParsed } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** Every version `name` includes, itself included, following `includes` (a loop just stops). */
function atLeast(specs: FeaturesFileParsed["versions"], name: string): Set<string> {
  const out = new Set<string>();
  const walk = (v: string): void => {
    if (out.has(v)) return;
    out.add(v);
    for (const w of specs[v]?.includes ?? []) if (Object.hasOwn(specs, w)) walk(w);
  };
  walk(name);
  return out;
}

export function buildFeatureTable(source: YamlSource, spec: FeaturesFileParsed): { table: FeatureTable; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const versionNames = Object.keys(spec.versions);
  const versions = new Map<string, ArchVersion>();
  for (const [name, v] of Object.entries(spec.versions)) {
    v.includes.forEach((w, i) => {
      if (!Object.hasOwn(spec.versions, w)) {
        out.push(
          diagnosticAt(source, ["versions", name, "includes", i], "unknown-version", `${name} includes ${w}, which is not a version of this table${didYouMean(w, versionNames)}`),
        );
      }
    });
    versions.set(name, { name, includes: v.includes.filter((w) => Object.hasOwn(spec.versions, w)), atLeast: atLeast(spec.versions, name) });
  }
  const includes = (a: string, b: string): boolean => versions.get(a)?.atLeast.has(b) ?? false;

  const featureNames = Object.keys(spec.features);
  const features = new Map<string, Feature>();
  for (const [name, f] of Object.entries(spec.features)) {
    const at = (...path: (string | number)[]) => ["features", name, ...path];
    let since: string | undefined = f.since;
    if (!versions.has(f.since)) {
      out.push(diagnosticAt(source, at("since"), "unknown-version", `${name}: since ${f.since} is not a version of this table${didYouMean(f.since, versionNames)}`));
      since = undefined;
    }
    let mandatory = f.mandatory;
    if (mandatory !== undefined && !versions.has(mandatory)) {
      out.push(
        diagnosticAt(source, at("mandatory"), "unknown-version", `${name}: mandatory ${mandatory} is not a version of this table${didYouMean(mandatory, versionNames)}`),
      );
      mandatory = undefined;
    } else if (mandatory !== undefined && since !== undefined && !includes(mandatory, since)) {
      out.push(diagnosticAt(source, at("mandatory"), "bad-value", `${name} is mandatory from ${mandatory} but permitted only from ${since}`));
    }
    f.requires.forEach((r, i) => {
      const dep = Object.hasOwn(spec.features, r) ? spec.features[r] : undefined;
      if (!dep) {
        out.push(
          diagnosticAt(source, at("requires", i), "unknown-dependency", `${name} requires ${r}, which is not in the table${didYouMean(r, featureNames)}`),
        );
      } else if (since !== undefined && dep.since !== since && includes(dep.since, since)) {
        out.push(
          diagnosticAt(
            source,
            at("requires", i),
            "dependency-newer",
            `${name} (from ${since}) requires ${r}, which is permitted only from ${dep.since}`,
          ),
        );
      }
    });
    f.source.forEach((s, i) => {
      if (!Object.hasOwn(spec.sources, s)) {
        out.push(diagnosticAt(source, at("source", i), "unknown-source", `${name}: source '${s}' is not a key of sources${didYouMean(s, Object.keys(spec.sources))}`));
      }
    });
    features.set(name, {
      name,
      title: f.title,
      since: f.since,
      ...(mandatory === undefined ? {} : { mandatory }),
      requires: f.requires.filter((r) => Object.hasOwn(spec.features, r)),
      source: f.source.map((s) => (Object.hasOwn(spec.sources, s) ? (spec.sources[s] ?? s) : s)),
      ...(f.notes === undefined ? {} : { notes: f.notes }),
      origin: positionOf(source, ["features"], name),
    });
  }
  return { table: { versions, features }, diagnostics: out };
}
