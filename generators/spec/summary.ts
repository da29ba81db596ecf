/**
 * The summary `reglab validate` and `npm start` print: how many registers of
 * each class at each EL, and which architecture features they need.
 */
import type { RegisterModel } from "./model.js";

export interface SpecSummary {
  readonly registers: number;
  readonly aliases: number;
  /** rows[el][class] = count; classes: sysreg, special, core, alias. */
  readonly byElAndClass: readonly { el: number; counts: Readonly<Record<SummaryClass, number>> }[];
  /** Feature name -> registers and fields needing it, sorted by name. */
  readonly features: readonly { feature: string; registers: number; fields: number }[];
  readonly withVncr: number;
  readonly withCounterpart: number;
  readonly fieldsComplete: number;
}

export const SUMMARY_CLASSES = ["sysreg", "special", "core", "alias"] as const;
export type SummaryClass = (typeof SUMMARY_CLASSES)[number];

export function summarize(model: RegisterModel): SpecSummary {
  const rows = [0, 1, 2, 3].map((el) => ({
    el,
    counts: { sysreg: 0, special: 0, core: 0, alias: 0 } as Record<SummaryClass, number>,
  }));
  const features = new Map<string, { registers: number; fields: number }>();
  const feat = (name: string) => {
    let f = features.get(name);
    if (!f) features.set(name, (f = { registers: 0, fields: 0 }));
    return f;
  };
  for (const r of model.registers) {
    const row = rows[r.el];
    if (row) row.counts[r.cls]++;
    if (r.feature) feat(r.feature).registers++;
    for (const f of r.fields) if (f.feature) feat(f.feature).fields++;
  }
  for (const a of model.aliases) {
    const row = rows[a.el];
    if (row) row.counts.alias++;
    if (a.feature) feat(a.feature).registers++;
  }
  return {
    registers: model.registers.length,
    aliases: model.aliases.length,
    byElAndClass: rows.filter((r) => SUMMARY_CLASSES.some((c) => r.counts[c] > 0)),
    features: [...features.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([feature, n]) => ({ feature, ...n })),
    withVncr: model.registers.filter((r) => r.vncr !== undefined).length,
    withCounterpart: model.registers.filter((r) => r.counterpart !== undefined).length,
    fieldsComplete: model.registers.filter((r) => r.fieldsComplete).length,
  };
}

/** A fixed-width text table; numbers right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[], raw: readonly (string | number)[] | undefined) =>
    r
      .map((c, i) => (typeof raw?.[i] === "number" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(cells[0] ?? [], undefined), ...cells.slice(1).map((r, i) => line(r, rows[i]))].join("\n");
}

export function formatSummary(s: SpecSummary): string {
  const table = textTable(
    ["EL", ...SUMMARY_CLASSES, "total"],
    s.byElAndClass.map((r) => [
      `EL${r.el}`,
      ...SUMMARY_CLASSES.map((c) => r.counts[c]),
      SUMMARY_CLASSES.reduce((n, c) => n + r.counts[c], 0),
    ]),
  );
  const gating = s.features.filter((f) => f.registers > 0);
  const fieldOnly = s.features.filter((f) => f.registers === 0);
  const feats = textTable(
    ["feature", "registers", "fields"],
    gating.map((f) => [f.feature, f.registers, f.fields]),
  );
  const fieldOnlyText = wrap(`${fieldOnly.length} features gate fields only: ${fieldOnly.map((f) => f.feature).join(", ")}`, 100);
  return [
    `${s.registers} registers and ${s.aliases} aliases; ${s.fieldsComplete} with every bit described, ` +
      `${s.withCounterpart} with an EL1 counterpart, ${s.withVncr} at a VNCR offset`,
    "",
    table,
    "",
    feats,
    "",
    fieldOnlyText,
  ].join("\n");
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "  " + word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}
