/**
 * The arm64 uapi structs every `struct kvm_regs` is built from, as Linux
 * defines them in arch/arm64/include/uapi/asm/ptrace.h (unchanged since
 * v3.7), with the register each member holds:
 *
 *   struct user_pt_regs { __u64 regs[31]; __u64 sp; __u64 pc; __u64 pstate; };
 *   struct user_fpsimd_state { __uint128_t vregs[32]; __u32 fpsr; __u32 fpcr; __u32 __reserved[2]; };
 *
 * `sp` is SP_EL0 (KVM's core register "regs.sp"). X0..X30, PC, PSTATE and
 * V0..V31 are core registers without a YAML spec; SP_EL0, FPSR and FPCR have one.
 */
import type { CField, CStruct, RegisterKind } from "./types.js";

export interface BuiltinSlot {
  /** Member path inside the struct: `regs[3]`, `sp`, `fpsr`. */
  readonly path: string;
  readonly register: string;
  readonly kind: RegisterKind;
  readonly offset: number;
  readonly size: number;
}

export interface BuiltinStruct extends CStruct {
  readonly slots: readonly BuiltinSlot[];
}

function field(name: string, cType: string, offset: number, size: number, align: number, count?: number): CField {
  return { name, cType, offset, size, align, ...(count === undefined ? {} : { count }) };
}

const X = Array.from({ length: 31 }, (_, n) => n);
const V = Array.from({ length: 32 }, (_, n) => n);

export const USER_PT_REGS: BuiltinStruct = {
  name: "user_pt_regs",
  uapi: true,
  size: 272,
  align: 8,
  fields: [
    field("regs", "__u64", 0, 248, 8, 31),
    field("sp", "__u64", 248, 8, 8),
    field("pc", "__u64", 256, 8, 8),
    field("pstate", "__u64", 264, 8, 8),
  ],
  slots: [
    ...X.map((n): BuiltinSlot => ({ path: `regs[${n}]`, register: `X${n}`, kind: "core", offset: 8 * n, size: 8 })),
    { path: "sp", register: "SP_EL0", kind: "special", offset: 248, size: 8 },
    { path: "pc", register: "PC", kind: "core", offset: 256, size: 8 },
    { path: "pstate", register: "PSTATE", kind: "core", offset: 264, size: 8 },
  ],
};

export const USER_FPSIMD_STATE: BuiltinStruct = {
  name: "user_fpsimd_state",
  uapi: true,
  size: 528,
  align: 16,
  fields: [
    field("vregs", "__uint128_t", 0, 512, 16, 32),
    field("fpsr", "__u32", 512, 4, 4),
    field("fpcr", "__u32", 516, 4, 4),
    field("__reserved", "__u32", 520, 8, 4, 2),
  ],
  slots: [
    ...V.map((n): BuiltinSlot => ({ path: `vregs[${n}]`, register: `V${n}`, kind: "core", offset: 16 * n, size: 16 })),
    { path: "fpsr", register: "FPSR", kind: "special", offset: 512, size: 4 },
    { path: "fpcr", register: "FPCR", kind: "special", offset: 516, size: 4 },
  ],
};

export const UAPI_BUILTINS = { user_pt_regs: USER_PT_REGS, user_fpsimd_state: USER_FPSIMD_STATE } as const;
