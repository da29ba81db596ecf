/**
 * CPU profiles and the features table: the bundled ones resolve to the
 * feature sets the architecture gives each CPU, and every validation rule
 * has a fixture (test/fixtures/profiles/<rule>/) whose exact report is
 * pinned here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpecs } from "../generators/pipeline.js";
import { loadProfiles, specFeatureUses } from "../generators/profile/load.js";
import {
  DEFAULT_PROFILE,
  defaultProfile,
  findProfile,
  permittedVersions,
  profileHas,
  versionIncludes,
  withMandatory,
  type Profile,
} from "../generators/profile/model.js";
import { resolveProfiles } from "../generators/profile/resolve.js";
import { ProfileSpec } from "../generators/profile/schema.js";
import { closest } from "../generators/profile/suggest.js";
import { checkYamlAgainstSchema } from "../generators/spec/check-yaml.js";
import { formatDiagnostic } from "../generators/spec/diagnostics.js";
import { loadRegisterSpecs } from "../generators/spec/load.js";
import { FIXTURES, reglab, SPECS } from "./helpers.js";

const bundled = loadSpecs(SPECS);
const table = bundled.features;

function profile(name: string): Profile {
  const p = findProfile(bundled.profiles, name);
  if (!p) throw new Error(`no bundled profile ${name}`);
  return p;
}

/** Resolve one profile written inline against the bundled table: [features, problems]. */
function resolveText(yaml: string): { features: string[]; problems: string[] } {
  const text = `# yaml-language-server: $schema=../schema/profile.schema.json\n${yaml}`;
  const checked = checkYamlAgainstSchema("profiles/t.yaml", text, ProfileSpec, "../schema/profile.schema.json");
  if (!checked.value) throw new Error(checked.diagnostics.map(formatDiagnostic).join("\n"));
  const r = resolveProfiles([{ source: checked.source, spec: checked.value }], table, new Set());
  const p = r.profiles.find((x) => x.name === "t");
  return { features: p ? [...p.features].sort() : [], problems: r.diagnostics.map(formatDiagnostic) };
}

describe("bundled features table and profiles", () => {
  it("load with no problems", () => {
    expect(bundled.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("the table knows every feature a register spec names (fields and E2H = 1 formats included)", () => {
    const regs = loadRegisterSpecs(SPECS);
    const uses = regs.entries.flatMap((e) => specFeatureUses(e.spec));
    const used = new Set(uses.map((u) => u.feature));
    expect(used.size).toBeGreaterThan(100);
    expect(uses.some((u) => u.path[0] === "formatE2H1")).toBe(true);
    expect([...used].filter((f) => !table.features.has(f))).toEqual([]);
  });

  it("has the profiles DESIGN.md asks for, and a real CPU", () => {
    expect(bundled.profiles.map((p) => p.name)).toEqual(["cortex-a57", "max", "v8.0", "v8.1-vhe", "v8.3-nv", "v8.4-nv2"]);
  });

  it("v8.0 has no VHE and no NV: a guest hypervisor runs non-VHE", () => {
    const p = profile("v8.0");
    expect(p.arch).toBe("v8.0");
    expect(profileHas(p, "FEAT_VHE")).toBe(false);
    expect(profileHas(p, "FEAT_NV")).toBe(false);
    expect(profileHas(p, undefined)).toBe(true);
    expect(p.features.size).toBe(0);
  });

  it("v8.1-vhe is Armv8.1's mandatory features, FEAT_VHE among them", () => {
    expect([...profile("v8.1-vhe").features].sort()).toEqual(["FEAT_HPDS", "FEAT_LOR", "FEAT_PAN", "FEAT_VHE"]);
  });

  it("v8.3-nv has FEAT_NV but not FEAT_NV2; v8.4-nv2 has both, and v8.4's mandatory features", () => {
    const nv = profile("v8.3-nv");
    expect([profileHas(nv, "FEAT_VHE"), profileHas(nv, "FEAT_NV"), profileHas(nv, "FEAT_NV2"), profileHas(nv, "FEAT_PAuth")]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    const nv2 = profile("v8.4-nv2");
    expect(["FEAT_NV", "FEAT_NV2", "FEAT_DIT", "FEAT_TLBIRANGE", "FEAT_RASv1p1"].filter((f) => !nv2.features.has(f))).toEqual([]);
    expect(nv2.features.has("FEAT_FGT")).toBe(false); // mandatory only from v8.6
    expect(nv2.features.has("FEAT_SEL2")).toBe(false); // OPTIONAL here: a KVM guest has no Secure state
  });

  it("cortex-a57 is v8.0 plus what its TRM lists", () => {
    const p = profile("cortex-a57");
    expect(p.arch).toBe("v8.0");
    expect(p.base).toBe("v8.0");
    expect([...p.features].sort()).toEqual(["FEAT_AA32EL0", "FEAT_AA32EL1", "FEAT_DoubleLock", "FEAT_GICv3", "FEAT_PMUv3"]);
  });

  it("max, the default, has every feature of the table", () => {
    const max = defaultProfile(bundled.profiles);
    expect(max.name).toBe(DEFAULT_PROFILE);
    expect(max.arch).toBeUndefined();
    expect([...table.features.keys()].filter((f) => !max.features.has(f))).toEqual([]);
    expect(max.features.size).toBe(table.features.size);
  });

  it("versions: v9.n is aligned with v8.(n+5), and a CPU may take features from the next version only", () => {
    expect(versionIncludes(table, "v9.1", "v8.6")).toBe(true);
    expect(versionIncludes(table, "v9.1", "v8.7")).toBe(false);
    expect(versionIncludes(table, "v8.6", "v9.0")).toBe(false);
    expect([...permittedVersions(table, "v8.5")].sort()).toEqual(["v8.0", "v8.1", "v8.2", "v8.3", "v8.4", "v8.5", "v8.6", "v9.0"]);
  });

  it("mandatory features follow their conditions: FEAT_PMUv3 at v8.5 brings PMUv3p1, p4 and p5, without it none", () => {
    const pmu = withMandatory(table, "v8.5", ["FEAT_PMUv3"]);
    expect([...pmu].filter((f) => f.startsWith("FEAT_PMUv3")).sort()).toEqual(["FEAT_PMUv3", "FEAT_PMUv3p1", "FEAT_PMUv3p4", "FEAT_PMUv3p5"]);
    expect([...withMandatory(table, "v8.5", [])].filter((f) => f.startsWith("FEAT_PMU"))).toEqual([]);
    // v9.0 has v8.5's mandatory features and SVE.
    const v9 = withMandatory(table, "v9.0", []);
    expect([v9.has("FEAT_BTI"), v9.has("FEAT_SVE"), v9.has("FEAT_FGT")]).toEqual([true, true, false]);
  });

  it("a real CPU is a few lines: base, add, remove; a profile can build on another", () => {
    const r = resolveText(
      ["name: t", "title: t", "base: v8.2", "add: [FEAT_SPE, FEAT_PMUv3]", "remove: [FEAT_LOR]", 'source: ["x"]'].join("\n"),
    );
    expect(r.problems).toMatchInlineSnapshot(`
      [
        "profiles/t.yaml:6:10: error: FEAT_LOR is mandatory from v8.1; a v8.2 profile cannot remove it",
      ]
    `);
    const ok = resolveText(["name: t", "title: t", "base: v8.2", "add: [FEAT_SPE, FEAT_PMUv3]", 'source: ["x"]'].join("\n"));
    expect(ok.problems).toEqual([]);
    expect(ok.features).toEqual(
      [...withMandatory(table, "v8.2", [])].concat(["FEAT_PMUv3", "FEAT_PMUv3p1", "FEAT_SPE"]).sort(),
    );
  });

  it("what an editor checks (the JSON Schemas, by ajv) accepts the bundled table and profiles, and rejects a misspelt key", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(SPECS, "schema", name), "utf8")) as object);
    const features = schema("features.schema.json");
    expect(features(parse(readFileSync(join(SPECS, "features.yaml"), "utf8"))), JSON.stringify(features.errors)).toBe(true);
    const profileSchema = schema("profile.schema.json");
    const files = readdirSync(join(SPECS, "profiles")).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBe(bundled.profiles.length);
    for (const f of files) {
      const doc: unknown = parse(readFileSync(join(SPECS, "profiles", f), "utf8"));
      expect(profileSchema(doc), `${f}: ${JSON.stringify(profileSchema.errors)}`).toBe(true);
    }
    expect(profileSchema({ name: "x", title: "x", base: "v8.0", adds: ["FEAT_VHE"], source: ["s"] })).toBe(false);
  });

  it("reglab validate counts the features and profiles it checked", () => {
    const r = reglab(["validate"]);
    expect(r.status).toBe(0);
    // Layouts, scenarios and workloads are specs too: validate checks them all.
    const scn = (dir: string) => readdirSync(join(SPECS, dir)).filter((f) => f.endsWith(".scn")).length;
    const [scenarios, workloads] = [scn("scenarios"), scn("workloads")];
    const files = bundled.registerFiles + bundled.profileFiles + bundled.layoutFiles + scenarios + workloads;
    expect(r.stdout).toBe(
      `ok: ${bundled.model.registers.length} registers, ${bundled.model.aliases.length} aliases, ${table.features.size} features, ${bundled.profiles.length} profiles, ` +
        `${bundled.layouts.length} layouts, ${scenarios} scenarios and ${workloads} workloads in ${files} files, no problems\n`,
    );
  });
});

describe("did you mean", () => {
  it("suggests the closest name within a few edits, ignoring case, and nothing when none is close", () => {
    expect(closest("FEAT_VHEE", ["FEAT_VHE", "FEAT_NV"])).toBe("FEAT_VHE");
    expect(closest("FEAT_Pauth", ["FEAT_PAN", "FEAT_PAuth"])).toBe("FEAT_PAuth");
    expect(closest("FEAT_TOTALLY_NEW", ["FEAT_VHE", "FEAT_NV"])).toBeUndefined();
  });
});

const DIR = join(FIXTURES, "profiles");

/** Every problem the fixture `rule` produces, as `code file:line:col: error: message`. */
function problems(rule: string): string[] {
  const root = join(DIR, rule);
  const regs = existsSync(join(root, "registers")) ? loadRegisterSpecs(root, root) : undefined;
  const r = loadProfiles(root, regs?.entries ?? [], root);
  return [...(regs?.diagnostics ?? []), ...r.diagnostics].map((d) => `${d.code} ${formatDiagnostic(d)}`);
}

const RULES = [
  "valid",
  "unknown-key",
  "schema-comment",
  "file-name",
  "duplicate-name",
  "base-and-features",
  "unknown-feature",
  "missing-dependency",
  "missing-dependency-removed",
  "mandatory-removed",
  "feature-too-new",
  "unknown-base",
  "base-cycle",
  "table-unknown-dependency",
  "table-unknown-version",
  "table-unknown-source",
  "table-dependency-newer",
  "table-mandatory-before-since",
  "table-schema",
  "register-feature",
  "all-at-once",
];

describe("profile and features table rules", () => {
  it("has a fixture for every rule tested and a test for every fixture", () => {
    expect(readdirSync(DIR).sort()).toEqual([...RULES].sort());
  });

  it("valid: every form of profile resolves, mandatory features included", () => {
    expect(problems("valid")).toEqual([]);
    const r = loadProfiles(join(DIR, "valid"), [], join(DIR, "valid"));
    const sets = Object.fromEntries(r.profiles.map((p) => [p.name, [...p.features].sort()]));
    expect(sets).toMatchInlineSnapshot(`
      {
        "a57ish": [
          "FEAT_PMUv3",
        ],
        "max": [
          "FEAT_NV",
          "FEAT_NV2",
          "FEAT_PAN",
          "FEAT_PMUv3",
          "FEAT_PMUv3p1",
          "FEAT_VHE",
        ],
        "nv2": [
          "FEAT_NV",
          "FEAT_NV2",
          "FEAT_PAN",
          "FEAT_VHE",
        ],
        "nv2-no-pmu": [
          "FEAT_NV",
          "FEAT_NV2",
          "FEAT_PAN",
          "FEAT_VHE",
        ],
        "v8.1-pmu": [
          "FEAT_PAN",
          "FEAT_PMUv3",
          "FEAT_PMUv3p1",
          "FEAT_VHE",
        ],
      }
    `);
  });

  it("unknown-key", () => expect(problems("unknown-key")).toMatchInlineSnapshot(`
    [
      "unknown-key profiles/p.yaml:5:1: error: unknown key 'adds'",
    ]
  `));
  it("schema-comment", () => expect(problems("schema-comment")).toMatchInlineSnapshot(`
    [
      "schema-comment profiles/p.yaml:1:1: error: the first line must be '# yaml-language-server: $schema=../schema/profile.schema.json' so editors check the file as it is typed",
    ]
  `));
  it("file-name", () => expect(problems("file-name")).toMatchInlineSnapshot(`
    [
      "file-name profiles/v8.1-vhe.yaml:2:7: error: profile v8.1 must live in v8.1.yaml, not v8.1-vhe.yaml",
    ]
  `));
  it("duplicate-name", () => expect(problems("duplicate-name")).toMatchInlineSnapshot(`
    [
      "duplicate-name profiles/two/p.yaml:2:7: error: profile p is already defined at profiles/one/p.yaml:2:7",
    ]
  `));
  it("base-and-features", () => expect(problems("base-and-features")).toMatchInlineSnapshot(`
    [
      "bad-value profiles/p.yaml:5:1: error: a profile has either base (with add and remove) or features, not both",
    ]
  `));
  it("unknown-feature: with a 'did you mean'", () => expect(problems("unknown-feature")).toMatchInlineSnapshot(`
    [
      "unknown-feature profiles/p.yaml:5:16: error: unknown feature FEAT_VHEE (did you mean FEAT_VHE?)",
      "unknown-feature profiles/p.yaml:5:27: error: unknown feature FEAT_Pan (did you mean FEAT_PAN?)",
    ]
  `));
  it("missing-dependency: at the feature that needs it", () => expect(problems("missing-dependency")).toMatchInlineSnapshot(`
    [
      "missing-dependency profiles/p.yaml:5:7: error: FEAT_NV2 requires FEAT_NV, which profile p does not have",
    ]
  `));
  it("missing-dependency-removed: at the removal that broke it", () =>
    expect(problems("missing-dependency-removed")).toMatchInlineSnapshot(`
      [
        "missing-dependency profiles/p.yaml:5:10: error: removing FEAT_NV leaves FEAT_NV2 without a feature it requires",
      ]
    `));
  it("mandatory-removed: unconditional and conditional", () => expect(problems("mandatory-removed")).toMatchInlineSnapshot(`
    [
      "mandatory-removed profiles/p.yaml:6:10: error: FEAT_VHE is mandatory from v8.1; a v8.3 profile cannot remove it",
      "mandatory-removed profiles/p.yaml:6:20: error: FEAT_PMUv3p1 is mandatory from v8.1 when FEAT_PMUv3 is present; a v8.3 profile cannot remove it",
    ]
  `));
  it("feature-too-new", () => expect(problems("feature-too-new")).toMatchInlineSnapshot(`
    [
      "feature-too-new profiles/p.yaml:5:17: error: FEAT_NV is permitted from v8.3; a v8.0 CPU may take features from the next version at most",
    ]
  `));
  it("unknown-base", () => expect(problems("unknown-base")).toMatchInlineSnapshot(`
    [
      "unknown-base profiles/p.yaml:4:7: error: base cortex-a75 is neither an architecture version nor a profile (did you mean cortex-a57?)",
    ]
  `));
  it("base-cycle: at every member", () => expect(problems("base-cycle")).toMatchInlineSnapshot(`
    [
      "base-cycle profiles/a.yaml:4:7: error: profile a's base makes a cycle: a -> b -> c -> a",
      "base-cycle profiles/b.yaml:4:7: error: profile b's base makes a cycle: b -> c -> a -> b",
      "base-cycle profiles/c.yaml:4:7: error: profile c's base makes a cycle: c -> a -> b -> c",
    ]
  `));
  it("table-unknown-dependency", () => expect(problems("table-unknown-dependency")).toMatchInlineSnapshot(`
    [
      "unknown-dependency features.yaml:16:79: error: FEAT_NV2 requires FEAT_NVV, which is not in the table (did you mean FEAT_NV?)",
    ]
  `));
  it("table-unknown-version", () => expect(problems("table-unknown-version")).toMatchInlineSnapshot(`
    [
      "unknown-version features.yaml:15:52: error: FEAT_NV: since v8.30 is not a version of this table (did you mean v8.3?)",
    ]
  `));
  it("table-unknown-source", () => expect(problems("table-unknown-source")).toMatchInlineSnapshot(`
    [
      "unknown-source features.yaml:15:72: error: FEAT_NV: source 'linux' is not a key of sources",
    ]
  `));
  it("table-dependency-newer", () => expect(problems("table-dependency-newer")).toMatchInlineSnapshot(`
    [
      "dependency-newer features.yaml:16:79: error: FEAT_NV2 (from v8.3) requires FEAT_NV, which is permitted only from v8.4",
    ]
  `));
  it("table-mandatory-before-since", () => expect(problems("table-mandatory-before-since")).toMatchInlineSnapshot(`
    [
      "bad-value features.yaml:13:79: error: FEAT_VHE is mandatory from v8.0 but permitted only from v8.1",
    ]
  `));
  it("table-schema: a table that fails its schema leaves profiles schema-checked only, not every feature unknown", () =>
    expect(problems("table-schema")).toMatchInlineSnapshot(`
      [
        "wrong-type features.yaml:7:3: error: features: expected record, got a list",
        "unknown-key profiles/p.yaml:6:1: error: unknown key 'colour'",
      ]
    `));
  it("register-feature: at the register spec's feature key", () => expect(problems("register-feature")).toMatchInlineSnapshot(`
    [
      "unknown-feature registers/el2/VNCR_EL2.yaml:8:10: error: feature FEAT_NV22 is not in the features table (features.yaml) (did you mean FEAT_NV2?)",
      "unknown-feature registers/el2/VNCR_EL2.yaml:12:41: error: feature FEAT_Nv2 is not in the features table (features.yaml) (did you mean FEAT_NV2?)",
    ]
  `));
  it("all-at-once", () => expect(problems("all-at-once")).toMatchInlineSnapshot(`
    [
      "unknown-dependency features.yaml:16:79: error: FEAT_NV2 requires FEAT_NVV, which is not in the table (did you mean FEAT_NV?)",
      "unknown-feature profiles/p.yaml:5:16: error: unknown feature FEAT_PMU3 (did you mean FEAT_PMUv3?)",
      "mandatory-removed profiles/p.yaml:6:10: error: FEAT_VHE is mandatory from v8.1; a v8.3 profile cannot remove it",
      "unknown-key profiles/p.yaml:7:1: error: unknown key 'colour'",
      "unknown-feature registers/el2/VNCR_EL2.yaml:8:10: error: feature FEAT_NV22 is not in the features table (features.yaml) (did you mean FEAT_NV2?)",
      "unknown-feature registers/el2/VNCR_EL2.yaml:12:41: error: feature FEAT_Nv2 is not in the features table (features.yaml) (did you mean FEAT_NV2?)",
    ]
  `));

  it("the CLI prints every problem at once on stderr and exits 1", () => {
    const r = reglab(["validate", "--specs", "."], join(DIR, "all-at-once"));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual(problems("all-at-once").map((l) => l.slice(l.indexOf(" ") + 1)));
    expect(lines.at(-1)).toBe("6 errors in 3 files");
  });

  it("loadSpecs reports profile problems with the register and layout ones", () => {
    const root = join(DIR, "all-at-once");
    const loaded = loadSpecs(root, root);
    expect(loaded.diagnostics.map((d) => `${d.code} ${formatDiagnostic(d)}`).sort()).toEqual(problems("all-at-once").sort());
    expect(loaded.profileFiles).toBe(2);
    // p failed only rules that leave it resolvable: it is there, without the removed mandatory feature.
    expect(loaded.profiles.map((p) => [p.name, p.arch, profileHas(p, "FEAT_VHE"), profileHas(p, "FEAT_NV")])).toEqual([
      ["max", undefined, true, true],
      ["p", "v8.3", false, true],
    ]);
  });

  it("a tree without features.yaml gets the built-in max, with every feature its registers name", () => {
    const metrics = loadSpecs(join(FIXTURES, "metrics"));
    expect(metrics.profiles.map((p) => p.name)).toEqual(["max"]);
    expect(metrics.features.features.size).toBe(0);
    const used = new Set(metrics.model.registers.map((r) => r.feature).filter((f): f is string => f !== undefined));
    for (const f of used) expect(profileHas(defaultProfile(metrics.profiles), f), f).toBe(true);
  });
});
