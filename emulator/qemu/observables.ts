/**
 * What a translation finds: the values the emulator observed, to compare with what the program
 * prints; the steps it skips and why; the first reason it refuses the scenario; and the values the
 * hardware cannot have (tainted), whose `expect` is skipped.
 *
 * KVM API reads and queries (onereg get, reglist, getregs, expect errno/reglist) have no hardware
 * meaning: skipped and listed, and an x register a `onereg get` wrote is "tainted" (its `expect` is
 * skipped).
 */
import type { Step } from "../scenario/parse.js";
import { MASK64 } from "./a64.js";

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

/** An exception in the emulator's record (scenario/run.ts): EL, ESR, ELR, SPSR, vector offset. */
const EXC = /^exception to EL(\d): EC \S+ ESR (0x[0-9a-f]+) ELR (0x[0-9a-f]+) SPSR (0x[0-9a-f]+) vector \+(0x[0-9a-f]+)/;

export class Findings {
  readonly observables: Observable[] = [];
  readonly skipped: Skipped[] = [];
  /** The names the program prints, each once (program.S.hbs hv_name_<k>). */
  readonly names: { label: string; text: string }[] = [];
  /** Why the program cannot run the scenario: the first reason found. */
  unsupported: string | undefined;
  /**
   * Values a skipped KVM API step (onereg set/get, setregs) changed in the emulator but not on
   * hardware: an `expect` of them has no hardware meaning. Keyed "xN" or the register's name.
   */
  readonly tainted = new Set<string>();
  /** The register whose MRS last wrote xN: an `expect xN` difference is decoded by its fields (and per-CPU rules). */
  readonly lastMrs = new Map<number, string>();

  refuse(why: string): void {
    this.unsupported ??= why;
  }

  skip(step: Step, why: string): void {
    this.skipped.push({ line: step.line, text: step.text, why });
  }

  observe(i: number, step: Step, name: string, value: bigint, decodeAs?: string): void {
    this.observables.push({ step: i, line: step.line, text: step.text, name, value: value & MASK64, ...(decodeAs ? { decodeAs } : {}) });
  }

  /** The label of the string `text` in the program. */
  nameLabel(text: string): string {
    const found = this.names.find((n) => n.text === text);
    if (found) return found.label;
    const label = `hv_name_${this.names.length}`;
    this.names.push({ label, text });
    return label;
  }

  /**
   * The exception the emulator's record `rec` gives for step i, as observables (ELR relative to
   * `pc`, the PC before the step); returns the match.
   */
  observeException(i: number, st: Step | undefined, rec: string, pc: bigint): RegExpExecArray | null {
    const exc = EXC.exec(rec);
    if (!exc || !st) return exc;
    const [, toEl = "0", esr = "0", elr = "0", spsr = "0", vec = "0"] = exc;
    const elName = `EL${toEl}`;
    this.observe(i, st, "exception.EL", BigInt(toEl));
    this.observe(i, st, "exception.vector", BigInt(vec));
    this.observe(i, st, `exception.ESR_${elName}`, BigInt(esr), `ESR_${elName}`);
    this.observe(i, st, `exception.ELR_${elName}-insn`, (BigInt(elr) - pc) & MASK64);
    this.observe(i, st, `exception.SPSR_${elName}`, BigInt(spsr), `SPSR_${elName}`);
    // FAR only where the emulator's record gives one: the exceptions it models (HVC, SVC, SMC,
    // trapped MSR/MRS, UNDEFINED) leave FAR_ELx UNKNOWN (Arm ARM FAR_EL2: "UNKNOWN" for exceptions
    // other than aborts, PC/watchpoint faults), so none does today.
    const far = / FAR (0x[0-9a-f]+)/.exec(rec);
    if (far?.[1]) this.observe(i, st, `exception.FAR_${elName}`, BigInt(far[1]), `FAR_${elName}`);
    return exc;
  }
}
