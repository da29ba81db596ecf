/**
 * A/B reports: plain text for people (one line per layout pair, then the
 * first divergence in detail), JSON (the PairReport objects, documented in
 * the README), and JUnit XML (one test case per scenario and layout pair).
 */
import type { PairReport } from "./run-ab.js";

export function pairLine(p: PairReport): string {
  const n = p.scenarios.length;
  const refused = p.scenarios.filter((s) => s.a.startsWith("refused") || s.b.startsWith("refused")).length;
  const verdict = p.behaviour.length === 0 ? "behaviour identical" : `BEHAVIOUR DIFFERS (${p.behaviour.length} observables)`;
  const ids = p.abi.filter((d) => d.kind.startsWith("one-reg"));
  const size = p.abi.find((d) => d.kind === "kvm-regs-size");
  const abi = [
    ids.length ? `${ids.length} ONE_REG ids differ` : "same ONE_REG ids",
    size ? `kvm_regs ${size.a} -> ${size.b} bytes` : "same kvm_regs",
  ].join(", ");
  const cost = `copied ${p.cost.a.bytesCopied} vs ${p.cost.b.bytesCopied} bytes in ${p.cost.a.copyRuns} vs ${p.cost.b.copyRuns} runs`;
  return `${p.a} vs ${p.b}: ${verdict} on ${n - refused} scenarios${refused ? ` (${refused} refused)` : ""}; ABI: ${abi}; cost: ${cost}`;
}

/** For `--all`: layouts as rows and columns, "=" where a pair behaves the same, "DIFF" where not. */
export function matrixText(pairs: readonly PairReport[]): string {
  const names = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const cell = (a: string, b: string) => {
    if (a === b) return "";
    const p = pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
    return p ? (p.behaviour.length === 0 ? "=" : "DIFF") : "";
  };
  const w = Math.max(...names.map((n) => n.length));
  const head = " ".repeat(w) + "  " + names.map((n) => n.padEnd(w)).join("  ");
  const rows = names.map((a) => a.padEnd(w) + "  " + names.map((b) => cell(a, b).padEnd(w)).join("  "));
  return [head, ...rows].map((l) => l.trimEnd()).join("\n") + "\n";
}

export function textReport(pairs: readonly PairReport[]): string {
  const lines = pairs.map(pairLine);
  const first = pairs.flatMap((p) => p.behaviour)[0];
  if (first) {
    lines.push(
      "",
      `first divergence: ${first.layout}, ${first.scenario}${first.line === null ? "" : `:${first.line}`} (${first.op})`,
      `  reference: ${first.expected}`,
      `  ${first.layout}: ${first.actual}`,
    );
  }
  return lines.join("\n") + "\n";
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

export function junitReport(pairs: readonly PairReport[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"];
  for (const p of pairs) {
    const failures = p.scenarios.filter((s) => s.a === "diverged" || s.b === "diverged").length;
    const skipped = p.scenarios.filter((s) => s.a.startsWith("refused") && s.b.startsWith("refused")).length;
    out.push(`  <testsuite name="${xml(`${p.a} vs ${p.b}`)}" tests="${p.scenarios.length}" failures="${failures}" skipped="${skipped}">`);
    for (const s of p.scenarios) {
      out.push(`    <testcase classname="${xml(`${p.a} vs ${p.b}`)}" name="${xml(s.scenario)}">`);
      if (s.a === "diverged" || s.b === "diverged") {
        const d = p.behaviour.filter((x) => x.scenario === s.scenario);
        const text = d.map((x) => `${x.layout} line ${x.line ?? "final"} ${x.op}: expected ${x.expected}, got ${x.actual}`).join("\n");
        out.push(`      <failure message="${xml(`${d.length} observables differ`)}">${xml(text)}</failure>`);
      } else if (s.a.startsWith("refused") && s.b.startsWith("refused")) out.push(`      <skipped message="${xml(s.a)}"/>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}
