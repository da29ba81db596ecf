/**
 * The program's instructions: recognising the scenario's words (MRS, MSR, ERET), building the
 * harness's own (MOVZ/MOVK, system register operands), and what the harness reserves for itself.
 */
import { hex } from "../../generators/spec/bits.js";
import type { Encoding } from "../../generators/spec/model.js";

/** The immediate of the harness's own SVC/HVC for an `el N` step upwards (harness.c.hbs serve_request). */
export const HV_REQUEST_IMM = 0x4a5;

/**
 * x28 is the harness's (the handler's branch register, the stack switch's scratch): a scenario that
 * sets or reads x28 is refused.
 */
export const RESERVED_X = 28;

export const MASK64 = (1n << 64n) - 1n;

export function sysregOperand(e: Encoding): string {
  return `S${e.op0}_${e.op1}_C${e.crn}_C${e.crm}_${e.op2}`;
}

/** The MRS/MSR operand of a 16-bit encoding key (register-index.ts encodingKey16: op0[1:0], op1, CRn, CRm, op2). */
export function keyOperand(key: number): string {
  return `S${(key >> 14) & 3}_${(key >> 11) & 7}_C${(key >> 7) & 15}_C${(key >> 3) & 15}_${key & 7}`;
}

/** xN = v: one MOVZ, then a MOVK per non-zero 16-bit part above it. */
export function movSequence(n: number, v: bigint): string[] {
  const out = [`movz x${n}, #${hex(v & 0xffffn)}`];
  for (let s = 16n; s < 64n; s += 16n) {
    const part = (v >> s) & 0xffffn;
    if (part !== 0n) out.push(`movk x${n}, #${hex(part)}, lsl #${s}`);
  }
  return out;
}

export const isMrs = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5300000;
export const isEret = (w: number) => w >>> 0 === 0xd69f03e0;
export const isMsrReg = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5100000;
/** The 16-bit encoding key (as keyOperand reads it) of an MRS/MSR word. */
export const sysKey = (w: number) => (((w >>> 19) & 3) << 14) | (((w >>> 16) & 7) << 11) | (((w >>> 12) & 15) << 7) | (((w >>> 8) & 15) << 3) | ((w >>> 5) & 7);
