/**
 * The formats of the features table (specs/features.yaml) and of CPU
 * profiles (specs/profiles/*.yaml), as zod schemas: the loader checks every
 * file against them and `reglab schema` derives the JSON Schemas editors use
 * (specs/schema/features.schema.json, specs/schema/profile.schema.json).
 *
 * What a schema cannot say (names that must resolve, dependencies that must
 * hold, bases that must not loop) is checked in resolve.ts, at the YAML node
 * at fault.
 */
import { z } from "zod";
import { FeatureName } from "../spec/schema.js";

/** An architecture version as Arm writes it: v8.0 ... v8.9, v9.0 ... */
export const VersionName = z
  .string()
  .regex(/^v\d+\.\d+$/, { error: "an architecture version is written vMAJOR.MINOR, e.g. v8.1 or v9.2" })
  .meta({ description: "An A-profile architecture version, e.g. v8.1 (Armv8.1-A)" });

const SourceKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "a source key is lower case words joined by '-', e.g. arm-arm-a2" })
  .meta({ description: "A key of the `sources` table" });

export const ArchVersionSpec = z
  .strictObject({
    includes: z
      .array(VersionName)
      .default([])
      .meta({
        description:
          "The versions whose mandatory features this one has too: v8.2 includes v8.1; v9.1 includes v9.0 and v8.6 (Armv9.n is aligned with Armv8.(n+5))",
      }),
  })
  .meta({ description: "One architecture version" });

export const FeatureSpec = z
  .strictObject({
    title: z.string().min(1).meta({ description: "What the feature is, as the Arm ARM names it" }),
    since: VersionName.meta({
      description: "The earliest architecture version in which the Arm ARM permits the feature (it is OPTIONAL there, or mandatory)",
    }),
    mandatory: VersionName.optional().meta({
      description:
        "From this version on, every CPU that has all of `requires` has this feature too (the Arm ARM's 'mandatory from Armv8.x', or 'from Armv8.x, if FEAT_Y is implemented'). Absent: OPTIONAL in every version",
    }),
    requires: z
      .array(FeatureName)
      .default([])
      .meta({ description: "Features a CPU must have to have this one (the Arm ARM's 'If FEAT_X is implemented, FEAT_Y is implemented')" }),
    source: z
      .array(SourceKey)
      .min(1, { error: "a feature names at least one source" })
      .meta({ description: "Keys of the `sources` table this entry is taken from" }),
    notes: z.string().optional().meta({ description: "What a reader needs that has no key: conditions, doubts" }),
  })
  .meta({ description: "One architecture feature" });

export const FeaturesFile = z
  .strictObject({
    versions: z
      .record(VersionName, ArchVersionSpec)
      .meta({ description: "The architecture versions, each with the versions it includes" }),
    sources: z
      .record(SourceKey, z.string().min(1))
      .meta({ description: "Citations, by key: Arm ARM sections, Arm's register XML, Linux files" }),
    features: z
      .record(FeatureName, FeatureSpec)
      .meta({ description: "Every FEAT_xxx the specs know, by name" }),
  })
  .meta({ title: "reglab features table", description: "The architecture features reglab knows: version, mandatory from, dependencies, sources" });

export type FeaturesFileParsed = z.output<typeof FeaturesFile>;

export const ProfileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.+-]*$/, { error: "a profile name is lower case letters, digits, '.', '+' and '-' (v8.1-vhe, cortex-a57)" })
  .meta({ description: "The profile's name, as `--profile NAME` takes it; the file is NAME.yaml" });

const FeatureList = z.array(FeatureName);

export const ProfileSpec = z
  .strictObject({
    name: ProfileName,
    title: z.string().min(1).meta({ description: "One line: what CPU this is" }),
    description: z.string().optional().meta({ description: "What the profile is for, what it leaves out and why" }),
    base: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "An architecture version (v8.0, v8.4, ...: its mandatory features) or another profile to start from; a version name wins over a profile of the same name",
      }),
    add: FeatureList.optional().meta({ description: "With base: features to add (OPTIONAL ones the CPU has)" }),
    remove: FeatureList.optional().meta({ description: "With base: features of the base to leave out (never a mandatory one)" }),
    features: z
      .union([z.literal("all"), FeatureList], { error: "must be `all` or a list of features" })
      .optional()
      .meta({ description: "Instead of base: the complete list of features, or `all` (every feature of the table)" }),
    source: z
      .array(z.string().min(1))
      .min(1, { error: "a profile names at least one source (a TRM, Linux's cputype.h, ...)" })
      .meta({ description: "Where the feature set comes from" }),
  })
  .meta({ title: "reglab CPU profile", description: "A CPU: the architecture features the virtual CPU has" });

export type ProfileSpecParsed = z.output<typeof ProfileSpec>;
