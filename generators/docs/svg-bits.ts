/**
 * The geometry of a register's bit diagram: 32 bits per row (a 64-bit
 * register is two rows, 63..32 over 31..0, as the Arm ARM draws it), one box
 * per field, RES0 and RES1 bits shaded and marked 0 or 1 bit by bit. A field
 * name that fits its box is written in it; a narrower field gets its name
 * rotated in the band above the row, centred on its box with a leader line.
 * Every rotated label sits over its own field, and fields do not share bits,
 * so labels cannot overlap (the tests check the boxes computed here).
 */
import { formatRange, type BitRange } from "../spec/bits.js";
import type { Format } from "../spec/model.js";
import { estimateTextWidth, type Box } from "./svg-text.js";

const BITS_PER_ROW = 32;
const CELL_W = 28;
const CELL_H = 34;
const MARGIN = 12;
const LABEL_FONT = 12;
const BIT_FONT = 10;
/** Between a rotated label's end and its field's top edge (where the leader line runs). */
const LEADER = 8;
const BIT_NUMBERS_H = 16;
const ROW_GAP = 14;
const LEGEND_H = 30;

export type SegmentKind = "field" | "feature-field" | "res0" | "res1" | "undescribed";

/** Fills chosen for contrast with black text on white pages (WCAG AA for the 12px labels). */
export const BIT_FILLS: Readonly<Record<SegmentKind, string>> = {
  field: "#dbeafe",
  "feature-field": "#fef3c7",
  res0: "#e5e7eb",
  res1: "#9ca3af",
  undescribed: "#ffffff",
};

const LEGEND_TEXT: Readonly<Record<SegmentKind, string>> = {
  field: "field",
  "feature-field": "field that needs a feature",
  res0: "RES0",
  res1: "RES1",
  undescribed: "not described",
};

export interface BitSegment {
  readonly kind: SegmentKind;
  /** The field's name, or RES0 / RES1 / "". */
  readonly name: string;
  /** The bits this box covers, high:low (a field split across rows has one box per row). */
  readonly bits: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  /** Tooltip text. */
  readonly title: string;
}

export interface BitLabel {
  readonly text: string;
  /** Anchor: the text's centre (inside) or its start (rotated, reading upwards). */
  readonly x: number;
  readonly y: number;
  readonly rotated: boolean;
  readonly transform: string;
  /** Where the glyphs are, for overlap and clipping checks. */
  readonly box: Box;
}

export interface BitDiagram {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly fontSize: number;
  readonly bitFontSize: number;
  readonly segments: readonly BitSegment[];
  /** Thin lines between the bits of a box wider than one bit. */
  readonly separators: readonly { readonly x: number; readonly y1: number; readonly y2: number }[];
  /** 0 / 1 written in each RES0 / RES1 bit. */
  readonly digits: readonly { readonly x: number; readonly y: number; readonly text: string; readonly fill: string }[];
  readonly bitNumbers: readonly { readonly x: number; readonly y: number; readonly text: string }[];
  readonly labels: readonly BitLabel[];
  readonly leaders: readonly { readonly x: number; readonly y1: number; readonly y2: number }[];
  readonly legend: readonly { readonly x: number; readonly y: number; readonly fill: string; readonly textX: number; readonly textY: number; readonly text: string }[];
}

interface Owner {
  readonly kind: SegmentKind;
  readonly name: string;
  readonly title: string;
}

function ownerOf(format: Format, bit: number): Owner {
  const m = 1n << BigInt(bit);
  const field = format.fields.find((f) => (f.mask & m) !== 0n);
  if (field) {
    const bits = formatRange(field.range);
    const need = field.feature ? ` (${field.feature})` : "";
    return {
      kind: field.feature ? "feature-field" : "field",
      name: field.name,
      title: `${field.name} [${bits}]${need}${field.description ? `: ${field.description}` : ""}`,
    };
  }
  if ((format.res0.value & m) !== 0n) return { kind: "res0", name: "RES0", title: "RES0" };
  if ((format.res1.value & m) !== 0n) return { kind: "res1", name: "RES1", title: "RES1" };
  return { kind: "undescribed", name: "", title: "not described by the spec" };
}

/** Maximal runs of bits with the same owner, high to low, within [lo, hi]. */
function runs(format: Format, hi: number, lo: number): { owner: Owner; range: BitRange }[] {
  const out: { owner: Owner; range: BitRange }[] = [];
  for (let bit = hi; bit >= lo; bit--) {
    const owner = ownerOf(format, bit);
    const last = out[out.length - 1];
    if (last && last.owner.kind === owner.kind && last.owner.name === owner.name) last.range = { hi: last.range.hi, lo: bit };
    else out.push({ owner, range: { hi: bit, lo: bit } });
  }
  return out;
}

export function bitDiagram(title: string, width: number, format: Format): BitDiagram {
  const segments: BitSegment[] = [];
  const separators: { x: number; y1: number; y2: number }[] = [];
  const digits: { x: number; y: number; text: string; fill: string }[] = [];
  const bitNumbers: { x: number; y: number; text: string }[] = [];
  const labels: BitLabel[] = [];
  const leaders: { x: number; y1: number; y2: number }[] = [];
  const kinds = new Set<SegmentKind>();
  const labelW = (text: string) => estimateTextWidth(text, LABEL_FONT);

  let top = MARGIN;
  for (let rowHi = width - 1; rowHi >= 0; rowHi -= BITS_PER_ROW) {
    const rowLo = Math.max(0, rowHi - BITS_PER_ROW + 1);
    const xOf = (bit: number) => MARGIN + (rowHi - bit) * CELL_W;
    const pieces = runs(format, rowHi, rowLo).map(({ owner, range }) => {
      // A field that continues in the other row says which of its bits this piece is, as the Arm ARM writes it.
      const field = format.fields.find((f) => f.name === owner.name);
      const split = field !== undefined && (field.range.hi !== range.hi || field.range.lo !== range.lo);
      return { owner, range, text: split ? `${owner.name}[${formatRange(range)}]` : owner.name, x: xOf(range.hi), w: (range.hi - range.lo + 1) * CELL_W };
    });
    const isField = (k: SegmentKind) => k === "field" || k === "feature-field";
    const rotated = pieces.filter((p) => isField(p.owner.kind) && labelW(p.text) + 4 > p.w);
    const band = rotated.length === 0 ? 4 : Math.ceil(Math.max(...rotated.map((p) => labelW(p.text)))) + LEADER + 4;
    const cellY = top + band;
    for (const p of pieces) {
      kinds.add(p.owner.kind);
      segments.push({
        kind: p.owner.kind,
        name: p.owner.name,
        bits: formatRange(p.range),
        x: p.x,
        y: cellY,
        w: p.w,
        h: CELL_H,
        fill: BIT_FILLS[p.owner.kind],
        title: p.owner.title,
      });
      for (let b = p.range.hi - 1; b >= p.range.lo; b--) separators.push({ x: xOf(b), y1: cellY + (isField(p.owner.kind) ? CELL_H - 6 : 0), y2: cellY + CELL_H });
      if (p.owner.kind === "res0" || p.owner.kind === "res1") {
        for (let b = p.range.hi; b >= p.range.lo; b--) {
          digits.push({ x: xOf(b) + CELL_W / 2, y: cellY + CELL_H / 2, text: p.owner.kind === "res0" ? "0" : "1", fill: p.owner.kind === "res0" ? "#4b5563" : "#111827" });
        }
      }
      if (!isField(p.owner.kind)) continue;
      const tw = labelW(p.text);
      const cx = p.x + p.w / 2;
      if (!rotated.includes(p)) {
        const cy = cellY + CELL_H / 2;
        labels.push({ text: p.text, x: cx, y: cy, rotated: false, transform: "", box: { x0: cx - tw / 2, y0: cy - LABEL_FONT / 2, x1: cx + tw / 2, y1: cy + LABEL_FONT / 2 } });
      } else {
        const y = cellY - LEADER;
        labels.push({
          text: p.text,
          x: cx,
          y,
          rotated: true,
          transform: `rotate(-90 ${cx} ${y})`,
          box: { x0: cx - LABEL_FONT / 2, y0: y - tw, x1: cx + LABEL_FONT / 2, y1: y },
        });
        leaders.push({ x: cx, y1: y + 2, y2: cellY });
      }
    }
    for (let b = rowHi; b >= rowLo; b--) bitNumbers.push({ x: xOf(b) + CELL_W / 2, y: cellY + CELL_H + BIT_NUMBERS_H / 2 + 2, text: String(b) });
    top = cellY + CELL_H + BIT_NUMBERS_H + ROW_GAP;
  }

  // The legend names only what this diagram shows, in a fixed order.
  const legend: BitDiagram["legend"][number][] = [];
  let lx = MARGIN;
  const order: SegmentKind[] = ["field", "feature-field", "res0", "res1", "undescribed"];
  for (const k of order.filter((k) => kinds.has(k))) {
    legend.push({ x: lx, y: top, fill: BIT_FILLS[k], textX: lx + 22, textY: top + 8, text: LEGEND_TEXT[k] });
    lx += 22 + Math.ceil(estimateTextWidth(LEGEND_TEXT[k], LABEL_FONT)) + 24;
  }
  const diagramWidth = MARGIN * 2 + BITS_PER_ROW * CELL_W;
  return {
    width: diagramWidth,
    height: top + LEGEND_H,
    title,
    fontSize: LABEL_FONT,
    bitFontSize: BIT_FONT,
    segments,
    separators,
    digits,
    bitNumbers,
    labels,
    leaders,
    legend,
  };
}
