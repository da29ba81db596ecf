/**
 * The scenario language (.scn), exactly as DESIGN.md "Scenario language
 * (contract)" states it, plus three compatible extensions: `reglist N` (a
 * KVM_GET_REG_LIST with room for N ids, to provoke E2BIG), `getregs` and
 * `setregs [NAME = VALUE, ...]` (KVM_GET_REGS, then KVM_SET_REGS of that blob
 * with the named registers changed).
 *
 * One step per line; `#` starts a comment (at the start of a line or
 * followed by a blank: `hvc #0x1234` is an immediate); numbers decimal or 0x hex;
 * register names case-insensitive. Every problem is reported with its line
 * and column, all at once.
 *
 * A fourth extension, in a comment so that every older reader still takes the
 * file: a header line `# profiles: v8.0 v8.1-vhe max` (before the first step)
 * names the CPU profiles (specs/profiles/) the scenario is written for, and
 * `# profiles: all` every profile the specs have. A scenario without one is
 * for the default profile, `max`, alone, as every scenario was before profiles
 * existed (scenario/profiles.ts).
 */
import { assemble, AsmError } from "../a64/encode.js";
import type { SysregNames } from "../a64/sysreg-names.js";
import { ERRNO } from "../arch.js";
import type { RegisterIndex } from "../register-index.js";

export type Operand =
  | { readonly kind: "x"; readonly n: number }
  | { readonly kind: "reg"; readonly r: number; readonly name: string }
  | { readonly kind: "el" | "pc" | "nzcv" | "daif" | "spsel" | "errno" };

export type RegRef = { readonly kind: "name"; readonly r: number; readonly name: string } | { readonly kind: "id"; readonly id: bigint };

export type StepBody =
  | { readonly op: "reset" }
  | { readonly op: "el"; readonly el: number }
  | { readonly op: "set-x"; readonly n: number; readonly value: bigint }
  | { readonly op: "set-pc"; readonly value: bigint }
  | { readonly op: "insn"; readonly word: number }
  | { readonly op: "expect"; readonly lhs: Operand; readonly cmp: "==" | "!="; readonly value: bigint }
  | { readonly op: "expect-reglist"; readonly has: boolean; readonly id: bigint }
  | { readonly op: "onereg-get"; readonly target: RegRef; readonly dst: number }
  | { readonly op: "onereg-set"; readonly target: RegRef; readonly value: bigint }
  | { readonly op: "reglist"; readonly capacity?: number }
  | { readonly op: "getregs" }
  | { readonly op: "setregs"; readonly edits: readonly { readonly r: number; readonly name: string; readonly value: bigint }[] };

export type Step = StepBody & {
  readonly line: number;
  /** The step's text, comment and surrounding blanks removed. */
  readonly text: string;
};

export interface ScenarioError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The `# profiles:` header: the profile names as written, each with its column, or `all`. */
export interface ProfilesHeader {
  readonly line: number;
  readonly all: boolean;
  readonly names: readonly { readonly name: string; readonly col: number }[];
}

export interface Scenario {
  readonly file: string;
  readonly steps: readonly Step[];
  /** The profiles it is written for; undefined: no header, the default profile only. */
  readonly profiles?: ProfilesHeader;
}

const PROFILES_HEADER = /^(\s*#\s*profiles\s*:)(.*)$/i;

class LineError extends Error {
  constructor(
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /^(0x[0-9a-f]+|\d+)$/i;
const ERRNO_NAMES: Record<string, bigint> = Object.fromEntries(Object.entries(ERRNO).map(([k, v]) => [k, BigInt(v)]));

function num(tok: string, col: number, what = "a number"): bigint {
  if (!NUMBER.test(tok)) throw new LineError(col, `expected ${what} (decimal or 0x hex), got '${tok}'`);
  return BigInt(tok);
}

function u64(tok: string, col: number): bigint {
  const v = num(tok, col);
  if (v >> 64n !== 0n) throw new LineError(col, `${tok} does not fit in 64 bits`);
  return v;
}

function xreg(tok: string, col: number): number | undefined {
  const m = /^x(\d{1,2})$/i.exec(tok);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n > 30) throw new LineError(col, `x${n} is not a general-purpose register (x0..x30)`);
  return n;
}

/** Tokens with their 1-based columns. */
function tokenize(line: string, start: number): { t: string; col: number }[] {
  const out: { t: string; col: number }[] = [];
  const re = /->|==|!=|[,=]|[^\s,=]+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ t: m[0], col: start + m.index + 1 });
  return out;
}

export function parseScenario(file: string, text: string, index: RegisterIndex, names: SysregNames): { scenario: Scenario; errors: ScenarioError[] } {
  const steps: Step[] = [];
  const errors: ScenarioError[] = [];
  let profiles: ProfilesHeader | undefined;
  let sawStep = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const header = PROFILES_HEADER.exec(raw);
    if (header) {
      const at = (header[1] ?? "").length;
      const r = parseProfilesHeader(header[2] ?? "", at, line);
      if (sawStep) {
        errors.push({ line, col: raw.indexOf("#") + 1, message: "profiles: the '# profiles:' header must come before the first step" });
      } else if (profiles) {
        errors.push({ line, col: raw.indexOf("#") + 1, message: `profiles: a second '# profiles:' header (the first is on line ${profiles.line})` });
      } else if ("error" in r) errors.push(r.error);
      else profiles = r.header;
      return;
    }
    // `#` starts a comment at the start of a line or before a blank; `#0x1234` is an A64 immediate.
    const hash = raw.search(/(^|\s)#(\s|$)|^#/);
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trimEnd();
    const lead = body.length - body.trimStart().length;
    const stepText = body.trim();
    if (!stepText) return;
    sawStep = true;
    try {
      steps.push({ ...parseStep(stepText, lead, index, names), line, text: stepText });
    } catch (e) {
      if (e instanceof LineError) errors.push({ line, col: e.col, message: e.message });
      else if (e instanceof AsmError) errors.push({ line, col: lead + e.column, message: e.message });
      else throw e;
    }
  });
  return { scenario: { file, steps, ...(profiles ? { profiles } : {}) }, errors };
}

/** `v8.0 v8.1-vhe, max` or `all` after `# profiles:`; `at` is the 0-based column where it starts. */
function parseProfilesHeader(rest: string, at: number, line: number): { header: ProfilesHeader } | { error: ScenarioError } {
  const names: { name: string; col: number }[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const col = at + m.index + 1;
    if (m[0].startsWith("#")) break;
    if (names.some((n) => n.name === m?.[0])) return { error: { line, col, message: `profiles: ${m[0]} is named twice` } };
    names.push({ name: m[0], col });
  }
  if (names.length === 0) return { error: { line, col: at + rest.length + 1, message: "profiles: expected profile names or 'all'" } };
  const all = names.find((n) => n.name.toLowerCase() === "all");
  if (all && names.length > 1) return { error: { line, col: all.col, message: "profiles: 'all' stands alone (it means every profile)" } };
  return { header: { line, all: all !== undefined, names: all ? [] : names } };
}

const INSTRUCTIONS = new Set(["mrs", "msr", "eret", "hvc", "svc", "smc", "nop", "isb", "movz", "movk", "movn"]);

function register(tok: string, col: number, index: RegisterIndex): { r: number; name: string } {
  const r = index.find(tok);
  if (r === undefined) throw new LineError(col, `unknown register '${tok}'`);
  return { r, name: index.names[r] ?? tok };
}

function regRef(tok: string, col: number, index: RegisterIndex): RegRef {
  if (NUMBER.test(tok)) return { kind: "id", id: u64(tok, col) };
  return { kind: "name", ...register(tok, col, index) };
}

function expectEnd(toks: { t: string; col: number }[], k: number): void {
  const extra = toks[k];
  if (extra) throw new LineError(extra.col, `unexpected '${extra.t}'`);
}

function parseStep(text: string, lead: number, index: RegisterIndex, names: SysregNames): StepBody {
  const toks = tokenize(text, lead);
  const first = toks[0] ?? { t: "", col: lead + 1 };
  const word = first.t.toLowerCase();
  const at = (k: number, what: string) => {
    const t = toks[k];
    if (!t) throw new LineError(lead + text.length + 1, `expected ${what}`);
    return t;
  };
  if (INSTRUCTIONS.has(word)) return { op: "insn", word: assemble(text, names) };
  switch (word) {
    case "reset":
      expectEnd(toks, 1);
      return { op: "reset" };
    case "el": {
      const t = at(1, "an exception level (0, 1 or 2)");
      const el = Number(num(t.t, t.col, "an exception level"));
      if (el > 2) throw new LineError(t.col, "the virtual EL is 0, 1 or 2");
      expectEnd(toks, 2);
      return { op: "el", el };
    }
    case ".inst": {
      const t = at(1, "an instruction word");
      const w = num(t.t, t.col, "an instruction word");
      if (w >> 32n !== 0n) throw new LineError(t.col, `${t.t} is not a 32-bit word`);
      expectEnd(toks, 2);
      return { op: "insn", word: Number(w) };
    }
    case "expect":
      return parseExpect(toks, at, index);
    case "onereg": {
      const verb = at(1, "get or set");
      if (verb.t === "get") {
        const target = at(2, "a register name or ONE_REG id");
        const arrow = at(3, "->");
        if (arrow.t !== "->") throw new LineError(arrow.col, "expected '->'");
        const dst = at(4, "a destination xN");
        const n = xreg(dst.t, dst.col);
        if (n === undefined) throw new LineError(dst.col, `expected a destination xN, got '${dst.t}'`);
        expectEnd(toks, 5);
        return { op: "onereg-get", target: regRef(target.t, target.col, index), dst: n };
      }
      if (verb.t === "set") {
        const target = at(2, "a register name or ONE_REG id");
        const comma = at(3, "','");
        if (comma.t !== ",") throw new LineError(comma.col, "expected ','");
        const v = at(4, "a value");
        expectEnd(toks, 5);
        return { op: "onereg-set", target: regRef(target.t, target.col, index), value: u64(v.t, v.col) };
      }
      throw new LineError(verb.col, `expected 'get' or 'set', got '${verb.t}'`);
    }
    case "reglist": {
      if (!toks[1]) return { op: "reglist" };
      const n = num(toks[1].t, toks[1].col, "the number of ids the list has room for");
      expectEnd(toks, 2);
      return { op: "reglist", capacity: Number(n) };
    }
    case "getregs":
      expectEnd(toks, 1);
      return { op: "getregs" };
    case "setregs": {
      const edits: { r: number; name: string; value: bigint }[] = [];
      for (let k = 1; k < toks.length; ) {
        const name = at(k, "a register name");
        const eq = at(k + 1, "'='");
        if (eq.t !== "=") throw new LineError(eq.col, "expected '='");
        const v = at(k + 2, "a value");
        edits.push({ ...register(name.t, name.col, index), value: u64(v.t, v.col) });
        k += 3;
        if (toks[k]) {
          if (toks[k]?.t !== ",") throw new LineError(toks[k]?.col ?? 0, "expected ','");
          k++;
        }
      }
      return { op: "setregs", edits };
    }
    case "pc": {
      const eq = at(1, "'='");
      if (eq.t !== "=") throw new LineError(eq.col, "expected '='");
      const v = at(2, "a value");
      expectEnd(toks, 3);
      return { op: "set-pc", value: u64(v.t, v.col) };
    }
    default: {
      const n = xreg(first.t, first.col);
      if (n !== undefined) {
        const eq = at(1, "'='");
        if (eq.t !== "=") throw new LineError(eq.col, "expected '='");
        const v = at(2, "a value");
        expectEnd(toks, 3);
        return { op: "set-x", n, value: u64(v.t, v.col) };
      }
      throw new LineError(first.col, `unknown step '${first.t}'`);
    }
  }
}

function parseExpect(
  toks: { t: string; col: number }[],
  at: (k: number, what: string) => { t: string; col: number },
  index: RegisterIndex,
): StepBody {
  const lhs = at(1, "what to check");
  if (lhs.t.toLowerCase() === "reglist") {
    const verb = at(2, "has or lacks");
    if (verb.t !== "has" && verb.t !== "lacks") throw new LineError(verb.col, `expected 'has' or 'lacks', got '${verb.t}'`);
    const id = at(3, "a ONE_REG id");
    expectEnd(toks, 4);
    return { op: "expect-reglist", has: verb.t === "has", id: u64(id.t, id.col) };
  }
  const cmp = at(2, "== or !=");
  if (cmp.t !== "==" && cmp.t !== "!=") throw new LineError(cmp.col, `expected == or !=, got '${cmp.t}'`);
  const v = at(3, "a value");
  expectEnd(toks, 4);
  const key = lhs.t.toLowerCase();
  let operand: Operand;
  if (key === "el" || key === "pc" || key === "nzcv" || key === "daif" || key === "spsel" || key === "errno") operand = { kind: key };
  else {
    const n = xreg(lhs.t, lhs.col);
    operand = n !== undefined ? { kind: "x", n } : { kind: "reg", ...register(lhs.t, lhs.col, index) };
  }
  const value =
    operand.kind === "errno" && v.t in ERRNO_NAMES ? (ERRNO_NAMES[v.t] ?? 0n) : u64(v.t, v.col);
  return { op: "expect", lhs: operand, cmp: cmp.t, value };
}
