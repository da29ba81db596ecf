/**
 * A layout's storage: the vCPU's saved context is one ArrayBuffer laid out
 * as the layout's struct kvm_cpu_context (offsets from the generated
 * layout.ts), beside a model of the physical EL1 register file.
 *
 * Who holds a register's value, as KVM with nested virtualization arranges it:
 * - while the nested guest runs (virtual EL1/EL0), the physical EL1
 *   registers that are counterparts of EL2 registers hold its EL1 values;
 * - while the guest hypervisor runs (virtual EL2, really EL1), they hold its
 *   EL2 values: as they are with E2H = 1, translated through toCounterpart
 *   with E2H = 0. A translated EL2 register is authoritative in the context
 *   (KVM traps every write to it and translates forwards only);
 * - every other register lives in the context only.
 * The layout's copy plan moves values between the two when the virtual EL
 * crosses EL2; a register the plan forgets is simply lost, which is what A/B
 * runs against the reference model detect.
 *
 * Speed: the context and the physical file are two halves of one
 * Uint32Array (`context` is the first half, byte for byte the struct), and
 * where each register's halves are is precomputed per situation (nested guest
 * running; guest hypervisor with E2H = 0; with E2H = 1): an access is two
 * array reads, a world switch swaps the tables and runs flat move lists.
 */
import type { CopyPhaseData, LayoutModule } from "./layout-module.js";
import type { RegisterIndex } from "./register-index.js";
import { newCounters, type ArchState, type Counters } from "./state.js";
import { applyMapping, compileMapping, type CompiledMapping } from "./translate.js";

/**
 * A phase of the copy plan: runs whose registers sit at the same words in the
 * context and in the physical file are one TypedArray.set each (`direct`);
 * the rest are flat moves [kind (0 save, 1 load, 2 translated load), ctx word, phys word, mapping].
 */
interface Phase {
  /** Saves (physical -> context) come first, as the plan orders them: loads may overwrite what a save reads. */
  readonly directSaves: readonly Direct[];
  readonly saves: Int32Array;
  readonly directLoads: readonly Direct[];
  readonly loads: Int32Array;
  readonly runs: number;
  readonly bytes: number;
  readonly cacheLines: number;
  readonly registers: number;
}

interface Direct {
  readonly from: Uint32Array;
  readonly to: Uint32Array;
  readonly at: number;
}

/** Below this many registers a run is cheaper as single moves than as a TypedArray.set. */
const DIRECT_MIN = 6;
const NONE = -1;
const SAVE = 0;
const LOAD = 1;
const LOAD_TRANSLATED = 2;

/** Where each register's halves are, in one situation: indices into `mem`. */
interface Where {
  /** Interleaved, [3r] lo, [3r + 1] high half to read, [3r + 2] high half to write: one table load per access. */
  readonly packed: Int32Array;
}

export class LayoutState implements ArchState {
  readonly counters: Counters = newCounters();
  /** struct kvm_cpu_context, byte for byte. */
  readonly context: Uint8Array;
  private readonly mem: Uint32Array;
  private readonly words: Uint32Array;
  private readonly phys: Uint32Array;
  private loc: Int32Array;
  /** Model register number -> context word, or NONE. */
  private readonly word: Int32Array;
  /** 1 for a register narrower than 64 bits (FPSR, FPCR in a __u32): its high half reads as 0. */
  private readonly narrow: Uint8Array;
  private readonly wide: Uint8Array;
  /** Where each register's value is: >= 0 a context word, < 0 the physical word ~loc. One table per situation. */
  private readonly locGuest: Int32Array;
  private readonly locHypE2h0: Int32Array;
  private readonly locHypE2h1: Int32Array;
  /** Everything in the context: while reset writes every register. */
  private readonly whereContext: Where;
  private readonly whereGuest: Where;
  private readonly whereHypE2h0: Where;
  private readonly whereHypE2h1: Where;
  /** EL2 register -> index in `mappings` + 1, for writes the guest hypervisor makes with E2H = 0. */
  private readonly translateOnWrite: Int32Array;
  private translating = false;
  private readonly mappings: CompiledMapping[] = [];
  /** EL2 register with a counterpart -> the counterpart's physical word. */
  private readonly physWord: Int32Array;
  private readonly phases: { e2h0: { entry: Phase; exit: Phase }; e2h1: { entry: Phase; exit: Phase } };
  private readonly scratch = new Uint32Array(2);
  private atVel2 = false;
  private e2h = false;

  constructor(
    private readonly index: RegisterIndex,
    readonly layout: LayoutModule,
  ) {
    const n = index.names.length;
    const ctxWords = layout.contextSize >> 2;
    // [context | physical file (at the context's offsets) | a word that reads 0 | a sink for writes]
    this.mem = new Uint32Array(2 * ctxWords + 4);
    this.context = new Uint8Array(this.mem.buffer, 0, layout.contextSize);
    this.words = this.mem.subarray(0, ctxWords);
    // The physical EL1 registers, kept at their own context offsets: copying the nested guest's
    // EL1 block in or out is then one TypedArray.set per contiguous run.
    this.phys = this.mem.subarray(ctxWords, 2 * ctxWords + 2);
    this.word = new Int32Array(n).fill(NONE);
    this.narrow = new Uint8Array(n);
    this.wide = new Uint8Array(n);
    const toModel = new Int32Array(layout.registers.length).fill(NONE);
    layout.registers.forEach((name, i) => {
      const r = index.byName.get(name);
      if (r === undefined) return;
      toModel[i] = r;
      this.word[r] = (layout.offsets[i] ?? 0) >> 2;
      const size = layout.sizes[i] ?? 8;
      this.narrow[r] = size < 8 ? 1 : 0;
      this.wide[r] = size > 8 ? 1 : 0;
    });
    this.physWord = new Int32Array(n).fill(NONE);
    this.translateOnWrite = new Int32Array(n);
    this.locGuest = Int32Array.from(this.word);
    this.locHypE2h0 = Int32Array.from(this.word);
    this.locHypE2h1 = Int32Array.from(this.word);
    const mappingOf = new Int32Array(n).fill(NONE);
    for (let r = 0; r < n; r++) {
      const c = index.counterpart[r] ?? NONE;
      const m = index.mapping[r];
      if (c === NONE || m === "none" || this.word[r] === NONE || this.word[c] === NONE) continue;
      const p = this.word[c] as number;
      this.physWord[r] = p;
      this.physWord[c] = p;
      this.locGuest[c] = ~p;
      this.locHypE2h1[r] = ~p;
      if (m) {
        this.mappings.push(compileMapping(m, index.spec[c]?.res1.value ?? 0n));
        mappingOf[r] = this.mappings.length - 1;
        this.translateOnWrite[r] = this.mappings.length;
      } else this.locHypE2h0[r] = ~p;
    }
    const zero = 2 * ctxWords + 2;
    const sink = zero + 1;
    const where = (loc: Int32Array): Where => {
      const lo = loc.map((at) => (at >= 0 ? at : ctxWords + ~at));
      const hiRead = lo.map((at, r) => (this.narrow[r] === 1 ? zero : at + 1));
      const hiWrite = lo.map((at, r) => (this.narrow[r] === 1 ? sink : at + 1));
      const packed = new Int32Array(3 * lo.length);
      lo.forEach((at, r) => {
        packed[3 * r] = at;
        packed[3 * r + 1] = hiRead[r] as number;
        packed[3 * r + 2] = hiWrite[r] as number;
      });
      return { packed };
    };
    this.whereContext = where(this.word);
    this.whereGuest = where(this.locGuest);
    this.whereHypE2h0 = where(this.locHypE2h0);
    this.whereHypE2h1 = where(this.locHypE2h1);
    this.loc = this.whereGuest.packed;
    const phase = (p: CopyPhaseData): Phase => {
      const moves: [number[], number[]] = [[], []];
      const direct: [Direct[], Direct[]] = [[], []];
      let registers = 0;
      for (const run of p.runs) {
        const regs = run.registers.map((i) => toModel[i] ?? NONE).filter((r) => r !== NONE && (this.physWord[r] ?? NONE) !== NONE);
        registers += regs.length;
        const w0 = (this.word[regs[0] ?? 0] ?? 0) as number;
        const same = regs.every((r) => this.physWord[r] === this.word[r]);
        const contiguous = regs.every((r, k) => this.word[r] === w0 + 2 * k && this.narrow[r] === 0);
        if (regs.length >= DIRECT_MIN && same && contiguous) {
          const len = 2 * regs.length;
          direct[run.kind].push(
            run.kind === 0
              ? { from: this.phys.subarray(w0, w0 + len), to: this.words, at: w0 }
              : { from: this.words.subarray(w0, w0 + len), to: this.phys, at: w0 },
          );
          continue;
        }
        for (const r of regs) {
          const i = layout.registers.indexOf(this.index.names[r] ?? "");
          const translated = run.kind === 1 && p.translated.includes(i);
          moves[run.kind].push(run.kind === 0 ? SAVE : translated ? LOAD_TRANSLATED : LOAD, this.word[r] ?? 0, this.physWord[r] ?? 0, mappingOf[r] ?? NONE);
        }
      }
      return {
        directSaves: direct[0],
        saves: Int32Array.from(moves[0]),
        directLoads: direct[1],
        loads: Int32Array.from(moves[1]),
        runs: p.runs.length,
        bytes: p.bytes,
        cacheLines: p.cacheLines,
        registers,
      };
    };
    const plan = layout.copyPlan;
    this.phases = {
      e2h0: { entry: phase(plan.e2h0.entry), exit: phase(plan.e2h0.exit) },
      e2h1: { entry: phase(plan.e2h1.entry), exit: phase(plan.e2h1.exit) },
    };
  }

  has(r: number): boolean {
    return (this.word[r] ?? NONE) !== NONE;
  }

  lo(r: number): number {
    return this.mem[this.loc[3 * r] as number] as number;
  }

  hi(r: number): number {
    return this.mem[this.loc[3 * r + 1] as number] as number;
  }

  put(r: number, lo: number, hi: number): void {
    const mem = this.mem;
    const loc = this.loc;
    mem[loc[3 * r] as number] = lo;
    mem[loc[3 * r + 2] as number] = hi;
    if (this.translating) this.written(r);
  }

  move(dst: number, src: number, clearLo: number, clearHi: number, setLo: number, setHi: number): void {
    const mem = this.mem;
    const loc = this.loc;
    const s = 3 * src;
    const d = 3 * dst;
    mem[loc[d] as number] = ((mem[loc[s] as number] as number) & ~clearLo) | setLo;
    mem[loc[d + 2] as number] = ((mem[loc[s + 1] as number] as number) & ~clearHi) | setHi;
    if (this.translating) this.written(dst);
  }

  /**
   * A translated EL2 register written while the guest hypervisor runs with E2H = 0:
   * KVM writes memory and loads the translation into the counterpart. Off the hot path.
   */
  private written(r: number): void {
    const t = this.translateOnWrite[r] as number;
    if (t !== 0) this.loadTranslated(this.word[r] as number, this.physWord[r] as number, t - 1);
  }

  get(r: number): bigint {
    if (this.wide[r] === 1) {
      const w = this.word[r] ?? 0;
      let v = 0n;
      for (let k = 3; k >= 0; k--) v = (v << 32n) | BigInt(this.words[w + k] ?? 0);
      return v;
    }
    if ((this.word[r] ?? NONE) === NONE) throw new Error(`layout ${this.layout.name} does not store ${this.index.names[r] ?? r}`);
    return (BigInt(this.hi(r)) << 32n) | BigInt(this.lo(r));
  }

  set(r: number, value: bigint): void {
    if ((this.word[r] ?? NONE) === NONE) throw new Error(`layout ${this.layout.name} does not store ${this.index.names[r] ?? r}`);
    if (this.wide[r] === 1) {
      const w = this.word[r] ?? 0;
      for (let k = 0; k < 4; k++) this.words[w + k] = Number((value >> BigInt(32 * k)) & 0xffffffffn) >>> 0;
      return;
    }
    this.put(r, Number(value & 0xffffffffn) >>> 0, Number((value >> 32n) & 0xffffffffn) >>> 0);
  }

  /** What the physical EL1 register file holds for `r` (its counterpart for an EL2 register): for tests and tools. */
  physical(r: number): bigint {
    const p = this.physWord[r] ?? NONE;
    if (p === NONE) throw new Error(`${this.index.names[r] ?? r} has no physical register in this model`);
    return (BigInt(this.phys[p + 1] ?? 0) << 32n) | BigInt(this.phys[p] ?? 0);
  }

  private loadTranslated(word: number, phys: number, mapping: number): void {
    const m = this.mappings[mapping];
    if (!m) return;
    applyMapping(m, this.words[word] as number, this.words[word + 1] as number, this.scratch);
    this.phys[phys] = this.scratch[0] as number;
    this.phys[phys + 1] = this.scratch[1] as number;
  }

  /** Run one phase of the copy plan. */
  private run(phase: Phase): void {
    for (const d of phase.directSaves) d.to.set(d.from, d.at);
    this.moves(phase.saves);
    for (const d of phase.directLoads) d.to.set(d.from, d.at);
    this.moves(phase.loads);
    const c = this.counters;
    c.registersCopied += phase.registers;
    c.bytesCopied += phase.bytes;
    c.copyRuns += phase.runs;
    c.cacheLines += phase.cacheLines;
  }

  private moves(moves: Int32Array): void {
    const words = this.words;
    const phys = this.phys;
    for (let k = 0; k < moves.length; k += 4) {
      const kind = moves[k] as number;
      const w = moves[k + 1] as number;
      const p = moves[k + 2] as number;
      if (kind === SAVE) {
        words[w] = phys[p] as number;
        words[w + 1] = phys[p + 1] as number;
      } else if (kind === LOAD) {
        phys[p] = words[w] as number;
        phys[p + 1] = words[w + 1] as number;
      } else this.loadTranslated(w, p, moves[k + 3] as number);
    }
  }

  private situate(vel2: boolean, e2h: boolean): void {
    const w = !vel2 ? this.whereGuest : e2h ? this.whereHypE2h1 : this.whereHypE2h0;
    this.loc = w.packed;
    this.translating = vel2 && !e2h;
    this.atVel2 = vel2;
    this.e2h = e2h;
  }

  worldSwitch(direction: "entry" | "exit", e2h: boolean): void {
    const plan = e2h ? this.phases.e2h1 : this.phases.e2h0;
    this.run(direction === "entry" ? plan.entry : plan.exit);
    this.situate(direction === "exit", e2h);
    this.counters.worldSwitches++;
  }

  e2hChanged(e2h: boolean): void {
    if (!this.atVel2 || e2h === this.e2h) return;
    // Put the guest hypervisor's state back as the old E2H had it, then load it as the new one wants.
    this.run((this.e2h ? this.phases.e2h1 : this.phases.e2h0).entry);
    this.run((e2h ? this.phases.e2h1 : this.phases.e2h0).exit);
    this.situate(true, e2h);
  }

  beforeReset(): void {
    this.loc = this.whereContext.packed;
    this.translating = false;
  }

  afterReset(atEl2: boolean, e2h: boolean): void {
    // Reset wrote every register into the context: load what the physical registers hold where
    // the vCPU starts (the loads of an exit to EL2, or of an entry to EL1), saving nothing.
    this.phys.fill(0);
    const plan = e2h ? this.phases.e2h1 : this.phases.e2h0;
    const phase = atEl2 ? plan.exit : plan.entry;
    for (const d of phase.directLoads) d.to.set(d.from, d.at);
    this.moves(phase.loads);
    this.situate(atEl2, e2h);
    Object.assign(this.counters, newCounters());
  }
}
