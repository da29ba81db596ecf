/**
 * Moving between ELs the way the emulator does without an exception: its `el N` step and a KVM
 * write of PSTATE (api-write.ts).
 *
 * `el N` (vcpu.ts setEl: PSTATE.EL/SP change, nothing else) is lowered: downwards, an ERET (EL_DOWN)
 * whose SPSR is EL N (h; EL0t) with the current NZCV and DAIF (other PSTATE bits 0: PAN, SSBS,
 * ALLINT, TCO, which the emulator does not model) and whose ELR is the next step. That clobbers
 * SPSR_ELx/ELR_ELx, which nothing below EL x can observe: before every downward transition (`el N`,
 * an `eret` step) the harness snapshots ESR, ELR, SPSR and FAR of the EL it leaves and of EL1
 * (harness.c hv_snapshot; at EL2 with E2H == 1 through the _EL12 encodings). Upwards, a request call
 * (EL_UP: HVC #HV_REQUEST_IMM at EL1, SVC at EL0) goes to EL2 (from EL0 with HCR_EL2.TGE == 0 via
 * EL1, whose handler forwards it with an HVC); EL2's handler (serve_request) puts back the snapshots
 * of EL2 (and of EL1 when the SVC went through it), the requester's x registers and NZCV, and
 * continues at the next step at EL2 with the requester's DAIF, or ERETs to EL1h for `el 1`. An
 * exception the scenario takes in between overwrites those registers architecturally, as in the
 * emulator. Refused: `el 1` with HCR_EL2.TGE == 1 (no exception return reaches EL1) and `el`
 * upwards with HCR_EL2.HCD == 1 (HVC UNDEFINED).
 */
import { hex } from "../../generators/spec/bits.js";
import type { Step } from "../scenario/parse.js";
import { movSequence, RESERVED_X } from "./a64.js";
import type { Lowering } from "./context.js";
import type { Snapshot } from "./emulator-run.js";
import { installVectors } from "./shadows.js";

/**
 * A step of the harness's own at `el` (program.S.hbs STEP): labels hv_insn_<tag> and hv_next_<tag>,
 * the harness's vectors installed, then `body`, which leaves the EL.
 */
function harnessStep(cx: Lowering, el: number, i: number, e2h: boolean, tag: string, body: readonly string[]): string[] {
  return [`STEP ${el}, ${i}, hv_insn_${tag}, hv_next_${tag}`, `hv_insn_${tag}:`, ...installVectors(cx.shadows, el, e2h), ...body, `hv_next_${tag}:`];
}

const requestCall = (el: number, to: number): string => `EL_UP ${el}, ${to}, ${el === 0 ? "svc" : "hvc"}`;

// HVC is UNDEFINED with HCR_EL2.HCD == 1 (Arm ARM C6.2 HVC): the request could not reach EL2.
function refuseUndefinedHvc(cx: Lowering, step: Step, el: number, bef: Snapshot): void {
  if (bef.hcd && (el === 1 || !bef.tge)) cx.findings.refuse(`line ${step.line}: '${step.text}' with HCR_EL2.HCD == 1: the harness's HVC is UNDEFINED`);
}

/** The emulator's `el N` (vcpu.ts setEl) changes PSTATE.{EL,SP} only: an ERET downwards, a request call upwards. */
export function lowerEl(cx: Lowering, step: Step & { op: "el" }, i: number, el: number, bef: Snapshot | undefined): string[] {
  const to = step.el;
  if (to === el) return to > 0 ? ["msr spsel, #1"] : [];
  // IllegalExceptionReturn(): a return to EL1 with HCR_EL2.TGE == 1 is illegal (Arm ARM D1.x).
  if (to === 1 && bef?.tge) cx.findings.refuse(`line ${step.line}: '${step.text}' with HCR_EL2.TGE == 1: no exception return reaches EL1`);
  if (to > el && bef) refuseUndefinedHvc(cx, step, el, bef);
  return harnessStep(cx, el, i, bef?.e2h ?? false, `${i}`, [to < el ? `EL_DOWN ${el}, ${to}, hv_next_${i}` : requestCall(el, to)]);
}

/** The harness's request call from `el` up to `to` (EL_UP), as a step of its own: labels hv_insn_<tag>, hv_next_<tag>. */
export function goUp(cx: Lowering, step: Step, i: number, el: number, to: number, bef: Snapshot, tag: string): string[] {
  refuseUndefinedHvc(cx, step, el, bef);
  if (to === 1 && bef.tge) cx.findings.refuse(`line ${step.line}: '${step.text}' moves to EL1 with HCR_EL2.TGE == 1: no exception return reaches EL1`);
  return harnessStep(cx, el, i, bef.e2h, tag, [requestCall(el, to)]);
}

/** A KVM write of PSTATE (the value p the emulator ended with) from EL `el`. */
export function lowerPstate(cx: Lowering, step: Step, i: number, el: number, bef: Snapshot, p: number, tag: string): string[] {
  const out: string[] = [];
  const to = (p >>> 2) & 3;
  if ((p & 0x10) !== 0 || (p & 2) !== 0 || (p & (1 << 20)) !== 0) {
    cx.findings.refuse(`line ${step.line}: '${step.text}' writes PSTATE ${hex(BigInt(p))} (AArch32, M[1] or IL): no exception return produces it`);
    return out;
  }
  if (to < el) {
    // IllegalExceptionReturn(): a return to EL1 with HCR_EL2.TGE == 1 is illegal (Arm ARM D1.x).
    if (to === 1 && bef.tge) cx.findings.refuse(`line ${step.line}: '${step.text}' moves to EL1 with HCR_EL2.TGE == 1: no exception return reaches EL1`);
    // SPSR: NZCV, DAIF and M[3:0] of the new PSTATE (the bits the emulator models).
    const spsr = BigInt(p) & 0xf00003cfn;
    return harnessStep(cx, el, i, bef.e2h, tag, [`HV_BEGIN ${el}`, ...movSequence(0, spsr), `adr x1, hv_next_${tag}`, "bl hv_eret_to", "HV_END", "eret"]);
  }
  if (to > el) out.push(...goUp(cx, step, i, el, to, bef, tag));
  // Same EL (or arrived): NZCV through x28 (the harness's), DAIF and SPSel by immediate.
  out.push(`movz x${RESERVED_X}, #${hex(BigInt(p >>> 16) & 0xf000n)}, lsl #16`, `msr nzcv, x${RESERVED_X}`);
  if (to === 0) {
    if (((p ^ bef.daif) & 0x3c0) !== 0) cx.findings.refuse(`line ${step.line}: '${step.text}' changes DAIF at EL0 (MSR DAIF traps there without SCTLR_EL1.UMA)`);
    return out;
  }
  out.push("msr daifclr, #0xf");
  if ((p & 0x3c0) !== 0) out.push(`msr daifset, #${hex(BigInt((p >>> 6) & 0xf))}`);
  out.push(`msr spsel, #${p & 1}`);
  return out;
}
