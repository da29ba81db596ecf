/**
 * What the harness keeps off the hardware: the VBARs (the hardware holds the harness's vectors, the
 * shadow the scenario's value) and the translation and endianness bits.
 *
 * Address translation stays off on hardware. The emulator models no translation (no table walk, no
 * fault), and no bundled scenario makes a memory access of its own: the translation bits it writes
 * only change what reads of their registers return. So the three enables, SCTLR_EL2.M, SCTLR_EL1.M
 * and HCR_EL2.VM (bit 0 of each), live in shadows (hv_mshadow, program.S.hbs MBIT_*), like the VBAR
 * shadow: an MSR of one of those registers (the register it reaches, after E2H redirection) runs
 * with bit 0 of its source cleared and, if it did not trap, stores the value written in the shadow;
 * an MRS and an `expect` OR bit 0 of the shadow into what the hardware returns; `reset` writes the
 * reset value with bit 0 cleared. Every other bit, TTBR/TCR/MAIR/VTTBR/VTCR included, is the
 * hardware's own (QEMU's write masks and RES0 storage apply). What the shadow hides is only what
 * the emulator cannot predict anyway (faults and memory attributes of a translated access), and the
 * harness needs no page tables built from a scenario's arbitrary TTBR/TCR/MAIR values (0x81000000,
 * 0, T0SZ 24, MAIR 0, ...: most scenarios turn M on before they write those, or never). A scenario
 * whose emulator run sets SCTLR_ELx.EE or E0E (data endianness, which translation-off accesses obey
 * too: the harness's own loads and stores would be byte-reversed) is refused (emulator-run.ts).
 */
import { hex } from "../../generators/spec/bits.js";
import type { RegisterIndex } from "../register-index.js";

/**
 * The bits the harness keeps in shadows: per register, the bits, each a logical immediate of its own
 * (an AND with one of them is one instruction). Their order is the order of the hv_mshadow slots
 * after the scratch slot. SCTLR_ELx.EE (25) is a field in every format of both registers (Arm ARM
 * SCTLR_EL2, SCTLR_EL1), so shadowing it hides no RES0 behaviour.
 */
const SHADOWED_BITS: readonly (readonly [string, readonly bigint[], string])[] = [
  ["SCTLR_EL2", [1n, 1n << 25n], "M, EE"],
  ["SCTLR_EL1", [1n, 1n << 25n], "M, EE"],
  ["HCR_EL2", [1n], "VM"],
];

/** The shadow slot of a register with shadowed bits: its offset in hv_mshadow, the bits, their names. */
export interface Shadow {
  readonly off: number;
  readonly masks: readonly bigint[];
  readonly bits: string;
}

/** A VBAR the harness installs: [operand, shadow, register, the harness's vector table for the EL it serves]. */
export type Vbar = readonly [string, string, number, string];

export interface Shadows {
  readonly vbarEl2: number;
  readonly vbarEl1: number;
  /** The shadow slot of register r, or undefined when it has no shadowed bits. */
  readonly shadowOf: (r: number) => Shadow | undefined;
  /** The VBARs the harness installs at `atEl` (each vector table runs on its own EL's harness stack). */
  readonly vbars: (atEl: number, e2h: boolean) => Vbar[];
}

export function shadows(index: RegisterIndex): Shadows {
  const vbarEl2 = index.byName.get("VBAR_EL2") ?? -1;
  const vbarEl1 = index.byName.get("VBAR_EL1") ?? -1;
  return {
    vbarEl2,
    vbarEl1,
    shadowOf: (r) => {
      const k = SHADOWED_BITS.findIndex(([n]) => index.byName.get(n) === r);
      const e = SHADOWED_BITS[k];
      return e && r >= 0 ? { off: 8 * (k + 1), masks: e[1], bits: `${e[0]}.${e[2].replace(", ", "/")}` } : undefined;
    },
    vbars: (atEl, e2h) =>
      atEl === 2
        ? [
            ["vbar_el2", "hv_shadow_vbar_el2", vbarEl2, "hv_vectors_el2"],
            [e2h ? "S3_5_C12_C0_0" : "vbar_el1", "hv_shadow_vbar_el1", vbarEl1, "hv_vectors_el1"],
          ]
        : atEl === 1
          ? [["vbar_el1", "hv_shadow_vbar_el1", vbarEl1, "hv_vectors_el1"]]
          : [],
  };
}

/** The value the hardware gets: v without the shadowed bits. */
export const withoutShadowed = (sh: Shadow, v: bigint): bigint => sh.masks.reduce((acc, mk) => acc & ~mk, v);

/** `orr` the shadowed bits into xN (an MRS result, a value to report): MSHADOW_SHOW per bit group. */
export const showShadow = (n: number, sh: Shadow): string[] => sh.masks.map((mk) => `MSHADOW_SHOW ${n}, ${sh.off}, ${hex(mk)}`);

/** The harness's vectors in every VBAR of `el` (before the harness leaves it by an exception or a return). */
export const installVectors = (sh: Shadows, el: number, e2h: boolean): string[] =>
  sh.vbars(el, e2h).map(([op, shadow, , table]) => `VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
