/**
 * The documentation site in a real browser (headless chromium through
 * playwright-core): rendered fresh by `reglab docs --out TMP`, opened from
 * disk (file://, no server), clicked through, filtered, crawled page by page,
 * and measured by chromium's layout engine. Screenshots go to
 * test-artifacts/docs-browser/ (git-ignored); their paths are printed.
 *
 * Without chromium or playwright-core the suite is skipped with a message,
 * except with CI=true where it fails (.ci/run installs chromium).
 * REGLAB_DOCS_SITE=DIR tests an existing site in DIR instead of rendering one.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecs } from "../generators/pipeline.js";
import { browserSupport } from "./browser.js";
import { reglab, ROOT, SPECS } from "./helpers.js";

const inCI = process.env.CI === "true" || process.env.CI === "1";
const support = await browserSupport();
const available = support.missing === null;

const ARTIFACTS = join(ROOT, "test-artifacts", "docs-browser");
const VIEWPORT = { width: 1280, height: 900 };
/** The smallest rendered font size, in CSS pixels, we call readable. */
const MIN_FONT_PX = 9;
/** Text boxes may touch by this much (anti-aliasing, rounding) without overlapping. */
const OVERLAP_TOLERANCE_PX = 1;

const { model, layouts } = loadSpecs(SPECS);
const entries = [...model.registers, ...model.aliases];

/** The rows a filter query must leave visible: name or title contains it, case-insensitive. */
function matching(query: string): string[] {
  const q = query.toLowerCase();
  return entries
    .filter((r) => r.name.toLowerCase().includes(q) || r.title.toLowerCase().includes(q))
    .map((r) => r.name)
    .sort();
}

// ---- Code run inside the page (plain JS: the project's lib has no DOM types) ----

/** data-name of every index row the layout engine renders (display:none has no client rects). */
const VISIBLE_ROWS = `[...document.querySelectorAll("#register-index tr[data-name]")]
  .filter((r) => r.getClientRects().length > 0 && getComputedStyle(r).visibility !== "hidden")
  .map((r) => r.getAttribute("data-name")).sort()`;

const ALL_ROWS = `[...document.querySelectorAll("#register-index tr[data-name]")].map((r) => r.getAttribute("data-name")).sort()`;

interface Ref {
  readonly tag: string;
  readonly attr: string;
  readonly value: string;
  readonly inNav: boolean;
}
/** Every href and src on the page, as written. */
const REFS = `[...document.querySelectorAll("[href], [src]")].flatMap((e) =>
  ["href", "src"].filter((a) => e.hasAttribute(a)).map((a) => ({
    tag: e.localName, attr: a, value: e.getAttribute(a), inNav: e.closest("nav") !== null,
  })))`;

const IDS = `[...document.querySelectorAll("[id], a[name]")].map((e) => e.id || e.getAttribute("name"))`;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
interface SvgText extends Box {
  readonly text: string;
  readonly svg: number;
  /** Computed font-size times the screen scale of the text's coordinate system. */
  readonly fontPx: number;
}
interface SvgInfo extends Box {
  readonly texts: readonly SvgText[];
}
/** Every inline <svg> with the rendered box and font size of each non-empty <text>. */
const SVGS = `[...document.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg")).map((svg, i) => {
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() !== "").map((t) => {
    const m = t.getScreenCTM();
    const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    return { ...box(t.getBoundingClientRect()), text: t.textContent.trim(), svg: i,
      fontPx: parseFloat(getComputedStyle(t).fontSize) * scale };
  });
  return { ...box(svg.getBoundingClientRect()), texts };
})`;

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > OVERLAP_TOLERANCE_PX &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > OVERLAP_TOLERANCE_PX;
const inside = (a: Box, outer: Box) =>
  a.left >= outer.left - OVERLAP_TOLERANCE_PX &&
  a.top >= outer.top - OVERLAP_TOLERANCE_PX &&
  a.right <= outer.right + OVERLAP_TOLERANCE_PX &&
  a.bottom <= outer.bottom + OVERLAP_TOLERANCE_PX;
const fmt = (t: SvgText) => `"${t.text}" at (${t.left.toFixed(1)}, ${t.top.toFixed(1)})-(${t.right.toFixed(1)}, ${t.bottom.toFixed(1)})`;

/** Unreadable SVG text: unsized (no font?), smaller than MIN_FONT_PX, cut off by its <svg>, or overlapping other text. */
function readability(svgs: readonly SvgInfo[]): string[] {
  const texts = svgs.flatMap((s) => s.texts);
  const problems: string[] = [];
  for (const t of texts) {
    if (!(t.right - t.left > 0 && t.bottom - t.top > 0)) problems.push(`${fmt(t)} renders with no size (fonts missing?)`);
    if (t.fontPx < MIN_FONT_PX) problems.push(`${fmt(t)} renders at ${t.fontPx.toFixed(2)} px`);
    const svg = svgs[t.svg];
    if (svg && !inside(t, svg)) problems.push(`${fmt(t)} is cut off by its <svg> (${svg.left}, ${svg.top})-(${svg.right}, ${svg.bottom})`);
  }
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) if (overlap(a, b)) problems.push(`${fmt(a)} overlaps ${fmt(b)}`);
  });
  return problems;
}

// ---- The site ----

let site = "";
let cleanup = "";

/** Render the site afresh with `reglab docs --out TMP` (or take REGLAB_DOCS_SITE). */
function renderSite(): string {
  const given = process.env.REGLAB_DOCS_SITE;
  if (given) return given;
  cleanup = mkdtempSync(join(tmpdir(), "reglab-docs-browser-"));
  const out = join(cleanup, "docs");
  const r = reglab(["docs", "--out", out]);
  if (r.status !== 0) throw new Error(`reglab docs --out ${out} exited ${String(r.status)}:\n${r.stderr}${r.stdout}`);
  return out;
}

const url = (path: string) => pathToFileURL(join(site, path)).href;

/** Every file under `dir`, as site-relative paths with forward slashes. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(site, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${relative(ROOT, path)}`);
}

/** Console errors, page errors, failed and off-site requests, as "page: problem". */
function watch(page: Page, where: () => string): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${where()}: console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${where()}: page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`${where()}: request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
  page.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) problems.push(`${where()}: off-site request: ${r.url()}`);
  });
  return problems;
}

it.runIf(!available && inCI)("needs chromium and playwright-core in CI (.ci/run installs chromium)", () => {
  expect.fail(`cannot test the docs site in a browser: ${support.missing ?? ""}`);
});
if (!available && !inCI) {
  console.warn(`SKIPPED docs-browser: ${support.missing ?? ""}; the docs site is not tested in a browser`);
}

describe.skipIf(!available)("the docs site in chromium (file://)", () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = renderSite();
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await support.launch();
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
  });

  it("index.html lists every register and alias once, links to their pages and to the layouts by click, and back by <nav>", async () => {
    const page = await context.newPage();
    const problems = watch(page, () => page.url());
    await page.goto(url("index.html"));
    expect(await page.evaluate<string[]>(ALL_ROWS)).toEqual(entries.map((r) => r.name).sort());
    await screenshot(page, "index");

    await page.locator('#register-index tr[data-name="SCTLR_EL2"] a[href]').first().click();
    await page.waitForURL(/\/registers\/SCTLR_EL2\.html$/);
    expect(await page.locator("h1").first().textContent()).toContain("SCTLR_EL2");
    const regSvg = await page.locator("svg").first().boundingBox();
    expect(regSvg?.width).toBeGreaterThan(0);
    expect(regSvg?.height).toBeGreaterThan(0);
    await screenshot(page, "register-SCTLR_EL2");

    await page.locator('nav a[href$="index.html"]').first().click();
    await page.waitForURL(/\/index\.html$/);

    const layout = layouts.find((l) => l.name === "el2-array");
    expect(layout).toBeDefined();
    await page.locator('a[href$="layouts/el2-array.html"]').first().click();
    await page.waitForURL(/\/layouts\/el2-array\.html$/);
    const h1 = (await page.locator("h1").first().textContent()) ?? "";
    expect([h1.includes("el2-array"), h1.includes(layout?.title ?? "\0")], h1).toContain(true);
    const laySvg = await page.locator("svg").first().boundingBox();
    expect(laySvg?.width).toBeGreaterThan(0);
    expect(laySvg?.height).toBeGreaterThan(0);
    await screenshot(page, "layout-el2-array");

    await page.goto(url("comparison.html"));
    const charts = await page.evaluate<SvgInfo[]>(SVGS);
    expect(charts.length, "comparison.html has inline SVG charts").toBeGreaterThan(0);
    for (const c of charts) expect(c.right - c.left > 0 && c.bottom - c.top > 0, "every chart has a size").toBe(true);
    await screenshot(page, "comparison");

    expect(problems).toEqual([]);
    await page.close();
  });

  it("the filter box keeps exactly the rows whose name or title contains the text, and #register-count counts them", async () => {
    const page = await context.newPage();
    const problems = watch(page, () => page.url());
    await page.goto(url("index.html"));
    const filter = page.locator("#register-filter");
    expect(await filter.getAttribute("type")).toBe("search");
    const count = async () => {
      const text = (await page.locator("#register-count").textContent()) ?? "";
      return Number(/\d+/.exec(text)?.[0] ?? NaN);
    };
    const expectRows = async (expected: string[], what: string) => {
      await expect.poll(() => page.evaluate<string[]>(VISIBLE_ROWS), { message: what, timeout: 5_000 }).toEqual(expected);
      expect(await count(), `#register-count ${what}`).toBe(expected.length);
    };
    const all = matching("");
    await expectRows(all, "before typing");

    // Lower case: the match is case-insensitive.
    await filter.click();
    await filter.pressSequentially("sctlr");
    const sctlr = matching("sctlr");
    expect(sctlr).toEqual(expect.arrayContaining(["SCTLR_EL1", "SCTLR_EL2"]));
    expect(sctlr.length).toBeLessThan(all.length);
    await expectRows(sctlr, 'for "sctlr"');
    await screenshot(page, "index-filtered-sctlr");

    // Names have no spaces: only titles can match this.
    await filter.press("ControlOrMeta+a");
    await filter.press("Backspace");
    await filter.pressSequentially("Configuration Register");
    const byTitle = matching("Configuration Register");
    expect(byTitle).toContain("HCR_EL2");
    await expectRows(byTitle, 'for "Configuration Register" (titles only)');

    await filter.press("ControlOrMeta+a");
    await filter.press("Backspace");
    await expectRows(all, "after clearing the box");

    // A feature name: in other columns of the rows, in no name or title.
    expect(model.registers.some((r) => r.feature === "FEAT_PAuth")).toBe(true);
    expect(matching("FEAT_PAuth")).toEqual([]);
    await filter.pressSequentially("FEAT_PAuth");
    await expectRows([], 'for "FEAT_PAuth" (only other columns hold it)');

    await filter.press("ControlOrMeta+a");
    await filter.press("Backspace");
    await filter.pressSequentially("zz-no-such-register");
    await expectRows([], 'for "zz-no-such-register"');

    expect(problems).toEqual([]);
    await page.close();
  });

  it("the register index fills its column and keeps its column widths while the filter hides rows; the line near the top jumps to it", async () => {
    const page = await context.newPage();
    const problems = watch(page, () => page.url());
    await page.goto(url("index.html"));
    const geometry = () =>
      page.evaluate<{ table: number; wrap: number; columns: number[] }>(`(() => {
        const table = document.getElementById("register-index");
        return {
          table: table.getBoundingClientRect().width,
          wrap: table.parentElement.clientWidth,
          columns: [...table.querySelectorAll("thead th")].map((th) => Math.round(th.getBoundingClientRect().width * 10) / 10),
        };
      })()`);
    const before = await geometry();
    expect(Math.abs(before.table - before.wrap), "width: 100% of its wrapper").toBeLessThanOrEqual(1);
    expect(before.columns).toHaveLength(6);
    const filter = page.locator("#register-filter");
    for (const q of ["sctlr", "zz-no-such-register", "PAuth", "EL12"]) {
      await filter.fill(q);
      await expect.poll(async () => (await page.locator("#register-count").textContent()) ?? "", { timeout: 5_000 }).toBe(String(matching(q).length));
      expect(await geometry(), `while filtering for "${q}"`).toEqual(before);
    }
    await filter.fill("");

    // No cell of the register index spills out of its column.
    const spills = await page.evaluate<string[]>(`[...document.querySelectorAll("#register-index tr[data-name] td")]
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => td.parentElement.getAttribute("data-name") + ": " + td.textContent)`);
    expect(spills).toEqual([]);

    // The jump line sits above the layouts, within the first screen, and its link lands on the table with the filter box in view.
    const jump = page.locator("p.jump a[href='#register-index']");
    const box = await jump.boundingBox();
    expect(box?.y ?? Infinity, "the jump link is on the first screen").toBeLessThan(VIEWPORT.height);
    const layoutsHeading = await page.locator("#layouts").boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(layoutsHeading?.y ?? -Infinity);
    await jump.click();
    await page.waitForURL(/#register-index$/);
    const inView = async (selector: string) =>
      page.evaluate<boolean>(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`);
    await expect.poll(() => inView("#register-index"), { timeout: 5_000 }).toBe(true);
    expect(await inView("#register-filter"), "the filter box is in view after the jump").toBe(true);

    // The nav's Registers link still lands there.
    await page.evaluate("window.scrollTo(0, 0)");
    await page.locator('nav a[href="index.html#register-index"]').click();
    await expect.poll(() => inView("#register-index"), { timeout: 5_000 }).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the side-by-side tables: layout names right-aligned over their numbers, each on one line inside its column, at a wide and a narrow window; verdicts listed below", async () => {
    const problems: string[] = [];
    for (const viewport of [VIEWPORT, { width: 760, height: 900 }]) {
      const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      for (const path of ["index.html", "comparison.html"]) {
        await page.goto(url(path));
        const where = `${path} at ${viewport.width} px`;
        const found = await page.evaluate<{ heads: { text: string; align: string; lines: number; left: number; right: number; cellLeft: number; cellRight: number; numRight: number }[]; labels: string[]; verdicts: { layout: string; strong: string; href: string; text: string }[] }>(`(() => {
          const table = document.querySelector("table.metrics");
          const firstRow = [...table.querySelectorAll("tbody tr")].find((tr) => !tr.classList.contains("group"));
          const heads = [...table.querySelectorAll("thead th[scope=col]")].map((th, i) => {
            const a = th.querySelector("a");
            const r = a.getBoundingClientRect();
            const c = th.getBoundingClientRect();
            const cs = getComputedStyle(th);
            const td = firstRow.querySelectorAll("td")[i];
            const tdStyle = getComputedStyle(td);
            return {
              text: a.textContent, align: cs.textAlign, lines: a.getClientRects().length, left: r.left, right: r.right,
              cellLeft: c.left + parseFloat(cs.paddingLeft), cellRight: c.right - parseFloat(cs.paddingRight),
              numRight: td.getBoundingClientRect().right - parseFloat(tdStyle.paddingRight),
            };
          });
          const labels = [...table.querySelectorAll("tbody tr:not(.group) th")].filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent);
          const verdicts = [...document.querySelectorAll("ul.verdicts li")].map((li) => ({
            layout: li.getAttribute("data-layout"), strong: li.querySelector("a > strong")?.textContent ?? "", href: li.querySelector("a")?.getAttribute("href") ?? "", text: li.textContent,
          }));
          return { heads, labels, verdicts };
        })()`);
        expect(found.heads.map((h) => h.text), where).toEqual(layouts.map((l) => l.name).sort((a, b) => (a === "baseline-2017" ? -1 : b === "baseline-2017" ? 1 : a < b ? -1 : 1)));
        for (const h of found.heads) {
          if (h.align !== "right") problems.push(`${where}: header ${h.text} is aligned ${h.align}`);
          if (h.lines !== 1) problems.push(`${where}: header ${h.text} wraps onto ${String(h.lines)} lines`);
          if (h.left < h.cellLeft - 1 || h.right > h.cellRight + 1) problems.push(`${where}: header ${h.text} (${h.left}-${h.right}) spills out of its cell (${h.cellLeft}-${h.cellRight})`);
          if (Math.abs(h.right - h.numRight) > 1) problems.push(`${where}: header ${h.text} ends at ${h.right}, its numbers at ${h.numRight}`);
        }
        for (const l of found.labels) problems.push(`${where}: row label "${l}" spills out of its column`);
        expect(found.verdicts.map((v) => v.layout), where).toEqual(found.heads.map((h) => h.text));
        for (const v of found.verdicts) {
          expect(v.strong, where).toBe(v.layout);
          expect(v.href, where).toBe(`layouts/${v.layout}.html`);
          expect(v.text, where).toMatch(/^\S+, (rank \d+ of \d+|not ranked \(no EL2 state\)) — .{20,}\.$/);
        }
      }
      await ctx.close();
    }
    expect(problems).toEqual([]);
  });

  it(
    "every page reachable from index.html loads cleanly, every href/src resolves, and every register, alias and layout page is reached",
    async () => {
      const page = await context.newPage();
      let current = "index.html";
      const problems = watch(page, () => current);
      const root = join(site, "index.html");
      const queue = ["index.html"];
      const seen = new Set(queue);
      const ids = new Map<string, Set<string>>();
      const linksFrom = new Map<string, Set<string>>();
      const withDiagram = new Set<string>();
      const fragments: { from: string; target: string; id: string }[] = [];

      while (queue.length) {
        current = queue.shift() ?? "";
        const here = url(current);
        await page.goto(here, { waitUntil: "load" });
        ids.set(current, new Set(await page.evaluate<string[]>(IDS)));
        const svgs = await page.evaluate<SvgInfo[]>(SVGS);
        if (svgs.some((b) => b.right - b.left > 0 && b.bottom - b.top > 0)) withDiagram.add(current);
        const links = new Set<string>();
        linksFrom.set(current, links);
        const refs = await page.evaluate<Ref[]>(REFS);
        let navHome = false;
        for (const ref of refs) {
          const v = ref.value.trim();
          const what = `${current}: <${ref.tag} ${ref.attr}="${v}">`;
          if (/^(https?:|mailto:)/i.test(v)) {
            if (ref.tag !== "a") problems.push(`${what} loads an external asset`);
            continue;
          }
          if (v.startsWith("data:")) continue;
          if (v === "" || v.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(v)) {
            problems.push(`${what} is not a relative link`);
            continue;
          }
          const target = new URL(v, here);
          const hash = decodeURIComponent(target.hash.slice(1));
          target.hash = "";
          target.search = "";
          const path = fileURLToPath(target);
          const rel = relative(site, path).split(sep).join("/");
          if (rel.startsWith("../")) {
            problems.push(`${what} points outside the site`);
            continue;
          }
          if (!existsSync(path) || statSync(path).isDirectory()) {
            problems.push(`${what} resolves to ${rel}, which does not exist`);
            continue;
          }
          if (ref.inNav && path === root) navHome = true;
          links.add(rel);
          if (hash) fragments.push({ from: what, target: rel, id: hash });
          if (rel.endsWith(".html") && !seen.has(rel)) {
            seen.add(rel);
            queue.push(rel);
          }
        }
        if (!navHome) problems.push(`${current}: no <nav> link back to index.html`);
      }
      for (const f of fragments) {
        const known = ids.get(f.target);
        if (known && !known.has(f.id)) problems.push(`${f.from}: ${f.target} has no element with id "${f.id}"`);
      }
      await page.close();

      expect(problems).toEqual([]);
      const expected = [
        ...entries.map((r) => `registers/${r.name}.html`),
        ...layouts.map((l) => `layouts/${l.name}.html`),
        "comparison.html",
      ].sort();
      expect(expected.filter((p) => !seen.has(p)), "pages not reached from index.html").toEqual([]);
      const html = files(site).filter((p) => p.endsWith(".html"));
      expect(html.filter((p) => !seen.has(p)), "pages on disk that nothing links to").toEqual([]);
      // An alias's page shows the diagram of the register it reaches.
      const diagrams = [...entries.map((r) => `registers/${r.name}.html`), ...layouts.map((l) => `layouts/${l.name}.html`)];
      expect(diagrams.filter((p) => !withDiagram.has(p)), "register, alias and layout pages without a sized inline <svg>").toEqual([]);
      const aliasLinks = model.aliases.filter((a) => !linksFrom.get(`registers/${a.name}.html`)?.has(`registers/${a.aliasOf}.html`));
      expect(aliasLinks.map((a) => `${a.name} -> ${a.aliasOf}`), "alias pages not linking to their register").toEqual([]);
      console.log(`docs-browser: crawled ${String(seen.size)} pages`);
    },
    300_000,
  );

  it.each(["SCTLR_EL2", "HCR_EL2"])(
    "%s: the bit diagram's labels do not overlap, stay inside the diagram and render at >= 9 px",
    async (name) => {
      const page = await context.newPage();
      await page.goto(url(`registers/${name}.html`));
      const svgs = await page.evaluate<SvgInfo[]>(SVGS);
      expect(svgs.length, "an inline <svg>").toBeGreaterThan(0);
      // Every field of every format (E2H == 0, and E2H == 1 where it differs) is labelled by name.
      const reg = model.registers.find((r) => r.name === name);
      const fieldNames = [...(reg?.fields ?? []), ...(reg?.formatE2H1?.fields ?? [])].map((f) => f.name);
      expect(fieldNames.length).toBeGreaterThan(0);
      const drawn = new Set(svgs.flatMap((s) => s.texts.map((t) => t.text)));
      expect(fieldNames.filter((f) => !drawn.has(f)), "fields without a label").toEqual([]);
      await screenshot(page, `register-${name}-diagram`);
      await page.close();
      expect(readability(svgs)).toEqual([]);
    },
  );

  it("the memory maps of every layout and the charts of comparison.html are readable the same way", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of [...layouts.map((l) => `layouts/${l.name}.html`), "comparison.html"]) {
      await page.goto(url(path));
      const svgs = await page.evaluate<SvgInfo[]>(SVGS);
      if (!svgs.some((s) => s.texts.length > 0)) problems.push(`${path}: no inline <svg> with text`);
      problems.push(...readability(svgs).map((p) => `${path}: ${p}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
