/**
 * The register spec format, as zod schemas.
 *
 * This file is the single definition of what a `specs/registers/**.yaml` file
 * may contain: the loader validates every file against it, and `reglab schema`
 * turns it into the JSON Schema editors use (specs/schema/register.schema.json).
 *
 * YAML is parsed with `intAsBigInt`, so every integer arrives as a bigint; the
 * schemas accept bigint and narrow to the range each key allows. Bit positions
 * are written `5` or `"15:12"` (high:low, as in the Arm ARM and in Linux's
 * arch/arm64/tools/sysreg).
 */
import { z } from "zod";

/** An integer in YAML (bigint after parsing), within [min, max]. */
export function int(min: bigint, max: bigint, what: string) {
  return z
    .bigint({ error: "expected an integer" })
    .refine((v) => v >= min && v <= max, {
      error: `must be in ${min}..${max}`,
    })
    .meta({ description: what });
}

const BITS_RE = /^(\d{1,3})(?::(\d{1,3}))?$/;

/** A bit or a bit range: `5`, `"5"` or `"15:12"` (high first). */
export const Bits = z
  .union([
    z.bigint().refine((v) => v >= 0n && v < 128n, { error: "bit number must be 0..127" }),
    z.string().regex(BITS_RE, { error: 'bit range must be written "high:low" or "n"' }),
  ])
  .meta({
    description: 'A bit number (5) or an inclusive range written high first ("15:12")',
    examples: [0, "15:12"],
  });

export const FeatureName = z
  .string()
  .regex(/^FEAT_[A-Za-z0-9_]+$/, { error: "a feature is named FEAT_xxx, as in the Arm ARM" })
  .meta({ description: "An Arm architecture feature name, e.g. FEAT_VHE" });

export const RegisterName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*(_(irq|abt|und|fiq))?$/, {
    error: "a register name is spelled as in the Arm ARM: upper case (SCTLR_EL2), or SPSR_irq/_abt/_und/_fiq",
  });

const FieldRef = z
  .string()
  .regex(/^!?[A-Z][A-Z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/, {
    error: "a trap control is written REGISTER.FIELD, e.g. HCR_EL2.TVM (or !HCR_EL2.APK when it traps while 0)",
  })
  .meta({
    description:
      "A one-bit field of an EL2 register that traps the access while set, REGISTER.FIELD (HCR_EL2.TVM); with a leading !, while clear (!HCR_EL2.APK)",
  });

export const Encoding = z
  .strictObject({
    op0: int(0n, 3n, "op0"),
    op1: int(0n, 7n, "op1"),
    crn: int(0n, 15n, "CRn"),
    crm: int(0n, 15n, "CRm"),
    op2: int(0n, 7n, "op2"),
  })
  .meta({ description: "The MRS/MSR encoding: op0, op1, CRn, CRm, op2 (Arm ARM C5.3)" });

export const Field = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "a field name is an identifier (M, EL1_ADP, TG0)" }),
    bits: Bits,
    description: z.string().optional(),
    feature: FeatureName.optional().meta({ description: "The field exists only with this feature; RES0 without it (see whenAbsent)" }),
    whenAbsent: z
      .enum(["res0", "res1"])
      .optional()
      .meta({ description: "What the bits are when the field's feature is absent: RES0 (default) or RES1 (SCTLR_EL1.SPAN, ...)" }),
    values: z
      .record(z.string().regex(/^(0b[01]+|0x[0-9a-fA-F]+|\d+)$/), z.string())
      .optional()
      .meta({ description: "Named values of the field, keyed by value (0b01, 0x3 or 5)" }),
  })
  .meta({ description: "A named field of the register" });

/** One rule of a declarative bit mapping to the EL1 counterpart's format. */
export const MapRule = z.union([
  z
    .strictObject({
      from: Bits,
      to: Bits,
      invert: z.boolean().optional(),
    })
    .meta({
      description:
        "Copy bits `from` of the EL2 value into bits `to` of the EL1 value. A one-bit source fills every bit of a wider target. With invert, the inverted source is copied.",
    }),
  z
    .strictObject({ set: Bits })
    .meta({ description: "Set these bits of the EL1 value to one" }),
]);

export const AccessMode = z.enum(["rw", "ro", "wo"]);

export const Access = z.union([
  AccessMode.meta({ description: "The same at every EL that can reach the register (el and above)" }),
  z
    .strictObject({
      el0: AccessMode.optional(),
      el1: AccessMode.optional(),
      el2: AccessMode.optional(),
      el3: AccessMode.optional(),
    })
    .meta({ description: "Per exception level; an EL not named cannot access the register (UNDEFINED)" }),
]);

const Source = z
  .array(z.string().min(1))
  .min(1, { error: "a spec names at least one source (Arm ARM section, Linux file and version)" })
  .meta({ description: "Where each fact comes from: Arm ARM section, Linux file and version" });

const BitsList = z.array(Bits);

const Format = z.strictObject({
  res0: BitsList.optional(),
  res1: BitsList.optional(),
  fields: z.array(Field).optional(),
});

const RegisterBase = {
  name: RegisterName.meta({ description: "Architectural name, e.g. SCTLR_EL2" }),
  title: z.string().min(1).meta({ description: "Long name from the Arm ARM" }),
  el: int(0n, 3n, "exception level the register belongs to"),
  feature: FeatureName.optional().meta({
    description: "Feature the register needs; without it every access is UNDEFINED",
  }),
  notes: z.string().optional(),
  source: Source,
};

const StorageBase = {
  ...RegisterBase,
  width: z
    .union([z.literal(32n), z.literal(64n), z.literal(128n)], { error: "must be 32, 64 or 128" })
    .meta({ description: "Width in bits" }),
  access: Access.default("rw"),
  encoding: Encoding.optional(),
  reset: z
    .union([z.literal("unknown"), z.bigint()], { error: "must be a value or `unknown`" })
    .meta({ description: "Value after KVM's vCPU reset, or `unknown` (architecturally UNKNOWN)" }),
  res0: BitsList.default([]).meta({ description: "Bits that are RES0 (in the newest architecture)" }),
  res1: BitsList.default([]).meta({ description: "Bits that are RES1" }),
  fields: z.array(Field).default([]),
  fieldsComplete: z.boolean().default(false).meta({
    description: "Fields, RES0 and RES1 together cover every bit (checked)",
  }),
  formatE2H1: Format.optional().meta({
    description: "The register's format when HCR_EL2.E2H == 1, where it differs (CPTR_EL2, TCR_EL2, CNTHCTL_EL2)",
  }),
  counterpart: RegisterName.optional().meta({ description: "EL2 registers: the EL1 register with the same role" }),
  toCounterpart: z
    .union([z.literal("none"), z.array(MapRule)], { error: "must be a list of mapping rules or `none`" })
    .optional()
    .meta({
      description:
        "EL2 registers whose format differs from the counterpart's: how a non-VHE (E2H = 0) guest hypervisor's value becomes the counterpart's value. Unmapped bits are zero; the counterpart's RES1 bits are then set. `none`: with E2H = 0 the counterpart is not loaded from this register. Absent: same format, copied as is.",
    }),
  e2hRedirect: z.boolean().optional().meta({
    description: "EL2 registers: with HCR_EL2.E2H == 1, the counterpart's name used at EL2 accesses this register",
  }),
  el12Alias: RegisterName.optional().meta({
    description: "EL2 registers: the _EL12/_EL02 name that reaches the counterpart from EL2 when E2H == 1",
  }),
  vncr: int(0n, 0xffffffffn, "VNCR page offset").optional().meta({
    description: "FEAT_NV2: byte offset of the register in the VNCR page",
  }),
  traps: z
    .strictObject({
      read: z.array(FieldRef).optional(),
      write: z.array(FieldRef).optional(),
    })
    .optional()
    .meta({ description: "EL1/EL0 registers: trap controls (HCR_EL2.TVM, ...) that send an access to EL2, per direction" }),
};

export const SysRegSpec = z.strictObject({
  ...StorageBase,
  class: z.literal("sysreg"),
  encoding: Encoding,
});

export const SpecialRegSpec = z.strictObject({
  ...StorageBase,
  class: z.literal("special"),
});

export const CoreRegSpec = z.strictObject({
  ...StorageBase,
  class: z.literal("core"),
});

export const AliasSpec = z.strictObject({
  ...RegisterBase,
  class: z.literal("alias"),
  aliasOf: RegisterName.meta({ description: "The register this name reaches" }),
  encoding: Encoding,
  access: Access.default({ el2: "rw" }).meta({
    description: "Where the alias name is valid (with HCR_EL2.E2H == 1); default: EL2",
  }),
});

export const RegisterSpec = z
  .discriminatedUnion("class", [SysRegSpec, SpecialRegSpec, CoreRegSpec, AliasSpec], {
    error: "must be one of sysreg, special, core, alias",
  })
  .meta({
    title: "reglab register spec",
    description: "One architectural register (or alias) for reglab. See specs/registers/README.md.",
  });

export type RegisterSpecInput = z.input<typeof RegisterSpec>;
export type RegisterSpecParsed = z.output<typeof RegisterSpec>;
export type FieldSpec = z.output<typeof Field>;
export type MapRuleSpec = z.output<typeof MapRule>;
export type BitsSpec = z.output<typeof Bits>;
