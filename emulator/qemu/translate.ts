/**
 * `reglab qemu`: run a scenario on QEMU too (a first slice of "run every scenario on QEMU"). This
 * module translates a scenario into a bare-metal AArch64 program for QEMU's `virt` machine
 * (virtualization=on) and lists, step by step, the observables the emulator saw, for comparison with
 * what the program prints (qemu.ts builds, runs and compares). The step kinds are lowered here and in:
 * insn.ts (an instruction; illegal exception returns), expect.ts (an `expect`), el-lowering.ts (`el N`
 * and PSTATE writes), api-write.ts (KVM API writes); emulator-run.ts keeps the emulator's side,
 * observables.ts what is compared and skipped, operands.ts the E2H redirection and the stack
 * pointers, shadows.ts the VBAR and translation-bit shadows.
 *
 * The mapping (README "QEMU in the loop"):
 * - Virtual EL2 in the emulator is real EL2 in QEMU. QEMU boots the program at EL2h with NZCV
 *   UNKNOWN (7.2 sets Z); the emulator's `reset` is KVM's (PSTATE 0x3c9, EL2h, DAIF masked, NZCV 0).
 *   A `reset` step (allowed at EL2 only) therefore sets DAIF, SPSel = 1 and NZCV = 0, zeroes
 *   x0..x30 (but x28, a64.ts RESERVED_X) and writes the emulator's reset value into every system
 *   register the scenario names (MSR, MRS, expect) that EL2 can write: the scenario then starts
 *   from the emulator's reset state for everything it touches. Registers it does not name keep
 *   QEMU's values (SCTLR_ELx, ...); they are not observables. `reset` always writes HCR_EL2 (RW,
 *   TGE, E2H decide what an exception return reaches) and never a register the profile lacks
 *   (UNDEFINED).
 * - `xN = V`: MOVZ/MOVK. `pc = V`: nothing (the program cannot put code at an arbitrary address);
 *   `expect pc`, `expect ELR_ELx` and the final PC are skipped, and an exception's ELR is compared
 *   relative to the address of the instruction that took it (emulator: ELR - PC before the step).
 * - KVM API reads and queries have no hardware meaning: skipped and listed (observables.ts).
 */
import { hex } from "../../generators/spec/bits.js";
import type { Machine } from "../machine.js";
import type { Scenario, Step } from "../scenario/parse.js";
import type { RunRecord } from "../scenario/run.js";
import { HV_REQUEST_IMM, movSequence, RESERVED_X, sysregOperand } from "./a64.js";
import { lowerApiWrite } from "./api-write.js";
import type { Lowering } from "./context.js";
import { lowerEl } from "./el-lowering.js";
import { runOnEmulator } from "./emulator-run.js";
import { lowerExpect } from "./expect.js";
import { lowerInsn } from "./insn.js";
import { Findings, type Observable, type Skipped } from "./observables.js";
import { operands } from "./operands.js";
import { shadows, withoutShadowed } from "./shadows.js";

export interface Translation {
  readonly file: string;
  readonly record: RunRecord;
  readonly observables: readonly Observable[];
  readonly skipped: readonly Skipped[];
  /** Why the slice cannot run the scenario, or undefined. */
  readonly unsupported?: string;
  /** The view of program.S.hbs. */
  readonly view: ProgramView;
}

export interface ProgramView {
  readonly file: string;
  readonly steps: readonly { readonly line: number; readonly text: string; readonly asm: readonly string[] }[];
  readonly vectors: readonly string[];
  readonly names: readonly { readonly label: string; readonly text: string }[];
  readonly shadowVbarEl2: string;
  readonly shadowVbarEl1: string;
  /** The immediate of the harness's `el N` request calls (SVC/HVC), hex digits. */
  readonly requestImm: string;
}

/** Translate `s`, running it on `m` (a fresh machine) for the emulator's side. */
export function translate(s: Scenario, m: Machine): Translation {
  const { index } = m;
  const run = runOnEmulator(s, m);
  const findings = new Findings();
  if (run.refusal) findings.refuse(run.refusal);
  const cx: Lowering = { s, m, index, run, operands: operands(index), shadows: shadows(index), findings };

  const steps: { line: number; text: string; asm: string[] }[] = [];
  s.steps.forEach((step: Step, i) => {
    const bef = run.before[i];
    const el = bef?.el ?? 2;
    const aft = run.after[i];
    const asm: string[] = [];
    switch (step.op) {
      case "reset":
        if (i > 0 && el !== 2) findings.refuse(`line ${step.line}: reset below EL2 (the program cannot get back to EL2 without an exception)`);
        asm.push("msr daifset, #0xf", "msr spsel, #1", "msr nzcv, xzr", ...resetRegs(cx, aft?.e2h ?? false));
        for (let n = 0; n <= 30; n++) if (n !== RESERVED_X) asm.push(`mov x${n}, xzr`);
        break;
      case "el":
        asm.push(...lowerEl(cx, step, i, el, bef));
        break;
      case "set-x":
        if (step.n === RESERVED_X) findings.refuse(`line ${step.line}: x${RESERVED_X} is the harness's`);
        findings.tainted.delete(`x${step.n}`);
        findings.lastMrs.delete(step.n);
        asm.push(...movSequence(step.n, step.value));
        break;
      case "set-pc":
        findings.skip(step, "the program cannot place code at an arbitrary PC (PC-dependent observables are compared relative to the step)");
        break;
      case "insn":
        asm.push(...lowerInsn(cx, step, i, el, bef?.e2h ?? false, aft));
        break;
      case "expect":
        asm.push(...lowerExpect(cx, step, i, aft));
        break;
      case "onereg-set":
      case "setregs":
        asm.push(...lowerApiWrite(cx, step, i));
        break;
      default:
        findings.skip(step, `${step.op}: no hardware meaning (KVM userspace API)`);
        if (step.op === "onereg-get") findings.tainted.add(`x${step.dst}`);
    }
    steps.push({ line: step.line, text: step.text.replace(/\*\//g, "* /"), asm: [`hv_step_${i}:`, ...asm] });
  });
  steps.push({ line: 0, text: "end", asm: [`hv_step_${s.steps.length}:`] });

  const shadow = (r: number) => hex(run.resetValues.get(r) ?? 0n);
  const view: ProgramView = {
    file: s.file,
    steps,
    vectors: Array.from({ length: 16 }, (_, k) => hex(k * 0x80, 3)),
    names: findings.names,
    shadowVbarEl2: shadow(cx.shadows.vbarEl2),
    shadowVbarEl1: shadow(cx.shadows.vbarEl1),
    requestImm: HV_REQUEST_IMM.toString(16),
  };
  const { unsupported } = findings;
  return { file: s.file, record: run.record, observables: findings.observables, skipped: findings.skipped, ...(unsupported ? { unsupported } : {}), view };
}

/**
 * `reset`: the emulator's reset value into every named register EL2 can write, HCR_EL2 first among
 * them by index order and the VBARs last (e2hAfter: HCR_EL2.E2H after the reset).
 */
function resetRegs(cx: Lowering, e2hAfter: boolean): string[] {
  const { index, run } = cx;
  const out: string[] = [];
  const vbarLines: string[] = [];
  for (const r of [...run.named].sort((a, b) => a - b)) {
    const spec = index.spec[r];
    // A register of a feature the profile lacks is UNDEFINED (the emulator's index.implemented): not written.
    if (!spec?.encoding || !cx.m.vcpu.state.has(r) || index.implemented[r] !== 1) continue;
    const acc = spec.access[2];
    if (acc !== "rw" && acc !== "wo") continue;
    const v = run.resetValues.get(r) ?? 0n;
    if (r === cx.shadows.vbarEl2 || r === cx.shadows.vbarEl1) {
      // The shadow holds the scenario's value (at a later `reset` too) and the hardware the harness's
      // vectors; last, once HCR_EL2 (E2H: which encoding reaches VBAR_EL1) has its reset value.
      const op = cx.shadows.vbars(2, e2hAfter).find(([, , reg]) => reg === r);
      if (op) vbarLines.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value, in the shadow) */`, ...movSequence(0, v), `VBAR_RESET ${op[0]}, ${op[1]}, ${op[3]}`);
      continue;
    }
    const sh = cx.shadows.shadowOf(r);
    if (sh) {
      // The hardware gets the value without the shadowed bits; the shadow slot the whole value.
      out.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value; ${sh.bits} in the shadow) */`, ...movSequence(0, withoutShadowed(sh, v)), `msr ${sysregOperand(spec.encoding)}, x0`);
      out.push(...movSequence(0, v), `MSHADOW_SET 0, ${sh.off}`);
      continue;
    }
    out.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value) */`, ...movSequence(0, v), `msr ${sysregOperand(spec.encoding)}, x0`);
  }
  return [...out, ...vbarLines];
}
