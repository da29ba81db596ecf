/**
 * The documentation site (generated/docs/), checked in node: every page
 * exists in both forms, every link resolves, every file carries the header,
 * output is deterministic, the diagrams say what the specs and the manifest
 * say (RES0/RES1 shading, member offsets, cache-line ticks) and their labels
 * never collide; `reglab docs` writes like `generate` does. What a browser
 * shows is test/docs-browser.test.ts's job.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docsHosts, metricsOfSpecs } from "../emulator/metrics/compute.js";
import type { MetricsReport } from "../emulator/metrics/report-schema.js";
import { markdownCell } from "../generators/docs/render.js";
import { renderDocs } from "../generators/docs/site.js";
import { AXIS_TICKS, barChart, niceAxis, NICE_MANTISSAS } from "../generators/docs/svg-bars.js";
import { bitDiagram } from "../generators/docs/svg-bits.js";
import { CACHE_LINE, memoryMap, spreadCallouts } from "../generators/docs/svg-memory-map.js";
import { boxesOverlap, estimateTextWidth, type Box } from "../generators/docs/svg-text.js";
import { chartGeometries, orderedMetrics } from "../generators/docs/view-comparison.js";
import { GENERATED_BY } from "../generators/emit/emitter.js";
import { loadSpecs } from "../generators/pipeline.js";
import { maskToRanges, parseBits, rangeMask } from "../generators/spec/bits.js";
import type { Format } from "../generators/spec/model.js";
import { reglab, ROOT, SPECS } from "./helpers.js";
import { LINUX_MASKS } from "./reference/linux-res-masks.js";

const { model, layouts, profiles, diagnostics } = loadSpecs(SPECS);
// What generate and docs render: every bundled profile measured as a host (the default ones first).
const computed = metricsOfSpecs(model, layouts, SPECS, docsHosts(profiles));
if (diagnostics.length > 0 || !computed.report) throw new Error("the bundled specs and workloads must load cleanly");
const metrics: MetricsReport = computed.report;
const site = renderDocs({ model, layouts, profiles, metrics });

const tmp = mkdtempSync(join(tmpdir(), "reglab-docs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function page(path: string): string {
  const text = site.get(path);
  if (text === undefined) throw new Error(`the site has no ${path}`);
  return text;
}

/** Attributes of every element `tag` carrying `marker` in an SVG/HTML text, as records. */
function elements(text: string, tag: string, marker: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of text.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))) {
    const attrs = m[1] ?? "";
    if (!attrs.includes(marker)) continue;
    out.push(Object.fromEntries([...attrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1] ?? "", a[2] ?? ""])));
  }
  return out;
}

function maskOfBits(list: readonly string[]): bigint {
  let m = 0n;
  for (const b of list) {
    const r = parseBits(b);
    if (!r) throw new Error(`bad data-bits ${b}`);
    expect(m & rangeMask(r), `data-bits ${b} shaded twice`).toBe(0n);
    m |= rangeMask(r);
  }
  return m;
}

const entries = [...model.registers, ...model.aliases];

describe("the docs site: pages", () => {
  it("has an HTML page and a Markdown twin for every register, every alias and every layout, and the index, comparison and style", () => {
    const expected = [
      "index.html",
      "index.md",
      "comparison.html",
      "comparison.md",
      "style.css",
      ...entries.flatMap((r) => [`registers/${r.name}.html`, `registers/${r.name}.md`]),
      ...model.registers.map((r) => `registers/${r.name}.svg`),
      ...model.registers.filter((r) => r.formatE2H1).map((r) => `registers/${r.name}-e2h1.svg`),
      ...layouts.flatMap((l) => [`layouts/${l.name}.html`, `layouts/${l.name}.md`, `layouts/${l.name}.svg`]),
    ];
    const missing = expected.filter((p) => !site.has(p));
    expect(missing).toEqual([]);
    // Nothing unexpected but the charts.
    const extra = [...site.keys()].filter((p) => !expected.includes(p));
    expect(extra.every((p) => /^comparison\/[a-z-]+\.svg$/.test(p)), extra.join(", ")).toBe(true);
    expect(extra.length).toBeGreaterThanOrEqual(7);
  });

  it("every file carries reglab's header where generate looks (first 3 lines), in the file's own comment syntax", () => {
    for (const [path, text] of site) {
      const lines = text.split("\n");
      if (path.endsWith(".html")) {
        expect(lines[0], path).toBe("<!DOCTYPE html>");
        expect(lines[1], path).toBe(`<!-- ${GENERATED_BY} -->`);
      } else if (path.endsWith(".css")) expect(lines[0], path).toBe(`/* ${GENERATED_BY} */`);
      else expect(lines[0], path).toBe(`<!-- ${GENERATED_BY} -->`);
      expect(text.endsWith("\n") && !text.includes("\r"), `${path}: LF line ends`).toBe(true);
    }
  });

  it("every inline SVG is the .svg file's markup without its header comment", () => {
    const html = page("registers/SCTLR_EL2.html");
    const svg = page("registers/SCTLR_EL2.svg");
    expect(html).toContain(svg.split("\n").slice(1).join("\n").trimEnd());
    expect(html.match(/<!-- generated by reglab/g)?.length).toBe(1);
    for (const l of layouts) expect(page(`layouts/${l.name}.html`)).toContain(page(`layouts/${l.name}.svg`).split("\n")[1] ?? "\0");
  });

  it("an alias's page shows the bit diagram of the register it reaches: the register's SVG inlined in the HTML, its .svg file in the Markdown", () => {
    expect(model.aliases.length).toBeGreaterThan(0);
    for (const a of model.aliases) {
      const target = model.registers.find((r) => r.name === a.aliasOf);
      expect(target, `${a.name} aliases a register`).toBeDefined();
      const html = page(`registers/${a.name}.html`);
      const svg = page(`registers/${a.aliasOf}.svg`);
      // The whole diagram, once, after the sentence naming whose bits they are, and only one header comment (the page's).
      const markup = svg.split("\n").slice(1).join("\n").trimEnd();
      expect(html.split(markup).length - 1, a.name).toBe(1);
      expect(html.match(/<!-- generated by reglab/g)?.length, a.name).toBe(1);
      expect(html.match(/<svg\b/g)?.length, a.name).toBe(target?.formatE2H1 ? 2 : 1);
      const sentence = html.indexOf(`<code>${a.name}</code> reaches the bits of <a href="../registers/${a.aliasOf}.html"><code>${a.aliasOf}</code></a>`);
      expect(sentence, a.name).toBeGreaterThan(0);
      expect(html.indexOf(markup), a.name).toBeGreaterThan(sentence);
      expect(html, a.name).toContain(`<title>${a.aliasOf} bit layout</title>`);
      const md = page(`registers/${a.name}.md`);
      expect(md, a.name).toContain(`![${a.aliasOf} bit layout](${a.aliasOf}.svg)`);
      expect(md, a.name).toContain(`reaches the bits of [\`${a.aliasOf}\`](../registers/${a.aliasOf}.md)`);
    }
    // No copy of a register's diagram: an alias has no .svg of its own.
    for (const a of model.aliases) expect(site.has(`registers/${a.name}.svg`), a.name).toBe(false);
  });

  it("renders the same bytes twice, whatever order the layouts come in", () => {
    const again = renderDocs({ model, layouts: [...layouts].reverse(), profiles: [...profiles].reverse(), metrics });
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, text] of site) expect(again.get(path), path).toBe(text);
    expect([...site.keys()]).toEqual([...site.keys()].sort());
  });

  it("every internal link and image, in HTML and Markdown, resolves to a file of the site (and an HTML fragment to an id)", () => {
    const problems: string[] = [];
    const ids = (text: string) => new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    let links = 0;
    for (const [path, text] of site) {
      const refs = path.endsWith(".html")
        ? [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? "")
        : path.endsWith(".md")
          ? [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1] ?? "")
          : [];
      for (const ref of refs) {
        if (ref.startsWith("data:")) continue;
        links++;
        if (ref === "" || /^[a-z]+:/i.test(ref) || ref.startsWith("/")) {
          problems.push(`${path}: ${ref} is not a relative link`);
          continue;
        }
        const [file = "", fragment] = ref.split("#");
        const target = file === "" ? path : posix.normalize(posix.join(posix.dirname(path), file));
        if (!site.has(target)) problems.push(`${path}: ${ref} -> ${target}, which the site does not have`);
        else if (fragment && target.endsWith(".html") && !ids(site.get(target) ?? "").has(fragment)) problems.push(`${path}: ${ref}: no id ${fragment}`);
        if (path.endsWith(".md") && target.endsWith(".html")) problems.push(`${path}: the Markdown twin links to HTML (${ref})`);
      }
    }
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(5000);
  });

  it("every HTML page has a <nav> that links back to index.html, and loads only style.css besides itself", () => {
    for (const [path, text] of site) {
      if (!path.endsWith(".html")) continue;
      const nav = /<nav>([\s\S]*?)<\/nav>/.exec(text)?.[1] ?? "";
      const home = path.includes("/") ? "../index.html" : "index.html";
      expect(nav, path).toContain(`href="${home}"`);
      const assets = [...text.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
      expect(assets.filter((a) => a !== "data:,"), path).toEqual([path.includes("/") ? "../style.css" : "style.css"]);
    }
  });

  it("every Markdown table row has as many cells as its header: `|` in a cell is escaped", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
    const cells = (row: string) => row.replace(/\\\|/g, "").split("|").length;
    for (const [path, text] of site) {
      if (!path.endsWith(".md")) continue;
      const lines = text.split("\n");
      lines.forEach((line, i) => {
        if (!/^\|[-:| ]+\|$/.test(line) || !line.includes("---")) return;
        const header = lines[i - 1] ?? "";
        for (let j = i + 1; j < lines.length && (lines[j] ?? "").startsWith("|"); j++) {
          expect(cells(lines[j] ?? ""), `${path}:${j + 1}`).toBe(cells(header));
        }
      });
    }
  });
});

describe("the docs site: index.html", () => {
  const index = page("index.html");

  it("has one row per register and alias in #register-index, each linking to its page", () => {
    const table = /<table id="register-index">([\s\S]*?)<\/table>/.exec(index)?.[1] ?? "";
    const rows = [...table.matchAll(/<tr data-name="([^"]+)"[^>]*><td><a href="([^"]+)">/g)];
    expect(rows.map((r) => r[1])).toEqual(entries.map((r) => r.name).sort());
    for (const r of rows) expect(r[2]).toBe(`registers/${r[1] ?? ""}.html`);
    expect(index.match(/data-name=/g)?.length).toBe(entries.length);
  });

  it("has the filter box, a count of the rows shown, and a filter script that parses", () => {
    expect(index).toMatch(/<input id="register-filter" type="search"/);
    expect(index).toContain(`<span id="register-count">${entries.length}</span>`);
    const scripts = [...index.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    expect(() => new Function(scripts[0] ?? "")).not.toThrow();
    expect(scripts[0]).toContain("toLowerCase");
  });

  it("says near the top, before the layouts, how many registers and aliases the register index has, and links to it", () => {
    const layoutsAt = index.indexOf('<h2 id="layouts">');
    const jump = /<p class="jump">([\s\S]*?)<\/p>/.exec(index);
    expect(jump, "the jump line").not.toBeNull();
    expect(jump?.index ?? Infinity).toBeLessThan(layoutsAt);
    const text = jump?.[1] ?? "";
    expect(text).toContain('<a href="#register-index">');
    expect(text).toContain(`${model.registers.length} registers and ${model.aliases.length} aliases`);
    expect(index).toContain('<table id="register-index">');
    expect(index).toContain('<a href="index.html#register-index">Registers</a>');
    const md = page("index.md");
    expect(md.indexOf("[register index](#registers)")).toBeGreaterThan(0);
    expect(md.indexOf("[register index](#registers)")).toBeLessThan(md.indexOf("## The layouts"));
    expect(md).toContain(`${model.registers.length} registers and ${model.aliases.length} aliases`);
    expect(md).toContain("\n## Registers\n");
  });

  it("gives every column of the register index but the title's a width that holds its longest entry", () => {
    const table = /<table id="register-index">([\s\S]*?)<\/table>/.exec(index)?.[1] ?? "";
    const cols = [...(/<colgroup>([\s\S]*?)<\/colgroup>/.exec(table)?.[1] ?? "").matchAll(/<col(?: style="width: calc\((\d+)ch \+ [\d.]+rem\)")?>/g)];
    const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(["Name", "Title", "EL", "Class", "Feature", "Counterpart"]);
    expect(cols).toHaveLength(heads.length);
    const widths = cols.map((c) => (c[1] === undefined ? null : Number(c[1])));
    expect(widths[1], "the title takes the rest").toBeNull();
    const longest = (xs: string[]) => Math.max(...xs.map((x) => x.length));
    expect(widths[0]).toBeGreaterThanOrEqual(longest(entries.map((e) => e.name)));
    expect(widths[4]).toBeGreaterThanOrEqual(longest(entries.map((e) => e.feature ?? "")));
    expect(widths[5]).toBeGreaterThanOrEqual(longest(model.aliases.map((a) => `alias of ${a.aliasOf}`)));
  });

  it("links every layout page and the comparison page, and shows every layout's numbers in the table", () => {
    for (const l of layouts) expect(index).toContain(`href="layouts/${l.name}.html"`);
    expect(index).toContain('href="comparison.html"');
    for (const m of metrics.layouts) {
      expect(index).toContain(`>${m.state.bytes}</td>`);
      expect(index).toContain(m.abi.ioctls.KVM_GET_REGS);
    }
  });
});

describe("the docs site: bit diagrams", () => {
  const formats: { name: string; file: string; width: number; format: Format }[] = model.registers.flatMap((r) => [
    { name: r.name, file: `registers/${r.name}.svg`, width: r.width, format: r },
    ...(r.formatE2H1 ? [{ name: `${r.name} (E2H=1)`, file: `registers/${r.name}-e2h1.svg`, width: r.width, format: r.formatE2H1 }] : []),
  ]);

  it("shades exactly the spec's RES0 and RES1 bits, and draws every field at its bits", () => {
    for (const f of formats) {
      const rects = elements(page(f.file), "rect", "data-kind=");
      const of = (kind: string) => rects.filter((r) => r["data-kind"] === kind).map((r) => r["data-bits"] ?? "");
      expect(maskOfBits(of("res0")), `${f.name} RES0`).toBe(f.format.res0.value);
      expect(maskOfBits(of("res1")), `${f.name} RES1`).toBe(f.format.res1.value);
      for (const field of f.format.fields) {
        const drawn = rects.filter((r) => r["data-name"] === field.name && r["data-kind"]?.endsWith("field")).map((r) => r["data-bits"] ?? "");
        expect(maskOfBits(drawn), `${f.name}.${field.name}`).toBe(field.mask);
      }
      // Every bit of the register is in exactly one box.
      expect(maskOfBits(rects.map((r) => r["data-bits"] ?? "")), f.name).toBe((1n << BigInt(f.width)) - 1n);
    }
  });

  it("SCTLR_EL2's RES1 shading is the Arm ARM's (bits 29:28, 23, 18, 16, 5:4): Linux's SCTLR_EL2_RES1 minus the FEAT_ExS fields EOS (11) and EIS (22)", () => {
    // Linux v4.12 arch/arm64/include/asm/sysreg.h: SCTLR_EL2_RES1 = BIT(4)|BIT(5)|BIT(11)|BIT(16)|BIT(18)|BIT(22)|BIT(23)|BIT(28)|BIT(29);
    // the Arm ARM (DDI 0487, SCTLR_EL2, E2H/TGE != 1/1) has since made bits 11 and 22 the fields EOS and EIS, RES1 only without FEAT_ExS.
    const linux = LINUX_MASKS.find((m) => m.register === "SCTLR_EL2" && m.name === "SCTLR_EL2_RES1" && m.source === "S1");
    expect(linux?.value).toBe(0x30c50830n);
    const shaded = maskOfBits(elements(page("registers/SCTLR_EL2.svg"), "rect", 'data-kind="res1"').map((r) => r["data-bits"] ?? ""));
    expect(maskToRanges(shaded).map((r) => (r.hi === r.lo ? `${r.hi}` : `${r.hi}:${r.lo}`))).toEqual(["29:28", "23", "18", "16", "5:4"]);
    expect(shaded | (1n << 11n) | (1n << 22n)).toBe(linux?.value);
    const fields = elements(page("registers/SCTLR_EL2.svg"), "rect", 'data-kind="feature-field"');
    expect(fields.filter((r) => r["data-bits"] === "11" || r["data-bits"] === "22").map((r) => r["data-name"]).sort()).toEqual(["EIS", "EOS"]);
  });

  it("writes every field's name, and no label overlaps another label, a bit number or a 0/1, or leaves the picture", () => {
    const problems: string[] = [];
    for (const f of formats) {
      const d = bitDiagram(f.name, f.width, f.format);
      expect(d.labels.map((l) => l.text).sort(), f.name).toEqual(
        // A field split across the two rows is named in both, with the bits of each piece.
        f.format.fields.flatMap((x) => (x.range.hi >= 32 && x.range.lo < 32 ? [`${x.name}[${x.range.hi === 32 ? "32" : `${x.range.hi}:32`}]`, `${x.name}[${x.range.lo === 31 ? "31" : `31:${x.range.lo}`}]`] : [x.name])).sort(),
      );
      const small = (x: number, y: number, text: string): Box => {
        const w = estimateTextWidth(text, d.bitFontSize);
        return { x0: x - w / 2, y0: y - d.bitFontSize / 2, x1: x + w / 2, y1: y + d.bitFontSize / 2 };
      };
      const others = [...d.bitNumbers, ...d.digits].map((t) => ({ text: t.text, box: small(t.x, t.y, t.text) }));
      d.labels.forEach((a, i) => {
        const b = a.box;
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > d.width || b.y1 > d.height) problems.push(`${f.name}: ${a.text} leaves the ${d.width}x${d.height} picture`);
        for (const o of d.labels.slice(i + 1)) if (boxesOverlap(b, o.box)) problems.push(`${f.name}: ${a.text} overlaps ${o.text}`);
        for (const o of others) if (boxesOverlap(b, o.box)) problems.push(`${f.name}: ${a.text} overlaps ${o.text}`);
        // A label inside its box fits the box; a rotated one stands over it.
        const seg = d.segments.find((s) => a.text.startsWith(s.name) && a.x >= s.x && a.x <= s.x + s.w);
        if (!seg) problems.push(`${f.name}: ${a.text} is not over its field`);
        else if (!a.rotated && (b.x0 < seg.x || b.x1 > seg.x + seg.w)) problems.push(`${f.name}: ${a.text} is wider than its box`);
        else if (a.rotated && b.y1 > seg.y) problems.push(`${f.name}: rotated ${a.text} reaches into the row`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("rotates a name too wide for its box instead of squeezing it in", () => {
    const d = bitDiagram("HCR_EL2", 64, model.registers.find((r) => r.name === "HCR_EL2") ?? model.registers[0]!);
    const label = (t: string) => d.labels.find((l) => l.text === t);
    // One bit is 28 px: three 12 px monospace characters (about 22 px) fit in it, four do not.
    expect(label("TGE")?.rotated).toBe(false);
    expect(label("TRVM")?.rotated).toBe(true);
    expect(label("TWEDEL")?.rotated).toBe(false); // 4 bits, 112 px
  });
});

describe("the docs site: memory maps", () => {
  it("draws kvm_cpu_context's members at the offsets and sizes of the manifest gcc checks (generated/<layout>/layout.json)", () => {
    for (const l of layouts) {
      const manifest = JSON.parse(readFileSync(join(ROOT, "generated", l.name, "layout.json"), "utf8")) as {
        structs: { name: string; size: number; fields: { name: string; offset: number; size: number }[] }[];
      };
      const ctx = manifest.structs.find((s) => s.name === "kvm_cpu_context");
      expect(ctx, l.name).toBeDefined();
      const svg = page(`layouts/${l.name}.svg`);
      const bands = elements(svg, "rect", 'class="band"');
      const containers = bands.filter((b) => b["data-kind"] === "container").map((b) => ({ name: b["data-name"], offset: Number(b["data-offset"]), size: Number(b["data-size"]) }));
      expect(containers, l.name).toEqual(ctx?.fields.map((f) => ({ name: f.name, offset: f.offset, size: f.size })));
      expect(svg).toContain(`data-size="${ctx?.size ?? -1}"`);
      // Members, nested members and padding tile the struct with no gap and no overlap.
      const top = bands.filter((b) => b["data-depth"] === "0").sort((a, b) => Number(a["data-offset"]) - Number(b["data-offset"]));
      let at = 0;
      for (const b of top) {
        expect(Number(b["data-offset"]), `${l.name} ${b["data-name"] ?? ""}`).toBe(at);
        at += Number(b["data-size"]);
      }
      expect(at).toBe(ctx?.size);
      // A nested struct's members at the container's offset plus theirs, as the manifest has them.
      for (const c of ctx?.fields ?? []) {
        const inner = manifest.structs.find((s) => `struct ${s.name}` === l.structs.find((x) => x.name === "kvm_cpu_context")?.fields.find((f) => f.name === c.name)?.cType);
        if (!inner) continue;
        const members = bands.filter((b) => b["data-kind"] === "member" && b["data-name"]?.startsWith(`${c.name}.`));
        expect(members.map((b) => [b["data-name"], Number(b["data-offset"])]), `${l.name} ${c.name}`).toEqual(inner.fields.map((f) => [`${c.name}.${f.name}`, c.offset + f.offset]));
      }
    }
  });

  it("ticks every 64-byte cache line from 0 up to sizeof(struct kvm_cpu_context), and nowhere else", () => {
    for (const l of layouts) {
      const size = l.structs.find((s) => s.name === "kvm_cpu_context")?.size ?? 0;
      const ticks = elements(page(`layouts/${l.name}.svg`), "line", 'class="cache-line"').map((t) => Number(t["data-offset"]));
      const expected = Array.from({ length: Math.floor(size / CACHE_LINE) + 1 }, (_, i) => i * CACHE_LINE);
      expect(ticks, l.name).toEqual(expected);
    }
  });

  it("no label overlaps another or leaves the picture, and callouts keep their pitch", () => {
    const problems: string[] = [];
    for (const l of layouts) {
      const m = memoryMap(l);
      m.labels.forEach((a, i) => {
        if (a.box.x0 < 0 || a.box.y0 < 0 || a.box.x1 > m.width || a.box.y1 > m.height) problems.push(`${l.name}: ${a.text} leaves the picture`);
        for (const b of m.labels.slice(i + 1)) if (boxesOverlap(a.box, b.box)) problems.push(`${l.name}: ${a.text} overlaps ${b.text}`);
      });
    }
    expect(problems).toEqual([]);
    // Crowded callouts are pushed apart, and pulled back up when they would run past the bottom.
    expect(spreadCallouts([10, 10, 10], 0, 100, 15)).toEqual([10, 25, 40]);
    expect(spreadCallouts([95, 95], 0, 100, 15)).toEqual([85, 100]);
  });
});

describe("the docs site: the metrics tables and their verdicts", () => {
  const ordered = orderedMetrics(metrics, layouts);
  const ranked = metrics.layouts.filter((m) => m.rank !== null).length;
  const rankText = (rank: number | null) => (rank === null ? "not ranked (no EL2 state)" : `rank ${rank} of ${ranked}`);

  it.each(["index", "comparison"])("%s.html: the verdicts are a list under the table, one item per layout in column order: its name linked in bold, its rank, its verdict", (name) => {
    const html = page(`${name}.html`);
    const table = /<table class="metrics"[^>]*>([\s\S]*?)<\/table>/.exec(html);
    expect(table).not.toBeNull();
    // The table keeps the rank row and no longer has the verdict row.
    expect(table?.[1]).not.toMatch(/<th scope="row">verdict<\/th>/);
    for (const m of metrics.layouts) expect(table?.[1], m.layout).not.toContain(m.verdict);
    const rankRow = /<tr><th scope="row">rank<\/th>(.*)<\/tr>/.exec(table?.[1] ?? "")?.[1] ?? "";
    expect([...rankRow.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1])).toEqual(ordered.map((m) => (m.rank === null ? "-" : String(m.rank))));
    const after = html.slice((table?.index ?? 0) + (table?.[0].length ?? 0));
    const list = /<ul class="verdicts">([\s\S]*?)<\/ul>/.exec(after);
    expect(list, "a verdict list after the table").not.toBeNull();
    expect(after.slice(0, list?.index ?? 0)).not.toMatch(/<table\b|<h2\b/);
    const items = [...(list?.[1] ?? "").matchAll(/<li data-layout="([^"]+)">([\s\S]*?)<\/li>/g)];
    expect(items.map((i) => i[1])).toEqual(ordered.map((m) => m.layout));
    ordered.forEach((m, i) => {
      const item = items[i]?.[2] ?? "";
      expect(item, m.layout).toBe(
        `<a href="layouts/${m.layout}.html"><strong>${m.layout}</strong></a>, <span class="rank">${rankText(m.rank)}</span> — ${m.verdict}.`,
      );
    });
  });

  it.each(["index", "comparison"])("%s.md: the same list under the table, and no verdict row in it", (name) => {
    const md = page(`${name}.md`);
    expect(md).not.toMatch(/^\| verdict \|/m);
    expect(md).toMatch(/^\| rank \|/m);
    const lines = md.split("\n");
    const lastRow = lines.map((l, i) => (l.startsWith("| ") ? i : -1)).filter((i) => i >= 0 && i < lines.indexOf("### Verdicts")).pop() ?? -1;
    const start = lines.indexOf("### Verdicts");
    expect(start).toBeGreaterThan(lastRow);
    const items = lines.slice(start + 1).filter((l) => l.startsWith("- ")).slice(0, ordered.length);
    expect(items).toEqual(ordered.map((m) => `- **[${m.layout}](layouts/${m.layout}.md)**, ${rankText(m.rank)} — ${m.verdict}.`));
  });

  it("the layout-name headers are right-aligned like their numbers, keep their links, and the table is wide enough for them on one line", () => {
    for (const name of ["index.html", "comparison.html"]) {
      const html = page(name);
      const head = /<table class="metrics" style="min-width: ([\d.]+)rem">\s*<thead>([\s\S]*?)<\/thead>/.exec(html);
      expect(head, name).not.toBeNull();
      const cells = [...(head?.[2] ?? "").matchAll(/<th scope="col" class="num"><a href="([^"]+)">([^<]+)<\/a><\/th>/g)];
      expect(cells.map((c) => [c[1], c[2]]), name).toEqual(ordered.map((m) => [`layouts/${m.layout}.html`, m.layout]));
      // 12rem of row labels, then per layout the longest name at 0.6 em of the 0.88rem text, and the cell's padding.
      const longest = Math.max(...ordered.map((m) => m.layout.length));
      expect(Number(head?.[1]), name).toBeGreaterThanOrEqual(12 + ordered.length * (longest * 0.6 * 0.88 + 1));
    }
    const css = page("style.css");
    expect(css).toMatch(/table\.metrics thead th \{[^}]*text-align: right;/);
    expect(css).toMatch(/table\.metrics thead th a \{[^}]*white-space: nowrap;/);
  });
});

describe("the docs site: chart axes", () => {
  it("ends the value axis at the smallest bound >= the largest value that a 1, 2, 2.5 or 5 x 10^k step divides into 4 to 6 ticks", () => {
    expect(niceAxis(6064, true)).toEqual({ bound: 7500, step: 2500 });
    expect(niceAxis(87, true)).toEqual({ bound: 100, step: 20 });
    expect(niceAxis(48, true)).toEqual({ bound: 50, step: 10 });
    expect(niceAxis(16, true)).toEqual({ bound: 20, step: 5 });
    expect(niceAxis(464, true)).toEqual({ bound: 500, step: 100 });
    expect(niceAxis(5001, true)).toEqual({ bound: 6000, step: 2000 });
    expect(niceAxis(40, true)).toEqual({ bound: 40, step: 10 });
    // 10 is 5 steps of 2 or 4 of 2.5: the rounder step wins; whole numbers never get a fractional step.
    expect(niceAxis(9, false)).toEqual({ bound: 10, step: 2 });
    expect(niceAxis(1.1, false)).toEqual({ bound: 1.25, step: 0.25 });
    expect(niceAxis(1, true)).toEqual({ bound: 3, step: 1 });
    expect(niceAxis(0, true).bound).toBeGreaterThan(0);
    // Against a brute-force search over every step and tick count, for many maxima.
    const steps = [-2, -1, 0, 1, 2, 3, 4, 5].flatMap((k) => NICE_MANTISSAS.map((m) => (k >= 0 ? m * 10 ** k : m / 10 ** -k)));
    for (const integral of [true, false]) {
      for (let max = 0.07; max < 200_000; max *= 1.37) {
        const v = integral ? Math.ceil(max) : Math.round(max * 100) / 100;
        let best = Infinity;
        for (const s of steps) {
          if (integral && !Number.isInteger(s)) continue;
          for (let n = AXIS_TICKS.min - 1; n <= AXIS_TICKS.max - 1; n++) if (n * s >= v - 1e-9) best = Math.min(best, n * s);
        }
        const axis = niceAxis(v, integral);
        expect(axis.bound, `${v}`).toBeCloseTo(best, 9);
        const ticks = Math.round(axis.bound / axis.step) + 1;
        expect(ticks, `${v}`).toBeGreaterThanOrEqual(AXIS_TICKS.min);
        expect(ticks, `${v}`).toBeLessThanOrEqual(AXIS_TICKS.max);
      }
    }
  });

  it("every chart's last tick is its axis bound, the nice bound of its largest value (6064 bytes of state: 7500)", () => {
    for (const c of chartGeometries(metrics, layouts)) {
      const values = c.bars.map((b) => b.value);
      const axis = niceAxis(Math.max(0, ...values), values.every((v) => Number.isInteger(v)));
      expect(c.axis, c.id).toEqual(axis);
      const svg = page(`comparison/${c.id}.svg`);
      const lines = elements(svg, "line", 'stroke="#d1d5db"');
      expect(lines.length, c.id).toBe(Math.round(axis.bound / axis.step) + 1);
      const plotX = Number(lines[0]?.x1);
      // The longest bar ends where its value is on the axis.
      const longest = c.bars.reduce((a, b) => (b.value > a.value ? b : a));
      expect(longest.w / (Number(lines.at(-1)?.x1) - plotX), c.id).toBeCloseTo(longest.value / axis.bound, 3);
    }
    const bytes = chartGeometries(metrics, layouts).find((c) => c.id === "state-bytes");
    expect(Math.max(...(bytes?.bars ?? []).map((b) => b.value))).toBe(6064);
    expect(bytes?.axis.bound).toBe(7500);
    expect(bytes?.texts.filter((t) => t.anchor === "middle").map((t) => t.text)).toEqual(["0", "2500", "5000", "7500"]);
  });

  it("writes one note, not a 0 per series, for a layout with nothing added, removed or changed", () => {
    const ids = chartGeometries(metrics, layouts).find((c) => c.id === "one-reg-ids");
    const svg = page("comparison/one-reg-ids.svg");
    const none = (m: (typeof metrics.layouts)[number]) => m.abi.added.length + m.abi.removed.length + m.abi.changed.length === 0;
    const quiet = metrics.layouts.filter(none).map((m) => m.layout);
    expect(quiet).toContain("baseline-2017");
    expect(svg.match(/>none added, removed or changed<\/text>/g)?.length).toBe(quiet.length);
    for (const l of quiet) expect(ids?.bars.filter((b) => b.category === l), l).toEqual([]);
    // Layouts that changed something still show each series' value, zeros included.
    const zeros = metrics.layouts.filter((m) => !none(m)).flatMap((m) => [m.abi.added, m.abi.removed, m.abi.changed].filter((x) => x.length === 0));
    expect(svg.match(/>0 ids<\/text>/g)?.length ?? 0).toBe(zeros.length);
    // Off by default: a chart without allZero writes the zeros.
    const plain = barChart({ id: "t", title: "t", unit: "u", categories: ["a"], series: [{ name: "x", values: [0] }, { name: "y", values: [0] }], missing: "", allZero: "" });
    expect(plain.texts.filter((t) => t.text === "0 u")).toHaveLength(2);
    const noted = barChart({ id: "t", title: "t", unit: "u", categories: ["a"], series: [{ name: "x", values: [0] }, { name: "y", values: [0] }], missing: "", allZero: "none" });
    expect(noted.texts.filter((t) => t.text === "0 u" || t.text === "none").map((t) => t.text)).toEqual(["none"]);
  });
});

describe("the docs site: layouts and comparison", () => {
  it("a layout page shows its enums, its ABI diff and its copy plan run by run", () => {
    const el2 = layouts.find((l) => l.name === "el2-array");
    const html = page("layouts/el2-array.html");
    for (const e of el2?.enums ?? []) expect(html).toContain(`enum ${e.name}</code>: ${e.entries.length} entries`);
    const m = metrics.layouts.find((x) => x.layout === "el2-array");
    expect(html).toContain(`ONE_REG ids added: ${m?.abi.added.length ?? -1}`);
    for (const phase of ["copy-e2h0-entry", "copy-e2h0-exit", "copy-e2h1-entry", "copy-e2h1-exit"]) expect(html).toContain(`id="${phase}"`);
    const runs = el2?.copyPlan.e2h0.entry.runs ?? [];
    expect(runs.length).toBeGreaterThan(0);
    const section = html.slice(html.indexOf('id="copy-e2h0-entry"'), html.indexOf('id="copy-e2h0-exit"'));
    expect(section.match(/<tr><td class="num">\d+<\/td>/g)?.length).toBe(runs.length);
  });

  it("each chart's bars carry the report's values", () => {
    const bytes = elements(page("comparison/state-bytes.svg"), "rect", 'class="bar"');
    expect(Object.fromEntries(bytes.map((b) => [b["data-layout"], Number(b["data-value"])]))).toEqual(
      Object.fromEntries(metrics.layouts.map((m) => [m.layout, m.state.bytes])),
    );
    const runs = elements(page("comparison/entry-runs.svg"), "rect", 'class="bar"');
    for (const m of metrics.layouts) {
      const mine = runs.filter((b) => b["data-layout"] === m.layout).map((b) => Number(b["data-value"]));
      expect(mine, m.layout).toEqual(m.workloads.map((w) => w.perEntry.copyRuns));
    }
    const html = page("comparison.html");
    for (const f of [...site.keys()].filter((p) => p.startsWith("comparison/"))) {
      expect(html).toContain(page(f).split("\n")[1] ?? "\0");
      expect(page("comparison.md")).toContain(`](${f})`);
    }
  });
});

describe("reglab docs", () => {
  const out = join(tmp, "site");
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [relative(out, join(dir, n)).split(sep).join("/")]));

  it("--out DIR writes the site and prints where index.html is", () => {
    const r = reglab(["docs", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n").pop()).toBe(join(out, "index.html"));
    expect(walk(out).sort()).toEqual([...site.keys()]);
    expect(readFileSync(join(out, "registers", "SCTLR_EL2.html"), "utf8")).toBe(page("registers/SCTLR_EL2.html"));
  });

  it("a second run writes nothing", () => {
    const mtimes = walk(out).map((p) => statSync(join(out, p)).mtimeMs);
    const r = reglab(["docs", "--out", out]);
    expect(r.stdout).toContain(`0 written, 0 removed, ${site.size} unchanged`);
    expect(walk(out).map((p) => statSync(join(out, p)).mtimeMs)).toEqual(mtimes);
  });

  it("removes a stale page it generated, repairs a changed one, and leaves a file of someone else alone", () => {
    writeFileSync(join(out, "registers", "GONE_EL2.html"), `<!DOCTYPE html>\n<!-- ${GENERATED_BY} -->\n`);
    writeFileSync(join(out, "index.md"), page("index.md") + "edited\n");
    writeFileSync(join(out, "registers", "notes.txt"), "mine\n");
    const r = reglab(["docs", "--out", out]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, "registers", "GONE_EL2.html"))).toBe(false);
    expect(readFileSync(join(out, "index.md"), "utf8")).toBe(page("index.md"));
    expect(readFileSync(join(out, "registers", "notes.txt"), "utf8")).toBe("mine\n");
    expect(r.stdout).toContain("1 written, 1 removed");
  });
});

describe("reglab generate and the docs", () => {
  const out = join(tmp, "generated");

  it("writes the site under docs/, --check covers it, and --layout leaves it alone", () => {
    expect(reglab(["generate", "--out", out]).status).toBe(0);
    expect(readFileSync(join(out, "docs", "index.html"), "utf8")).toBe(page("index.html"));
    const edited = page("comparison.md") + "edited\n";
    writeFileSync(join(out, "docs", "comparison.md"), edited);
    const check = reglab(["generate", "--check", "--out", out]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("stale docs/comparison.md");
    const r = reglab(["generate", "--layout", "banked", "--out", out]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, "docs", "comparison.md"), "utf8")).toBe(edited);
    expect(existsSync(join(out, "docs", "registers", "SCTLR_EL2.svg"))).toBe(true);
  });
});

describe("the docs site: the host's cost of the guest hypervisor (FEAT_NV vs FEAT_NV2)", () => {
  it("index.html and comparison.html show traps per nested exit under each default host profile and the NV/NV2 ratio", () => {
    for (const name of ["index.html", "comparison.html", "index.md", "comparison.md"]) {
      const text = page(name);
      // Short row labels (the label column is 12rem): the group heading says what they count.
      expect(text, name).toContain("kvm-exit-path-e2h0.scn (E2H " + (name.endsWith(".html") ? "&#x3D;" : "=") + " 0), traps per nested exit on the host (FEAT_NV vs FEAT_NV2)");
      for (const row of ["traps, v8.3-nv", "traps, v8.4-nv2", "VNCR accesses, v8.4-nv2", "page sync B, v8.4-nv2", "NV/NV2 trap ratio"]) {
        expect(text, `${name}: ${row}`).toContain(row);
      }
    }
  });

  it("comparison has the bar chart 'traps per nested exit: FEAT_NV vs FEAT_NV2', a bar per host, workload and layout", () => {
    const chart = chartGeometries(metrics, layouts).find((c) => c.id === "host-traps");
    expect(chart?.title).toBe("traps per nested exit: FEAT_NV vs FEAT_NV2");
    const svg = page("comparison/host-traps.svg");
    expect(svg).toContain("traps per nested exit: FEAT_NV vs FEAT_NV2");
    expect(svg).toContain("FEAT_NV (v8.3-nv), kvm-exit-path-e2h0.scn");
    expect(svg).toContain("FEAT_NV2 (v8.4-nv2), kvm-exit-path-e2h0.scn");
    expect(page("comparison.html")).toContain(`id="chart-host-traps"`);
    expect(page("comparison.md")).toContain("host-traps.svg");
  });

  it("each layout page shows its NV2 page sync: el2-array copies, unified and vncr-page do not", () => {
    expect(page("layouts/el2-array.html")).toContain("under FEAT_NV2 the host copies them from the page into its storage on each nested entry and back on each exit: 648 bytes in 50 runs touching 20 cache lines each way");
    for (const l of ["unified", "vncr-page"]) expect(page(`layouts/${l}.html`)).toContain("nothing is copied under FEAT_NV2");
    expect(page("layouts/el2-array.md")).toContain("### Under FEAT_NV2: the VNCR page");
    expect(page("layouts/el2-array.html")).toMatch(/<td class="mono">kvm-exit-path-e2h0\.scn<\/td><td class="mono">v8\.4-nv2<\/td><td>FEAT_NV2<\/td><td class="num">7<\/td><td class="num">75<\/td>/);
    expect(page("layouts/baseline-2017.html")).not.toContain("nv2-page-sync");
  });
});

describe("the docs site: the CPU profiles section of comparison", () => {
  const html = page("comparison.html");
  const md = page("comparison.md");
  const section = html.slice(html.indexOf(`<h2 id="cpu-profiles">`));
  /** The HTML row of a profile, by its data-profile attribute. */
  const rowOf = (name: string): string => {
    const m = new RegExp(`<tr data-profile="${name.replace(/\./g, "\\.")}">(.*?)</tr>`).exec(section);
    if (!m?.[1]) throw new Error(`no CPU profiles row for ${name}`);
    return m[1];
  };
  const cellOf = (name: string, workload: string): string[] =>
    [...rowOf(name).matchAll(new RegExp(`<td[^>]*data-workload="${workload.replace(/\./g, "\\.")}"[^>]*>([^<]*)</td>`, "g"))].map((m) => m[1] ?? "");

  it("has one row per bundled profile, in name order, in both twins, and the intro links to it", () => {
    const names = profiles.map((p) => p.name).sort();
    expect(section).not.toBe(html);
    expect([...section.matchAll(/<tr data-profile="([^"]+)">/g)].map((m) => m[1])).toEqual(names);
    const mdSection = md.slice(md.indexOf("## CPU profiles"));
    expect(md.indexOf("## CPU profiles")).toBeGreaterThan(0);
    expect(mdSection.split("\n").filter((l) => /^\| `[^`]+` \|/.test(l)).map((l) => /^\| `([^`]+)`/.exec(l)?.[1])).toEqual(names);
    expect(html.slice(0, html.indexOf(`<h2 id="table">`))).toContain(`<a href="#cpu-profiles">CPU profiles</a>`);
    expect(md.slice(0, md.indexOf("## The numbers"))).toContain("[CPU profiles](#cpu-profiles)");
    expect(section).toContain("Traps are the same on every layout");
    expect(section).toContain("VNCR page sync shown above");
    for (const p of profiles) expect(rowOf(p.name)).toContain(`<td class="num">${p.features.size}</td>`);
  });

  it("shows 88 traps for kvm-exit-path-e2h0.scn on v8.3-nv, 7 on v8.4-nv2, and v8.0 as not written for it", () => {
    expect(cellOf("v8.3-nv", "kvm-exit-path-e2h0.scn")[0]).toBe("88");
    expect(cellOf("v8.4-nv2", "kvm-exit-path-e2h0.scn")[0]).toBe("7");
    expect(rowOf("v8.3-nv")).toContain("<td>FEAT_NV</td>");
    expect(rowOf("v8.4-nv2")).toContain("<td>FEAT_NV2</td>");
    expect(cellOf("v8.0", "kvm-exit-path-e2h0.scn")).toEqual(["not written for this profile"]);
    expect(rowOf("v8.0")).toContain("<td>no FEAT_NV: paravirtualized</td>");
    expect(md).toMatch(/^\| `v8\.3-nv` \|.*\| FEAT_NV \| 88 \| 0 \|/m);
    expect(md).toMatch(/^\| `v8\.4-nv2` \|.*\| FEAT_NV2 \| 7 \| \d+ \|/m);
    expect(md).toMatch(/^\| `v8\.0` \|.*\| no FEAT_NV: paravirtualized \| not written for this profile \| - \|/m);
  });

  it("leaves the rows comparing FEAT_NV with FEAT_NV2 to the default hosts, though every profile was measured", () => {
    expect(metrics.hosts.map((h) => h.profile).slice(0, 2)).toEqual(["v8.3-nv", "v8.4-nv2"]);
    expect(metrics.hosts).toHaveLength(profiles.length);
    for (const name of ["comparison.html", "index.html", "layouts/el2-array.html"]) {
      const text = page(name);
      const before = name === "comparison.html" ? text.slice(0, text.indexOf(`<h2 id="cpu-profiles">`)) : text;
      for (const other of ["v8.0", "v8.1-vhe", "cortex-a57", "max"]) expect(before, `${name}: ${other}`).not.toMatch(new RegExp(`(traps, |>)${other.replace(/\./g, "\\.")}<`));
    }
    expect(page("comparison/host-traps.svg")).not.toContain("(max)");
  });
});
