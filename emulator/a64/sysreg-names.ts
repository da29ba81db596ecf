/**
 * System register names for the assembler and disassembler, from the register
 * model: every register and alias with an encoding, looked up
 * case-insensitively, and printed as the spec spells it. Encodings without a
 * spec name use the generic form S<op0>_<op1>_C<n>_C<m>_<op2> (as GNU as
 * accepts and objdump prints, lower-case: s3_4_c15_c0_0).
 */
import { encodingKey, type Encoding, type RegisterModel } from "../../generators/spec/model.js";

export interface SysregNames {
  /** The encoding of a register or alias name (any case), or undefined when the specs have no such name. */
  encodingOf(name: string): Encoding | undefined;
  /** The spec's name for an encoding, or undefined when no register or alias has it. */
  nameOf(encoding: Encoding): string | undefined;
}

/** Registers and aliases with an encoding; registers win if the specs ever give two names one encoding. */
export function sysregNames(model: Pick<RegisterModel, "registers" | "aliases">): SysregNames {
  const byName = new Map<string, Encoding>();
  const byEncoding = new Map<string, string>();
  for (const r of [...model.registers, ...model.aliases]) {
    if (!r.encoding) continue;
    byName.set(r.name.toUpperCase(), r.encoding);
    const key = encodingKey(r.encoding);
    if (!byEncoding.has(key)) byEncoding.set(key, r.name);
  }
  return {
    encodingOf: (name) => byName.get(name.toUpperCase()),
    nameOf: (encoding) => byEncoding.get(encodingKey(encoding)),
  };
}

/** Resolve names on first use only (the CLI needs no specs for `nop` or a bad word). */
export function lazySysregNames(load: () => SysregNames): SysregNames {
  let names: SysregNames | undefined;
  const get = (): SysregNames => (names ??= load());
  return { encodingOf: (n) => get().encodingOf(n), nameOf: (e) => get().nameOf(e) };
}

const GENERIC = /^s([0-3])_([0-7])_c([0-9]|1[0-5])_c([0-9]|1[0-5])_([0-7])$/i;

/** S3_4_C1_C0_0 (any case) -> its encoding; undefined when `name` is not of that form. */
export function parseGenericSysreg(name: string): Encoding | undefined {
  const m = GENERIC.exec(name);
  if (!m) return undefined;
  const [op0, op1, crn, crm, op2] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { op0, op1, crn, crm, op2 };
}

/** The generic name objdump prints for an encoding it has no name for: s3_4_c15_c0_0. */
export function genericSysregName(e: Encoding): string {
  return `s${e.op0}_${e.op1}_c${e.crn}_c${e.crm}_${e.op2}`;
}

/** The name to print: the spec's, else the generic form. */
export function sysregName(names: SysregNames, e: Encoding): string {
  return names.nameOf(e) ?? genericSysregName(e);
}
