/**
 * The KVM userspace register API on one vCPU: KVM_GET_ONE_REG,
 * KVM_SET_ONE_REG, KVM_GET_REG_LIST, KVM_GET_REGS and KVM_SET_REGS, with the
 * errors KVM returns (arch/arm64/kvm/guest.c, arch/arm64/kvm/sys_regs.c):
 *
 * - an id no register answers to: ENOENT; a core id (KVM_REG_ARM_CORE) that
 *   lands inside struct kvm_regs with the wrong size or in the middle of a
 *   member: EINVAL (validate_core_offset());
 * - a PSTATE whose mode this vCPU cannot be in: EINVAL (set_core_reg());
 * - KVM_GET_REG_LIST with n smaller than the number of ids: E2BIG, and n is
 *   set to the number needed (kvm_arm_vcpu_ioctl ... KVM_GET_REG_LIST).
 *
 * The ids and the struct kvm_regs blob are the layout's ABI: its
 * LayoutModule says which id reaches which register and where each register
 * sits in the blob. (arm64 KVM itself answers KVM_GET_REGS/KVM_SET_REGS with
 * EINVAL; reglab implements them so that layouts can be compared on the
 * blob format their struct kvm_regs defines.)
 */
import { ERRNO, MODE, PSR } from "./arch.js";
import type { LayoutModule } from "./layout-module.js";
import type { RegisterIndex } from "./register-index.js";
import type { Vcpu } from "./vcpu.js";

const KVM_REG_ARM64 = 0x6000000000000000n;
const KVM_REG_ARM_COPROC_MASK = 0x000000000fff0000n;
const KVM_REG_ARM_CORE = 0x0010n << 16n;
const KVM_REG_SIZE_SHIFT = 52n;
const KVM_REG_SIZE_MASK = 0x00f0000000000000n;

export type Errno = 0 | (typeof ERRNO)[keyof typeof ERRNO];

/** Which id reaches which register, and where the KVM_GET_REGS blob keeps it. */
export interface RegisterAbi {
  readonly idToReg: ReadonlyMap<bigint, number>;
  /** The registers some id reaches: what userspace can see at all. */
  readonly exposed: ReadonlySet<number>;
  /** Sorted as KVM_GET_REG_LIST lists them: core ids, then the rest, ascending. */
  readonly ids: readonly bigint[];
  /** Model register number -> [offset, size] in struct kvm_regs. */
  readonly blob: ReadonlyMap<number, readonly [number, number]>;
  readonly kvmRegsSize: number;
}

export function abiOf(layout: LayoutModule, index: RegisterIndex): RegisterAbi {
  const idToReg = new Map<bigint, number>();
  const blob = new Map<number, readonly [number, number]>();
  layout.registers.forEach((name, i) => {
    const r = index.byName.get(name);
    if (r === undefined) return;
    const id = layout.oneRegIds[i];
    if (id) idToReg.set(BigInt(id), r);
    const u = layout.uapiOffsets[i] ?? -1;
    if (u >= 0) blob.set(r, [u, sizeOfId(id ? BigInt(id) : undefined) ?? layout.sizes[i] ?? 8]);
  });
  const isCore = (id: bigint) => (id & KVM_REG_ARM_COPROC_MASK) === KVM_REG_ARM_CORE;
  const ids = [...idToReg.keys()].sort((a, b) => (isCore(a) !== isCore(b) ? (isCore(a) ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0));
  return { idToReg, exposed: new Set(idToReg.values()), ids, blob, kvmRegsSize: layout.kvmRegsSize };
}

function sizeOfId(id: bigint | undefined): number | undefined {
  if (id === undefined) return undefined;
  return 1 << Number((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT);
}

export class KvmApi {
  private readonly hcr: number;

  constructor(
    private readonly vcpu: Vcpu,
    readonly abi: RegisterAbi,
  ) {
    this.hcr = vcpu.index.number("HCR_EL2");
  }

  private lookup(id: bigint): number | Errno {
    // kvm_arm_get_reg(): an id whose upper 32 bits (size aside) are not KVM_REG_ARM64's is EINVAL.
    if ((id & ~KVM_REG_SIZE_MASK) >> 32n !== KVM_REG_ARM64 >> 32n) return ERRNO.EINVAL;
    const r = this.abi.idToReg.get(id);
    if (r !== undefined) return r;
    if ((id & KVM_REG_ARM_COPROC_MASK) === KVM_REG_ARM_CORE) {
      // get_core_reg(): ENOENT when off + size / 4 >= nr_regs (the words of struct kvm_regs), then
      // validate_core_offset(): EINVAL for a wrong size or an offset inside a member.
      const off = Number(id & 0xffffn);
      const words = 1 << Math.max(0, Number((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT) - 2);
      const nrRegs = this.abi.kvmRegsSize / 4;
      return off >= nrRegs || off + words >= nrRegs ? ERRNO.ENOENT : ERRNO.EINVAL;
    }
    return ERRNO.ENOENT;
  }

  getOneReg(id: bigint): { errno: Errno; value?: bigint } {
    const r = this.lookup(id);
    if (typeof r !== "number" || !this.abi.idToReg.has(id)) return { errno: r as Errno };
    return { errno: 0, value: this.vcpu.state.get(r) };
  }

  /** KVM_GET_ONE_REG as the architecture means it: the register itself, whatever id a layout gives it. */
  getByRegister(r: number): { errno: Errno; value?: bigint } {
    return { errno: 0, value: this.vcpu.state.get(r) };
  }

  setByRegister(r: number, value: bigint): Errno {
    return this.setReg(r, value, this.abi.blob.has(r));
  }

  setOneReg(id: bigint, value: bigint): Errno {
    const r = this.lookup(id);
    if (!this.abi.idToReg.has(id)) return r as Errno;
    return this.setReg(r, value, this.abi.blob.has(r));
  }

  /** `raw`: a core register (in struct kvm_regs), which set_core_reg() stores as given. */
  private setReg(r: number, value: bigint, raw = false): Errno {
    const { index } = this.vcpu;
    // The value userspace passes has the size of the id: a core register's member size (FPCR is a
    // __u32 in struct user_fpsimd_state), 64 bits for a system register.
    const bits = BigInt((this.abi.blob.get(r)?.[1] ?? index.bytes[r] ?? 8) * 8);
    if (value < 0n || value >> bits !== 0n) return ERRNO.EINVAL;
    if (r === index.PSTATE) {
      // set_core_reg() checks M[4:0] only.
      const m = Number(value & 0x1fn);
      const ok = [MODE.EL0t, MODE.EL1t, MODE.EL1h, ...(this.vcpu.options.el2 ? [MODE.EL2t, MODE.EL2h] : [])] as number[];
      if (!ok.includes(m)) return ERRNO.EINVAL;
      const from = this.vcpu.el;
      this.vcpu.state.set(r, value);
      this.vcpu.pstateChangedByUser(from);
      return 0;
    }
    const spec = index.spec[r];
    this.vcpu.state.set(r, spec && !raw ? index.sanitize(r, value, this.vcpu.e2h && spec.formatE2H1 !== undefined) : value);
    if (r === this.hcr && this.vcpu.el === 2) this.vcpu.state.e2hChanged(this.vcpu.e2h);
    return 0;
  }

  /** KVM_GET_REG_LIST: every id, or E2BIG and the number needed when `n` is too small. */
  regList(n?: number): { errno: Errno; ids: readonly bigint[]; n: number } {
    const ids = this.abi.ids;
    if (n !== undefined && n < ids.length) return { errno: ERRNO.E2BIG, ids: [], n: ids.length };
    return { errno: 0, ids, n: ids.length };
  }

  /** KVM_GET_REGS: struct kvm_regs in this layout's format, little-endian. */
  getRegs(): Uint8Array {
    const out = new Uint8Array(this.abi.kvmRegsSize);
    const view = new DataView(out.buffer);
    for (const [r, [off, size]] of this.abi.blob) {
      const v = this.vcpu.state.get(r);
      for (let k = 0; k < size; k += 4) view.setUint32(off + k, Number((v >> BigInt(8 * k)) & 0xffffffffn) >>> 0, true);
    }
    return out;
  }

  /** KVM_SET_REGS: every register of the blob, or nothing (EINVAL) if one is refused. */
  setRegs(blob: Uint8Array): Errno {
    if (blob.length !== this.abi.kvmRegsSize) return ERRNO.EINVAL;
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    const values = new Map<number, bigint>();
    for (const [r, [off, size]] of this.abi.blob) {
      let v = 0n;
      for (let k = size - 4; k >= 0; k -= 4) v = (v << 32n) | BigInt(view.getUint32(off + k, true));
      values.set(r, v);
    }
    const pstate = values.get(this.vcpu.index.PSTATE);
    if (pstate !== undefined) {
      const m = Number(pstate & 0x1fn);
      const ok = [MODE.EL0t, MODE.EL1t, MODE.EL1h, ...(this.vcpu.options.el2 ? [MODE.EL2t, MODE.EL2h] : [])] as number[];
      if (!ok.includes(m)) return ERRNO.EINVAL;
    }
    for (const [r, v] of values) if (r !== this.vcpu.index.PSTATE) this.setReg(r, v, true);
    if (pstate !== undefined) this.setReg(this.vcpu.index.PSTATE, pstate, true);
    return 0;
  }
}
