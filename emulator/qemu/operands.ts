/**
 * Which register an MRS/MSR reaches, and how the harness reaches a register itself.
 *
 * At EL2 with HCR_EL2.E2H == 1 an EL1 name reaches the EL2 register (Arm ARM D13 redirection): an
 * `expect` of an EL1 register reads it through its _EL12 alias, and the VBAR shadow (shadows.ts)
 * follows the register an MRS/MSR reaches. An `expect` of a register whose read trap is on at EL1
 * (HCR_EL2.TRVM, ...) or that the profile lacks is skipped; MRS of ELR_ELx is skipped (PC).
 *
 * The stack pointers are the scenario's. Harness code never uses the SP the scenario left
 * (program.S.hbs HSTACK_ENTER/HSTACK_LEAVE): every preamble, report and vector entry moves to a
 * harness stack of the EL it runs at with x28 and SP alone, pushes the scenario's SP there and
 * restores it bit for bit, so SP_EL0/SP_EL1/SP_EL2 may hold anything (unmapped addresses included)
 * at any EL and in ELxt. `reset` writes SP_EL0/SP_EL1 like any named register; an MRS of
 * SP_EL0/SP_EL1 is compared; an `expect` of the SP PSTATE selects (SP_EL0 at EL0 or with SPSel == 0,
 * SP_ELx otherwise, which has no MRS there) reports the SP HSTACK_ENTER saved.
 */
import type { RegisterIndex } from "../register-index.js";
import { keyOperand, sysregOperand } from "./a64.js";

export interface Operands {
  /** The register an MRS/MSR of encoding `key` reaches at `atEl`, or -1. */
  readonly reached: (key: number, atEl: number, e2h: boolean) => number;
  /** The operand the harness reads register r with at `atEl`, or undefined when it has none. */
  readonly readOperand: (r: number, atEl: number, e2h: boolean) => string | undefined;
  /**
   * SP_EL0, SP_EL1, SP_EL2 by EL, for an `expect` of the one PSTATE selects (Arm ARM D1.x "The
   * stack pointer registers": SP_EL0 at EL0 or with PSTATE.SP == 0, else SP_ELx).
   */
  readonly spRegs: readonly number[];
}

export function operands(index: RegisterIndex): Operands {
  // The _EL12 encoding of each EL1 register that has one (FEAT_VHE's aliases, when the vCPU has them).
  const el12 = new Map<number, string>();
  index.aliasByEncoding.forEach((t, key) => {
    if (t > 0 && index.aliasImplemented[key] === 1) el12.set(t - 1, keyOperand(key));
  });
  return {
    // Arm ARM D13 E2H redirection of the EL1 names and the _EL12 aliases at EL2 with
    // HCR_EL2.E2H == 1 (the emulator's own rule: vcpu.ts sysreg()).
    reached: (key, atEl, e2h) => {
      const alias = (index.aliasByEncoding[key] ?? 0) - 1;
      if (alias >= 0) return atEl === 2 && e2h && index.aliasImplemented[key] === 1 ? alias : -1;
      const r = (index.byEncoding[key] ?? 0) - 1;
      return r >= 0 && atEl === 2 && e2h && (index.redirect[r] ?? -1) >= 0 ? (index.redirect[r] ?? r) : r;
    },
    // Its own encoding, but at EL2 with E2H == 1 an EL1 register that its name would redirect is
    // read through its _EL12 alias.
    readOperand: (r, atEl, e2h) => {
      const enc = index.spec[r]?.encoding;
      if (!enc) return undefined;
      return atEl === 2 && e2h && (index.redirect[r] ?? -1) >= 0 ? el12.get(r) : sysregOperand(enc);
    },
    spRegs: ["SP_EL0", "SP_EL1", "SP_EL2"].map((n) => index.byName.get(n) ?? -1),
  };
}
