/**
 * The emulator's view of the register model: every register a vCPU has,
 * numbered once (core registers first, then every spec'd register by name),
 * with what the hot path needs as typed arrays of 32-bit halves — RES0/RES1
 * masks, access per EL, an encoding lookup table — so that executing MRS or
 * MSR never builds a BigInt or looks up a string.
 *
 * Layout-independent: a layout maps these numbers to its own offsets.
 */
import { rangeMask } from "../generators/spec/bits.js";
import type { AccessMode, Encoding, Format, MapRule, Register, RegisterModel } from "../generators/spec/model.js";
import { KVM_NV_ABSENT_FEATURES } from "./arch.js";

export const X_REGS = Array.from({ length: 31 }, (_, n) => `X${n}`);
export const V_REGS = Array.from({ length: 32 }, (_, n) => `V${n}`);
/** Core registers without a YAML spec (KVM's "core" ONE_REG class, arch/arm64/include/uapi/asm/kvm.h). */
export const CORE_REGS = [...X_REGS, "PC", "PSTATE", ...V_REGS];

const ACCESS_CODE: Record<AccessMode, number> = { ro: 1, wo: 2, rw: 3 };
export const CAN_READ = 1;
export const CAN_WRITE = 2;

/** op0:op1:CRn:CRm:op2 packed into 16 bits, as MRS/MSR words carry them (o0 = op0 - 2). */
export function encodingKey16(e: Encoding): number {
  return ((e.op0 & 3) << 14) | (e.op1 << 11) | (e.crn << 7) | (e.crm << 3) | e.op2;
}

export interface TrapBit {
  /** Register number of the control register (HCR_EL2, ...). */
  readonly reg: number;
  /** Bit position within it. */
  readonly bit: number;
  readonly when: 0 | 1;
  /**
   * A fine-grained trap (HFGRTR_EL2, HFGWTR_EL2, HFGITR_EL2, HDFGRTR_EL2, ...): it does not apply
   * at EL0 when HCR_EL2.{E2H,TGE} == {1,1}, where EL0 is the host's (Arm ARM, the FGT registers'
   * descriptions: "... at EL1 and EL0 ... when HCR_EL2.{E2H, TGE} != {1, 1}").
   */
  readonly fineGrained: boolean;
}

/** The fine-grained trap registers (FEAT_FGT, FEAT_FGT2), by name. */
const FINE_GRAINED = /^H(?:AFG|DFG[RW]|FG[RWI])TR2?_EL2$/;

/** Every feature a register, alias or field of `model` names (both E2H formats). */
export function modelFeatures(model: Pick<RegisterModel, "registers" | "aliases">): Set<string> {
  const out = new Set<string>();
  const add = (f: string | undefined) => {
    if (f !== undefined) out.add(f);
  };
  for (const r of model.registers) {
    add(r.feature);
    for (const f of r.fields) add(f.feature);
    for (const f of r.formatE2H1?.fields ?? []) add(f.feature);
  }
  for (const a of model.aliases) add(a.feature);
  return out;
}

const NO_FEATURES: ReadonlySet<string> = new Set();

export class RegisterIndex {
  readonly names: readonly string[];
  readonly byName: ReadonlyMap<string, number>;
  /** Upper-cased name -> number, for case-insensitive lookups (scenarios, ONE_REG by name). */
  readonly byUpperName: ReadonlyMap<string, number>;
  /** Size in bytes: 4, 8 or 16. */
  readonly bytes: Uint8Array;
  /** The spec, or undefined for X/V/PC/PSTATE. */
  readonly spec: readonly (Register | undefined)[];
  /**
   * RES0 and RES1 masks as [lo, hi] halves: primary format, then the HCR_EL2.E2H == 1 format;
   * fields gated on a feature the vCPU lacks are folded in (their `whenAbsent`).
   */
  readonly res0: Uint32Array;
  readonly res1: Uint32Array;
  readonly res0E2H1: Uint32Array;
  readonly res1E2H1: Uint32Array;
  /**
   * What a write (MSR, KVM_SET_ONE_REG) forces, whatever HCR_EL2.E2H is: the bits reserved in
   * every format. A bit that is RES0/RES1 in one E2H format only keeps the value written (Arm ARM
   * DDI 0487 Glossary, RES0/RES1 "in only some contexts": a read returns the value last written,
   * whatever the context of the write), as KVM keeps SCTLR_EL2, CPTR_EL2 and TCR_EL2 as written
   * (sys_regs.c EL2_REG(..., access_rw, ...)). Registers with one format: their masks.
   */
  readonly writeRes0: Uint32Array;
  readonly writeRes1: Uint32Array;
  /** Access bits (CAN_READ | CAN_WRITE) per register and EL: [r * 4 + el]. */
  readonly access: Uint8Array;
  /** 16-bit encoding -> register number + 1 (0: none). */
  readonly byEncoding: Int32Array;
  /**
   * 16-bit encoding -> alias target register number + 1 (0: not an alias), for every alias the
   * specs name, implemented or not (a layout without EL2 state refuses a scenario that names one).
   */
  readonly aliasByEncoding: Int32Array;
  /** 16-bit encoding -> 1 when the alias there exists on this vCPU: its feature and its target's are present. */
  readonly aliasImplemented: Uint8Array;
  /**
   * 1 when the vCPU implements the register: it has the register's `feature` (core registers and
   * registers with no feature always). An unimplemented register has no access at any EL
   * (`access` is 0): MRS/MSR of it is UNDEFINED, as the Arm ARM (DDI 0487) makes an access to a
   * register of an unimplemented feature in the register's Configurations clause ("This register
   * is present only when FEAT_X is implemented. Otherwise, direct accesses to <reg> are
   * UNDEFINED"), reported as any UNDEFINED instruction: ESR_ELx.EC 0x00, "Unknown reason".
   */
  readonly implemented: Uint8Array;
  /**
   * 1 when KVM shows the register to userspace: the profile has its feature. A register whose
   * feature the profile lacks is what KVM hides with a visibility callback (arch/arm64/kvm/sys_regs.c
   * sysreg_hidden(): walk_one_sys_reg() leaves it out of KVM_GET_REG_LIST, and
   * kvm_sys_reg_get_user()/kvm_sys_reg_set_user() answer -ENOENT, "if (!r || sysreg_hidden(vcpu, r))
   * return -ENOENT"). Differs from `implemented` only for features KVM's nested vCPU lacks whatever
   * the host (arch.ts KVM_NV_ABSENT_FEATURES): KVM lists DACR32_EL2 & co. with no visibility callback
   * and makes a guest access undef_access ({ SYS_DESC(SYS_DACR32_EL2), undef_access, reset_unknown, DACR32_EL2 }).
   */
  readonly visible: Uint8Array;
  /** EL2 register -> its counterpart's number, or -1. */
  readonly counterpart: Int32Array;
  /** EL1 register -> the EL2 register an access at EL2 with E2H == 1 is redirected to, or -1. */
  readonly redirect: Int32Array;
  /** E2H == 0 mapping rules of EL2 registers (undefined: identity; "none": not loaded). */
  readonly mapping: readonly (readonly MapRule[] | "none" | undefined)[];
  /** Trap controls per register, per direction. */
  readonly readTraps: readonly (readonly TrapBit[])[];
  readonly writeTraps: readonly (readonly TrapBit[])[];
  readonly X0: number;
  readonly PC: number;
  readonly PSTATE: number;
  readonly SP_EL0: number;

  /**
   * `absentFeatures`: the features the vCPU lacks: registers and aliases gated on them are not
   * implemented (UNDEFINED at every EL), fields gated on them take their `whenAbsent` value, trap
   * controls in them do not exist; by default those KVM's nested-virtualization vCPU lacks and
   * sanitises (arch.ts), what the `max` profile's vCPU lacks. `hiddenFeatures`: the features the
   * CPU profile lacks: registers gated on them are not in KVM_GET_REG_LIST and ONE_REG answers
   * ENOENT for them (machine.ts registerIndex() builds both from a profile).
   */
  constructor(
    readonly model: RegisterModel,
    readonly absentFeatures: ReadonlySet<string> = KVM_NV_ABSENT_FEATURES,
    readonly hiddenFeatures: ReadonlySet<string> = NO_FEATURES,
  ) {
    const names = [...CORE_REGS, ...model.registers.map((r) => r.name)];
    this.names = names;
    this.byName = new Map(names.map((n, i) => [n, i]));
    this.byUpperName = new Map(names.map((n, i) => [n.toUpperCase(), i]));
    const n = names.length;
    const spec = names.map((name) => model.byName.get(name)).map((r) => (r?.kind === "register" ? r : undefined));
    this.spec = spec;
    this.bytes = Uint8Array.from(names.map((name, i) => (name.startsWith("V") && !spec[i] ? 16 : (spec[i]?.width ?? 64) / 8)));
    this.res0 = new Uint32Array(2 * n);
    this.res1 = new Uint32Array(2 * n);
    this.res0E2H1 = new Uint32Array(2 * n);
    this.res1E2H1 = new Uint32Array(2 * n);
    this.writeRes0 = new Uint32Array(2 * n);
    this.writeRes1 = new Uint32Array(2 * n);
    this.access = new Uint8Array(4 * n);
    this.counterpart = new Int32Array(n).fill(-1);
    this.redirect = new Int32Array(n).fill(-1);
    this.byEncoding = new Int32Array(1 << 16);
    this.aliasByEncoding = new Int32Array(1 << 16);
    this.aliasImplemented = new Uint8Array(1 << 16);
    const has = (feature: string | undefined) => feature === undefined || !absentFeatures.has(feature);
    this.implemented = Uint8Array.from(spec, (r) => (has(r?.feature) ? 1 : 0));
    this.visible = Uint8Array.from(spec, (r) => (r?.feature === undefined || !hiddenFeatures.has(r.feature) ? 1 : 0));
    const mapping: (readonly MapRule[] | "none" | undefined)[] = new Array<undefined>(n).fill(undefined);
    const readTraps: TrapBit[][] = names.map(() => []);
    const writeTraps: TrapBit[][] = names.map(() => []);
    const put = (arr: Uint32Array, i: number, v: bigint) => {
      arr[2 * i] = Number(v & 0xffffffffn) >>> 0;
      arr[2 * i + 1] = Number((v >> 32n) & 0xffffffffn) >>> 0;
    };
    spec.forEach((r, i) => {
      if (!r) {
        // X, PC, PSTATE, V: reachable at every EL through their own instructions, never through MRS/MSR.
        for (let el = 0; el < 4; el++) this.access[4 * i + el] = CAN_READ | CAN_WRITE;
        return;
      }
      const [p0, p1] = this.masksOf(r);
      const [e0, e1] = r.formatE2H1 ? this.masksOf(r.formatE2H1) : [p0, p1];
      put(this.res0, i, p0);
      put(this.res1, i, p1);
      put(this.res0E2H1, i, e0);
      put(this.res1E2H1, i, e1);
      put(this.writeRes0, i, p0 & e0);
      put(this.writeRes1, i, p1 & e1);
      if (this.implemented[i] === 1) r.access.forEach((a, el) => (this.access[4 * i + el] = a ? (ACCESS_CODE[a] ?? 0) : 0));
      if (r.encoding) this.byEncoding[encodingKey16(r.encoding)] = i + 1;
      if (r.counterpart) {
        const c = this.byName.get(r.counterpart) ?? -1;
        this.counterpart[i] = c;
        // An EL2 register the vCPU lacks redirects nothing: the EL1 name reaches the EL1 register.
        if (r.e2hRedirect && c >= 0 && this.implemented[i] === 1) this.redirect[c] = i;
      }
      mapping[i] = r.toCounterpart;
    });
    for (const a of model.aliases) {
      const t = this.byName.get(a.aliasOf);
      if (t === undefined) continue;
      const key = encodingKey16(a.encoding);
      this.aliasByEncoding[key] = t + 1;
      // _EL12/_EL02 accessors exist only with FEAT_VHE (their `feature`), and only for a target the vCPU has.
      this.aliasImplemented[key] = has(a.feature) && this.implemented[t] === 1 ? 1 : 0;
    }
    // A trap control in a register or field the vCPU lacks does not exist: nothing traps on it.
    const trapBit = (ref: { register: string; field: string; trapsWhen: 0 | 1 }): TrapBit[] => {
      const reg = this.byName.get(ref.register);
      const f = reg === undefined ? undefined : spec[reg]?.fields.find((x) => x.name === ref.field);
      if (reg === undefined || !f || this.implemented[reg] !== 1 || !has(f.feature)) return [];
      return [{ reg, bit: f.range.lo, when: ref.trapsWhen, fineGrained: FINE_GRAINED.test(ref.register) }];
    };
    spec.forEach((r, i) => {
      if (!r) return;
      readTraps[i] = r.traps.read.flatMap(trapBit);
      writeTraps[i] = r.traps.write.flatMap(trapBit);
    });
    this.mapping = mapping;
    this.readTraps = readTraps;
    this.writeTraps = writeTraps;
    this.X0 = 0;
    this.PC = this.byName.get("PC") ?? -1;
    this.PSTATE = this.byName.get("PSTATE") ?? -1;
    this.SP_EL0 = this.byName.get("SP_EL0") ?? -1;
  }

  /** A format's RES0 and RES1 masks with the fields of absent features folded in. */
  private masksOf(f: Format): [bigint, bigint] {
    let res0 = f.res0.value;
    let res1 = f.res1.value;
    for (const x of f.fields) {
      if (x.feature === undefined || !this.absentFeatures.has(x.feature)) continue;
      if (x.whenAbsent === "res1") res1 |= x.mask;
      else res0 |= x.mask;
    }
    return [res0, res1];
  }

  /** Whether the vCPU has `feature` (undefined: a register or field with no feature, always). */
  hasFeature(feature: string | undefined): boolean {
    return feature === undefined || !this.absentFeatures.has(feature);
  }

  /** Register number by name, case-insensitive; undefined if unknown. */
  find(name: string): number | undefined {
    return this.byName.get(name) ?? this.byUpperName.get(name.toUpperCase());
  }

  number(name: string): number {
    const i = this.find(name);
    if (i === undefined) throw new Error(`no register ${name}`);
    return i;
  }

  /** What a write of `value` stores (writeRes0/writeRes1), for edges (ONE_REG) that work in bigint. */
  sanitize(r: number, value: bigint): bigint {
    const m0 = BigInt(this.writeRes0[2 * r] ?? 0) | (BigInt(this.writeRes0[2 * r + 1] ?? 0) << 32n);
    const m1 = BigInt(this.writeRes1[2 * r] ?? 0) | (BigInt(this.writeRes1[2 * r + 1] ?? 0) << 32n);
    const width = (this.bytes[r] ?? 8) * 8;
    return ((value & ((1n << BigInt(width)) - 1n)) & ~m0) | m1;
  }

  /** Bit of a one-bit field, for control registers the core reads (HCR_EL2.E2H, ...). */
  fieldBit(reg: string, field: string): number {
    const r = this.spec[this.number(reg)];
    const f = r?.fields.find((x) => x.name === field);
    if (!f || f.range.hi !== f.range.lo) throw new Error(`${reg}.${field} is not a one-bit field`);
    return f.range.lo;
  }

  fieldMask(reg: string, field: string): bigint {
    const r = this.spec[this.number(reg)];
    const f = r?.fields.find((x) => x.name === field);
    if (!f) throw new Error(`${reg} has no field ${field}`);
    return rangeMask(f.range);
  }
}
