/**
 * The documentation site (generated/docs/): a pure function from the register
 * model, the resolved layouts and the metrics report to files, like every
 * emitter. Every page has an HTML file and a Markdown twin; every diagram is
 * an .svg file of its own, inlined in the HTML page (so its text is in the
 * DOM) and shown as an image by the Markdown page.
 */
import type { MetricsReport } from "../../emulator/metrics/report-schema.js";
import { GENERATED_BY } from "../emit/emitter.js";
import type { Placement, ResolvedLayout } from "../layout/types.js";
import type { Profile } from "../profile/model.js";
import type { Format, RegisterModel } from "../spec/model.js";
import { inlineSvg, template } from "./render.js";
import type { BarChart } from "./svg-bars.js";
import { bitDiagram, type BitDiagram } from "./svg-bits.js";
import { memoryMap, type MemoryMap } from "./svg-memory-map.js";
import { SVG_FONT } from "./svg-text.js";
import { chartGeometries, comparisonView, type ChartView, type ComparisonView } from "./view-comparison.js";
import { docOrder } from "./view-common.js";
import { indexView, type IndexView } from "./view-index.js";
import { layoutView, type LayoutView } from "./view-layout.js";
import { aliasView, registerView, type AliasView, type DiagramView, type RegisterDiagrams, type RegisterView } from "./view-register.js";

export interface DocsInput {
  readonly model: RegisterModel;
  readonly layouts: readonly ResolvedLayout[];
  /** The CPU profiles of the specs: the comparison page's "CPU profiles" section, one row each. */
  readonly profiles: readonly Profile[];
  readonly metrics: MetricsReport;
}

/** What an SVG template sees: the geometry, plus the header and the font every SVG uses. */
type SvgView<G> = G & { readonly generatedBy: string; readonly font: string };

const svgView = <G extends object>(g: G): SvgView<G> => ({ ...g, generatedBy: GENERATED_BY, font: SVG_FONT });

const bitsSvg = template<SvgView<BitDiagram>>("bits.svg.hbs");
const mapSvg = template<SvgView<MemoryMap>>("memory-map.svg.hbs");
const barsSvg = template<SvgView<BarChart>>("bars.svg.hbs");
const indexHtml = template<IndexView>("index.html.hbs");
const indexMd = template<IndexView>("index.md.hbs");
const registerHtml = template<RegisterView>("register.html.hbs");
const registerMd = template<RegisterView>("register.md.hbs");
const aliasHtml = template<AliasView>("alias.html.hbs");
const aliasMd = template<AliasView>("alias.md.hbs");
const layoutHtml = template<LayoutView>("layout.html.hbs");
const layoutMd = template<LayoutView>("layout.md.hbs");
const comparisonHtml = template<ComparisonView>("comparison.html.hbs");
const comparisonMd = template<ComparisonView>("comparison.md.hbs");
const styleCss = template<{ generatedBy: string }>("style.css.hbs");

/** The bit diagram of one format, as its .svg file (`registers/<file>`) and as the page sees it. */
function diagramOf(files: Map<string, string>, file: string, title: string, width: number, format: Format): DiagramView {
  const svg = bitsSvg(svgView(bitDiagram(title, width, format)));
  files.set(`registers/${file}`, svg);
  return { svg: inlineSvg(svg), file, alt: title };
}

export function renderDocs(input: DocsInput): Map<string, string> {
  const { model, metrics } = input;
  // Every list the site shows in a fixed order, whatever order the caller passed.
  const layouts = docOrder(input.layouts, metrics.baseline);
  const files = new Map<string, string>();
  const placements = new Map<string, ReadonlyMap<string, Placement>>(layouts.map((l) => [l.name, new Map(l.registers.map((p) => [p.name, p]))]));

  files.set("style.css", styleCss({ generatedBy: GENERATED_BY }));
  const index = indexView(model, layouts, metrics);
  files.set("index.html", indexHtml(index));
  files.set("index.md", indexMd(index));

  // An alias's page shows its register's diagrams: the same .svg files, not copies.
  const diagrams = new Map<string, RegisterDiagrams>();
  for (const reg of model.registers) {
    const diagram = diagramOf(files, `${reg.name}.svg`, `${reg.name} bit layout`, reg.width, reg);
    const e2h1Diagram = reg.formatE2H1 ? diagramOf(files, `${reg.name}-e2h1.svg`, `${reg.name} bit layout with HCR_EL2.E2H = 1`, reg.width, reg.formatE2H1) : null;
    diagrams.set(reg.name, { format: diagram, e2h1: e2h1Diagram });
    const view = registerView({ reg, model, layouts, placements, diagram, e2h1Diagram });
    files.set(`registers/${reg.name}.html`, registerHtml(view));
    files.set(`registers/${reg.name}.md`, registerMd(view));
  }
  for (const alias of model.aliases) {
    const view = aliasView(alias, model, layouts, diagrams.get(alias.aliasOf));
    files.set(`registers/${alias.name}.html`, aliasHtml(view));
    files.set(`registers/${alias.name}.md`, aliasMd(view));
  }

  for (const layout of layouts) {
    const svg = mapSvg(svgView(memoryMap(layout)));
    files.set(`layouts/${layout.name}.svg`, svg);
    const view = layoutView({ layout, layouts, model, metrics, map: { svg: inlineSvg(svg), file: `${layout.name}.svg`, alt: `Memory map of struct kvm_cpu_context in ${layout.name}` } });
    files.set(`layouts/${layout.name}.html`, layoutHtml(view));
    files.set(`layouts/${layout.name}.md`, layoutMd(view));
  }

  const charts: ChartView[] = chartGeometries(metrics, layouts).map((g) => {
    const svg = barsSvg(svgView(g));
    const file = `comparison/${g.id}.svg`;
    files.set(file, svg);
    return { id: `chart-${g.id}`, title: g.title, svg: inlineSvg(svg), file, alt: g.title };
  });
  const comparison = comparisonView(metrics, layouts, charts, input.profiles);
  files.set("comparison.html", comparisonHtml(comparison));
  files.set("comparison.md", comparisonMd(comparison));

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
