/**
 * Text measurement for SVG geometry computed without a browser. Every SVG
 * the docs draw sets its labels in a monospace font, whose advance is close
 * to 0.6 em in every common face (DejaVu Sans Mono 0.602, Menlo 0.602,
 * Consolas 0.55); 0.62 em errs on the wide side so a label judged to fit does.
 */

/** The font stack of every SVG: local faces only, nothing fetched. */
export const SVG_FONT = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

const EM_ADVANCE = 0.62;

export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * EM_ADVANCE;
}

/** An axis-aligned box, x0 < x1 and y0 < y1. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Numbers in SVG attributes: at most two decimals, no trailing zeros, so output is stable. */
export function num(n: number): number {
  return Math.round(n * 100) / 100;
}
