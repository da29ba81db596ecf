/**
 * The one interface through which a storage layout reaches the emulator.
 * Every generated/<layout>/layout.ts implements it (reglab generate writes
 * them with ts-morph); the core never imports a layout by name, it asks the
 * registry (generated/layouts.ts) for one.
 *
 * Everything the hot path needs is a number or a typed array indexed by the
 * layout's own register numbering, so an access is one array read, no Map or
 * string lookup and no BigInt.
 */

/** One memcpy of the nested world switch: `size` bytes at context `offset`. */
export interface CopyRunData {
  /** 0 = save (physical register -> context), 1 = load (context -> physical register). */
  readonly kind: 0 | 1;
  readonly offset: number;
  readonly size: number;
  /** Register numbers (indices into `registers`) the run covers, in offset order. */
  readonly registers: readonly number[];
}

export interface CopyPhaseData {
  readonly runs: readonly CopyRunData[];
  readonly bytes: number;
  readonly cacheLines: number;
  /** Register numbers moved with translation through toCounterpart (E2H = 0 loads). */
  readonly translated: readonly number[];
}

export interface LayoutModule {
  readonly name: string;
  readonly title: string;
  /** Whether the layout keeps virtual EL2 state at all. */
  readonly el2: boolean;
  /** sizeof(struct kvm_cpu_context): the size of the vCPU's ArrayBuffer. */
  readonly contextSize: number;
  /** sizeof(struct kvm_regs): the KVM_GET_REGS/KVM_SET_REGS blob. */
  readonly kvmRegsSize: number;
  readonly ioctls: { readonly KVM_GET_REGS: number; readonly KVM_SET_REGS: number };
  /** Every register the layout stores, sorted by name; its index is the register number. */
  readonly registers: readonly string[];
  /** Byte offset in the context, by register number. */
  readonly offsets: Int32Array;
  /** Byte size in the context (4, 8 or 16), by register number. */
  readonly sizes: Uint8Array;
  /** Byte offset in struct kvm_regs, or -1, by register number. */
  readonly uapiOffsets: Int32Array;
  /** ONE_REG id as 0x + 16 hex digits, or null, by register number. */
  readonly oneRegIds: readonly (string | null)[];
  readonly copyPlan: {
    readonly e2h0: { readonly entry: CopyPhaseData; readonly exit: CopyPhaseData };
    readonly e2h1: { readonly entry: CopyPhaseData; readonly exit: CopyPhaseData };
  };
}
