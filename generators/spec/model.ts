/**
 * The typed register model every generator, the emulator and the docs read.
 * Built once from validated specs; nothing downstream touches YAML.
 */
import type { BitRange, Mask } from "./bits.js";
import type { Position } from "./diagnostics.js";

export type ExceptionLevel = 0 | 1 | 2 | 3;
export type RegisterClass = "sysreg" | "special" | "core";
export type AccessMode = "rw" | "ro" | "wo";

/** The MRS/MSR operands (Arm ARM C5.3, "A64 system instructions for ... system registers"). */
export interface Encoding {
  readonly op0: number;
  readonly op1: number;
  readonly crn: number;
  readonly crm: number;
  readonly op2: number;
}

export interface FieldValue {
  readonly value: bigint;
  readonly name: string;
}

export interface Field {
  readonly name: string;
  readonly range: BitRange;
  readonly mask: bigint;
  readonly description?: string;
  readonly feature?: string;
  /** What the bits read as when `feature` is absent. */
  readonly whenAbsent: "res0" | "res1";
  readonly values: readonly FieldValue[];
}

/** A register's bit layout: RES0, RES1 and named fields. */
export interface Format {
  readonly res0: Mask;
  readonly res1: Mask;
  readonly fields: readonly Field[];
}

/**
 * One rule of the EL2 -> EL1 counterpart mapping (non-VHE guest hypervisor).
 * `copy` moves `from` into `to` (a one-bit source fills a wider target;
 * `invert` copies the complement); `set` forces `to` to ones.
 */
export type MapRule =
  | { readonly kind: "copy"; readonly from: BitRange; readonly to: BitRange; readonly invert: boolean }
  | { readonly kind: "set"; readonly to: BitRange };

/** A trap control: a field of an EL2 register, e.g. HCR_EL2.TVM; `trapsWhen` is the value that traps. */
export interface TrapControl {
  readonly register: string;
  readonly field: string;
  readonly trapsWhen: 0 | 1;
}

/** Parse "HCR_EL2.TVM" or "!HCR_EL2.APK" (traps while clear). */
export function parseTrapControl(ref: string): TrapControl {
  const negated = ref.startsWith("!");
  const [register = "", field = ""] = (negated ? ref.slice(1) : ref).split(".");
  return { register, field, trapsWhen: negated ? 0 : 1 };
}

interface Named {
  readonly name: string;
  readonly title: string;
  readonly el: ExceptionLevel;
  readonly feature?: string;
  /** Access mode per EL, index 0..3; null: that EL cannot reach the name (UNDEFINED). */
  readonly access: readonly [AccessMode | null, AccessMode | null, AccessMode | null, AccessMode | null];
  readonly notes?: string;
  readonly source: readonly string[];
  /** Where the spec's `name` is, for messages that point back at the spec. */
  readonly origin: Position;
}

export interface Register extends Named, Format {
  readonly kind: "register";
  readonly cls: RegisterClass;
  readonly width: 32 | 64 | 128;
  readonly encoding?: Encoding;
  /** KVM's vCPU reset value, or "unknown" (architecturally UNKNOWN). */
  readonly reset: bigint | "unknown";
  readonly fieldsComplete: boolean;
  /** The layout with HCR_EL2.E2H == 1, where it differs from the primary (E2H == 0) one. */
  readonly formatE2H1?: Format;
  readonly counterpart?: string;
  /**
   * Absent: same format as the counterpart, copied unchanged; "none": with
   * E2H == 0 the counterpart is not loaded from this register.
   */
  readonly toCounterpart?: readonly MapRule[] | "none";
  readonly e2hRedirect: boolean;
  readonly el12Alias?: string;
  readonly vncr?: number;
  readonly traps: { readonly read: readonly TrapControl[]; readonly write: readonly TrapControl[] };
}

/** An `_EL12` / `_EL02` name: another encoding that reaches `aliasOf` from EL2 with E2H == 1. */
export interface Alias extends Named {
  readonly kind: "alias";
  readonly encoding: Encoding;
  readonly aliasOf: string;
}

export interface RegisterModel {
  /** Sorted by name. */
  readonly registers: readonly Register[];
  /** Sorted by name. */
  readonly aliases: readonly Alias[];
  readonly byName: ReadonlyMap<string, Register | Alias>;
}

export function encodingKey(e: Encoding): string {
  return `${e.op0}_${e.op1}_${e.crn}_${e.crm}_${e.op2}`;
}

export function formatEncoding(e: Encoding): string {
  return `op0=${e.op0} op1=${e.op1} CRn=${e.crn} CRm=${e.crm} op2=${e.op2}`;
}

/** An encoding as the schema hands it over (bigint operands) in plain numbers. */
export function numEncoding(e: { op0: bigint; op1: bigint; crn: bigint; crm: bigint; op2: bigint }): Encoding {
  return { op0: Number(e.op0), op1: Number(e.op1), crn: Number(e.crn), crm: Number(e.crm), op2: Number(e.op2) };
}
