/**
 * KVM_{GET,SET}_ONE_REG ids and the KVM_{GET,SET}_REGS ioctl numbers, as
 * Linux's uapi defines them:
 *
 * include/uapi/linux/kvm.h:      KVM_REG_ARM64 0x6000000000000000,
 *                                KVM_REG_SIZE_SHIFT 52 (U32 = 2, U64 = 3, U128 = 4)
 * arch/arm64/include/uapi/asm/kvm.h:
 *                                KVM_REG_ARM_COPROC_SHIFT 16, KVM_REG_ARM_CORE (0x0010 << 16),
 *                                KVM_REG_ARM_CORE_REG(name) (offsetof(struct kvm_regs, name) / sizeof(__u32)),
 *                                KVM_REG_ARM64_SYSREG (0x0013 << 16), op0 << 14, op1 << 11,
 *                                CRn << 7, CRm << 3, op2 << 0
 * include/uapi/asm-generic/ioctl.h: _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr,
 *                                _IOC_READ 2, _IOC_WRITE 1; KVMIO 0xAE;
 *                                KVM_GET_REGS _IOR(KVMIO, 0x81, struct kvm_regs),
 *                                KVM_SET_REGS _IOW(KVMIO, 0x82, struct kvm_regs)
 */
import type { Encoding } from "../spec/model.js";

export const KVM_REG_ARM64 = 0x6000000000000000n;
const KVM_REG_SIZE_SHIFT = 52n;
const KVM_REG_ARM_CORE = 0x0010n << 16n;
const KVM_REG_ARM64_SYSREG = 0x0013n << 16n;

export function kvmRegSize(bytes: number): bigint {
  const log2 = Math.log2(bytes);
  if (!Number.isInteger(log2) || log2 < 0 || log2 > 11) throw new Error(`no KVM_REG_SIZE for ${bytes} bytes`);
  return BigInt(log2) << KVM_REG_SIZE_SHIFT;
}

/** A core register: its offset in struct kvm_regs, in 32-bit words. */
export function coreRegId(uapiOffset: number, bytes: number): bigint {
  if (uapiOffset % 4 !== 0) throw new Error(`core register offset ${uapiOffset} is not 4-byte aligned`);
  return KVM_REG_ARM64 | kvmRegSize(bytes) | KVM_REG_ARM_CORE | BigInt(uapiOffset / 4);
}

/** ARM64_SYS_REG(op0, op1, crn, crm, op2): always 64 bits wide. */
export function sysRegId(e: Encoding): bigint {
  return (
    KVM_REG_ARM64 |
    kvmRegSize(8) |
    KVM_REG_ARM64_SYSREG |
    (BigInt(e.op0) << 14n) |
    (BigInt(e.op1) << 11n) |
    (BigInt(e.crn) << 7n) |
    (BigInt(e.crm) << 3n) |
    BigInt(e.op2)
  );
}

const KVMIO = 0xae;
const IOC_READ = 2;
const IOC_WRITE = 1;

function ioc(dir: number, nr: number, size: number): number {
  if (size >= 1 << 14) throw new Error(`struct of ${size} bytes does not fit an ioctl number's 14-bit size`);
  return ((dir << 30) | (size << 16) | (KVMIO << 8) | nr) >>> 0;
}

export function regsIoctls(kvmRegsSize: number): { KVM_GET_REGS: number; KVM_SET_REGS: number } {
  return { KVM_GET_REGS: ioc(IOC_READ, 0x81, kvmRegsSize), KVM_SET_REGS: ioc(IOC_WRITE, 0x82, kvmRegsSize) };
}

export function oneRegHex(id: bigint): string {
  return "0x" + id.toString(16).padStart(16, "0");
}
