/**
 * The rules a schema cannot state: bit layouts that must not collide, reset
 * values that must respect RES0/RES1, names that must resolve, VNCR offsets
 * that must fit the page. Each rule reports at the YAML node at fault.
 */
import {
  formatRange,
  hex,
  maskToRanges,
  parseBits,
  rangeMask,
  rangeWidth,
  widthMask,
  type BitRange,
} from "./bits.js";
import { formatPosition, type Diagnostic } from "./diagnostics.js";
import type { SpecEntry } from "./load.js";
import type { BitsSpec, FieldSpec } from "./schema.js";
import { diagnosticAt, positionOf, type YamlPath, type YamlSource } from "./yaml-source.js";
import { encodingKey, formatEncoding, numEncoding, parseTrapControl } from "./model.js";

/** VNCR_EL2 points at one 4 KiB page (Arm ARM, FEAT_NV2). */
const VNCR_PAGE_SIZE = 4096;

type Spec = SpecEntry["spec"];
type StorageSpec = Exclude<Spec, { class: "alias" }>;

interface Ctx {
  readonly out: Diagnostic[];
  readonly source: YamlSource;
}

/** "bit 10", "bits 5:4" or "bits 63:38, 9": the set bits of a mask, as the Arm ARM writes them. */
function rangesText(mask: bigint): string {
  const rs = maskToRanges(mask);
  const word = rs.length === 1 && rs[0]?.hi === rs[0]?.lo ? "bit" : "bits";
  return `${word} ${rs.map(formatRange).join(", ")}`;
}

/** Parse one bit range, reporting it when malformed or outside the register. */
function checkRange(ctx: Ctx, b: BitsSpec, path: YamlPath, width: number, what: string): BitRange | undefined {
  const r = parseBits(b);
  if (!r) {
    ctx.out.push(diagnosticAt(ctx.source, path, "bad-value", `${what} '${String(b)}' is not a bit range (write "high:low", high first)`));
    return undefined;
  }
  if (r.hi >= width) {
    ctx.out.push(diagnosticAt(ctx.source, path, "field-outside-width", `${what} ${formatRange(r)} is outside the ${width}-bit register`));
    return undefined;
  }
  return r;
}

function checkRanges(ctx: Ctx, list: readonly BitsSpec[], path: YamlPath, width: number, what: string): (BitRange | undefined)[] {
  return list.map((b, i) => checkRange(ctx, b, [...path, i], width, what));
}

function maskOf(ranges: readonly (BitRange | undefined)[]): bigint {
  let m = 0n;
  for (const r of ranges) if (r) m |= rangeMask(r);
  return m;
}

interface FormatMasks {
  res0: bigint;
  res1: bigint;
  fields: bigint;
}

/** res0/res1/fields of one format (the primary one, or formatE2H1). */
function checkFormat(
  ctx: Ctx,
  f: { res0?: readonly BitsSpec[] | undefined; res1?: readonly BitsSpec[] | undefined; fields?: readonly FieldSpec[] | undefined },
  path: YamlPath,
  width: number,
): FormatMasks {
  const res0Ranges = checkRanges(ctx, f.res0 ?? [], [...path, "res0"], width, "RES0 range");
  const res1Ranges = checkRanges(ctx, f.res1 ?? [], [...path, "res1"], width, "RES1 range");
  const res0 = maskOf(res0Ranges);
  const res1 = maskOf(res1Ranges);
  res1Ranges.forEach((r, i) => {
    if (r && rangeMask(r) & res0) {
      ctx.out.push(
        diagnosticAt(ctx.source, [...path, "res1", i], "reserved-overlap", `RES1 ${formatRange(r)} overlaps RES0 ${rangesText(rangeMask(r) & res0)}`),
      );
    }
  });
  let fieldsMask = 0n;
  const seen = new Map<string, number>();
  const placed: { name: string; range: BitRange }[] = [];
  (f.fields ?? []).forEach((field, i) => {
    const fpath = [...path, "fields", i];
    const prev = seen.get(field.name);
    if (prev !== undefined) {
      ctx.out.push(diagnosticAt(ctx.source, [...fpath, "name"], "duplicate-field", `field ${field.name} is defined twice (also fields[${prev}])`));
    } else seen.set(field.name, i);
    const r = checkRange(ctx, field.bits, [...fpath, "bits"], width, `field ${field.name}`);
    if (!r) return;
    const m = rangeMask(r);
    const other = placed.find((p) => rangeMask(p.range) & m);
    if (other) {
      ctx.out.push(
        diagnosticAt(ctx.source, [...fpath, "bits"], "field-overlap", `field ${field.name} (${formatRange(r)}) overlaps field ${other.name} (${formatRange(other.range)})`),
      );
    }
    if (m & (res0 | res1)) {
      const kind = m & res0 ? "RES0" : "RES1";
      ctx.out.push(
        diagnosticAt(ctx.source, [...fpath, "bits"], "field-in-reserved", `field ${field.name} (${formatRange(r)}) lies in ${kind} ${rangesText(m & (res0 | res1))}`),
      );
    }
    placed.push({ name: field.name, range: r });
    fieldsMask |= m;
  });
  return { res0, res1, fields: fieldsMask };
}

function checkStorage(ctx: Ctx, spec: StorageSpec, byName: ReadonlyMap<string, SpecEntry>): void {
  const width = Number(spec.width);
  const masks = checkFormat(ctx, spec, [], width);
  if (spec.fieldsComplete) {
    const missing = widthMask(width) & ~(masks.res0 | masks.res1 | masks.fields);
    if (missing) {
      ctx.out.push(
        diagnosticAt(ctx.source, ["fieldsComplete"], "fields-incomplete", `fieldsComplete is true but nothing describes ${rangesText(missing)} (no field, RES0 or RES1)`),
      );
    }
  }
  if (spec.formatE2H1) checkFormat(ctx, spec.formatE2H1, ["formatE2H1"], width);
  if (typeof spec.reset === "bigint") {
    const reset = spec.reset;
    if (reset < 0n || reset > widthMask(width)) {
      ctx.out.push(diagnosticAt(ctx.source, ["reset"], "reset-outside-width", `reset value ${hex(reset)} does not fit in ${width} bits`));
    } else {
      if (reset & masks.res0) {
        ctx.out.push(
          diagnosticAt(ctx.source, ["reset"], "reset-res0", `reset value ${hex(reset)} sets RES0 ${rangesText(reset & masks.res0)}`),
        );
      }
      if (~reset & masks.res1) {
        ctx.out.push(
          diagnosticAt(ctx.source, ["reset"], "reset-res1", `reset value ${hex(reset)} clears RES1 ${rangesText(~reset & masks.res1)}`),
        );
      }
    }
  }
  checkCounterpart(ctx, spec, width, byName);
  checkTraps(ctx, spec, byName);
}

function checkCounterpart(ctx: Ctx, spec: StorageSpec, width: number, byName: ReadonlyMap<string, SpecEntry>): void {
  const cp = spec.counterpart === undefined ? undefined : byName.get(spec.counterpart)?.spec;
  if (spec.counterpart !== undefined && (!cp || cp.class === "alias")) {
    ctx.out.push(
      diagnosticAt(ctx.source, ["counterpart"], "unknown-counterpart", `counterpart ${spec.counterpart} is not a register with a spec${cp ? " (it is an alias)" : ""}`),
    );
  }
  if (spec.counterpart === undefined) {
    for (const key of ["toCounterpart", "e2hRedirect", "el12Alias"] as const) {
      if (spec[key] !== undefined) {
        ctx.out.push(diagnosticAt(ctx.source, [key], "unknown-counterpart", `${key} needs a counterpart`, key));
      }
    }
  }
  if (spec.el12Alias !== undefined) {
    const alias = byName.get(spec.el12Alias)?.spec;
    if (!alias) {
      ctx.out.push(diagnosticAt(ctx.source, ["el12Alias"], "unknown-alias-target", `el12Alias ${spec.el12Alias} has no spec`));
    } else if (alias.class !== "alias" || alias.aliasOf !== spec.counterpart) {
      ctx.out.push(
        diagnosticAt(ctx.source, ["el12Alias"], "bad-alias", `el12Alias ${spec.el12Alias} is not an alias of the counterpart ${spec.counterpart ?? "(none)"}`),
      );
    }
  }
  const cpWidth = cp && cp.class !== "alias" ? Number(cp.width) : width;
  const rules = spec.toCounterpart === "none" ? [] : (spec.toCounterpart ?? []);
  rules.forEach((rule, i) => {
    const path = ["toCounterpart", i];
    if ("set" in rule) {
      checkRange(ctx, rule.set, [...path, "set"], cpWidth, "target bits");
      return;
    }
    const from = checkRange(ctx, rule.from, [...path, "from"], width, "source bits");
    const to = checkRange(ctx, rule.to, [...path, "to"], cpWidth, "target bits");
    if (from && to && rangeWidth(from) !== 1 && rangeWidth(from) !== rangeWidth(to)) {
      ctx.out.push(
        diagnosticAt(ctx.source, path, "bad-mapping", `mapping ${formatRange(from)} -> ${formatRange(to)}: a copy needs equal widths or a one-bit source`),
      );
    }
  });
}

function checkTraps(ctx: Ctx, spec: StorageSpec, byName: ReadonlyMap<string, SpecEntry>): void {
  for (const dir of ["read", "write"] as const) {
    (spec.traps?.[dir] ?? []).forEach((ref, i) => {
      const { register: reg, field } = parseTrapControl(ref);
      const target = byName.get(reg)?.spec;
      if (!target || target.class === "alias") {
        ctx.out.push(diagnosticAt(ctx.source, ["traps", dir, i], "unknown-trap-control", `trap control ${ref}: no register ${reg}`));
      } else {
        const f = target.fields.find((x) => x.name === field);
        const r = f && parseBits(f.bits);
        if (!f) {
          ctx.out.push(diagnosticAt(ctx.source, ["traps", dir, i], "unknown-trap-control", `trap control ${ref}: ${reg} has no field ${field}`));
        } else if (r && r.hi !== r.lo) {
          ctx.out.push(
            diagnosticAt(ctx.source, ["traps", dir, i], "unknown-trap-control", `trap control ${ref}: ${reg}.${field} is ${formatRange(r)}, not a single bit`),
          );
        }
      }
    });
  }
}

/** Rules across files: unique names, encodings and VNCR offsets; alias targets. */
export function validateSpecs(entries: readonly SpecEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map<string, SpecEntry>();
  const byEncoding = new Map<string, SpecEntry>();
  const byVncr = new Map<number, SpecEntry>();
  for (const entry of entries) {
    const { source, spec } = entry;
    // Names are case-insensitive (as in MRS/MSR and the scenario language): SPSR_irq and SPSR_IRQ collide.
    const first = byName.get(spec.name) ?? entries.find((e) => e !== entry && e.spec.name.toUpperCase() === spec.name.toUpperCase() && byName.get(e.spec.name) === e);
    if (first) {
      out.push(
        diagnosticAt(source, ["name"], "duplicate-name", `register ${spec.name} is already defined at ${formatPosition(positionOf(first.source, ["name"]))}`),
      );
    } else byName.set(spec.name, entry);
    if (spec.encoding) {
      const key = encodingKey(numEncoding(spec.encoding));
      const other = byEncoding.get(key);
      if (other) {
        out.push(
          diagnosticAt(
            source,
            ["encoding"],
            "duplicate-encoding",
            `encoding ${formatEncoding(numEncoding(spec.encoding))} is already used by ${other.spec.name} (${formatPosition(positionOf(other.source, ["encoding"]))})`,
          ),
        );
      } else byEncoding.set(key, entry);
    }
  }
  for (const entry of entries) {
    const { source, spec } = entry;
    const ctx: Ctx = { out, source };
    if (spec.class === "alias") {
      const target = byName.get(spec.aliasOf)?.spec;
      if (!target || target.class === "alias") {
        out.push(diagnosticAt(source, ["aliasOf"], "unknown-alias-target", `alias target ${spec.aliasOf} is not a register with a spec`));
      }
      continue;
    }
    checkStorage(ctx, spec, byName);
    if (spec.vncr !== undefined) {
      const off = Number(spec.vncr);
      const size = Number(spec.width) / 8;
      if (off % 8 !== 0) {
        out.push(diagnosticAt(source, ["vncr"], "vncr-unaligned", `VNCR offset ${hex(off)} is not 8-byte aligned`));
      } else if (off + size > VNCR_PAGE_SIZE) {
        out.push(diagnosticAt(source, ["vncr"], "vncr-outside-page", `VNCR offset ${hex(off)} + ${size} bytes is outside the 4 KiB VNCR page`));
      }
      const other = byVncr.get(off);
      if (other) {
        out.push(
          diagnosticAt(source, ["vncr"], "vncr-shared", `VNCR offset ${hex(off)} is also given to ${other.spec.name} (${formatPosition(positionOf(other.source, ["vncr"]))})`),
        );
      } else byVncr.set(off, entry);
    }
  }
  return out;
}
