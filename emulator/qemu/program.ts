/**
 * `reglab qemu`: run a scenario on QEMU too (a first slice of "run every
 * scenario on QEMU"). This file translates a scenario into a bare-metal
 * AArch64 program for QEMU's `virt` machine (virtualization=on) and lists,
 * step by step, the observables the emulator saw, for comparison with what
 * the program prints (qemu.ts builds, runs and compares).
 *
 * The mapping (README "QEMU in the loop"):
 * - Virtual EL2 in the emulator is real EL2 in QEMU. QEMU boots the program at
 *   EL2h with NZCV UNKNOWN (7.2 sets Z); the emulator's `reset` is KVM's
 *   (PSTATE 0x3c9, EL2h, DAIF masked, NZCV 0). A `reset` step (allowed at EL2
 *   only) therefore sets DAIF, SPSel = 1 and NZCV = 0, zeroes x0..x30 (but x28,
 *   below) and writes the emulator's reset value into every system register
 *   the scenario names (MSR, MRS, expect) that EL2 can write: the scenario
 *   then starts from the emulator's reset state for everything it touches.
 *   Registers it does not name keep QEMU's values (SCTLR_ELx, ...); they are
 *   not observables.
 * - `xN = V`: MOVZ/MOVK. `pc = V`: nothing (the program cannot put code at an
 *   arbitrary address); `expect pc`, `expect ELR_ELx` and the final PC are
 *   skipped, and an exception's ELR is compared relative to the address of
 *   the instruction that took it (emulator: ELR - PC before the step).
 * - An instruction step runs the scenario's word itself (`.inst`), preceded by
 *   the harness preamble (program.S.hbs). MRS results, `expect` on x
 *   registers, system registers, NZCV, DAIF, SPSel, PSTATE (NZCV|DAIF|EL|SPSel)
 *   and CurrentEL (after ERET too) are printed and compared; an `expect` whose
 *   register the current EL cannot read (and DAIF/SPSel/EL/PSTATE at EL0) is
 *   skipped and listed.
 * - Steps with no hardware meaning (onereg, reglist, getregs, setregs,
 *   expect errno/reglist) are skipped and listed. `el N` steps (the emulator
 *   changes EL without an exception return; on hardware only an ERET with a
 *   crafted SPSR/ELR could, which clobbers SPSR_EL2/ELR_EL2) are not in this
 *   slice: a scenario with one is refused.
 * - A scenario that turns address translation on (SCTLR_EL2.M set at any point of
 *   the emulator's run, SCTLR_EL1.M or HCR_EL2.VM set while it runs below EL2) is refused: the program
 *   builds no translation tables yet.
 * - x28 is the harness's (the handler's branch register): a scenario that sets
 *   or reads x28 is refused. SP belongs to the harness too.
 */
import { hex } from "../../generators/spec/bits.js";
import type { Encoding } from "../../generators/spec/model.js";
import type { Machine } from "../machine.js";
import type { Scenario, Step } from "../scenario/parse.js";
import { runScenario, type RunRecord } from "../scenario/run.js";

/** One value the emulator observed, to be compared with QEMU's. */
export interface Observable {
  readonly step: number;
  readonly line: number;
  readonly text: string;
  /** "x3", "ESR_EL2", "PSTATE", "exception.ESR", ... */
  readonly name: string;
  /** The register whose fields decode a difference (ESR_EL2, SPSR_EL2, ...). */
  readonly decodeAs?: string;
  readonly value: bigint;
}

export interface Skipped {
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

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
}

export const RESERVED_X = 28;
/** Bits that turn on address translation: a scenario that sets one needs page tables the program does not build yet. */
const MMU_BITS: readonly (readonly [string, bigint, string, boolean])[] = [
  ["SCTLR_EL2", 0n, "M", false],
  // These two translate only what EL1 and EL0 do: they count while the emulator runs below EL2.
  ["SCTLR_EL1", 0n, "M", true],
  ["HCR_EL2", 0n, "VM", true],
];
const EXC = /^exception to EL(\d): EC \S+ ESR (0x[0-9a-f]+) ELR (0x[0-9a-f]+) SPSR (0x[0-9a-f]+) vector \+(0x[0-9a-f]+)/;
const MASK64 = (1n << 64n) - 1n;

export function sysregOperand(e: Encoding): string {
  return `S${e.op0}_${e.op1}_C${e.crn}_C${e.crm}_${e.op2}`;
}

function movSequence(n: number, v: bigint): string[] {
  const out = [`movz x${n}, #${hex(v & 0xffffn)}`];
  for (let s = 16n; s < 64n; s += 16n) {
    const part = (v >> s) & 0xffffn;
    if (part !== 0n) out.push(`movk x${n}, #${hex(part)}, lsl #${s}`);
  }
  return out;
}

const isMrs = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5300000;
const isEret = (w: number) => w >>> 0 === 0xd69f03e0;
const sysKey = (w: number) => (((w >>> 19) & 3) << 14) | (((w >>> 16) & 7) << 11) | (((w >>> 12) & 15) << 7) | (((w >>> 8) & 15) << 3) | ((w >>> 5) & 7);
const isMsrReg = (w: number) => (w & 0xfff00000) >>> 0 === 0xd5100000;

/** Translate `s`, running it on `m` (a fresh machine) for the emulator's side. */
export function translate(s: Scenario, m: Machine): Translation {
  const { index } = m;
  const vbarEl2 = index.byName.get("VBAR_EL2") ?? -1;
  const vbarEl1 = index.byName.get("VBAR_EL1") ?? -1;
  const skipped: Skipped[] = [];
  let unsupported: string | undefined;

  // The emulator's side: EL, PC and the register values before and after every step.
  const before: { el: number; pc: bigint }[] = [];
  const after: { el: number; pc: bigint; x: bigint[]; pstate: number; regs: Map<number, bigint> }[] = [];
  let prev = { el: m.vcpu.el, pc: m.vcpu.pc };
  const named = new Set<number>();
  const noteReg = (r: number | undefined) => {
    if (r !== undefined && r >= 0 && index.spec[r]?.encoding) named.add(r);
  };
  for (const step of s.steps) {
    if (step.op === "expect" && step.lhs.kind === "reg") noteReg(step.lhs.r);
    if (step.op === "insn" && (isMrs(step.word) || isMsrReg(step.word))) noteReg((index.byEncoding[sysKey(step.word)] ?? 0) - 1);
  }
  const resetValues = new Map<number, bigint>();
  let mmuOn: string | undefined;
  const record = runScenario(s, m, (step, mm) => {
    before.push(prev);
    const regs = new Map<number, bigint>();
    if (step.op === "expect" && step.lhs.kind === "reg" && mm.vcpu.state.has(step.lhs.r)) regs.set(step.lhs.r, mm.vcpu.state.get(step.lhs.r));
    after.push({ el: mm.vcpu.el, pc: mm.vcpu.pc, x: Array.from({ length: 31 }, (_, n) => mm.vcpu.x(n)), pstate: mm.vcpu.pstate, regs });
    prev = { el: mm.vcpu.el, pc: mm.vcpu.pc };
    if (!mmuOn) {
      for (const [name, bit, what, below] of MMU_BITS) {
        const r = index.byName.get(name);
        if (r !== undefined && (!below || mm.vcpu.el < 2) && mm.vcpu.state.has(r) && ((mm.vcpu.state.get(r) >> bit) & 1n) === 1n) {
          mmuOn = `line ${step.line}: ${name}.${what} = 1${below ? ` at EL${mm.vcpu.el}` : ""}: the program has no translation tables yet (not in this slice)`;
          break;
        }
      }
    }
    if (step.op === "reset") for (const r of named) if (mm.vcpu.state.has(r)) resetValues.set(r, mm.vcpu.state.get(r));
  });
  if (record.refused) unsupported = `the emulator refused it: ${record.refused}`;
  unsupported ??= mmuOn;

  const observables: Observable[] = [];
  const names: { label: string; text: string }[] = [];
  const nameLabel = (text: string): string => {
    const found = names.find((n) => n.text === text);
    if (found) return found.label;
    const label = `hv_name_${names.length}`;
    names.push({ label, text });
    return label;
  };
  const steps: { line: number; text: string; asm: string[] }[] = [];
  const resetRegs = (): string[] => {
    const out: string[] = [];
    for (const r of [...named].sort((a, b) => a - b)) {
      const spec = index.spec[r];
      if (!spec?.encoding || !m.vcpu.state.has(r)) continue;
      const acc = spec.access[2];
      if (acc !== "rw" && acc !== "wo") continue;
      const v = resetValues.get(r) ?? 0n;
      if (r === vbarEl2 || r === vbarEl1) continue; // the shadow holds the scenario's value
      out.push(`/* ${spec.name} = ${hex(v)} (the emulator's reset value) */`, ...movSequence(0, v), `msr ${sysregOperand(spec.encoding)}, x0`);
    }
    return out;
  };

  s.steps.forEach((step: Step, i) => {
    const asm: string[] = [];
    const el = before[i]?.el ?? 2;
    const aft = after[i];
    const skip = (why: string) => skipped.push({ line: step.line, text: step.text, why });
    const observe = (name: string, value: bigint, decodeAs?: string) =>
      observables.push({ step: i, line: step.line, text: step.text, name, value: value & MASK64, ...(decodeAs ? { decodeAs } : {}) });
    switch (step.op) {
      case "reset":
        if (i > 0 && el !== 2) unsupported ??= `line ${step.line}: reset below EL2 (the program cannot get back to EL2 without an exception)`;
        asm.push("msr daifset, #0xf", "msr spsel, #1", "msr nzcv, xzr", ...resetRegs());
        for (let n = 0; n <= 30; n++) if (n !== RESERVED_X) asm.push(`mov x${n}, xzr`);
        break;
      case "el":
        unsupported ??= `line ${step.line}: '${step.text}' changes EL without an exception return (not in this slice)`;
        break;
      case "set-x":
        if (step.n === RESERVED_X) unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
        asm.push(...movSequence(step.n, step.value));
        break;
      case "set-pc":
        skip("the program cannot place code at an arbitrary PC (PC-dependent observables are compared relative to the step)");
        break;
      case "insn": {
        const w = step.word >>> 0;
        const insnLabel = `hv_insn_${i}`;
        const next = `hv_next_${i}`;
        const key = sysKey(w);
        const reg = isMrs(w) || isMsrReg(w) ? (index.byEncoding[key] ?? 0) - 1 : -1;
        const isVbar = reg >= 0 && (reg === vbarEl2 || reg === vbarEl1);
        if (isMrs(w) && (w & 31) === RESERVED_X) unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
        asm.push(`STEP ${i}, ${insnLabel}, ${next}`);
        if (!isVbar) {
          if (el === 2) asm.push("VBAR_INSTALL 2", "VBAR_INSTALL 1");
          else if (el === 1) asm.push("VBAR_INSTALL 1");
        } else if (isMrs(w)) asm.push(`VBAR_SHADOW ${reg === vbarEl2 ? 2 : 1}`);
        if (isEret(w) && el >= 1) asm.push(`ELR_TO ${el}, ${next}`);
        asm.push(`${insnLabel}: .inst ${hex(w, 8)}`);
        asm.push(`${next}:`);
        const rec = record.steps[i]?.result ?? "";
        const exc = EXC.exec(rec);
        if (exc) {
          const [, toEl = "0", esr = "0", elr = "0", spsr = "0", vec = "0"] = exc;
          const elName = `EL${toEl}`;
          observe("exception.EL", BigInt(toEl));
          observe("exception.vector", BigInt(vec));
          observe(`exception.ESR_${elName}`, BigInt(esr), `ESR_${elName}`);
          observe(`exception.ELR_${elName}-insn`, (BigInt(elr) - (before[i]?.pc ?? 0n)) & MASK64);
          observe(`exception.SPSR_${elName}`, BigInt(spsr), `SPSR_${elName}`);
        } else if (isMrs(w) && aft) {
          const rt = w & 31;
          if (rt !== 31) {
            observe(`x${rt}`, aft.x[rt] ?? 0n, reg >= 0 ? index.names[reg] : undefined);
            asm.push(`REPORT_SLOT ${i}, ${nameLabel(`x${rt}`)}, ${rt}`);
          }
        }
        if (isEret(w) && aft && !exc) {
          if (aft.el >= 1) {
            observe("CurrentEL", BigInt(aft.el << 2));
            asm.push(`REPORT_SYS ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
          } else skip("EL after ERET to EL0: CurrentEL cannot be read at EL0 (later exceptions show it in SPSR)");
        }
        // Every exception a step takes in QEMU but not in the emulator is reported too: qemu.ts flags
        // any exception line the emulator did not record.
        break;
      }
      case "expect": {
        const lhs = step.lhs;
        const a = aft;
        if (!a) break;
        const curEl = a.el;
        switch (lhs.kind) {
          case "x":
            if (lhs.n === RESERVED_X) {
              unsupported ??= `line ${step.line}: x${RESERVED_X} is the harness's`;
              break;
            }
            observe(`x${lhs.n}`, a.x[lhs.n] ?? 0n);
            asm.push(`REPORT_SLOT ${i}, ${nameLabel(`x${lhs.n}`)}, ${lhs.n}`);
            break;
          case "nzcv":
            observe("NZCV", BigInt((a.pstate >>> 28) & 0xf) << 28n, "SPSR_EL2");
            asm.push(`REPORT_SLOT ${i}, ${nameLabel("NZCV")}, 31`);
            break;
          case "daif":
          case "spsel":
          case "el":
            if (curEl === 0) {
              skip(`${lhs.kind} cannot be read at EL0 without SCTLR_EL1.UMA (DAIF) or at all (SPSel, CurrentEL)`);
              break;
            }
            if (lhs.kind === "daif") {
              observe("DAIF", BigInt(a.pstate & 0x3c0), "SPSR_EL2");
              asm.push(`REPORT_SYS ${i}, ${nameLabel("DAIF")}, daif`);
            } else if (lhs.kind === "spsel") {
              observe("SPSel", BigInt(a.pstate & 1));
              asm.push(`REPORT_SYS ${i}, ${nameLabel("SPSel")}, spsel`);
            } else {
              observe("CurrentEL", BigInt(curEl << 2));
              asm.push(`REPORT_SYS ${i}, ${nameLabel("CurrentEL")}, CurrentEL`);
            }
            break;
          case "pc":
            skip("PC: the program's code is not at the scenario's addresses");
            break;
          case "errno":
            skip("errno: no hardware meaning (KVM ioctl result)");
            break;
          case "reg": {
            const name = lhs.name.toUpperCase();
            if (name === "PSTATE") {
              if (curEl === 0) {
                skip("PSTATE at EL0: DAIF, SPSel and CurrentEL cannot be read");
                break;
              }
              observe("PSTATE", BigInt(a.pstate) & 0xf00003cdn, "SPSR_EL2");
              asm.push(`REPORT_PSTATE ${i}, ${nameLabel("PSTATE")}`);
              break;
            }
            const spec = index.spec[lhs.r];
            if (/^ELR_EL/.test(name)) {
              skip(`${name}: PC-dependent (the exception record compares ELR relative to the instruction)`);
              break;
            }
            if (!spec?.encoding) {
              skip(`${name}: not a system register the program can read`);
              break;
            }
            const acc = spec.access[curEl];
            if (acc !== "rw" && acc !== "ro") {
              skip(`${name}: not readable at EL${curEl}`);
              break;
            }
            observe(name, a.regs.get(lhs.r) ?? 0n, name);
            if (lhs.r === vbarEl2 || lhs.r === vbarEl1) asm.push(`VBAR_SHADOW ${lhs.r === vbarEl2 ? 2 : 1}`);
            asm.push(`REPORT_SYS ${i}, ${nameLabel(name)}, ${sysregOperand(spec.encoding)}`);
            break;
          }
        }
        break;
      }
      default:
        skip(`${step.op}: no hardware meaning (KVM userspace API)`);
    }
    steps.push({ line: step.line, text: step.text.replace(/\*\//g, "* /"), asm: [`hv_step_${i}:`, ...asm] });
  });
  steps.push({ line: 0, text: "end", asm: [`hv_step_${s.steps.length}:`] });

  const shadow = (r: number) => hex(resetValues.get(r) ?? 0n);
  const vectors = Array.from({ length: 16 }, (_, k) => hex(k * 0x80, 3));
  const view: ProgramView = { file: s.file, steps, vectors, names, shadowVbarEl2: shadow(vbarEl2), shadowVbarEl1: shadow(vbarEl1) };
  return { file: s.file, record, observables, skipped, ...(unsupported ? { unsupported } : {}), view };
}
