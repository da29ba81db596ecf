/**
 * The handlebars environments the docs render through. Every page and every
 * SVG is a template in generators/docs/templates/ fed a view model computed
 * in TypeScript: the views decide what to show and where (geometry included),
 * the templates only loop, test and print. One environment per output kind,
 * because escaping differs: HTML and SVG escape every {{value}}; Markdown does
 * not (it has no entity syntax worth the noise) and escapes table cells with
 * the `cell` helper instead. Templates are read from the package's source
 * tree (dist/ holds no .hbs files), once per process, like the C emitters'.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../paths.js";

export const DOCS_TEMPLATES_DIR = "generators/docs/templates";

type Flavor = "html" | "svg" | "md" | "css";

/** A Markdown table cell: `|` would end the cell and a newline the row. */
export function markdownCell(value: unknown): string {
  return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function environment(flavor: Flavor): typeof Handlebars {
  const hb = Handlebars.create();
  if (flavor === "md") {
    hb.registerHelper("cell", (value: unknown) => markdownCell(value));
    // The metrics table and the verdicts under it, on index.md and comparison.md: {{> metrics}}.
    hb.registerPartial("metrics", readTemplate("metrics.md.hbs"));
  }
  if (flavor === "html") {
    // The page frame (head, nav, footer) every HTML page is rendered inside: {{#> shell}}...{{/shell}}.
    hb.registerPartial("shell", readTemplate("shell.html.hbs"));
    // The metrics table and the verdicts under it, on index.html and comparison.html: {{> metrics}}.
    hb.registerPartial("metrics", readTemplate("metrics.html.hbs"));
  }
  return hb;
}

function readTemplate(file: string): string {
  return readFileSync(join(packageRoot(), DOCS_TEMPLATES_DIR, file), "utf8");
}

const environments = new Map<Flavor, typeof Handlebars>();

function env(flavor: Flavor): typeof Handlebars {
  let hb = environments.get(flavor);
  if (!hb) {
    hb = environment(flavor);
    environments.set(flavor, hb);
  }
  return hb;
}

function flavorOf(file: string): Flavor {
  const m = /\.(html|svg|md|css)\.hbs$/.exec(file);
  if (!m?.[1]) throw new Error(`docs template ${file}: name must end in .html.hbs, .svg.hbs, .md.hbs or .css.hbs`);
  return m[1] as Flavor;
}

export type Render<V> = (view: V) => string;

/**
 * A template compiled on first use. `strict` makes a name missing from the
 * view an error instead of empty output; `knownHelpersOnly` rejects a helper
 * the environment does not register.
 */
export function template<V>(file: string): Render<V> {
  let compiled: Render<V> | undefined;
  return (view) => {
    if (!compiled) {
      const flavor = flavorOf(file);
      const t = env(flavor).compile<V>(readTemplate(file), {
        strict: true,
        knownHelpersOnly: true,
        knownHelpers: { cell: flavor === "md" },
        noEscape: flavor === "md" || flavor === "css",
      });
      compiled = (v) => tidy(t(v));
    }
    return compiled(view);
  };
}

/** LF line ends, no trailing blanks, no runs of blank lines, one newline at the end: stable under template edits. */
export function tidy(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\n*$/, "\n");
}

/** An SVG file's markup for inlining in a page: without its first-line header comment and the XML-only bits. */
export function inlineSvg(file: string): string {
  const lines = file.split("\n");
  if (!lines[0]?.startsWith("<!--")) throw new Error("an SVG file starts with its header comment");
  return lines.slice(1).join("\n").trimEnd();
}
