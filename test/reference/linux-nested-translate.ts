/**
 * Linux's non-VHE EL2 -> EL1 translation helpers, transcribed line by line
 * from C into TypeScript with bigint, with the constants they use.
 *
 * Source: arch/arm64/include/asm/kvm_nested.h (translate_tcr_el2_to_tcr_el1,
 * translate_cptr_el2_to_cpacr_el1, translate_sctlr_el2_to_sctlr_el1,
 * translate_ttbr0_el2_to_ttbr0_el1), as merged in v6.8 with "KVM: arm64: nv:
 * Add EL2 -> EL1 translation helpers" and extended with TCPAC/TAM in v6.10.
 * Constants: arch/arm64/include/asm/kvm_arm.h (TCR_EL2_*, CPTR_EL2_*),
 * arch/arm64/include/asm/pgtable-hwdef.h (TCR_EPD1_MASK, TCR_TBI0,
 * TCR_IPS_SHIFT), arch/arm64/include/asm/sysreg.h (SCTLR_ELx_*,
 * CPACR_EL1_*). SCTLR_EL1_RES1 is generated from arch/arm64/tools/sysreg,
 * which gives SCTLR_EL1 no Res1 bits, so it is 0 here.
 *
 * These are the oracle for the declarative `toCounterpart` rules in the
 * specs: the test feeds both random values and compares.
 */
const BIT = (n: number): bigint => 1n << BigInt(n);
const GENMASK = (h: number, l: number): bigint => ((1n << BigInt(h - l + 1)) - 1n) << BigInt(l);

// kvm_arm.h
const TCR_EL2_TBI = BIT(20);
const TCR_EL2_PS_SHIFT = 16;
const TCR_EL2_PS_MASK = 7n << BigInt(TCR_EL2_PS_SHIFT);
const TCR_EL2_TG0_MASK = 3n << 14n; // TCR_TG0_MASK
const TCR_EL2_ORGN0_MASK = 3n << 10n; // TCR_ORGN0_MASK
const TCR_EL2_IRGN0_MASK = 3n << 8n; // TCR_IRGN0_MASK
const TCR_EL2_T0SZ_MASK = 0x3fn;
const CPTR_EL2_TCPAC = BIT(31);
const CPTR_EL2_TAM = BIT(30);
const CPTR_EL2_TTA = BIT(20);
const CPTR_EL2_TFP = BIT(10); // CPTR_EL2_TFP_SHIFT 10
const CPTR_EL2_TZ = BIT(8);
// pgtable-hwdef.h
const TCR_EPD1_MASK = 1n << 23n; // TCR_EPD1_SHIFT 23
const TCR_TBI0 = 1n << 37n;
const TCR_IPS_SHIFT = 32n;
// sysreg.h
const SCTLR_ELx_M = BIT(0);
const SCTLR_ELx_A = BIT(1);
const SCTLR_ELx_C = BIT(2);
const SCTLR_ELx_SA = BIT(3);
const SCTLR_ELx_I = BIT(12);
const SCTLR_ELx_WXN = BIT(19);
const SCTLR_ELx_IESB = BIT(21);
const SCTLR_ELx_EE = BIT(25);
const SCTLR_EL1_RES1 = 0n;
const CPACR_EL1_RES1 = 0n;
const CPACR_EL1_TTA = BIT(28);
const CPACR_EL1_FPEN = 3n << 20n;
const CPACR_EL1_ZEN = 3n << 16n;

function tcr_el2_ps_to_tcr_el1_ips(tcr_el2: bigint): bigint {
  return ((tcr_el2 & TCR_EL2_PS_MASK) >> BigInt(TCR_EL2_PS_SHIFT)) << TCR_IPS_SHIFT; // FIELD_GET(...) << TCR_IPS_SHIFT
}

export function translate_tcr_el2_to_tcr_el1(tcr: bigint): bigint {
  return (
    TCR_EPD1_MASK /* disable TTBR1_EL1 */ |
    (tcr & TCR_EL2_TBI ? TCR_TBI0 : 0n) |
    tcr_el2_ps_to_tcr_el1_ips(tcr) |
    (tcr & TCR_EL2_TG0_MASK) |
    (tcr & TCR_EL2_ORGN0_MASK) |
    (tcr & TCR_EL2_IRGN0_MASK) |
    (tcr & TCR_EL2_T0SZ_MASK)
  );
}

export function translate_cptr_el2_to_cpacr_el1(cptr_el2: bigint): bigint {
  let cpacr_el1 = CPACR_EL1_RES1;
  if (cptr_el2 & CPTR_EL2_TTA) cpacr_el1 |= CPACR_EL1_TTA;
  if (!(cptr_el2 & CPTR_EL2_TFP)) cpacr_el1 |= CPACR_EL1_FPEN;
  if (!(cptr_el2 & CPTR_EL2_TZ)) cpacr_el1 |= CPACR_EL1_ZEN;
  cpacr_el1 |= cptr_el2 & (CPTR_EL2_TCPAC | CPTR_EL2_TAM);
  return cpacr_el1;
}

export function translate_sctlr_el2_to_sctlr_el1(val: bigint): bigint {
  /* Only preserve the minimal set of bits we support */
  val &= SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | SCTLR_ELx_SA | SCTLR_ELx_I | SCTLR_ELx_IESB | SCTLR_ELx_WXN | SCTLR_ELx_EE;
  val |= SCTLR_EL1_RES1;
  return val;
}

export function translate_ttbr0_el2_to_ttbr0_el1(ttbr0: bigint): bigint {
  /* Clear the ASID field */
  return ttbr0 & ~GENMASK(63, 48);
}

/** EL2 register -> [EL1 counterpart, Linux's translation]. */
export const LINUX_TRANSLATIONS: Record<string, [string, (v: bigint) => bigint]> = {
  TCR_EL2: ["TCR_EL1", translate_tcr_el2_to_tcr_el1],
  CPTR_EL2: ["CPACR_EL1", translate_cptr_el2_to_cpacr_el1],
  SCTLR_EL2: ["SCTLR_EL1", translate_sctlr_el2_to_sctlr_el1],
  TTBR0_EL2: ["TTBR0_EL1", translate_ttbr0_el2_to_ttbr0_el1],
};
