/*
 * Reference data: the arm64 KVM core-register UAPI (struct kvm_regs) as of
 * Linux v4.12 (2017), with its size, member offsets and the KVM_GET_REGS /
 * KVM_SET_REGS ioctl numbers.
 *
 * Sources:
 *   U  kernelorg-mirror/linux_kernel_git_cdall_linux
 *        arch/arm64/include/uapi/asm/kvm.h @ 6a3764dd58ea4ff4beec1a887822c2e4b3dc47b9
 *      No v4.12-tagged copy was found in the index. This is Christoffer Dall's
 *      kernel.org tree at a 2017 point close to v4.12: it already has the
 *      v4.12-cycle KVM_CAP_ARM_USER_IRQ sync reg (`u64 device_irq_level`) and
 *      KVM_DEV_ARM_VGIC_GRP_LEVEL_INFO, but not yet the ITS save/restore
 *      defines (KVM_DEV_ARM_ITS_SAVE_TABLES), so it is a v4.11/v4.12
 *      development snapshot. struct kvm_regs and KVM_NR_SPSR are identical,
 *      character for character, to the present-day mainline file
 *      (torvalds/linux @ 00e6dae00e3dcb4dd54e1d62e295fd997a0cec28, also read),
 *      i.e. this part of the ABI did not change between them.
 *   P  torvalds/linux arch/arm64/include/uapi/asm/ptrace.h
 *        @ 078a5a4faf64fefaf13478a9091782432cad33fa
 *      (struct user_pt_regs, struct user_fpsimd_state. This file is newer than
 *       v4.12 and was not re-read at a 2017 commit; the member list matches
 *       the layout given in the task brief: 34 * __u64, and __uint128_t
 *       vregs[32] + fpsr + fpcr + __reserved[2])
 *
 * struct kvm_regs, transcribed from U:
 *
 *   #define KVM_SPSR_EL1	0
 *   #define KVM_SPSR_SVC	KVM_SPSR_EL1
 *   #define KVM_SPSR_ABT	1
 *   #define KVM_SPSR_UND	2
 *   #define KVM_SPSR_IRQ	3
 *   #define KVM_SPSR_FIQ	4
 *   #define KVM_NR_SPSR	5
 *
 *   struct kvm_regs {
 *   	struct user_pt_regs regs;	/* sp = sp_el0 *\/
 *
 *   	__u64	sp_el1;
 *   	__u64	elr_el1;
 *
 *   	__u64	spsr[KVM_NR_SPSR];
 *
 *   	struct user_fpsimd_state fp_regs;
 *   };
 *
 * and from P:
 *
 *   struct user_pt_regs {
 *   	__u64		regs[31];
 *   	__u64		sp;
 *   	__u64		pc;
 *   	__u64		pstate;
 *   };
 *
 *   struct user_fpsimd_state {
 *   	__uint128_t	vregs[32];
 *   	__u32		fpsr;
 *   	__u32		fpcr;
 *   	__u32		__reserved[2];
 *   };
 *
 * Layout computed by hand (arm64 LP64: __u64 size/align 8, __u32 4,
 * __uint128_t size 16 align 16):
 *   regs      0   .. 272   user_pt_regs = (31 + 3) * 8 = 272, align 8
 *                          (regs[31] 0..248, sp 248, pc 256, pstate 264)
 *   sp_el1    272 .. 280
 *   elr_el1   280 .. 288
 *   spsr[5]   288 .. 328   5 * 8 = 40
 *   (pad)     328 .. 336   fp_regs needs 16-byte alignment; 328 % 16 = 8
 *   fp_regs   336 .. 864   user_fpsimd_state = 32 * 16 + 4 + 4 + 2 * 4
 *                          = 512 + 16 = 528 (a multiple of 16, no tail pad);
 *                          vregs 336, fpsr 336 + 512 = 848, fpcr 852,
 *                          __reserved 856
 *   sizeof(struct kvm_regs) = 864 (multiple of the struct's alignment 16)
 *
 * Verified with gcc 12.2.0 (Debian 12.2.0-14+deb12u1), x86_64 LP64, which
 * lays out __u64 / __u32 / __uint128_t with the same sizes and alignments:
 * /tmp/kvmregs/t.c declared the three structs as above and printed
 *   sizeof(user_pt_regs)=272
 *   sizeof(user_fpsimd_state)=528 align=16
 *   sizeof(kvm_regs)=864 align=16
 *   regs=0 regs.sp=248 regs.pc=256 regs.pstate=264
 *   sp_el1=272 elr_el1=280 spsr=288 fp_regs=336
 *   vregs=336 fpsr=848 fpcr=852 reserved=856
 *   KVM_GET_REGS=0x8360ae81 KVM_SET_REGS=0x4360ae82
 *
 * ioctl numbers (include/uapi/linux/kvm.h: KVMIO 0xAE,
 *   KVM_GET_REGS _IOR(KVMIO, 0x81, struct kvm_regs),
 *   KVM_SET_REGS _IOW(KVMIO, 0x82, struct kvm_regs);
 * asm-generic ioctl.h, used by arm64: _IOC(dir, type, nr, size) =
 *   dir << 30 | size << 16 | type << 8 | nr, _IOC_READ = 2, _IOC_WRITE = 1,
 *   14-bit size field):
 *   KVM_GET_REGS = 2 << 30 | 864 << 16 | 0xAE << 8 | 0x81
 *                = 0x80000000 | 0x03600000 | 0xAE00 | 0x81 = 0x8360AE81
 *   KVM_SET_REGS = 1 << 30 | 864 << 16 | 0xAE << 8 | 0x82
 *                = 0x40000000 | 0x03600000 | 0xAE00 | 0x82 = 0x4360AE82
 */

export const KVM_UAPI_V4_12_SOURCE = {
  repo: "kernelorg-mirror/linux_kernel_git_cdall_linux",
  path: "arch/arm64/include/uapi/asm/kvm.h",
  commit: "6a3764dd58ea4ff4beec1a887822c2e4b3dc47b9",
  note: "2017 v4.11/v4.12 development snapshot; struct kvm_regs identical to mainline v4.12 and to torvalds/linux@00e6dae00e3dcb4dd54e1d62e295fd997a0cec28",
} as const;

export const KVM_NR_SPSR = 5;

/** Index of each AArch32 banked SPSR in kvm_regs.spsr[]. */
export const KVM_SPSR_INDEX = {
  KVM_SPSR_EL1: 0,
  KVM_SPSR_SVC: 0,
  KVM_SPSR_ABT: 1,
  KVM_SPSR_UND: 2,
  KVM_SPSR_IRQ: 3,
  KVM_SPSR_FIQ: 4,
} as const;

export const USER_PT_REGS_SIZE = 272;
export const USER_FPSIMD_STATE_SIZE = 528;
export const USER_FPSIMD_STATE_ALIGN = 16;

export const KVM_REGS_SIZE_V4_12 = 864;
export const KVM_REGS_ALIGN_V4_12 = 16;

export interface StructMember {
  readonly offset: number;
  readonly size: number;
}

/** Byte offsets and sizes of struct kvm_regs members (nested members dotted). */
export const KVM_REGS_OFFSETS_V4_12 = {
  regs: { offset: 0, size: 272 },
  "regs.regs": { offset: 0, size: 248 },
  "regs.sp": { offset: 248, size: 8 },
  "regs.pc": { offset: 256, size: 8 },
  "regs.pstate": { offset: 264, size: 8 },
  sp_el1: { offset: 272, size: 8 },
  elr_el1: { offset: 280, size: 8 },
  spsr: { offset: 288, size: 40 },
  fp_regs: { offset: 336, size: 528 },
  "fp_regs.vregs": { offset: 336, size: 512 },
  "fp_regs.fpsr": { offset: 848, size: 4 },
  "fp_regs.fpcr": { offset: 852, size: 4 },
  "fp_regs.__reserved": { offset: 856, size: 8 },
} as const satisfies Record<string, StructMember>;

/** Padding inserted before fp_regs to reach 16-byte alignment (328 -> 336). */
export const KVM_REGS_PAD_BEFORE_FP_REGS = 8;

export const KVMIO = 0xae;
export const IOC_READ = 2;
export const IOC_WRITE = 1;
export const KVM_GET_REGS_NR = 0x81;
export const KVM_SET_REGS_NR = 0x82;

/** _IOR(KVMIO, 0x81, struct kvm_regs) */
export const KVM_GET_REGS = 0x8360ae81;
/** _IOW(KVMIO, 0x82, struct kvm_regs) */
export const KVM_SET_REGS = 0x4360ae82;
