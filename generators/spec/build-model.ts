/**
 * Turn schema-checked specs into the typed model: bit ranges parsed, masks
 * computed, access resolved per EL. Runs after validation; a spec that a rule
 * rejected is still built (so `validate` can report all problems) but callers
 * other than `validate` refuse a model that came with diagnostics.
 */
import { masksOf, parseBits, rangeMask, toMask, type BitRange } from "./bits.js";
import type { SpecEntry } from "./load.js";
import type {
  AccessMode,
  Alias,
  ExceptionLevel,
  Field,
  Format,
  MapRule,
  Register,
  RegisterModel,
} from "./model.js";
import { numEncoding, parseTrapControl } from "./model.js";
import type { BitsSpec, FieldSpec, MapRuleSpec, RegisterSpecParsed } from "./schema.js";
import { positionOf } from "./yaml-source.js";

type AccessSpec = RegisterSpecParsed["access"];
type AccessVector = Register["access"];

const ZERO: BitRange = { hi: 0, lo: 0 };

function bits(b: BitsSpec): BitRange {
  return parseBits(b) ?? ZERO;
}

function ranges(list: readonly BitsSpec[] | undefined): BitRange[] {
  return (list ?? []).flatMap((b) => {
    const r = parseBits(b);
    return r ? [r] : [];
  });
}

function field(f: FieldSpec): Field {
  const range = bits(f.bits);
  return {
    name: f.name,
    range,
    mask: rangeMask(range),
    ...(f.description === undefined ? {} : { description: f.description }),
    ...(f.feature === undefined ? {} : { feature: f.feature }),
    whenAbsent: f.whenAbsent ?? "res0",
    values: Object.entries(f.values ?? {})
      .map(([k, name]) => ({ value: BigInt(k), name }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  };
}

function format(f: { res0?: readonly BitsSpec[] | undefined; res1?: readonly BitsSpec[] | undefined; fields?: readonly FieldSpec[] | undefined }): Format {
  return {
    res0: toMask(masksOf(ranges(f.res0))),
    res1: toMask(masksOf(ranges(f.res1))),
    fields: [...(f.fields ?? []).map(field)].sort((a, b) => b.range.lo - a.range.lo),
  };
}

function mapRule(r: MapRuleSpec): MapRule {
  if ("set" in r) return { kind: "set", to: bits(r.set) };
  return { kind: "copy", from: bits(r.from), to: bits(r.to), invert: r.invert ?? false };
}

/** A plain mode applies from the register's own EL upwards; a map names each EL. */
function accessVector(access: AccessSpec, el: ExceptionLevel): AccessVector {
  if (typeof access === "string") {
    return [0, 1, 2, 3].map((e) => (e >= el ? access : null)) as unknown as AccessVector;
  }
  const at = (m: AccessMode | undefined): AccessMode | null => m ?? null;
  return [at(access.el0), at(access.el1), at(access.el2), at(access.el3)];
}

export function buildModel(entries: readonly SpecEntry[]): RegisterModel {
  const registers: Register[] = [];
  const aliases: Alias[] = [];
  for (const { source, spec } of entries) {
    const el = Number(spec.el) as ExceptionLevel;
    const named = {
      name: spec.name,
      title: spec.title,
      el,
      ...(spec.feature === undefined ? {} : { feature: spec.feature }),
      access: accessVector(spec.access, el),
      ...(spec.notes === undefined ? {} : { notes: spec.notes }),
      source: spec.source,
      origin: positionOf(source, ["name"]),
    };
    if (spec.class === "alias") {
      aliases.push({ ...named, kind: "alias", encoding: numEncoding(spec.encoding), aliasOf: spec.aliasOf });
      continue;
    }
    registers.push({
      ...named,
      ...format(spec),
      kind: "register",
      cls: spec.class,
      width: Number(spec.width) as Register["width"],
      ...(spec.encoding === undefined ? {} : { encoding: numEncoding(spec.encoding) }),
      reset: spec.reset,
      fieldsComplete: spec.fieldsComplete,
      ...(spec.formatE2H1 === undefined ? {} : { formatE2H1: format(spec.formatE2H1) }),
      ...(spec.counterpart === undefined ? {} : { counterpart: spec.counterpart }),
      ...(spec.toCounterpart === undefined ? {} : { toCounterpart: spec.toCounterpart === "none" ? "none" : spec.toCounterpart.map(mapRule) }),
      e2hRedirect: spec.e2hRedirect ?? false,
      ...(spec.el12Alias === undefined ? {} : { el12Alias: spec.el12Alias }),
      ...(spec.vncr === undefined ? {} : { vncr: Number(spec.vncr) }),
      traps: {
        read: (spec.traps?.read ?? []).map(parseTrapControl),
        write: (spec.traps?.write ?? []).map(parseTrapControl),
      },
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  registers.sort(byName);
  aliases.sort(byName);
  const map = new Map<string, Register | Alias>();
  for (const r of [...registers, ...aliases]) if (!map.has(r.name)) map.set(r.name, r);
  return { registers, aliases, byName: map };
}
