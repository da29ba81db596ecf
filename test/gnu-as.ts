/**
 * GNU binutils as an independent judge of A64 encodings: assemble lines with
 * aarch64-linux-gnu-as and read back one 32-bit word per line. Lines the
 * assembler rejects are reported (and replaced by NOP so the rest still
 * assembles); warnings are kept per line. assembleAndDisassemble also reads
 * the same object back with aarch64-linux-gnu-objdump, one text per line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const GNU_AS = "aarch64-linux-gnu-as";
export const GNU_OBJCOPY = "aarch64-linux-gnu-objcopy";
export const GNU_OBJDUMP = "aarch64-linux-gnu-objdump";
/**
 * The widest architecture binutils 2.40 (Debian 12) knows, with every optional
 * extension that brings system registers (SME, MTE, SPE, TME, ...).
 */
export const GNU_MARCH = "armv9.3-a+sme+memtag+profile+predres+ls64+mops+cssc+sve2+tme";

export function haveGnuAs(): boolean {
  return spawnSync(GNU_AS, ["--version"]).status === 0 && spawnSync(GNU_OBJCOPY, ["--version"]).status === 0;
}

export function haveGnuObjdump(): boolean {
  return spawnSync(GNU_OBJDUMP, ["--version"]).status === 0;
}

export interface Assembled {
  /** One word per input line; null where the assembler rejected the line. */
  readonly words: (number | null)[];
  /** Line index (0-based) -> the assembler's error. */
  readonly errors: ReadonlyMap<number, string>;
  /** Line index (0-based) -> the assembler's warnings. */
  readonly warnings: ReadonlyMap<number, string>;
}

const DIAG = /^[^:]*\.s:(\d+): (Error|Warning): (.*)$/;

function run(dir: string, lines: readonly string[]): { ok: boolean; errors: Map<number, string>; warnings: Map<number, string> } {
  const src = join(dir, "t.s");
  writeFileSync(src, lines.join("\n") + "\n");
  const r = spawnSync(GNU_AS, [`-march=${GNU_MARCH}`, "-o", join(dir, "t.o"), src], { encoding: "utf8" });
  const errors = new Map<number, string>();
  const warnings = new Map<number, string>();
  for (const l of r.stderr.split("\n")) {
    const m = DIAG.exec(l);
    if (!m) continue;
    (m[2] === "Error" ? errors : warnings).set(Number(m[1]) - 1, m[3] ?? "");
  }
  return { ok: r.status === 0, errors, warnings };
}

export function assemble(lines: readonly string[]): Assembled {
  return inTempDir((dir) => assembleIn(dir, lines));
}

export interface Disassembled extends Assembled {
  /**
   * One text per input line: what `objdump -d` prints after the word, tabs as
   * single spaces, `//` comments dropped (`mrs x1, sctlr_el2`, `nop`,
   * `mov x0, #0x12340000`, `.inst 0x52c00000 ; undefined`); null where the
   * assembler rejected the line.
   */
  readonly texts: (string | null)[];
  /** The same with `-M no-aliases`: `movz x0, #0x1234, lsl #16`, but also `hint #0x0` for NOP. */
  readonly textsNoAliases: (string | null)[];
}

/** Assemble, then disassemble the same object with objdump, with and without aliases. */
export function assembleAndDisassemble(lines: readonly string[]): Disassembled {
  return inTempDir((dir) => {
    const out = assembleIn(dir, lines);
    const objdump = (options: readonly string[]): (string | null)[] => {
      const r = spawnSync(GNU_OBJDUMP, ["-d", "-z", ...options, join(dir, "t.o")], { encoding: "utf8", maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`${GNU_OBJDUMP} failed: ${r.stderr}`);
      const byIndex = new Map<number, string>();
      for (const l of r.stdout.split("\n")) {
        const m = OBJDUMP_LINE.exec(l);
        if (!m) continue;
        byIndex.set(parseInt(m[1] ?? "", 16) / 4, (m[3] ?? "").replace(/\s*\/\/.*$/, "").replace(/\s+/g, " ").trim());
      }
      return lines.map((_, i) => {
        if (out.words[i] == null) return null;
        const t = byIndex.get(i);
        if (t === undefined) throw new Error(`${GNU_OBJDUMP} printed nothing for line ${i + 1}: ${lines[i]}`);
        return t;
      });
    };
    return { ...out, texts: objdump([]), textsNoAliases: objdump(["-M", "no-aliases"]) };
  });
}

/** `   4:\td51c1000 \tmsr\tsctlr_el2, x0` -> address, word, text. */
const OBJDUMP_LINE = /^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$/;

function inTempDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "reglab-as-"));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Assemble into dir/t.o and read the words back. */
function assembleIn(dir: string, lines: readonly string[]): Assembled {
  const first = run(dir, lines);
  const patched = lines.map((l, i) => (first.errors.has(i) ? "nop" : l));
  const second = first.errors.size ? run(dir, patched) : first;
  if (!second.ok) throw new Error(`${GNU_AS} failed on lines it accepted before: ${[...second.errors.values()].join("; ")}`);
  const bin = join(dir, "t.bin");
  const oc = spawnSync(GNU_OBJCOPY, ["-O", "binary", "-j", ".text", join(dir, "t.o"), bin], { encoding: "utf8" });
  if (oc.status !== 0) throw new Error(`${GNU_OBJCOPY} failed: ${oc.stderr}`);
  const buf = readFileSync(bin);
  if (buf.length !== lines.length * 4) throw new Error(`expected ${lines.length} words, got ${buf.length / 4}`);
  const words = lines.map((_, i) => (first.errors.has(i) ? null : buf.readUInt32LE(i * 4)));
  return { words, errors: first.errors, warnings: first.warnings };
}
