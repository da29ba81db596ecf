/**
 * A64 encoder and assembler for reglab's subset. `encode` fills in the
 * fields of opcodes.ts; `assemble` reads one instruction in the syntax GNU as
 * accepts (case-insensitive, `#` optional before an immediate, numbers in
 * decimal or 0x hex) and reports problems as AsmError with a column.
 */
import { ISB_SY, type Encoding, type Instruction, type PstateField } from "./instruction.js";
import { ERET, EXCEPTION_GENERATION, ISB, MOVE_WIDE, MSR_IMM, NOP, PSTATE_FIELD_OPS, SYSREG_MOVE } from "./opcodes.js";
import { parseGenericSysreg, type SysregNames } from "./sysreg-names.js";

/** `value` must be an integer that fits in `width` bits. */
function field(op: string, name: string, value: number, width: number, min = 0): number {
  const max = 2 ** width - 1;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${op}: ${name} ${value} out of range ${min}..${max}`);
  }
  return value;
}

/** The 32-bit word of an instruction; throws RangeError for an operand the encoding cannot hold. */
export function encode(insn: Instruction): number {
  switch (insn.op) {
    case "mrs":
    case "msr": {
      const { op0, op1, crn, crm, op2 } = insn.sysreg;
      const w =
        SYSREG_MOVE.value |
        (insn.op === "mrs" ? SYSREG_MOVE.L : 0) |
        ((field(insn.op, "op0", op0, 2, 2) - 2) << 19) |
        (field(insn.op, "op1", op1, 3) << 16) |
        (field(insn.op, "CRn", crn, 4) << 12) |
        (field(insn.op, "CRm", crm, 4) << 8) |
        (field(insn.op, "op2", op2, 3) << 5) |
        field(insn.op, "Rt", insn.rt, 5);
      return w >>> 0;
    }
    case "msr-imm": {
      const ops = PSTATE_FIELD_OPS[insn.field];
      return (MSR_IMM.value | (ops.op1 << 16) | (field("msr", insn.field, insn.imm, 4) << 8) | (ops.op2 << 5)) >>> 0;
    }
    case "nop":
      return NOP;
    case "isb":
      return (ISB.value | (field("isb", "option", insn.option ?? ISB_SY, 4) << 8)) >>> 0;
    case "eret":
      return ERET;
    case "svc":
    case "hvc":
    case "smc":
      return (EXCEPTION_GENERATION[insn.op] | (field(insn.op, "imm16", insn.imm, 16) << 5)) >>> 0;
    case "movz":
    case "movk":
    case "movn": {
      field(insn.op, "sf", insn.sf, 1);
      const w =
        (insn.sf << 31) |
        (MOVE_WIDE.opc[insn.op] << 29) |
        MOVE_WIDE.value |
        (field(insn.op, "hw", insn.hw, insn.sf === 1 ? 2 : 1) << 21) |
        (field(insn.op, "imm16", insn.imm16, 16) << 5) |
        field(insn.op, "Rd", insn.rd, 5);
      return w >>> 0;
    }
  }
}

/** A problem in assembler text; `column` is 1-based, counted in the text given to assemble(). */
export class AsmError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = "AsmError";
    this.column = column;
  }
}

// ---------------------------------------------------------------- lexer

type Token =
  | { readonly kind: "ident"; readonly text: string; readonly col: number }
  | { readonly kind: "number"; readonly text: string; readonly col: number; readonly value: bigint }
  | { readonly kind: "#" | ","; readonly text: string; readonly col: number };

function parseNumber(text: string, col: number): bigint {
  const neg = text.startsWith("-");
  const digits = neg ? text.slice(1) : text;
  let v: bigint;
  if (/^0x[0-9a-f]+$/i.test(digits) || /^(0|[1-9][0-9]*)$/.test(digits)) v = BigInt(digits);
  else if (/^0[0-9]+$/.test(digits)) {
    throw new AsmError(`ambiguous number ${text}: GNU as reads a leading 0 as octal; write it in decimal without the 0, or in 0x hex`, col);
  } else throw new AsmError(`bad number ${text}: write decimal or 0x hex`, col);
  return neg ? -v : v;
}

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|([A-Za-z_][A-Za-z0-9_]*)|(-?[0-9][0-9A-Za-z_]*)|([#,])/y;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    const col = i + 1;
    if (!m) throw new AsmError(`unexpected character '${text[i] ?? ""}'`, col);
    const [all, ident, num, punct] = m;
    if (ident !== undefined) tokens.push({ kind: "ident", text: ident, col });
    else if (num !== undefined) tokens.push({ kind: "number", text: num, col, value: parseNumber(num, col) });
    else if (punct === "#" || punct === ",") tokens.push({ kind: punct, text: punct, col });
    i += all.length;
  }
  return tokens;
}

// ---------------------------------------------------------------- operands

type Operand =
  | { readonly kind: "imm"; readonly text: string; readonly value: bigint; readonly col: number }
  | { readonly kind: "name"; readonly text: string; readonly col: number }
  /** A shift such as `lsl #16`: a name followed by an immediate. */
  | { readonly kind: "shift"; readonly text: string; readonly shift: string; readonly amount: Operand & { kind: "imm" }; readonly col: number };

function describe(t: Token | undefined): string {
  return t ? `'${t.text}'` : "end of instruction";
}

function parseOperands(tokens: readonly Token[], start: number, end: number): Operand[] {
  const ops: Operand[] = [];
  let i = start;
  const imm = (): Operand & { kind: "imm" } => {
    const t = tokens[i];
    const hash = t?.kind === "#" ? t : undefined;
    const n = hash ? tokens[i + 1] : t;
    if (n?.kind !== "number") throw new AsmError(`expected a number, found ${describe(n)}`, n?.col ?? end);
    i += hash ? 2 : 1;
    return { kind: "imm", text: (hash ? "#" : "") + n.text, value: n.value, col: (hash ?? n).col };
  };
  if (i >= tokens.length) return ops;
  for (;;) {
    const t = tokens[i];
    if (t === undefined || t.kind === ",") throw new AsmError(`expected an operand, found ${describe(t)}`, t?.col ?? end);
    if (t.kind === "#" || t.kind === "number") ops.push(imm());
    else if (t.kind === "ident" && (tokens[i + 1]?.kind === "#" || tokens[i + 1]?.kind === "number")) {
      i++;
      const amount = imm();
      ops.push({ kind: "shift", text: `${t.text} ${amount.text}`, shift: t.text.toLowerCase(), amount, col: t.col });
    } else {
      ops.push({ kind: "name", text: t.text, col: t.col });
      i++;
    }
    const next = tokens[i];
    if (next === undefined) return ops;
    if (next.kind !== ",") throw new AsmError(`expected ',' or end of instruction, found ${describe(next)}`, next.col);
    i++;
  }
}

// ---------------------------------------------------------------- assembler

const PSTATE_FIELDS: ReadonlyMap<string, PstateField> = new Map(
  (Object.keys(PSTATE_FIELD_OPS) as PstateField[]).map((f) => [f.toLowerCase(), f]),
);

const SYNTAX = {
  mrs: "mrs Xt, <sysreg>",
  msr: "msr <sysreg>, Xt  or  msr DAIFSet|DAIFClr|SPSel, #imm",
  eret: "eret",
  nop: "nop",
  isb: "isb  or  isb #0-15",
  hvc: "hvc #imm16",
  svc: "svc #imm16",
  smc: "smc #imm16",
  movz: "movz Rd, #imm16{, lsl #shift}",
  movk: "movk Rd, #imm16{, lsl #shift}",
  movn: "movn Rd, #imm16{, lsl #shift}",
} as const;
type AsmMnemonic = keyof typeof SYNTAX;

function isMnemonic(s: string): s is AsmMnemonic {
  return Object.hasOwn(SYNTAX, s);
}

/** Assemble one instruction of `text` to its word; names resolve system register names (plus the generic S3_4_C1_C0_0 form). */
export function assemble(text: string, names: SysregNames): number {
  return encode(parseInstruction(text, names));
}

/** Parse one instruction; throws AsmError. */
export function parseInstruction(text: string, names: SysregNames): Instruction {
  const tokens = lex(text);
  const end = text.trimEnd().length + 1;
  const first = tokens[0];
  if (first === undefined) throw new AsmError("expected an instruction", end);
  if (first.kind !== "ident") throw new AsmError(`expected an instruction mnemonic, found ${describe(first)}`, first.col);
  const mn = first.text.toLowerCase();
  if (!isMnemonic(mn)) {
    const hint = mn === "mov" ? " (write movz, movn or movk)" : ` (reglab assembles ${Object.keys(SYNTAX).join(", ")})`;
    throw new AsmError(`unknown or unsupported instruction '${first.text}'${hint}`, first.col);
  }
  const ops = parseOperands(tokens, 1, end);
  const arity = (min: number, max = min): void => {
    const extra = ops[max];
    if (extra) throw new AsmError(`too many operands: ${SYNTAX[mn]}`, extra.col);
    if (ops.length < min) throw new AsmError(`missing operand: ${SYNTAX[mn]}`, end);
  };

  switch (mn) {
    case "mrs": {
      arity(2);
      return { op: "mrs", rt: xreg(mn, op(ops, 0)), sysreg: sysreg(op(ops, 1), names) };
    }
    case "msr": {
      arity(2);
      const target = op(ops, 0);
      const value = op(ops, 1);
      const pstate = target.kind === "name" ? PSTATE_FIELDS.get(target.text.toLowerCase()) : undefined;
      if (value.kind === "imm") {
        if (!pstate) {
          throw new AsmError(`msr with an immediate writes a PSTATE field: DAIFSet, DAIFClr or SPSel, not ${target.text}`, target.col);
        }
        return { op: "msr-imm", field: pstate, imm: immediate(value, 15) };
      }
      if (pstate && pstate !== "SPSel") throw new AsmError(`${pstate} takes an immediate: msr ${pstate}, #0-15`, value.col);
      return { op: "msr", sysreg: sysreg(target, names), rt: xreg(mn, value) };
    }
    case "eret":
    case "nop":
      arity(0);
      return { op: mn };
    case "isb": {
      arity(0, 1);
      const o = ops[0];
      if (o === undefined || (o.kind === "name" && o.text.toLowerCase() === "sy")) return { op: "isb" };
      if (o.kind !== "imm") throw new AsmError(`expected SY or #0-15, found '${o.text}'`, o.col);
      const option = immediate(o, 15);
      return option === ISB_SY ? { op: "isb" } : { op: "isb", option };
    }
    case "hvc":
    case "svc":
    case "smc":
      arity(1);
      return { op: mn, imm: immediate(op(ops, 0), 0xffff) };
    case "movz":
    case "movk":
    case "movn": {
      arity(2, 3);
      const { rd, sf } = gpr(op(ops, 0));
      const imm16 = immediate(op(ops, 1), 0xffff);
      const shift = ops[2];
      let hw = 0;
      if (shift) {
        if (shift.kind !== "shift" || shift.shift !== "lsl") throw new AsmError(`expected 'lsl #shift', found '${shift.text}'`, shift.col);
        const amount = shift.amount.value;
        const max = sf === 1 ? 48n : 16n;
        if (amount < 0n || amount > max || amount % 16n !== 0n) {
          const allowed = sf === 1 ? "0, 16, 32 or 48" : "0 or 16 (a w register)";
          throw new AsmError(`shift amount ${shift.amount.text} must be ${allowed}`, shift.amount.col);
        }
        hw = Number(amount / 16n);
      }
      return { op: mn, sf, rd, imm16, hw };
    }
  }
}

function op(ops: readonly Operand[], i: number): Operand {
  const o = ops[i];
  if (o === undefined) throw new Error(`operand ${i} missing after the arity check`);
  return o;
}

function immediate(o: Operand, max: number): number {
  if (o.kind !== "imm") throw new AsmError(`expected an immediate #0-${max === 0xffff ? "0xffff" : max}, found '${o.text}'`, o.col);
  if (o.value < 0n || o.value > BigInt(max)) {
    throw new AsmError(`immediate ${o.text} out of range 0 to ${max === 0xffff ? "0xffff" : max}`, o.col);
  }
  return Number(o.value);
}

/** x0-x30, xzr, w0-w30, wzr: register 31 is the zero register in every instruction here. */
function gpr(o: Operand): { rd: number; sf: 0 | 1 } {
  const bad = (why: string): AsmError => new AsmError(why, o.col);
  if (o.kind !== "name") throw bad(`expected a register (x0-x30, xzr, w0-w30, wzr), found '${o.text}'`);
  const name = o.text.toLowerCase();
  if (name === "xzr" || name === "wzr") return { rd: 31, sf: name === "xzr" ? 1 : 0 };
  if (name === "sp" || name === "wsp") throw bad(`${o.text} cannot be used here: register 31 is ${name === "sp" ? "xzr" : "wzr"} in this instruction`);
  const m = /^([xw])(0|[1-9][0-9]?)$/.exec(name);
  const n = m ? Number(m[2]) : NaN;
  if (!m || n > 31) throw bad(`expected a register (x0-x30, xzr, w0-w30, wzr), found '${o.text}'`);
  if (n === 31) throw bad(`there is no ${o.text}: register 31 is written ${m[1] === "x" ? "xzr" : "wzr"}`);
  return { rd: n, sf: m[1] === "x" ? 1 : 0 };
}

function xreg(mn: string, o: Operand): number {
  const { rd, sf } = gpr(o);
  if (sf === 0) throw new AsmError(`${mn} needs a 64-bit register (x0-x30 or xzr), not ${o.text}`, o.col);
  return rd;
}

function sysreg(o: Operand, names: SysregNames): Encoding {
  if (o.kind !== "name") throw new AsmError(`expected a system register name, found '${o.text}'`, o.col);
  const named = names.encodingOf(o.text);
  if (named) return named;
  const generic = parseGenericSysreg(o.text);
  if (!generic) {
    throw new AsmError(`unknown system register ${o.text} (not in the specs; S<op0>_<op1>_C<n>_C<m>_<op2> names any encoding)`, o.col);
  }
  if (generic.op0 < 2) {
    throw new AsmError(`${o.text} has op0 ${generic.op0}: mrs and msr reach op0 2 and 3 only (op0 0 and 1 are other system instructions)`, o.col);
  }
  return generic;
}
