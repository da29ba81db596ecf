/**
 * Run a parsed scenario on a machine and record what it observes: one result
 * per step (the value read, the exception taken, the errno), the failures of
 * `expect` steps, the final architectural state and the counters. The
 * record is what `reglab run --json` prints and what A/B runs compare.
 */
import { coreRegId, sysRegId } from "../../generators/layout/one-reg.js";
import { hex } from "../../generators/spec/bits.js";
import { ERRNO } from "../arch.js";
import { REFERENCE, type Machine } from "../machine.js";
import type { Counters } from "../state.js";
import type { StepResult } from "../vcpu.js";
import type { Operand, Scenario, Step } from "./parse.js";

export interface StepRecord {
  readonly line: number;
  readonly op: string;
  /** What the vCPU observably did: the same on every layout that behaves right. */
  readonly result: string;
  /** What the layout's ABI made of it (list length, blob size): expected to differ between layouts. */
  readonly abi?: string;
}

export interface Failure {
  readonly line: number;
  readonly message: string;
}

export interface RunRecord {
  readonly layout: string;
  /** The CPU profile the machine ran under (machine.ts; `max` by default). */
  readonly profile: string;
  readonly steps: readonly StepRecord[];
  readonly final: Readonly<Record<string, string>>;
  readonly counters: Counters;
  readonly failures: readonly Failure[];
  /** Why the machine refused to run the scenario (a layout without EL2 state asked for EL2). */
  readonly refused?: string;
}

const ERRNO_NAME = new Map<number, string>(Object.entries(ERRNO).map(([k, v]) => [v, k]));

function errnoText(e: number): string {
  return e === 0 ? "ok" : `errno ${ERRNO_NAME.get(e) ?? e}`;
}

/** Why a machine without EL2 cannot run this scenario, or undefined. */
export function needsEl2(s: Scenario, m: Machine): string | undefined {
  if (m.vcpu.options.el2) return undefined;
  const { index, vcpu } = m;
  for (const step of s.steps) {
    const why = (() => {
      if (step.op === "el" && step.el === 2) return "it runs at EL2";
      if (step.op === "expect" && step.lhs.kind === "el" && step.value === 2n) return "it expects EL2";
      if (step.op === "expect" && step.lhs.kind === "reg" && !vcpu.state.has(step.lhs.r)) return `it reads ${step.lhs.name}`;
      if ((step.op === "onereg-get" || step.op === "onereg-set") && step.target.kind === "name" && !vcpu.state.has(step.target.r)) {
        return `it reaches ${step.target.name}`;
      }
      if (step.op === "setregs") for (const e of step.edits) if (!vcpu.state.has(e.r)) return `it sets ${e.name}`;
      if (step.op === "insn") {
        const w = step.word >>> 0;
        if ((w & 0xffe0001f) === 0xd4000002) return "it executes HVC";
        if ((w & 0xffd00000) >>> 0 === 0xd5100000) {
          const key = (((w >>> 19) & 3) << 14) | (((w >>> 16) & 7) << 11) | (((w >>> 12) & 15) << 7) | (((w >>> 8) & 15) << 3) | ((w >>> 5) & 7);
          const r = (index.byEncoding[key] ?? 0) - 1;
          const spec = r >= 0 ? index.spec[r] : undefined;
          if ((r >= 0 && !vcpu.state.has(r) && spec?.el === 2) || (index.aliasByEncoding[key] ?? 0) > 0) return "it accesses EL2 state";
        }
      }
      return undefined;
    })();
    if (why) return `${m.name} stores no EL2 state: line ${step.line} (${step.text}): ${why}`;
  }
  return undefined;
}

function describeStep(r: StepResult, m: Machine, rt: number | undefined): string {
  const e = r.exception;
  if (e) {
    return `exception to EL${e.el}: EC ${hex(e.ec, 2)} ESR ${hex(e.esr, 8)} ELR ${hex(e.elr)} SPSR ${hex(e.spsr)} vector +${hex(e.vector, 3)} PC ${hex(m.vcpu.pc)}`;
  }
  if (r.read !== undefined && rt !== undefined) return `x${rt} = ${hex(r.read)}`;
  return `pc = ${hex(m.vcpu.pc)}`;
}

function operandValue(o: Operand, m: Machine, errno: number): bigint {
  const v = m.vcpu;
  switch (o.kind) {
    case "x":
      return v.x(o.n);
    case "reg":
      return v.state.get(o.r);
    case "el":
      return BigInt(v.el);
    case "pc":
      return v.pc;
    case "nzcv":
      return BigInt((v.pstate >>> 28) & 0xf) << 28n;
    case "daif":
      return BigInt(v.pstate & 0x3c0);
    case "spsel":
      return BigInt(v.pstate & 1);
    case "errno":
      return BigInt(errno);
  }
}

function operandText(o: Operand): string {
  return o.kind === "x" ? `x${o.n}` : o.kind === "reg" ? o.name : o.kind;
}

/**
 * Run `s` on `m`. `afterStep`, when given, sees the machine after every step:
 * how `reglab metrics` attributes the world switch counters to nested
 * entries and exits without the core knowing about metrics.
 */
export function runScenario(s: Scenario, m: Machine, afterStep?: (step: Step, m: Machine) => void): RunRecord {
  const steps: StepRecord[] = [];
  const failures: Failure[] = [];
  const refused = needsEl2(s, m);
  if (refused) return { layout: m.name, profile: m.profile, steps, final: {}, counters: m.vcpu.state.counters, failures, refused };
  let errno = 0;
  let blob: Uint8Array | undefined;
  const byName = (step: Step & { op: "onereg-get" | "onereg-set" }): number | undefined =>
    m.name === REFERENCE && step.target.kind === "name" && m.api.abi.exposed.has(step.target.r) ? step.target.r : undefined;
  // The id userspace would use for a named register: KVM_REG_ARM_CORE | offset / 4 for one in
  // struct kvm_regs, ARM64_SYS_REG(encoding) otherwise; only when the layout answers nothing to
  // that id (an ABI exception such as KVM_REG_ARM_TIMER_CVAL) its own id for the register. A layout
  // whose id table leads elsewhere is then caught reading the wrong register.
  const idOf = (step: Step & { op: "onereg-get" | "onereg-set" }): bigint | undefined => {
    if (step.target.kind === "id") return step.target.id;
    const r = step.target.r;
    const { abi } = m.api;
    const inBlob = abi.blob.get(r);
    const enc = m.index.spec[r]?.encoding;
    const ruled = inBlob ? coreRegId(inBlob[0], inBlob[1]) : enc ? sysRegId(enc) : undefined;
    if (ruled !== undefined && abi.idToReg.has(ruled)) return ruled;
    for (const [id, reg] of abi.idToReg) if (reg === r) return id;
    return undefined;
  };
  for (const step of s.steps) {
    let result = "ok";
    let abi: string | undefined;
    switch (step.op) {
      case "reset":
        m.vcpu.reset();
        errno = 0;
        break;
      case "el":
        m.vcpu.setEl(step.el);
        result = `el ${step.el}`;
        break;
      case "set-x":
        m.vcpu.setX(step.n, step.value);
        result = `x${step.n} = ${hex(step.value)}`;
        break;
      case "set-pc":
        m.vcpu.pc = step.value;
        result = `pc = ${hex(step.value)}`;
        break;
      case "insn": {
        const w = step.word >>> 0;
        const isMrs = (w & 0xfff00000) >>> 0 === 0xd5300000;
        result = describeStep(m.vcpu.step(w), m, isMrs ? w & 31 : undefined);
        break;
      }
      case "expect": {
        const actual = operandValue(step.lhs, m, errno);
        const ok = step.cmp === "==" ? actual === step.value : actual !== step.value;
        if (!ok) {
          const message = `${operandText(step.lhs)} is ${hex(actual)}, expected ${step.cmp === "!=" ? "anything but " : ""}${hex(step.value)}`;
          failures.push({ line: step.line, message });
          result = `FAILED: ${message}`;
        }
        break;
      }
      case "expect-reglist": {
        const has = m.api.regList().ids.includes(step.id);
        if (has !== step.has) {
          const message = `the register list ${has ? "has" : "lacks"} ${hex(step.id, 16)}`;
          failures.push({ line: step.line, message });
          result = `FAILED: ${message}`;
        }
        break;
      }
      case "onereg-get": {
        const id = idOf(step);
        // The reference model reaches a register named in the scenario directly: a layout goes through
        // its ABI's id, so an id that leads to the wrong register shows up as a divergence.
        const r =
          byName(step) !== undefined ? m.api.getByRegister(byName(step) as number) : id === undefined ? { errno: ERRNO.ENOENT } : m.api.getOneReg(id);
        errno = r.errno;
        if (r.errno === 0 && "value" in r && r.value !== undefined) {
          m.vcpu.setX(step.dst, r.value & 0xffffffffffffffffn);
          result = `x${step.dst} = ${hex(r.value)}`;
        } else result = errnoText(r.errno);
        break;
      }
      case "onereg-set": {
        const id = idOf(step);
        const direct = byName(step);
        errno = direct !== undefined ? m.api.setByRegister(direct, step.value) : id === undefined ? ERRNO.ENOENT : m.api.setOneReg(id, step.value);
        result = errnoText(errno);
        break;
      }
      case "reglist": {
        const r = m.api.regList(step.capacity);
        errno = r.errno;
        result = errnoText(r.errno);
        abi = r.errno === 0 ? `${r.ids.length} ids` : `n = ${r.n}`;
        break;
      }
      case "getregs":
        blob = m.api.getRegs();
        errno = 0;
        abi = `struct kvm_regs, ${blob.length} bytes`;
        break;
      case "setregs": {
        const b = new Uint8Array(blob ?? m.api.getRegs());
        const view = new DataView(b.buffer);
        let bad = false;
        for (const e of step.edits) {
          const at = m.api.abi.blob.get(e.r);
          if (!at) {
            bad = true;
            continue;
          }
          const [off, size] = at;
          for (let k = 0; k < size; k += 4) view.setUint32(off + k, Number((e.value >> BigInt(8 * k)) & 0xffffffffn) >>> 0, true);
        }
        errno = bad ? ERRNO.EINVAL : m.api.setRegs(b);
        result = errnoText(errno);
        break;
      }
    }
    steps.push({ line: step.line, op: step.text, result, ...(abi === undefined ? {} : { abi }) });
    afterStep?.(step, m);
  }
  const final: Record<string, string> = {};
  m.index.names.forEach((name, r) => {
    if (m.vcpu.state.has(r)) final[name] = hex(m.vcpu.state.get(r));
  });
  return { layout: m.name, profile: m.profile, steps, final, counters: { ...m.vcpu.state.counters }, failures };
}
