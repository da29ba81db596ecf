/**
 * A resolved layout: what the planner computes from a layout spec and the
 * register model, and what every emitter (C, TypeScript, manifest, docs) and
 * the emulator read. Offsets and sizes are as gcc lays the structs out for
 * arm64 (LP64: __u64 8-aligned, __uint128_t 16-aligned).
 */

export type RegisterKind = "sysreg" | "special" | "core";

/** A C struct member as emitted, with the layout gcc will give it. */
export interface CField {
  readonly name: string;
  /** `__u64`, `__u32`, `__uint128_t`, `struct user_pt_regs`, `void *`. */
  readonly cType: string;
  /** Array length; absent for a scalar. */
  readonly count?: number;
  /** How the length is spelled in C (NR_SYS_REGS, KVM_NR_SPSR); absent: the number. */
  readonly countExpr?: string;
  readonly offset: number;
  readonly size: number;
  readonly align: number;
  readonly comment?: string;
}

export interface CStruct {
  readonly name: string;
  /** Part of the userspace ABI (kvm_uapi.h) rather than the kernel's kvm_host.h. */
  readonly uapi: boolean;
  readonly size: number;
  readonly align: number;
  readonly fields: readonly CField[];
}

export interface CEnumEntry {
  readonly name: string;
  readonly value: number;
  /** How the value is spelled when it is not just the next one (`__VNCR_START__ + 0x110 / 8`). */
  readonly expr?: string;
}

export interface CEnum {
  readonly name: string;
  readonly entries: readonly CEnumEntry[];
}

export interface CDefine {
  readonly name: string;
  readonly value: string;
  readonly comment?: string;
  /** uapi defines go to kvm_uapi.h, the rest to kvm_host.h. */
  readonly uapi: boolean;
}

/** Where one register lives in this layout. */
export interface Placement {
  readonly name: string;
  readonly kind: RegisterKind;
  /** The top-level kvm_cpu_context field that holds it. */
  readonly container: string;
  /** Index in the container array, or null for a scalar field. */
  readonly index: number | null;
  /** Byte offset inside struct kvm_cpu_context. */
  readonly offset: number;
  readonly size: number;
  /** C lvalue, `ctxt->el2_regs[SCTLR_EL2]`. */
  readonly cExpr: string;
  /** KVM_{GET,SET}_ONE_REG id, or null where userspace cannot reach it. */
  readonly oneReg: bigint | null;
  /** Byte offset inside struct kvm_regs when the KVM_GET_REGS blob carries it. */
  readonly uapiOffset: number | null;
}

/** One register moved by the nested world switch. */
export interface CopyMove {
  /** save: physical EL1 register -> context; load: context -> physical EL1 register. */
  readonly kind: "save" | "load";
  /** The register whose context slot is read or written. */
  readonly register: string;
  /** The physical (EL1/EL0) register on the other side. */
  readonly physical: string;
  readonly offset: number;
  readonly size: number;
  /** Goes through the register's toCounterpart mapping (non-VHE guest hypervisor). */
  readonly translate: boolean;
}

/** Contiguous context bytes moved in one direction: what a memcpy would do. */
export interface CopyRun {
  readonly kind: "save" | "load";
  readonly offset: number;
  readonly size: number;
  readonly registers: readonly string[];
}

export interface CopyPhase {
  readonly moves: readonly CopyMove[];
  readonly runs: readonly CopyRun[];
  readonly bytes: number;
  /** Distinct 64-byte cache lines of the context touched. */
  readonly cacheLines: number;
}

/**
 * The nested world switch: `entry` runs when the virtual EL moves from EL2 to
 * EL1/EL0 (the guest hypervisor enters its guest), `exit` when it comes back;
 * for a guest hypervisor with HCR_EL2.E2H = 0 and = 1.
 */
export interface CopyPlan {
  readonly e2h0: { readonly entry: CopyPhase; readonly exit: CopyPhase };
  readonly e2h1: { readonly entry: CopyPhase; readonly exit: CopyPhase };
}

export interface ResolvedLayout {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly el2: boolean;
  readonly source: readonly string[];
  /** kvm_cpu_context, kvm_regs and the uapi structs they contain. */
  readonly structs: readonly CStruct[];
  readonly enums: readonly CEnum[];
  readonly defines: readonly CDefine[];
  /** Sorted by offset, then name. */
  readonly registers: readonly Placement[];
  readonly ioctls: { readonly KVM_GET_REGS: number; readonly KVM_SET_REGS: number };
  readonly copyPlan: CopyPlan;
}
