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
 * Beside the layout's registers, every vCPU answers to KVM's pseudo-registers
 * (arch.ts KVM_PSEUDO_REGISTERS): the firmware registers (PSCI version, SMCCC
 * workaround levels, hypercall bitmaps; arch/arm64/kvm/hypercalls.c
 * kvm_arm_get_fw_reg()/kvm_arm_set_fw_reg()) and the virtual and physical
 * counters (KVM_REG_ARM_TIMER_CNT, KVM_REG_ARM_PTIMER_CNT). They are VM state,
 * not vCPU context, so no layout stores them; the API keeps them and lists
 * them, in every layout the same.
 *
 * The ids and the struct kvm_regs blob are the layout's ABI: its
 * LayoutModule says which id reaches which register and where each register
 * sits in the blob. (arm64 KVM itself answers KVM_GET_REGS/KVM_SET_REGS with
 * EINVAL; reglab implements them so that layouts can be compared on the
 * blob format their struct kvm_regs defines.)
 */
import { ERRNO, KVM_PSEUDO_REGISTERS, MODE, PSR, type KvmPseudoRegister } from "./arch.js";
import type { LayoutModule } from "./layout-module.js";
import type { RegisterIndex } from "./register-index.js";
import type { Vcpu } from "./vcpu.js";

const KVM_REG_ARM64 = 0x6000000000000000n;
const KVM_REG_ARM_COPROC_MASK = 0x000000000fff0000n;
const KVM_REG_ARM_CORE = 0x0010n << 16n;
const KVM_REG_ARM_FW = 0x0014n << 16n;
const KVM_REG_ARM_FW_FEAT_BMAP = 0x0016n << 16n;
const KVM_REG_SIZE_SHIFT = 52n;
const KVM_REG_SIZE_MASK = 0x00f0000000000000n;

export type Errno = 0 | (typeof ERRNO)[keyof typeof ERRNO];

/** Which id reaches which register, and where the KVM_GET_REGS blob keeps it. */
export interface RegisterAbi {
  readonly idToReg: ReadonlyMap<bigint, number>;
  /** The registers some id reaches: what userspace can see at all. */
  readonly exposed: ReadonlySet<number>;
  /** KVM's pseudo-registers that no register of the layout answers to (firmware, counters). */
  readonly pseudo: ReadonlyMap<bigint, KvmPseudoRegister>;
  /**
   * In KVM_GET_REG_LIST's order (guest.c kvm_arm_copy_reg_indices()): core ids, the firmware
   * pseudo-registers (hypercalls.c kvm_arm_fw_reg_ids[] order), then the system register space
   * ascending (sys_reg_descs[] is sorted by encoding; the counters sit there by their ids).
   */
  readonly ids: readonly bigint[];
  /** Model register number -> [offset, size] in struct kvm_regs. */
  readonly blob: ReadonlyMap<number, readonly [number, number]>;
  readonly kvmRegsSize: number;
}

/**
 * The layout's ABI on a vCPU of `index`'s profile: a register the profile lacks has no id (KVM hides
 * it: sys_regs.c sysreg_hidden(), so KVM_GET_REG_LIST leaves it out and ONE_REG answers ENOENT).
 */
export function abiOf(layout: LayoutModule, index: RegisterIndex): RegisterAbi {
  const idToReg = new Map<bigint, number>();
  const blob = new Map<number, readonly [number, number]>();
  layout.registers.forEach((name, i) => {
    const r = index.byName.get(name);
    if (r === undefined) return;
    const id = layout.oneRegIds[i];
    if (id && index.visible[r] === 1) idToReg.set(BigInt(id), r);
    const u = layout.uapiOffsets[i] ?? -1;
    if (u >= 0) blob.set(r, [u, sizeOfId(id ? BigInt(id) : undefined) ?? layout.sizes[i] ?? 8]);
  });
  // A pseudo-register's id never collides with a register's in Linux; should a layout give one of
  // them to a register, the register wins (and test/behaviour-gaps.test.ts says so).
  const pseudo = new Map(KVM_PSEUDO_REGISTERS.filter((p) => p.kind !== "register" && !idToReg.has(p.id)).map((p) => [p.id, p]));
  const coprocRank = (id: bigint) => {
    const c = id & KVM_REG_ARM_COPROC_MASK;
    return c === KVM_REG_ARM_CORE ? 0 : c === KVM_REG_ARM_FW || c === KVM_REG_ARM_FW_FEAT_BMAP ? 1 : 2;
  };
  const fwOrder = new Map(KVM_PSEUDO_REGISTERS.map((p, i) => [p.id, i]));
  const ids = [...idToReg.keys(), ...pseudo.keys()].sort((a, b) => {
    const ra = coprocRank(a);
    const rb = coprocRank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 1) return (fwOrder.get(a) ?? 0) - (fwOrder.get(b) ?? 0);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return { idToReg, exposed: new Set(idToReg.values()), pseudo, ids, blob, kvmRegsSize: layout.kvmRegsSize };
}

const restricted = new WeakMap<RegisterAbi, WeakMap<RegisterIndex, RegisterAbi>>();

/**
 * `abi` less the ids of registers `index`'s profile hides from userspace (as abiOf() leaves them
 * out): the reference model speaks a layout's ABI as the layout would under the same profile.
 * The same object when the profile hides nothing.
 */
export function abiUnder(abi: RegisterAbi, index: RegisterIndex): RegisterAbi {
  const hides = [...abi.exposed].some((r) => index.visible[r] !== 1);
  if (!hides) return abi;
  let byIndex = restricted.get(abi);
  if (!byIndex) restricted.set(abi, (byIndex = new WeakMap()));
  const known = byIndex.get(index);
  if (known) return known;
  const idToReg = new Map([...abi.idToReg].filter(([, r]) => index.visible[r] === 1));
  const out: RegisterAbi = {
    ...abi,
    idToReg,
    exposed: new Set(idToReg.values()),
    ids: abi.ids.filter((id) => idToReg.has(id) || abi.pseudo.has(id)),
  };
  byIndex.set(index, out);
  return out;
}

function sizeOfId(id: bigint | undefined): number | undefined {
  if (id === undefined) return undefined;
  return 1 << Number((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT);
}

export class KvmApi {
  private readonly hcr: number;
  /** The pseudo-registers' current values: VM state, kept across vCPU reset as KVM keeps it. */
  private readonly pseudoValues = new Map<bigint, bigint>();

  constructor(
    private readonly vcpu: Vcpu,
    readonly abi: RegisterAbi,
  ) {
    this.hcr = vcpu.index.number("HCR_EL2");
    for (const p of abi.pseudo.values()) this.pseudoValues.set(p.id, p.value ?? 0n);
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
    const p = this.pseudoValues.get(id);
    if (p !== undefined && !this.abi.idToReg.has(id)) return { errno: 0, value: p };
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
    const p = this.abi.pseudo.get(id);
    if (p && !this.abi.idToReg.has(id)) return this.setPseudo(p, value);
    const r = this.lookup(id);
    if (!this.abi.idToReg.has(id)) return r as Errno;
    return this.setReg(r, value, this.abi.blob.has(r));
  }

  /**
   * KVM_SET_ONE_REG of a pseudo-register, as arch/arm64/kvm/hypercalls.c kvm_arm_set_fw_reg() and
   * arch_timer.c kvm_arm_timer_set_reg() take it. Not modelled: EBUSY for a changed bitmap once the
   * VM has run (the model has no first KVM_RUN).
   */
  private setPseudo(p: KvmPseudoRegister, value: bigint): Errno {
    if (value < 0n || value >> 64n !== 0n) return ERRNO.EINVAL;
    const set = p.set ?? { kind: "any" };
    const level = p.value ?? 0n;
    switch (set.kind) {
      case "one-of":
        if (!set.values.includes(value)) return ERRNO.EINVAL;
        break;
      case "level":
        // WORKAROUND_1/3: "if (val & ~KVM_REG_FEATURE_LEVEL_MASK) return -EINVAL; if (get_kernel_wa_level(reg->id) < val) return -EINVAL;"
        if ((value & ~0xfn) !== 0n || value > level) return ERRNO.EINVAL;
        return 0;
      case "level-wa2": {
        // WORKAROUND_2: level bits 3:0 and ENABLED (bit 4) only; ENABLED needs AVAIL (2); 0/1 mean
        // NOT_AVAIL (0), 2/3 mean NOT_REQUIRED (3); a level above the host's is EINVAL.
        if ((value & ~0x1fn) !== 0n) return ERRNO.EINVAL;
        const lvl = value & 0xfn;
        if ((value & 0x10n) !== 0n && lvl !== 2n) return ERRNO.EINVAL;
        const wa = lvl === 0n || lvl === 1n ? 0n : lvl === 2n || lvl === 3n ? 3n : -1n;
        if (wa < 0n || level < wa) return ERRNO.EINVAL;
        return 0;
      }
      case "bitmap":
        // kvm_arm_set_fw_reg_bmap(): "if (val & ~fw_reg_features) return -EINVAL;"
        if ((value & ~set.features) !== 0n) return ERRNO.EINVAL;
        break;
      case "any":
        break;
    }
    this.pseudoValues.set(p.id, value);
    return 0;
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
    this.vcpu.state.set(r, spec && !raw ? index.sanitize(r, value) : value);
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
