/**
 * The geometry of a layout's memory map: struct kvm_cpu_context drawn top to
 * bottom, one band per member (its height proportional to its size), padding
 * as its own band, the members of a nested struct (gp_regs' kvm_regs,
 * regs' user_pt_regs) in a second column beside their container, and a tick
 * at every 64-byte cache-line boundary with the offset written at every Nth,
 * N chosen so the written offsets do not collide. A band too short for its
 * name gets a callout to the right on a leader line; callouts are pushed
 * apart so none overlaps another (the tests check the boxes computed here).
 */
import type { CStruct, ResolvedLayout } from "../layout/types.js";
import { estimateTextWidth, num, type Box } from "./svg-text.js";

export const CACHE_LINE = 64;

const MARGIN = 12;
const FONT = 12;
const SMALL_FONT = 10;
const TOP = 44;
const AXIS_W = 64;
const BAR_X = MARGIN + AXIS_W + 14;
const BAR_W = 230;
const NEST_X = BAR_X + BAR_W;
const NEST_W = 170;
/** Leaders leave the bands here, then slant to their callout. */
const ELBOW_X = NEST_X + NEST_W + 14;
const CALLOUT_X = ELBOW_X + 36;
/** Callouts are this far apart, baseline to baseline. */
const CALLOUT_PITCH = 15;
/** A band this tall or more holds its own label. */
const INSIDE_MIN_H = 17;
const MAX_BAR_H = 1000;
const MAX_SCALE = 0.4;
const LEGEND_H = 48;

export type BandKind = "container" | "member" | "padding";

export const MAP_FILLS: Readonly<Record<BandKind, readonly [string, string]>> = {
  container: ["#dbeafe", "#bfdbfe"],
  member: ["#ecfdf5", "#d1fae5"],
  padding: ["#fee2e2", "#fee2e2"],
};

export interface MapBand {
  readonly kind: BandKind;
  /** Member name as C spells it (`gp_regs`, `gp_regs.sp_el1`), or `padding`. */
  readonly name: string;
  /** Bytes from the start of struct kvm_cpu_context. */
  readonly offset: number;
  readonly size: number;
  readonly type: string;
  /** 0: kvm_cpu_context's own (members and its padding); 1: inside a nested struct. */
  readonly depth: 0 | 1;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  readonly stroke: string;
  /** Padding is outlined dashed. */
  readonly dash: boolean;
  readonly title: string;
}

export interface MapText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
  readonly size: number;
  readonly bold: boolean;
  readonly box: Box;
}

export interface MemoryMap {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly fontSize: number;
  /** sizeof(struct kvm_cpu_context). */
  readonly size: number;
  readonly scale: number;
  readonly bands: readonly MapBand[];
  /** One per cache-line boundary inside the struct, offset a multiple of 64. */
  readonly ticks: readonly { readonly offset: number; readonly y: number; readonly x1: number; readonly x2: number; readonly labelled: boolean }[];
  /** Guides across the bands at the written ticks. */
  readonly guides: readonly { readonly y: number; readonly x1: number; readonly x2: number }[];
  readonly labels: readonly MapText[];
  readonly leaders: readonly { readonly points: string }[];
  readonly legend: readonly { readonly x: number; readonly y: number; readonly fill: string; readonly stroke: string; readonly dash: boolean; readonly textX: number; readonly textY: number; readonly text: string }[];
  readonly linesLabelledEvery: number;
}

function typeOf(f: CStruct["fields"][number]): string {
  return f.count === undefined ? f.cType : `${f.cType}[${f.countExpr ?? f.count}]`;
}

interface Piece {
  readonly depth: 0 | 1;
  readonly kind: BandKind;
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly type: string;
}

/** A struct's members and the holes gcc leaves between them and at the end, in offset order. */
function piecesOf(s: CStruct, base: number, prefix: string): Piece[] {
  const out: Piece[] = [];
  const depth = prefix ? 1 : 0;
  let at = 0;
  for (const f of s.fields) {
    if (f.offset > at) out.push({ depth, kind: "padding", name: "padding", offset: base + at, size: f.offset - at, type: "" });
    out.push({ depth, kind: prefix ? "member" : "container", name: prefix + f.name, offset: base + f.offset, size: f.size, type: typeOf(f) });
    at = Math.max(at, f.offset + f.size);
  }
  if (s.size > at) out.push({ depth, kind: "padding", name: "padding", offset: base + at, size: s.size - at, type: "" });
  return out;
}

const labelWidth = (text: string, size = FONT) => estimateTextWidth(text, size);

function textBox(text: string, x: number, y: number, anchor: MapText["anchor"], size: number): Box {
  const w = labelWidth(text, size);
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { x0, y0: y - size / 2, x1: x0 + w, y1: y + size / 2 };
}

function text(t: string, x: number, y: number, anchor: MapText["anchor"], size = FONT, bold = false): MapText {
  return { text: t, x: num(x), y: num(y), anchor, size, bold, box: textBox(t, x, y, anchor, size) };
}

/** Callout baselines as close to their bands as the pitch allows: the classic two-sweep label placement. */
export function spreadCallouts(wanted: readonly number[], top: number, bottom: number, pitch: number): number[] {
  const ys = [...wanted];
  for (let i = 0; i < ys.length; i++) ys[i] = Math.max(ys[i] ?? 0, i === 0 ? top : (ys[i - 1] ?? 0) + pitch);
  const floor = Math.max(bottom, top + (ys.length - 1) * pitch);
  for (let i = ys.length - 1; i >= 0; i--) ys[i] = Math.min(ys[i] ?? 0, i === ys.length - 1 ? floor : (ys[i + 1] ?? 0) - pitch);
  for (let i = 0; i < ys.length; i++) ys[i] = Math.max(ys[i] ?? 0, i === 0 ? top : (ys[i - 1] ?? 0) + pitch);
  return ys;
}

export function memoryMap(layout: ResolvedLayout): MemoryMap {
  const structs = new Map(layout.structs.map((s) => [s.name, s]));
  const ctx = structs.get("kvm_cpu_context");
  if (!ctx) throw new Error(`layout ${layout.name} has no struct kvm_cpu_context`);
  const scale = Math.min(MAX_SCALE, MAX_BAR_H / ctx.size);
  const yOf = (offset: number) => TOP + offset * scale;
  const barBottom = yOf(ctx.size);

  const bands: MapBand[] = [];
  const labels: MapText[] = [];
  const callouts: { text: string; wantY: number; fromX: number }[] = [];
  const parity = { container: 0, member: 0, padding: 0 };

  const place = (p: Piece, x: number, w: number) => {
    const y = yOf(p.offset);
    const h = p.size * scale;
    const fill = MAP_FILLS[p.kind][parity[p.kind]++ % 2] ?? "#ffffff";
    const title = p.kind === "padding" ? `padding: ${p.size} bytes at offset ${p.offset}` : `${p.name}: ${p.type}, ${p.size} bytes at offset ${p.offset}`;
    bands.push({
      kind: p.kind,
      name: p.name,
      offset: p.offset,
      size: p.size,
      type: p.type,
      depth: p.depth,
      x,
      y: num(y),
      w,
      h: num(h),
      fill,
      stroke: p.kind === "padding" ? "#b91c1c" : "#1e3a8a",
      dash: p.kind === "padding",
      title,
    });
    const short = p.kind === "padding" ? `padding ${p.size} B` : p.name.split(".").pop() ?? p.name;
    const sizeText = `${p.size} B`;
    const inside = p.kind === "padding" ? short : `${short}  ${sizeText}`;
    if (h >= INSIDE_MIN_H && labelWidth(inside) + 16 <= w) {
      labels.push(text(short, x + 8, y + h / 2, "start", FONT, p.kind === "container"));
      if (p.kind !== "padding") labels.push(text(sizeText, x + w - 8, y + h / 2, "end"));
    } else {
      const full = `${p.kind === "padding" ? "padding" : p.name}: ${p.size} B @ ${p.offset}`;
      callouts.push({ text: full, wantY: y + h / 2, fromX: x + w });
    }
  };

  // Byte ranges the nested column draws: a guide crosses it only there.
  const nestedRanges: { from: number; to: number }[] = [];
  for (const p of piecesOf(ctx, 0, "")) {
    place(p, BAR_X, BAR_W);
    const nested = p.kind === "container" ? /^struct (\w+)$/.exec(p.type)?.[1] : undefined;
    const inner = nested ? structs.get(nested) : undefined;
    if (!inner) continue;
    nestedRanges.push({ from: p.offset, to: p.offset + p.size });
    for (const m of piecesOf(inner, p.offset, `${p.name}.`)) place(m, NEST_X, NEST_W);
  }

  // Callouts in band order, spread so none overlaps the next.
  callouts.sort((a, b) => a.wantY - b.wantY || a.fromX - b.fromX);
  const ys = spreadCallouts(
    callouts.map((c) => c.wantY),
    TOP + FONT / 2,
    barBottom,
    CALLOUT_PITCH,
  );
  const leaders: { points: string }[] = [];
  callouts.forEach((c, i) => {
    const y = ys[i] ?? c.wantY;
    labels.push(text(c.text, CALLOUT_X, y, "start"));
    leaders.push({ points: [[c.fromX, c.wantY], [ELBOW_X, c.wantY], [CALLOUT_X - 4, y]].map(([x, yy]) => `${num(x ?? 0)},${num(yy ?? 0)}`).join(" ") });
  });

  // Cache lines: a tick at every boundary; the offset written every `every` lines, so written offsets stay >= 20 px apart.
  const every = [1, 2, 4, 8, 16, 32, 64, 128].find((n) => n * CACHE_LINE * scale >= 20) ?? 128;
  const ticks: MemoryMap["ticks"][number][] = [];
  const guides: MemoryMap["guides"][number][] = [];
  for (let line = 0; line * CACHE_LINE <= ctx.size; line++) {
    const offset = line * CACHE_LINE;
    const y = num(yOf(offset));
    const labelled = line % every === 0;
    ticks.push({ offset, y, x1: BAR_X - (labelled ? 12 : 6), x2: BAR_X, labelled });
    if (labelled) {
      labels.push(text(String(offset), BAR_X - 16, y, "end", SMALL_FONT));
      const crossesNested = nestedRanges.some((r) => offset > r.from && offset < r.to);
      if (offset > 0) guides.push({ y, x1: BAR_X, x2: crossesNested ? NEST_X + NEST_W : BAR_X + BAR_W });
    }
  }
  // The end of the struct, written unless a written tick sits too close to it.
  const lastWritten = Math.floor(ctx.size / (CACHE_LINE * every)) * CACHE_LINE * every;
  if ((ctx.size - lastWritten) * scale >= 14) labels.push(text(String(ctx.size), BAR_X - 16, barBottom, "end", SMALL_FONT, true));

  const calloutRight = Math.max(0, ...labels.map((l) => l.box.x1));
  const width = Math.ceil(Math.max(CALLOUT_X + 200, calloutRight + MARGIN));
  const contentBottom = Math.max(barBottom, ...labels.map((l) => l.box.y1));
  const legendY = Math.ceil(contentBottom + 20);
  // The legend names only what this map shows.
  const legendItems: { fill: string; stroke: string; dash: boolean; text: string }[] = [
    { fill: MAP_FILLS.container[0], stroke: "#1e3a8a", dash: false, text: "member of kvm_cpu_context" },
    ...(nestedRanges.length > 0 ? [{ fill: MAP_FILLS.member[0], stroke: "#1e3a8a", dash: false, text: "member of a nested struct" }] : []),
    ...(bands.some((b) => b.kind === "padding") ? [{ fill: MAP_FILLS.padding[0], stroke: "#b91c1c", dash: true, text: "padding" }] : []),
  ];
  const legend: MemoryMap["legend"][number][] = [];
  let lx = MARGIN;
  for (const item of legendItems) {
    legend.push({ ...item, x: lx, y: legendY, textX: lx + 22, textY: legendY + 7 });
    lx += 22 + Math.ceil(labelWidth(item.text)) + 24;
  }
  const tickNote = `ticks: 64-byte cache lines; offsets every ${every === 1 ? "line" : `${every} lines`}`;
  labels.push(text(tickNote, MARGIN, legendY + 30, "start", FONT));
  const heading = `struct kvm_cpu_context: ${ctx.size} bytes, ${Math.ceil(ctx.size / CACHE_LINE)} cache lines`;
  labels.push(text(heading, MARGIN, 20, "start", FONT, true));
  return {
    width: Math.max(width, Math.ceil(MARGIN + labelWidth(tickNote) + MARGIN), Math.ceil(lx)),
    height: legendY + LEGEND_H,
    title: `Memory map of struct kvm_cpu_context in layout ${layout.name}`,
    fontSize: FONT,
    size: ctx.size,
    scale,
    bands,
    ticks,
    guides,
    labels,
    leaders,
    legend,
    linesLabelledEvery: every,
  };
}
