/**
 * A synthetic spec tree N times the bundled one, for the scaling figures: the
 * bundled specs copied to a temp folder, plus (N - 1) x (bundled register
 * count) EL0 system registers shaped like TPIDR_EL0 (one 64-bit field, no
 * counterpart, no trap), each with its own name and an encoding no bundled
 * register uses, placed by every layout that lists TPIDR_EL0 (next to it).
 * Layouts that place registers otherwise (banked, vncr-page) are left out of
 * the copy; the figures compare the same layouts at both sizes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findYamlFiles } from "../generators/spec/load.js";

export interface SyntheticSpecs {
  readonly dir: string;
  readonly registers: number;
  readonly layouts: readonly string[];
  remove(): void;
}

/** Layout files that list TPIDR_EL0 as a member: synthetic registers go right after it. */
const ANCHOR = /^(\s*)- TPIDR_EL0\s*$/m;

export function syntheticSpecs(from: string, factor: number, usedEncodings: ReadonlySet<string>): SyntheticSpecs {
  const dir = mkdtempSync(join(tmpdir(), "reglab-bench-"));
  cpSync(from, dir, { recursive: true });
  const bundled = findYamlFiles(join(from, "registers")).length;
  const extra = (factor - 1) * bundled;
  const names: string[] = [];
  const out = join(dir, "registers", "synthetic");
  mkdirSync(out, { recursive: true });
  // IMPLEMENTATION DEFINED space first (op0 3, CRn 11 and 15), skipping anything the specs use.
  let key = 0;
  const nextEncoding = (): { op1: number; crn: number; crm: number; op2: number } => {
    for (;;) {
      const k = key++;
      const op2 = k & 7;
      const crm = (k >> 3) & 15;
      const op1 = (k >> 7) & 7;
      const crn = [15, 11, 12, 13, 14, 10, 9][(k >> 10) % 7] as number;
      if (k >> 10 >= 7) throw new Error("out of synthetic encodings");
      if (!usedEncodings.has(`3:${op1}:${crn}:${crm}:${op2}`)) return { op1, crn, crm, op2 };
    }
  };
  for (let i = 0; i < extra; i++) {
    const name = `SYNTH${String(i).padStart(5, "0")}_EL0`;
    names.push(name);
    const e = nextEncoding();
    writeFileSync(
      join(out, `${name}.yaml`),
      [
        "# yaml-language-server: $schema=../../schema/register.schema.json",
        `name: ${name}`,
        `title: "Synthetic register ${i} for the scaling benchmark"`,
        "el: 0",
        "class: sysreg",
        "width: 64",
        "access: rw",
        `encoding: {op0: 3, op1: ${e.op1}, crn: ${e.crn}, crm: ${e.crm}, op2: ${e.op2}}`,
        "reset: unknown",
        "fields:",
        '  - {name: VALUE, bits: "63:0", description: "Software use"}',
        "fieldsComplete: true",
        "source:",
        '  - "bench/synthetic.ts"',
        "",
      ].join("\n"),
    );
  }
  const layouts: string[] = [];
  const layoutDir = join(dir, "layouts");
  for (const f of readdirSync(layoutDir).filter((n) => n.endsWith(".yaml"))) {
    const path = join(layoutDir, f);
    const text = readFileSync(path, "utf8");
    const m = ANCHOR.exec(text);
    if (!m) {
      rmSync(path);
      continue;
    }
    const indent = m[1] ?? "";
    writeFileSync(path, text.replace(ANCHOR, (line) => [line, ...names.map((n) => `${indent}- ${n}`)].join("\n")));
    layouts.push(f.replace(/\.yaml$/, ""));
  }
  return { dir, registers: bundled + extra, layouts, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The same specs with only `layouts` kept: the 1x side of a scaling figure. */
export function specsWithLayouts(from: string, layouts: readonly string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "reglab-bench-"));
  cpSync(from, dir, { recursive: true });
  for (const f of readdirSync(join(dir, "layouts")).filter((n) => n.endsWith(".yaml"))) {
    if (!layouts.includes(f.replace(/\.yaml$/, ""))) rmSync(join(dir, "layouts", f));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
