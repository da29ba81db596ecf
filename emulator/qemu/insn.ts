/**
 * An instruction step: the scenario's word itself (`.inst`), preceded by the harness preamble
 * (program.S.hbs STEP), with the VBAR and translation-bit shadows around it; an MRS result and the
 * EL after an ERET are printed and compared, and so is the exception the step takes.
 *
 * Illegal exception returns. The emulator (vcpu.ts eret) sets PSTATE.IL on the ERET and takes the
 * Illegal Execution state exception (EC 0x0E, ELR = the instruction, SPSR = PSTATE with IL) on the
 * next instruction step (vcpu.ts step); the steps in between (expect, x = V) see PSTATE with IL set;
 * a reset or a KVM write of PSTATE clears IL without an exception. On hardware the ERET's ELR is a
 * harness landing (hv_il_<j>) that takes that exception at once; it is reported as the step that
 * takes it in the emulator (STEP's index), ELR relative to the landing (0 on both sides). The
 * handler keeps the exception (hv_state.il_*), puts back the ESR, ELR, SPSR and FAR it clobbered
 * (hv_snap, taken before the ERET) and continues at the next step with IL cleared. In the window,
 * NZCV/DAIF/SPSel/EL/PSTATE (IL included) are read from the kept SPSR (expect.ts, REPORT_IL); the
 * step that takes the exception in the emulator runs no instruction and puts the exception's
 * registers back (IL_TAKEN). When no instruction ends the window, the landing's exception is
 * compared with the one the Arm ARM gives the next instruction from the emulator's PSTATE
 * (AArch64.IllegalState: current EL, EC 0x0E, IL 1, ISS 0). An `el N` in the window is refused
 * (emulator-run.ts).
 */
import { hex } from "../../generators/spec/bits.js";
import type { Step } from "../scenario/parse.js";
import { isEret, isMrs, isMsrReg, RESERVED_X, sysKey } from "./a64.js";
import type { Lowering } from "./context.js";
import type { After } from "./emulator-run.js";
import { showShadow } from "./shadows.js";

const PC_DEPENDENT = /^ELR_EL/;

export function lowerInsn(cx: Lowering, step: Step & { op: "insn" }, i: number, el: number, e2hBefore: boolean, aft: After | undefined): string[] {
  const { index, findings, run } = cx;
  const { tainted, lastMrs } = findings;
  const observe = (name: string, value: bigint, decodeAs?: string) => findings.observe(i, step, name, value, decodeAs);
  const asm: string[] = [];
  const w = step.word >>> 0;
  const insnLabel = `hv_insn_${i}`;
  const next = `hv_next_${i}`;
  const rec = run.record.steps[i]?.result ?? "";
  const observeException = () => findings.observeException(i, step, rec, run.before[i]?.pc ?? 0n);
  const ilEndOf = run.illegal.end.get(i);
  if (ilEndOf !== undefined) {
    // The instruction the emulator does not execute: the landing of the illegal return took its
    // exception already (reported as this step's); put that exception's ESR/ELR/SPSR/FAR back.
    observeException();
    asm.push(`/* not executed: PSTATE.IL; its exception was taken at the landing of line ${cx.s.steps[ilEndOf]?.line ?? "?"} */`, `IL_TAKEN ${el}`);
    return asm;
  }
  const ilw = run.illegal.windows.get(i);
  const reg = isMrs(w) || isMsrReg(w) ? cx.operands.reached(sysKey(w), el, e2hBefore) : -1;
  const rt = w & 31;
  if (isMrs(w) && rt === RESERVED_X) findings.refuse(`line ${step.line}: x${RESERVED_X} is the harness's`);
  const regName = reg >= 0 ? (index.names[reg] ?? "") : "";
  if (isMsrReg(w) && reg >= 0) tainted.delete(regName);
  if (isMrs(w) && rt !== 31) {
    // An MRS of a value the hardware does not have (a KVM API write, an ELR, a harness stack) passes it on.
    if (reg < 0 || tainted.has(regName) || PC_DEPENDENT.test(regName)) tainted.add(`x${rt}`);
    else tainted.delete(`x${rt}`);
    if (reg >= 0) lastMrs.set(rt, regName);
    else lastMrs.delete(rt);
  }
  // An illegal ERET lands on hv_il_<i>, which takes the exception: reported as the step that ends
  // the window (the emulator's), or as this one when no instruction does (observed below).
  asm.push(ilw ? `STEP ${el}, ${ilw.end ?? i}, hv_il_${i}, ${next}` : `STEP ${el}, ${i}, ${insnLabel}, ${next}`);
  // The harness's vectors everywhere but in the VBAR the instruction reaches: an MSR writes
  // it (the next preamble moves the value written into the shadow), an MRS reads the shadow.
  for (const [op, shadow, r, table] of cx.shadows.vbars(el, e2hBefore)) {
    if (r !== reg) asm.push(`VBAR_INSTALL ${el}, ${op}, ${shadow}, ${table}`);
    else if (isMrs(w)) asm.push(`VBAR_SHADOW ${el}, ${op}, ${shadow}, ${table}`);
  }
  // The return state comes from SPSR_ELx: one a KVM API step set (skipped) is not on hardware.
  if (isEret(w) && el >= 1 && tainted.has(`SPSR_EL${el}`)) findings.refuse(`line ${step.line}: 'eret' returns with SPSR_EL${el} as a KVM API step (onereg set/setregs, skipped on hardware) set it`);
  if (isEret(w) && el >= 1) asm.push(`SNAPSHOT ${el}`, ...(ilw ? [`IL_ARM ${el}`, `ELR_TO ${el}, hv_il_${i}`] : [`ELR_TO ${el}, ${next}`]));
  // A register with shadowed bits (translation enables, EE): an MSR writes the hardware without
  // them and, unless it trapped, keeps the whole value in the shadow; an MRS ORs them back in.
  const sh = reg >= 0 ? cx.shadows.shadowOf(reg) : undefined;
  if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_STASH ${rt}`, ...sh.masks.map((mk) => `bic x${rt}, x${rt}, #${hex(mk)}`));
  asm.push(`${insnLabel}: .inst ${hex(w, 8)}`);
  // The landing: with PSTATE.IL set it is not executed; its exception continues at `next`.
  if (ilw) asm.push(`hv_il_${i}: nop`);
  if (sh && isMsrReg(w)) asm.push(rt === 31 ? `MSHADOW_ZERO ${sh.off}` : `MSHADOW_KEEP ${rt}, ${sh.off}`);
  if (sh && isMrs(w) && rt !== 31) asm.push(...showShadow(rt, sh));
  asm.push(`${next}:`);
  // An MSR that trapped continues here with its source register still without the shadowed bits.
  if (sh && isMsrReg(w) && rt !== 31) asm.push(`MSHADOW_UNSTASH ${rt}`);
  const exc = observeException();
  if (ilw && !ilw.end && aft) {
    // No instruction ends the window in the emulator (a reset or a KVM write of PSTATE clears
    // IL): the landing's exception is the one the Arm ARM gives the next instruction
    // (AArch64.IllegalState: EC 0x0E, IL = 1, ISS 0, to the current EL from EL1/EL2, ELR = it,
    // SPSR = PSTATE with IL), from the emulator's PSTATE after the return.
    const elName = `EL${aft.el}`;
    observe("exception.EL", BigInt(aft.el));
    observe("exception.vector", aft.spsel === 1 ? 0x200n : 0n);
    observe(`exception.ESR_${elName}`, (0x0en << 26n) | (1n << 25n), `ESR_${elName}`);
    observe(`exception.ELR_${elName}-insn`, 0n);
    observe(`exception.SPSR_${elName}`, BigInt(aft.pstate >>> 0), `SPSR_${elName}`);
  }
  if (exc) {
    // observed by observeException
  } else if (isMrs(w) && aft && reg >= 0 && PC_DEPENDENT.test(regName)) {
    findings.skip(step, `${regName}: PC-dependent (the exception record compares ELR relative to the instruction)`);
  } else if (isMrs(w) && aft && tainted.has(regName)) {
    findings.skip(step, `${regName}: set by a KVM API step the program skips`);
  } else if (isMrs(w) && aft && rt !== 31) {
    observe(`x${rt}`, aft.x[rt] ?? 0n, reg >= 0 ? index.names[reg] : undefined);
    asm.push(`REPORT_SLOT ${el}, ${i}, ${findings.nameLabel(`x${rt}`)}, ${rt}`);
  }
  if (isEret(w) && aft && !exc) {
    if (aft.el >= 1) {
      observe("CurrentEL", BigInt(aft.el << 2));
      asm.push(`REPORT_SYS ${aft.el}, ${i}, ${findings.nameLabel("CurrentEL")}, CurrentEL`);
    } else findings.skip(step, "EL after ERET to EL0: CurrentEL cannot be read at EL0 (later exceptions show it in SPSR)");
  }
  // Every exception a step takes in QEMU but not in the emulator is reported too: qemu.ts flags
  // any exception line the emulator did not record.
  return asm;
}
