/**
 * A real browser for the tests: playwright-core (a devDependency, which never
 * downloads a browser) driving Debian's chromium (`apt-get install chromium`;
 * .ci/run installs it). REGLAB_CHROMIUM names another chromium binary; pointing
 * it at a missing file shows the skip (or, with CI=true, the failure).
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.REGLAB_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
] as const;

type Playwright = typeof import("playwright-core");

/** playwright-core, or null when it is not installed. */
async function importPlaywright(): Promise<Playwright | null> {
  try {
    return await import("playwright-core");
  } catch {
    return null;
  }
}

export interface BrowserSupport {
  /** What is missing and how to install it; null when both are there. */
  readonly missing: string | null;
  /** Launch headless chromium; only when `missing` is null. */
  readonly launch: () => Promise<Browser>;
}

export async function browserSupport(): Promise<BrowserSupport> {
  const pw = await importPlaywright();
  const problems: string[] = [];
  if (!pw) problems.push("playwright-core is not installed (npm ci installs it: it is a devDependency)");
  if (!existsSync(CHROMIUM)) problems.push(`${CHROMIUM} not found (apt-get install chromium)`);
  return {
    missing: problems.length ? problems.join("; ") : null,
    launch: () => {
      if (!pw || problems.length) throw new Error(`no browser: ${problems.join("; ")}`);
      return pw.chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    },
  };
}
