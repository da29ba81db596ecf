/**
 * What every page's view shares: the header line, the way back (nav), and
 * links. A link in a view is a relative path without its extension
 * ("../registers/SCTLR_EL2"): the HTML template appends .html, the Markdown
 * template .md, so one view feeds both twins and the Markdown site links to
 * Markdown. Paths are relative so the site opens from file:// with no server.
 */
import type { ResolvedLayout } from "../layout/types.js";
import type { RegisterModel } from "../spec/model.js";
import { GENERATED_BY } from "../emit/emitter.js";

/** Folder depth of a page: 0 for index/comparison, 1 for registers/ and layouts/. */
export type Depth = 0 | 1;

export interface Link {
  readonly text: string;
  readonly href: string;
}

export interface NavView {
  readonly home: string;
  readonly comparison: string;
  readonly style: string;
  readonly layouts: readonly Link[];
}

export interface PageBase {
  readonly generatedBy: string;
  /** The HTML <title> and the Markdown heading's context. */
  readonly pageTitle: string;
  readonly nav: NavView;
}

export function rootOf(depth: Depth): string {
  return depth === 0 ? "" : "../";
}

export function registerHref(depth: Depth, name: string): string {
  return `${rootOf(depth)}registers/${name}`;
}

export function layoutHref(depth: Depth, name: string): string {
  return `${rootOf(depth)}layouts/${name}`;
}

/** A register name as a link when the model has a page for it, else plain text (href ""). */
export function registerLink(model: RegisterModel, depth: Depth, name: string): Link {
  return { text: name, href: model.byName.has(name) ? registerHref(depth, name) : "" };
}

export function pageBase(depth: Depth, pageTitle: string, layouts: readonly ResolvedLayout[]): PageBase {
  return {
    generatedBy: GENERATED_BY,
    pageTitle,
    nav: {
      home: `${rootOf(depth)}index`,
      comparison: `${rootOf(depth)}comparison`,
      style: `${rootOf(depth)}style.css`,
      layouts: layouts.map((l) => ({ text: l.name, href: layoutHref(depth, l.name) })),
    },
  };
}

/** Layouts in the order the docs show them: the baseline first (every diff is against it), then by name. */
export function docOrder<T extends { readonly name: string }>(layouts: readonly T[], baseline: string): T[] {
  return [...layouts].sort((a, b) => (a.name === baseline ? -1 : b.name === baseline ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
