/**
 * The view of a register's page (and of an alias's): everything the
 * templates print, decided here. The bit diagrams arrive already rendered
 * (site.ts renders them through their own template), as markup to inline and
 * as the file name the Markdown twin shows as an image.
 */
import { formatRange, hex, maskToRanges, rangeMask, type BitRange } from "../spec/bits.js";
import { formatEncoding, type Alias, type Encoding, type Field, type Format, type Register, type RegisterModel, type TrapControl } from "../spec/model.js";
import { oneRegHex } from "../layout/one-reg.js";
import type { Placement, ResolvedLayout } from "../layout/types.js";
import { layoutHref, pageBase, registerLink, type Link, type PageBase } from "./view-common.js";

export interface Fact {
  readonly label: string;
  readonly value: string;
  /** Set in monospace (encodings, values, names). */
  readonly code: boolean;
  /** A link for the value, "" for none. */
  readonly href: string;
}

export interface DiagramView {
  /** The SVG's markup, without its header comment, to inline in the HTML page. */
  readonly svg: string;
  /** The .svg file beside the page, for the Markdown twin's image. */
  readonly file: string;
  readonly alt: string;
}

export interface FieldRow {
  readonly bits: string;
  readonly name: string;
  readonly description: string;
  readonly feature: string;
  readonly values: readonly { readonly value: string; readonly name: string }[];
}

export interface FormatView {
  readonly diagram: DiagramView;
  readonly fields: readonly FieldRow[];
  readonly res0: string;
  readonly res1: string;
  /** The caption's sentence on shading. */
  readonly shading: string;
}

export interface RuleRow {
  readonly rule: string;
  readonly from: string;
  readonly fromFields: string;
  readonly to: string;
  readonly toFields: string;
}

export interface TrapRow {
  readonly direction: string;
  readonly control: Link;
  readonly field: string;
  readonly when: string;
}

export interface LayoutCell {
  readonly layout: Link;
  readonly stored: boolean;
  readonly exposed: boolean;
  readonly oneReg: string;
  readonly container: string;
  readonly index: string;
  readonly offset: string;
  readonly size: string;
  readonly cExpr: string;
  readonly uapiOffset: string;
}

export interface RegisterView extends PageBase {
  readonly name: string;
  readonly title: string;
  readonly facts: readonly Fact[];
  readonly format: FormatView;
  readonly e2h1: FormatView | null;
  readonly hasCounterpart: boolean;
  readonly counterpart: Link;
  /** One sentence on how the value reaches the counterpart with E2H = 0. */
  readonly translation: string;
  readonly rules: readonly RuleRow[];
  readonly counterpartOf: readonly Link[];
  readonly aliases: readonly Link[];
  readonly redirect: string;
  readonly traps: readonly TrapRow[];
  readonly layouts: readonly LayoutCell[];
  readonly notes: string;
  readonly sources: readonly string[];
}

/** A bit diagram of the register an alias reaches, shown on the alias's page. */
export interface AliasDiagram {
  readonly diagram: DiagramView;
  readonly caption: string;
}

/** The bit diagrams a register's page shows, for the pages of its aliases to show too. */
export interface RegisterDiagrams {
  readonly format: DiagramView;
  readonly e2h1: DiagramView | null;
}

export interface AliasView extends PageBase {
  readonly name: string;
  readonly title: string;
  readonly facts: readonly Fact[];
  readonly target: Link;
  readonly targetTitle: string;
  /** The target's bit diagrams (the same SVG files its page shows); none when the target is not a register of the model. */
  readonly diagrams: readonly AliasDiagram[];
  readonly notes: string;
  readonly sources: readonly string[];
}

const CLASS_TEXT: Readonly<Record<Register["cls"] | "alias", string>> = {
  sysreg: "system register",
  special: "special-purpose register",
  core: "core register",
  alias: "alias (another encoding of a register)",
};

/** The generic MRS/MSR name GNU as accepts for any encoding: S3_4_C1_C0_0. */
export function mrsName(e: Encoding): string {
  return `S${e.op0}_${e.op1}_C${e.crn}_C${e.crm}_${e.op2}`;
}

function fact(label: string, value: string, code = false, href = ""): Fact {
  return { label, value, code, href };
}

function accessText(access: Register["access"]): string {
  return access.map((a, el) => `EL${el} ${a ?? "-"}`).join(", ");
}

function rangesText(mask: bigint): string {
  const ranges = maskToRanges(mask);
  return ranges.length === 0 ? "none" : ranges.map(formatRange).join(", ");
}

function fieldRows(fields: readonly Field[]): FieldRow[] {
  return [...fields]
    .sort((a, b) => b.range.hi - a.range.hi)
    .map((f) => {
      const width = f.range.hi - f.range.lo + 1;
      return {
        bits: formatRange(f.range),
        name: f.name,
        description: f.description ?? "",
        feature: f.feature ? (f.whenAbsent === "res1" ? `${f.feature} (RES1 without it)` : f.feature) : "",
        values: f.values.map((v) => ({ value: `0b${v.value.toString(2).padStart(width, "0")}`, name: v.name })),
      };
    });
}

export function formatView(format: Format, diagram: DiagramView): FormatView {
  const res0 = rangesText(format.res0.value);
  const res1 = rangesText(format.res1.value);
  const shaded = [...(res0 === "none" ? [] : [`RES0 (bits ${res0})`]), ...(res1 === "none" ? [] : [`RES1 (bits ${res1})`])];
  const shading = shaded.length === 0 ? "No bit is RES0 or RES1." : `Shaded: ${shaded.join(" and ")}.`;
  return { diagram, fields: fieldRows(format.fields), res0, res1, shading };
}

/** Names of the fields of `format` that a bit range touches. */
function fieldsIn(format: Format | undefined, r: BitRange): string {
  if (!format) return "";
  const m = rangeMask(r);
  return format.fields
    .filter((f) => (f.mask & m) !== 0n)
    .sort((a, b) => b.range.hi - a.range.hi)
    .map((f) => f.name)
    .join(", ");
}

function translation(reg: Register, model: RegisterModel): { text: string; rules: RuleRow[] } {
  if (!reg.counterpart) return { text: "", rules: [] };
  const target = model.byName.get(reg.counterpart);
  const targetFormat = target?.kind === "register" ? target : undefined;
  if (reg.toCounterpart === undefined) {
    return { text: `Same format as ${reg.counterpart}: a guest hypervisor with HCR_EL2.E2H = 0 runs with this value copied into ${reg.counterpart} unchanged.`, rules: [] };
  }
  if (reg.toCounterpart === "none") {
    return { text: `With HCR_EL2.E2H = 0, ${reg.counterpart} is not loaded from this register.`, rules: [] };
  }
  const rules = reg.toCounterpart.map((r): RuleRow => {
    if (r.kind === "set") return { rule: "set to ones", from: "", fromFields: "", to: formatRange(r.to), toFields: fieldsIn(targetFormat, r.to) };
    return {
      rule: r.invert ? "copy inverted" : "copy",
      from: formatRange(r.from),
      fromFields: fieldsIn(reg, r.from),
      to: formatRange(r.to),
      toFields: fieldsIn(targetFormat, r.to),
    };
  });
  return {
    text: `With HCR_EL2.E2H = 0 the value is translated into ${reg.counterpart}'s format: only these bits reach it, every other bit of ${reg.counterpart} is 0, except its RES1 bits, which are set.`,
    rules,
  };
}

function trapRows(model: RegisterModel, reg: Register): TrapRow[] {
  const row = (direction: string, t: TrapControl): TrapRow => ({
    direction,
    control: registerLink(model, 1, t.register),
    field: t.field,
    when: `traps when ${t.register}.${t.field} == ${t.trapsWhen}`,
  });
  return [...reg.traps.read.map((t) => row("read (MRS)", t)), ...reg.traps.write.map((t) => row("write (MSR)", t))];
}

function layoutCells(name: string, layouts: readonly ResolvedLayout[], placements: ReadonlyMap<string, ReadonlyMap<string, Placement>>): LayoutCell[] {
  return layouts.map((l) => {
    const p = placements.get(l.name)?.get(name);
    const layout = { text: l.name, href: layoutHref(1, l.name) };
    if (!p) return { layout, stored: false, exposed: false, oneReg: "not exposed", container: "", index: "", offset: "", size: "", cExpr: "", uapiOffset: "" };
    return {
      layout,
      stored: true,
      exposed: p.oneReg !== null,
      oneReg: p.oneReg === null ? "not exposed" : oneRegHex(p.oneReg),
      container: p.container,
      index: p.index === null ? "-" : String(p.index),
      offset: String(p.offset),
      size: String(p.size),
      cExpr: p.cExpr,
      uapiOffset: p.uapiOffset === null ? "-" : String(p.uapiOffset),
    };
  });
}

export function registerView(input: {
  readonly reg: Register;
  readonly model: RegisterModel;
  readonly layouts: readonly ResolvedLayout[];
  readonly placements: ReadonlyMap<string, ReadonlyMap<string, Placement>>;
  readonly diagram: DiagramView;
  readonly e2h1Diagram: DiagramView | null;
}): RegisterView {
  const { reg, model, layouts } = input;
  const facts: Fact[] = [
    fact("Exception level", `EL${reg.el}`),
    fact("Class", CLASS_TEXT[reg.cls]),
    fact("Width", `${reg.width} bits`),
    reg.encoding ? fact("Encoding", formatEncoding(reg.encoding), true) : fact("Encoding", "none (not an MRS/MSR operand)"),
    ...(reg.encoding ? [fact("MRS/MSR name", mrsName(reg.encoding), true)] : []),
    fact("Feature", reg.feature ?? "none (Armv8.0)", reg.feature !== undefined),
    fact("Reset value (KVM)", reg.reset === "unknown" ? "UNKNOWN" : hex(reg.reset), reg.reset !== "unknown"),
    fact("Access", accessText(reg.access)),
    fact("VNCR offset", reg.vncr === undefined ? "none" : hex(reg.vncr, 3), reg.vncr !== undefined),
    fact("Fields", reg.fieldsComplete ? "every bit described" : "not every bit described"),
  ];
  if (reg.counterpart) facts.push(fact("EL1 counterpart", reg.counterpart, true, registerLink(model, 1, reg.counterpart).href));
  if (reg.el12Alias) facts.push(fact("_EL12 alias", reg.el12Alias, true, registerLink(model, 1, reg.el12Alias).href));
  const t = translation(reg, model);
  const counterpartOf = model.registers.filter((r) => r.counterpart === reg.name).map((r) => registerLink(model, 1, r.name));
  const aliases = model.aliases.filter((a) => a.aliasOf === reg.name).map((a) => registerLink(model, 1, a.name));
  const redirect = reg.e2hRedirect
    ? `At EL2 with HCR_EL2.E2H = 1, accesses to ${reg.counterpart ?? "the EL1 name"} reach ${reg.name}` +
      (reg.el12Alias ? `; ${reg.el12Alias} reaches ${reg.counterpart ?? "the EL1 register"} itself.` : ".")
    : "";
  return {
    ...pageBase(1, reg.name, layouts),
    name: reg.name,
    title: reg.title,
    facts,
    format: formatView(reg, input.diagram),
    e2h1: reg.formatE2H1 && input.e2h1Diagram ? formatView(reg.formatE2H1, input.e2h1Diagram) : null,
    hasCounterpart: reg.counterpart !== undefined,
    counterpart: reg.counterpart ? registerLink(model, 1, reg.counterpart) : { text: "", href: "" },
    translation: t.text,
    rules: t.rules,
    counterpartOf,
    aliases,
    redirect,
    traps: trapRows(model, reg),
    layouts: layoutCells(reg.name, layouts, input.placements),
    notes: reg.notes ?? "",
    sources: reg.source,
  };
}

export function aliasView(alias: Alias, model: RegisterModel, layouts: readonly ResolvedLayout[], targetDiagrams: RegisterDiagrams | undefined): AliasView {
  const target = model.byName.get(alias.aliasOf);
  const reg = target?.kind === "register" ? target : undefined;
  const diagrams: AliasDiagram[] = [];
  if (reg && targetDiagrams) {
    const hover = "Hover a box for the field's description.";
    diagrams.push({
      diagram: targetDiagrams.format,
      caption: `${reg.name}'s bits, high to low${reg.formatE2H1 ? ", with HCR_EL2.E2H = 0" : ""}. ${formatView(reg, targetDiagrams.format).shading} ${hover}`,
    });
    if (reg.formatE2H1 && targetDiagrams.e2h1) {
      diagrams.push({
        diagram: targetDiagrams.e2h1,
        caption: `${reg.name}'s bits, high to low, with HCR_EL2.E2H = 1. ${formatView(reg.formatE2H1, targetDiagrams.e2h1).shading} ${hover}`,
      });
    }
  }
  return {
    ...pageBase(1, alias.name, layouts),
    name: alias.name,
    title: alias.title,
    facts: [
      fact("Exception level", `EL${alias.el}`),
      fact("Class", CLASS_TEXT.alias),
      fact("Encoding", formatEncoding(alias.encoding), true),
      fact("MRS/MSR name", mrsName(alias.encoding), true),
      fact("Feature", alias.feature ?? "none (Armv8.0)", alias.feature !== undefined),
      fact("Access", accessText(alias.access)),
      fact("Alias of", alias.aliasOf, true, registerLink(model, 1, alias.aliasOf).href),
    ],
    target: registerLink(model, 1, alias.aliasOf),
    targetTitle: target?.title ?? "",
    diagrams,
    notes: alias.notes ?? "",
    sources: alias.source,
  };
}
