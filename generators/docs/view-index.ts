/**
 * The view of index.html: what reglab compares, the layouts in one table
 * with their verdicts under it, and the register index (every register and
 * alias, one row each, which the page's filter box narrows by name or title).
 */
import type { MetricsReport } from "../../emulator/metrics/report-schema.js";
import type { ResolvedLayout } from "../layout/types.js";
import type { RegisterModel } from "../spec/model.js";
import { docOrder, layoutHref, pageBase, registerHref, registerLink, type Link, type PageBase } from "./view-common.js";
import { metricsTable, verdictItems, type MetricsTable, type VerdictItem } from "./view-comparison.js";

export interface IndexRow {
  readonly name: string;
  readonly href: string;
  readonly title: string;
  readonly el: string;
  readonly cls: string;
  readonly feature: string;
  /** The EL1 counterpart, or for an alias the register it reaches. */
  readonly counterpart: Link;
  readonly counterpartNote: string;
}

/**
 * A column of the register index. The table has a fixed layout (filtering
 * rows out must not move the columns), so every column but the title's has
 * a width: room for its longest text, which the view knows.
 */
export interface IndexColumn {
  readonly label: string;
  /** A CSS width, "" for the column that takes the rest (the title). */
  readonly width: string;
}

export interface IndexView extends PageBase {
  readonly baseline: Link;
  readonly layouts: readonly { readonly link: Link; readonly title: string; readonly description: string; readonly el2: boolean }[];
  readonly table: MetricsTable;
  readonly verdicts: readonly VerdictItem[];
  readonly registers: number;
  readonly aliases: number;
  /** Rows in the register index: registers and aliases. */
  readonly total: number;
  readonly columns: readonly IndexColumn[];
  readonly rows: readonly IndexRow[];
}

export function indexRows(model: RegisterModel): IndexRow[] {
  const none = { text: "", href: "" };
  const rows: IndexRow[] = [
    ...model.registers.map((r) => ({
      name: r.name,
      href: registerHref(0, r.name),
      title: r.title,
      el: `EL${r.el}`,
      cls: r.cls,
      feature: r.feature ?? "",
      counterpart: r.counterpart ? registerLink(model, 0, r.counterpart) : none,
      counterpartNote: "",
    })),
    ...model.aliases.map((a) => ({
      name: a.name,
      href: registerHref(0, a.name),
      title: a.title,
      el: `EL${a.el}`,
      cls: "alias",
      feature: a.feature ?? "",
      counterpart: registerLink(model, 0, a.aliasOf),
      counterpartNote: "alias of ",
    })),
  ];
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Room for `texts` on one line, in the table's ch (the width of its "0",
 * wider than the average letter of its sans-serif face and than a character
 * of the smaller monospace the names are set in), plus the cell's padding.
 */
function columnWidth(texts: readonly string[]): string {
  const longest = Math.max(0, ...texts.map((t) => t.length));
  return `calc(${longest + 1}ch + 1.5rem)`;
}

export function indexColumns(rows: readonly IndexRow[]): IndexColumn[] {
  const col = (label: string, texts: readonly string[]) => ({ label, width: columnWidth([label, ...texts]) });
  return [
    col("Name", rows.map((r) => r.name)),
    { label: "Title", width: "" },
    col("EL", rows.map((r) => r.el)),
    col("Class", rows.map((r) => r.cls)),
    col("Feature", rows.map((r) => r.feature)),
    col("Counterpart", rows.map((r) => `${r.counterpartNote}${r.counterpart.text}`)),
  ];
}

export function indexView(model: RegisterModel, layouts: readonly ResolvedLayout[], report: MetricsReport): IndexView {
  const rows = indexRows(model);
  return {
    ...pageBase(0, "Where should a vCPU keep its virtual EL2 registers?", layouts),
    baseline: { text: report.baseline, href: layoutHref(0, report.baseline) },
    layouts: docOrder(layouts, report.baseline).map((l) => ({
      link: { text: l.name, href: layoutHref(0, l.name) },
      title: l.title,
      description: l.description,
      el2: l.el2,
    })),
    table: metricsTable(report, layouts, 0, false),
    verdicts: verdictItems(report, layouts, 0),
    registers: model.registers.length,
    aliases: model.aliases.length,
    total: model.registers.length + model.aliases.length,
    columns: indexColumns(rows),
    rows,
  };
}
