/**
 * The geometry of a horizontal bar chart: one group of bars per layout (one
 * bar per series, e.g. per workload), the layout's name to the left, each
 * value written at the end of its bar, a scale with round steps underneath
 * that ends at a round bound just above the largest value (niceAxis).
 * Horizontal, because layout names are long and read best unrotated.
 */
import { estimateTextWidth, num, type Box } from "./svg-text.js";

const MARGIN = 12;
const FONT = 12;
const BAR_H = 18;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const PLOT_W = 440;
const VALUE_W = 120;

/** Okabe-Ito: distinguishable with every common colour-vision deficiency. */
export const SERIES_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"] as const;

export interface BarSeries {
  readonly name: string;
  /** One per category; null where the category has no value (drawn as a note, not as 0). */
  readonly values: readonly (number | null)[];
}

export interface BarChartInput {
  readonly id: string;
  readonly title: string;
  /** What a value counts, written after it: "bytes", "runs". */
  readonly unit: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Written where a value is null. */
  readonly missing: string;
  /**
   * Written once for a category whose every value is 0, instead of a "0"
   * per series beside bars of no width; "" writes the zeros.
   */
  readonly allZero: string;
}

export interface ChartText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
  readonly bold: boolean;
  readonly fill: string;
  readonly box: Box;
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly bars: readonly {
    readonly category: string;
    readonly series: string;
    readonly value: number;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
    readonly fill: string;
    readonly title: string;
  }[];
  /** The value axis: 0 to bound, a tick every step. */
  readonly axis: Axis;
  readonly grid: readonly { readonly x: number; readonly y1: number; readonly y2: number }[];
  readonly texts: readonly ChartText[];
  readonly legend: readonly { readonly x: number; readonly y: number; readonly fill: string }[];
}

/** The mantissas of a step a reader can add up in their head: 1, 2, 2.5 or 5 times a power of ten. */
export const NICE_MANTISSAS = [1, 2, 2.5, 5] as const;
/** Ticks on the value axis, 0 and the bound included. */
export const AXIS_TICKS = { min: 4, max: 6 } as const;

export interface Axis {
  /** Where the axis ends: the last tick. */
  readonly bound: number;
  readonly step: number;
}

/**
 * The value axis for values up to `max`: the smallest bound >= max that a
 * step of 1, 2, 2.5 or 5 times a power of ten divides into AXIS_TICKS ticks
 * (6064 -> 0, 2500, 5000, 7500; 87 -> 0, 20, ..., 100). `integral` (every
 * value a whole number) rules out fractional steps. Between two steps with
 * the same bound, the one not ending in 2.5 wins (10: by 2, not by 2.5).
 */
export function niceAxis(max: number, integral: boolean): Axis {
  const top = max > 0 ? max : 1;
  const minIntervals = AXIS_TICKS.min - 1;
  const maxIntervals = AXIS_TICKS.max - 1;
  let best: (Axis & { readonly quarter: boolean }) | null = null;
  // Steps from top / maxIntervals (the finest that can reach top) up to top / minIntervals and one decade over.
  const k0 = Math.floor(Math.log10(top / maxIntervals)) - 1;
  const k1 = Math.ceil(Math.log10(top / minIntervals)) + 1;
  for (let k = k0; k <= k1; k++) {
    for (const m of NICE_MANTISSAS) {
      // m / 10^-k, not m * 10^k, for k < 0: 0.1 * 3 is not 0.3, 3 / 10 is.
      const step = k >= 0 ? m * 10 ** k : m / 10 ** -k;
      if (integral && !Number.isInteger(step)) continue;
      const intervals = Math.max(minIntervals, Math.ceil(top / step - 1e-9));
      if (intervals > maxIntervals) continue;
      const bound = k >= 0 ? intervals * step : (intervals * m) / 10 ** -k;
      const quarter = m === 2.5;
      const eps = top * 1e-9;
      if (!best || bound < best.bound - eps || (Math.abs(bound - best.bound) <= eps && best.quarter && !quarter)) best = { bound, step, quarter };
    }
  }
  if (!best) throw new Error(`no nice axis for ${max}`);
  return { bound: best.bound, step: best.step };
}

/** Integers as they are, averages to two decimals at most. */
export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

function t(text: string, x: number, y: number, anchor: ChartText["anchor"], bold = false, fill = "#111827"): ChartText {
  const w = estimateTextWidth(text, FONT);
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { text, x: num(x), y: num(y), anchor, bold, fill, box: { x0, y0: y - FONT / 2, x1: x0 + w, y1: y + FONT / 2 } };
}

export function barChart(input: BarChartInput): BarChart {
  const labelW = Math.ceil(Math.max(...input.categories.map((c) => estimateTextWidth(c, FONT)), 40));
  const plotX = MARGIN + labelW + 12;
  const texts: ChartText[] = [t(input.title, MARGIN, 18, "start", true)];
  const legend: BarChart["legend"][number][] = [];
  let top = 34;
  if (input.series.length > 1) {
    let lx = MARGIN;
    let ly = top + 6;
    input.series.forEach((s, i) => {
      const w = 18 + Math.ceil(estimateTextWidth(s.name, FONT)) + 20;
      if (lx + w > plotX + PLOT_W + VALUE_W && lx > MARGIN) {
        lx = MARGIN;
        ly += 18;
      }
      legend.push({ x: lx, y: ly - 6, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? "#000000" });
      texts.push(t(s.name, lx + 18, ly, "start"));
      lx += w;
    });
    top = ly + 18;
  }
  const values = input.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const axis = niceAxis(Math.max(0, ...values), values.every((v) => Number.isInteger(v)));
  const xOf = (v: number) => plotX + (v / axis.bound) * PLOT_W;

  const bars: BarChart["bars"][number][] = [];
  const groupH = input.series.length * BAR_H + (input.series.length - 1) * BAR_GAP;
  let y = top;
  input.categories.forEach((category, ci) => {
    texts.push(t(category, plotX - 10, y + groupH / 2, "end"));
    // A layout with no value in any series gets one note, not one per series.
    if (input.series.every((s) => (s.values[ci] ?? null) === null)) {
      texts.push(t(input.missing, plotX + 6, y + groupH / 2, "start", false, "#4b5563"));
      y += groupH + GROUP_GAP;
      return;
    }
    // Nor does one whose every value is 0: no bars to draw, one note says so.
    if (input.allZero && input.series.every((s) => s.values[ci] === 0)) {
      texts.push(t(input.allZero, plotX + 6, y + groupH / 2, "start", false, "#4b5563"));
      y += groupH + GROUP_GAP;
      return;
    }
    input.series.forEach((s, si) => {
      const by = y + si * (BAR_H + BAR_GAP);
      const v = s.values[ci] ?? null;
      if (v === null) {
        texts.push(t(input.missing, plotX + 6, by + BAR_H / 2, "start", false, "#4b5563"));
        return;
      }
      const w = xOf(v) - plotX;
      const text = `${formatValue(v)} ${input.unit}`;
      bars.push({
        category,
        series: s.name,
        value: v,
        x: plotX,
        y: num(by),
        w: num(w),
        h: BAR_H,
        fill: SERIES_COLOURS[si % SERIES_COLOURS.length] ?? "#000000",
        title: `${category}${input.series.length > 1 ? `, ${s.name}` : ""}: ${text}`,
      });
      texts.push(t(text, plotX + w + 6, by + BAR_H / 2, "start"));
    });
    y += groupH + GROUP_GAP;
  });
  const plotBottom = y - GROUP_GAP + 6;
  const grid: BarChart["grid"][number][] = [];
  const intervals = Math.round(axis.bound / axis.step);
  for (let i = 0; i <= intervals; i++) {
    // The last tick is the bound itself, not a sum that drifted off it.
    const v = i === intervals ? axis.bound : i * axis.step;
    const x = num(xOf(v));
    grid.push({ x, y1: top - 4, y2: plotBottom });
    texts.push(t(formatValue(v), x, plotBottom + 14, "middle", false, "#4b5563"));
  }
  const right = Math.max(plotX + PLOT_W + VALUE_W, ...texts.map((x) => x.box.x1 + MARGIN));
  return {
    id: input.id,
    title: input.title,
    width: Math.ceil(right),
    height: Math.ceil(plotBottom + 30),
    fontSize: FONT,
    bars,
    axis,
    grid,
    texts,
    legend,
  };
}
