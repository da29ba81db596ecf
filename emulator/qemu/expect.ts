/**
 * An `expect` step: the harness prints the value (program.S.hbs REPORT_*) and the emulator's is the
 * observable. x registers, system registers, NZCV, DAIF, SPSel, PSTATE (NZCV|DAIF|EL|SPSel) and
 * CurrentEL are compared; an `expect` whose register the current EL cannot read (and
 * DAIF/SPSel/EL/PSTATE at EL0) is skipped and listed, as is one of a tainted value (observables.ts),
 * of PC, of ELR_ELx (PC-dependent: an exception's ELR is compared relative to the instruction that
 * took it) and of errno (a KVM ioctl result).
 */
import { hex } from "../../generators/spec/bits.js";
import type { Step } from "../scenario/parse.js";
import { RESERVED_X } from "./a64.js";
import type { Lowering } from "./context.js";
import type { After } from "./emulator-run.js";

export function lowerExpect(cx: Lowering, step: Step & { op: "expect" }, i: number, a: After | undefined): string[] {
  const { findings } = cx;
  const observe = (name: string, value: bigint, decodeAs?: string) => findings.observe(i, step, name, value, decodeAs);
  const skip = (why: string) => findings.skip(step, why);
  const label = (text: string) => findings.nameLabel(text);
  const lhs = step.lhs;
  if (!a) return [];
  const curEl = a.el;
  // In an illegal-return window the hardware has already taken the Illegal Execution state
  // exception at the landing: the PSTATE the emulator holds now is that exception's SPSR.
  if (cx.run.illegal.stepOf.has(i) && (lhs.kind === "nzcv" || lhs.kind === "daif" || lhs.kind === "spsel" || lhs.kind === "el" || (lhs.kind === "reg" && lhs.name.toUpperCase() === "PSTATE"))) {
    const [name, mask, decode] =
      lhs.kind === "nzcv" ? ["NZCV", 0xf0000000, "SPSR_EL2"] : lhs.kind === "daif" ? ["DAIF", 0x3c0, "SPSR_EL2"] : lhs.kind === "spsel" ? ["SPSel", 1, undefined] : lhs.kind === "el" ? ["CurrentEL", 0xc, undefined] : ["PSTATE", 0xf01003cd, "SPSR_EL2"];
    observe(name, BigInt((a.pstate & mask) >>> 0), decode);
    return [`REPORT_IL ${curEl}, ${i}, ${label(name)}, ${hex(BigInt(mask >>> 0))}`];
  }
  switch (lhs.kind) {
    case "x":
      if (lhs.n === RESERVED_X) {
        findings.refuse(`line ${step.line}: x${RESERVED_X} is the harness's`);
        return [];
      }
      if (findings.tainted.has(`x${lhs.n}`)) {
        skip(`x${lhs.n}: its value comes from a step the program skips or cannot reproduce (KVM API, ELR, harness stack)`);
        return [];
      }
      observe(`x${lhs.n}`, a.x[lhs.n] ?? 0n, findings.lastMrs.get(lhs.n));
      return [`REPORT_SLOT ${curEl}, ${i}, ${label(`x${lhs.n}`)}, ${lhs.n}`];
    case "nzcv":
      observe("NZCV", BigInt((a.pstate >>> 28) & 0xf) << 28n, "SPSR_EL2");
      return [`REPORT_SLOT ${curEl}, ${i}, ${label("NZCV")}, 31`];
    case "daif":
    case "spsel":
    case "el":
      if (curEl === 0) {
        skip(`${lhs.kind} cannot be read at EL0 without SCTLR_EL1.UMA (DAIF) or at all (SPSel, CurrentEL)`);
        return [];
      }
      if (lhs.kind === "daif") {
        observe("DAIF", BigInt(a.pstate & 0x3c0), "SPSR_EL2");
        return [`REPORT_SYS ${curEl}, ${i}, ${label("DAIF")}, daif`];
      }
      if (lhs.kind === "spsel") {
        observe("SPSel", BigInt(a.pstate & 1));
        return [`REPORT_SYS ${curEl}, ${i}, ${label("SPSel")}, spsel`];
      }
      observe("CurrentEL", BigInt(curEl << 2));
      return [`REPORT_SYS ${curEl}, ${i}, ${label("CurrentEL")}, CurrentEL`];
    case "pc":
      skip("PC: the program's code is not at the scenario's addresses");
      return [];
    case "errno":
      skip("errno: no hardware meaning (KVM ioctl result)");
      return [];
    case "reg":
      return expectReg(cx, step, i, a, lhs);
  }
}

/** An `expect` of a named register: PSTATE, the SP PSTATE selects, or a system register read at the current EL. */
function expectReg(cx: Lowering, step: Step, i: number, a: After, lhs: { readonly r: number; readonly name: string }): string[] {
  const { index, findings } = cx;
  const skip = (why: string) => findings.skip(step, why);
  const curEl = a.el;
  const name = lhs.name.toUpperCase();
  const label = () => findings.nameLabel(name);
  if (name === "PSTATE") {
    if (curEl === 0) {
      skip("PSTATE at EL0: DAIF, SPSel and CurrentEL cannot be read");
      return [];
    }
    findings.observe(i, step, "PSTATE", BigInt(a.pstate) & 0xf00003cdn, "SPSR_EL2");
    return [`REPORT_PSTATE ${curEl}, ${i}, ${label()}`];
  }
  const spec = index.spec[lhs.r];
  if (/^ELR_EL/.test(name)) {
    skip(`${name}: PC-dependent (the exception record compares ELR relative to the instruction)`);
    return [];
  }
  if (findings.tainted.has(name)) {
    skip(`${name}: set by a KVM API step the program skips`);
    return [];
  }
  // The stack pointer PSTATE selects is SP itself (MRS SP_EL0 with PSTATE.SP == 0 is UNDEFINED,
  // Arm ARM C5.2 SP_EL0; SP_EL1 has no MRS at EL1): the value HSTACK_ENTER saved, slot 32 of the frame.
  if (lhs.r === cx.operands.spRegs[curEl === 0 || a.spsel === 0 ? 0 : curEl]) {
    findings.observe(i, step, name, a.regs.get(lhs.r) ?? 0n, name);
    return [`REPORT_SLOT ${curEl}, ${i}, ${label()}, 32`];
  }
  if (!spec?.encoding) {
    skip(`${name}: not a system register the program can read`);
    return [];
  }
  const acc = spec.access[curEl];
  if (acc !== "rw" && acc !== "ro") {
    skip(`${name}: not readable at EL${curEl}`);
    return [];
  }
  if (index.implemented[lhs.r] !== 1) {
    skip(`${name}: not implemented under this profile (reading it is UNDEFINED)`);
    return [];
  }
  if (a.trapped.has(lhs.r)) {
    skip(`${name}: reading it at EL1 traps to EL2 now (its read trap, e.g. HCR_EL2.TRVM, is on)`);
    return [];
  }
  const operand = cx.operands.readOperand(lhs.r, curEl, a.e2h);
  if (!operand) {
    skip(`${name}: at EL2 with E2H == 1 its name reaches the EL2 register, and it has no _EL12 alias`);
    return [];
  }
  findings.observe(i, step, name, a.regs.get(lhs.r) ?? 0n, name);
  const asm: string[] = [];
  for (const [op, shadow, r, table] of cx.shadows.vbars(curEl, a.e2h)) if (r === lhs.r) asm.push(`VBAR_SHADOW ${curEl}, ${op}, ${shadow}, ${table}`);
  const shx = cx.shadows.shadowOf(lhs.r);
  if (shx) asm.push(`REPORT_SHADOWED ${curEl}, ${i}, ${label()}, ${operand}, ${shx.off}, ${shx.masks.map(hex).join(", ")}${shx.masks.length === 1 ? ", 0x0" : ""}`);
  else asm.push(`REPORT_SYS ${curEl}, ${i}, ${label()}, ${operand}`);
  return asm;
}
