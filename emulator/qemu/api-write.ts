/**
 * KVM API writes (onereg set, setregs) are, on hardware, the host writing the vCPU's registers
 * between two runs: every register the step changed in the emulator (a `onereg set` target even when
 * unchanged) gets the value the emulator ended with, not the ioctl's argument (KVM's masks, e.g.
 * HCR_EL2.RW RES1, already applied), by the guest's own means. x registers: MOVZ/MOVK. System
 * registers and SP_EL0/1/2: at EL2, an MSR (E2H redirection through the _EL12 aliases; shadowed bits
 * into their shadow; VBAR_ELx reaches the hardware and the next preamble moves it into its shadow,
 * as after the scenario's own MSR; SP_EL2, or SP_EL0 in EL2t, by MOV SP); below EL2, the harness's
 * request call up to EL2, the MSRs there, and an ERET (hv_eret_to) back to the PSTATE the emulator
 * ended with. PSTATE: an ERET with that SPSR (NZCV, DAIF, M[3:0]) when the EL goes down, the request
 * call when it goes up, then MSR NZCV / DAIFSet / DAIFClr / SPSel. Registers with no such write
 * (FP/SIMD, PC, x28, KVM pseudo-registers) stay skipped and tainted: an `expect` of them is skipped
 * too. A PSTATE the emulator ends with that no exception return can produce (AArch32, M[1], IL)
 * refuses the scenario, as do the `el N` refusals (el-lowering.ts) for the request call and the ERET.
 */
import { hex } from "../../generators/spec/bits.js";
import type { Step } from "../scenario/parse.js";
import { movSequence, RESERVED_X } from "./a64.js";
import type { Lowering } from "./context.js";
import { goUp, lowerPstate } from "./el-lowering.js";
import { installVectors, withoutShadowed } from "./shadows.js";

/** The key of register r in Findings.tainted: "xN" or the register's name. */
export function taintName(cx: Lowering, r: number): string {
  const name = cx.index.names[r] ?? "";
  return /^X\d+$/i.test(name) ? name.toLowerCase() : name.toUpperCase();
}

export function lowerApiWrite(cx: Lowering, step: Step & { op: "onereg-set" | "setregs" }, i: number): string[] {
  const { index, findings } = cx;
  const { tainted } = findings;
  const { spRegs, readOperand } = cx.operands;
  const io = cx.run.apiState[i];
  const bef = cx.run.before[i];
  if (!io || !bef) return [];
  const el = bef.el;
  const p = io.after.pstate;
  const pstateChanged = p !== io.before.pstate;
  const to = (p >>> 2) & 3;
  // PSTATE.SP at EL2 when the writes happen (below: at EL2 already, after a PSTATE write to EL2, or EL2h after the request call).
  const spselAtWrite = el === 2 ? bef.spsel : pstateChanged && to === 2 ? p & 1 : 1;
  const notLowered: string[] = [];
  const xWrites: string[] = [];
  const sysWrites: [number, bigint][] = [];
  for (const [r, v] of io.after.vals) {
    const was = io.before.vals.get(r);
    // KVM_SET_REGS rewrites the whole struct kvm_regs: only what it changed needs lowering; a
    // KVM_SET_ONE_REG is lowered even when it wrote the value the emulator already had.
    if (step.op === "setregs" && was === v && !tainted.has(taintName(cx, r))) continue;
    const name = index.names[r] ?? `r${r}`;
    const xn = r - index.X0;
    if (r === index.PC) continue; // `pc = V`: nothing, PC-dependent observables are relative
    if (xn >= 0 && xn <= 30) {
      if (xn === RESERVED_X) {
        notLowered.push(name);
        tainted.add(`x${xn}`);
        continue;
      }
      xWrites.push(`/* ${name} = ${hex(v)} */`, ...movSequence(xn, v));
      tainted.delete(`x${xn}`);
      findings.lastMrs.delete(xn);
      continue;
    }
    const spec = index.spec[r];
    const acc = spec?.access[2];
    const isSp = spRegs.includes(r);
    // SP_ELx have no MSR at their own EL, but at EL2 SP_EL2 is SP itself (EL2h) and SP_EL0/SP_EL1 take an MSR.
    if ((r === spRegs[2] && spselAtWrite === 0) || (!isSp && (!spec?.encoding || (acc !== "rw" && acc !== "wo") || index.implemented[r] !== 1 || !readOperand(r, 2, bef.e2h)))) {
      notLowered.push(name);
      tainted.add(taintName(cx, r));
      continue;
    }
    sysWrites.push([r, v]);
    tainted.delete(taintName(cx, r));
  }
  if (notLowered.length > 0) findings.skip(step, `${notLowered.join(", ")}: no hardware counterpart the program can write (KVM userspace API)`);
  // The writes at EL2, with PSTATE.SP = spsel there (the current SP is written with MOV SP).
  const writesAtEl2 = (spsel: number): string[] => {
    const out: string[] = [];
    for (const [r, v] of sysWrites) {
      const name = index.names[r] ?? `r${r}`;
      if (r === spRegs[spsel === 0 ? 0 : 2]) {
        out.push(`/* ${name} = ${hex(v)}: the current SP */`, ...movSequence(RESERVED_X, v), `mov sp, x${RESERVED_X}`);
        continue;
      }
      const operand = r === spRegs[0] ? "sp_el0" : r === spRegs[1] ? "sp_el1" : readOperand(r, 2, bef.e2h);
      if (!operand) continue;
      const sh = cx.shadows.shadowOf(r);
      out.push(`/* ${name} = ${hex(v)}: MSR at EL2 */`, `HV_BEGIN 2`, ...movSequence(0, sh ? withoutShadowed(sh, v) : v), `msr ${operand}, x0`, "isb");
      if (sh) out.push(...movSequence(0, v), `MSHADOW_SET 0, ${sh.off}`);
      out.push("HV_END");
    }
    return out;
  };
  const out: string[] = [];
  if (sysWrites.length === 0) {
    if (pstateChanged) out.push(...lowerPstate(cx, step, i, el, bef, p, `${i}`));
  } else if (el === 2) {
    out.push(...writesAtEl2(bef.spsel), ...(pstateChanged ? lowerPstate(cx, step, i, 2, bef, p, `${i}`) : []));
  } else if (pstateChanged && to === 2) {
    // The host's write takes the vCPU to EL2: go there first, then write.
    out.push(...lowerPstate(cx, step, i, el, bef, p, `${i}`), ...writesAtEl2(p & 1));
  } else {
    // Below EL2: up to EL2 by the harness's request call, write there, put the harness's vectors
    // back in VBAR_EL2/VBAR_EL1 (the value written goes to the shadow), and return to the PSTATE
    // the emulator ended with by an ERET (hv_eret_to keeps ESR/ELR/SPSR/FAR of EL2 for a later `el 2`).
    out.push(`/* up to EL2 for the host's writes */`, ...goUp(cx, step, i, el, 2, bef, `${i}`), ...writesAtEl2(1));
    out.push(...installVectors(cx.shadows, 2, bef.e2h));
    out.push(...lowerPstate(cx, step, i, 2, bef, pstateChanged ? p : io.before.pstate, `${i}_down`));
  }
  return [...out, ...xWrites];
}
