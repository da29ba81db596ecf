/**
 * The view of index.html: what reglab compares, the layouts in one table,
 * and the register index (every register and alias, one row each, which the
 * page's filter box narrows by name or title).
 */
import type { MetricsReport } from "../../emulator/metrics/report-schema.js";
import type { ResolvedLayout } from "../layout/types.js";
import type { RegisterModel } from "../spec/model.js";
import { docOrder, layoutHref, pageBase, registerHref, registerLink, type Link, type PageBase } from "./view-common.js";
import { metricsTable, type MetricsTable } from "./view-comparison.js";

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

export interface IndexView extends PageBase {
  readonly baseline: Link;
  readonly layouts: readonly { readonly link: Link; readonly title: string; readonly description: string; readonly el2: boolean }[];
  readonly table: MetricsTable;
  readonly registers: number;
  readonly aliases: number;
  /** Rows in the register index: registers and aliases. */
  readonly total: number;
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

export function indexView(model: RegisterModel, layouts: readonly ResolvedLayout[], report: MetricsReport): IndexView {
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
    registers: model.registers.length,
    aliases: model.aliases.length,
    total: model.registers.length + model.aliases.length,
    rows: indexRows(model),
  };
}
