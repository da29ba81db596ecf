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
 * where each register's low half is is precomputed per situation (nested
 * guest running; guest hypervisor with E2H = 0; with E2H = 1): an access is
 * one table read and two word accesses. The few registers that need more (a
 * __u32 field whose high half reads 0, an EL2 register whose write is
 * translated into its counterpart) are tagged in the table (a negative entry)
 * and take a slow path, so the common access tests nothing else. A world
 * switch swaps the tables and runs flat lists of word ranges (copyWithin
 * inside the one buffer). Everything but the buffer is computed once per
 * (layout, register index) and shared by every vCPU: A/B runs make a machine
 * per scenario.
 */
import type { CopyPhaseData, LayoutModule } from "./layout-module.js";
import type { RegisterIndex } from "./register-index.js";
import { newCounters, resetEach, type ArchState, type Counters, type ResetValues } from "./state.js";
import { applyMapping, compileMapping, type CompiledMapping } from "./translate.js";

/**
 * A phase of the copy plan as operations on `mem` (absolute word indices), in the plan's order:
 * saves (physical -> context) first, as the plan orders them, since loads may overwrite what a save
 * reads. `ops` is flat, four numbers an operation: [kind, to, from, n]:
 * COPY: n words from `from` to `to` (adjacent registers merged into one range);
 * TRANSLATE: the context word pair at `from` through mapping n into the physical pair at `to`.
 */
interface Phase {
  readonly ops: Int32Array;
  readonly runs: number;
  readonly bytes: number;
  readonly cacheLines: number;
  readonly registers: number;
}

const NONE = -1;
const COPY = 0;
const TRANSLATE = 1;
/** From this many words a range is one copyWithin; below, a loop of word moves costs less than the call. */
const COPY_WITHIN_MIN = 12;

/** What a layout's storage is, for one register index: computed once, shared by every vCPU. */
interface Compiled {
  readonly ctxWords: number;
  /** Model register number -> context word, or NONE. */
  readonly word: Int32Array;
  /** 1 for a register narrower than 64 bits (FPSR, FPCR in a __u32): its high half reads as 0. */
  readonly narrow: Uint8Array;
  readonly wide: Uint8Array;
  /** EL2 register with a counterpart -> the counterpart's physical word (relative to the physical file). */
  readonly physWord: Int32Array;
  /** EL2 register -> index in `mappings` + 1, for writes the guest hypervisor makes with E2H = 0. */
  readonly translateOnWrite: Int32Array;
  readonly mappings: readonly CompiledMapping[];
  /**
   * Where each register's low half is in `mem`, one table per situation; the high half is the next
   * word. A negative entry ~i: the low half is at i, and the access takes the slow path (narrow, or
   * translated on write). Everything in the context while reset writes every register.
   */
  readonly locContext: Int32Array;
  readonly locGuest: Int32Array;
  readonly locHypE2h0: Int32Array;
  readonly locHypE2h1: Int32Array;
  /** The context after resetRegisters(values), per values: reset is then one copy. */
  readonly resetImages: WeakMap<ResetValues, Uint32Array>;
  readonly phases: { readonly e2h0: { readonly entry: Phase; readonly exit: Phase }; readonly e2h1: { readonly entry: Phase; readonly exit: Phase } };
}

const compiledCache = new WeakMap<LayoutModule, WeakMap<RegisterIndex, Compiled>>();

function compiledFor(index: RegisterIndex, layout: LayoutModule): Compiled {
  let byIndex = compiledCache.get(layout);
  if (!byIndex) compiledCache.set(layout, (byIndex = new WeakMap()));
  let c = byIndex.get(index);
  if (!c) byIndex.set(index, (c = compile(index, layout)));
  return c;
}

function compile(index: RegisterIndex, layout: LayoutModule): Compiled {
  const n = index.names.length;
  const ctxWords = layout.contextSize >> 2;
  const word = new Int32Array(n).fill(NONE);
  const narrow = new Uint8Array(n);
  const wide = new Uint8Array(n);
  const toModel = new Int32Array(layout.registers.length).fill(NONE);
  const layoutNumber = new Int32Array(n).fill(NONE);
  layout.registers.forEach((name, i) => {
    const r = index.byName.get(name);
    if (r === undefined) return;
    toModel[i] = r;
    layoutNumber[r] = i;
    word[r] = (layout.offsets[i] ?? 0) >> 2;
    const size = layout.sizes[i] ?? 8;
    narrow[r] = size < 8 ? 1 : 0;
    wide[r] = size > 8 ? 1 : 0;
  });
  const physWord = new Int32Array(n).fill(NONE);
  const translateOnWrite = new Int32Array(n);
  // >= 0 a context word, < 0 the physical word ~loc (one table per situation).
  const locGuest = Int32Array.from(word);
  const locHypE2h0 = Int32Array.from(word);
  const locHypE2h1 = Int32Array.from(word);
  const mappings: CompiledMapping[] = [];
  const mappingOf = new Int32Array(n).fill(NONE);
  for (let r = 0; r < n; r++) {
    const c = index.counterpart[r] ?? NONE;
    const m = index.mapping[r];
    if (c === NONE || m === "none" || word[r] === NONE || word[c] === NONE) continue;
    const p = word[c] as number;
    physWord[r] = p;
    physWord[c] = p;
    locGuest[c] = ~p;
    locHypE2h1[r] = ~p;
    if (m) {
      mappings.push(compileMapping(m, index.spec[c]?.res1.value ?? 0n));
      mappingOf[r] = mappings.length - 1;
      translateOnWrite[r] = mappings.length;
    } else locHypE2h0[r] = ~p;
  }
  const table = (loc: Int32Array, translating: boolean): Int32Array =>
    loc.map((at, r) => {
      // A register no layout word holds reads the first physical word pair, as it always has
      // (callers ask has() first): an entry like any other.
      const i = at >= 0 ? at : ctxWords + ~at;
      const slow = narrow[r] === 1 || (translating && translateOnWrite[r] !== 0);
      return slow ? ~i : i;
    });
  const phase = (p: CopyPhaseData): Phase => {
    const ops: number[] = [];
    let registers = 0;
    // Saves, then loads, each in the plan's order; adjacent word pairs merge into one range.
    for (const kind of [0, 1] as const) {
      for (const run of p.runs) {
        if (run.kind !== kind) continue;
        for (const i of run.registers) {
          const r = toModel[i] ?? NONE;
          if (r === NONE || (physWord[r] ?? NONE) === NONE) continue;
          registers++;
          const ctx = word[r] as number;
          const phys = ctxWords + (physWord[r] as number);
          if (kind === 1 && p.translated.includes(layoutNumber[r] as number)) {
            ops.push(TRANSLATE, phys, ctx, mappingOf[r] as number);
            continue;
          }
          const to = kind === 0 ? ctx : phys;
          const from = kind === 0 ? phys : ctx;
          const last = ops.length - 4;
          if (last >= 0 && ops[last] === COPY && (ops[last + 1] as number) + (ops[last + 3] as number) === to && (ops[last + 2] as number) + (ops[last + 3] as number) === from) {
            ops[last + 3] = (ops[last + 3] as number) + 2;
          } else ops.push(COPY, to, from, 2);
        }
      }
    }
    return { ops: Int32Array.from(ops), runs: p.runs.length, bytes: p.bytes, cacheLines: p.cacheLines, registers };
  };
  const plan = layout.copyPlan;
  return {
    ctxWords,
    word,
    narrow,
    wide,
    physWord,
    translateOnWrite,
    mappings,
    resetImages: new WeakMap(),
    locContext: table(word, false),
    locGuest: table(locGuest, false),
    locHypE2h0: table(locHypE2h0, true),
    locHypE2h1: table(locHypE2h1, false),
    phases: {
      e2h0: { entry: phase(plan.e2h0.entry), exit: phase(plan.e2h0.exit) },
      e2h1: { entry: phase(plan.e2h1.entry), exit: phase(plan.e2h1.exit) },
    },
  };
}

export class LayoutState implements ArchState {
  readonly counters: Counters = newCounters();
  /** struct kvm_cpu_context, byte for byte. */
  readonly context: Uint8Array;
  /** [context | physical file (at the context's offsets) | a word that reads 0 | a sink for writes] */
  private readonly mem: Uint32Array;
  private readonly words: Uint32Array;
  private readonly c: Compiled;
  private readonly ctxWords: number;
  private loc: Int32Array;
  private translating = false;
  private readonly scratch = new Uint32Array(2);
  private atVel2 = false;
  private e2h = false;

  constructor(
    private readonly index: RegisterIndex,
    readonly layout: LayoutModule,
  ) {
    this.c = compiledFor(index, layout);
    const ctxWords = this.c.ctxWords;
    this.ctxWords = ctxWords;
    this.mem = new Uint32Array(2 * ctxWords + 4);
    this.context = new Uint8Array(this.mem.buffer, 0, layout.contextSize);
    this.words = this.mem.subarray(0, ctxWords);
    this.loc = this.c.locGuest;
  }

  has(r: number): boolean {
    return (this.c.word[r] ?? NONE) !== NONE;
  }

  lo(r: number): number {
    const at = this.loc[r] as number;
    return this.mem[at >= 0 ? at : ~at] as number;
  }

  hi(r: number): number {
    const at = this.loc[r] as number;
    if (at >= 0) return this.mem[at + 1] as number;
    return this.c.narrow[r] === 1 ? 0 : (this.mem[~at + 1] as number);
  }

  put(r: number, lo: number, hi: number): void {
    const at = this.loc[r] as number;
    if (at < 0) return this.putSlow(r, ~at, lo, hi);
    const mem = this.mem;
    mem[at] = lo;
    mem[at + 1] = hi;
  }

  private putSlow(r: number, at: number, lo: number, hi: number): void {
    this.mem[at] = lo;
    if (this.c.narrow[r] !== 1) this.mem[at + 1] = hi;
    if (this.translating) this.written(r);
  }

  move(dst: number, src: number, clearLo: number, clearHi: number, setLo: number, setHi: number): void {
    const loc = this.loc;
    const s = loc[src] as number;
    const d = loc[dst] as number;
    if ((s | d) < 0) return this.moveSlow(dst, src, clearLo, clearHi, setLo, setHi);
    const mem = this.mem;
    mem[d] = ((mem[s] as number) & ~clearLo) | setLo;
    mem[d + 1] = ((mem[s + 1] as number) & ~clearHi) | setHi;
  }

  private moveSlow(dst: number, src: number, clearLo: number, clearHi: number, setLo: number, setHi: number): void {
    const { mem, loc } = this;
    const s = loc[src] as number;
    const d = loc[dst] as number;
    const si = s >= 0 ? s : ~s;
    const di = d >= 0 ? d : ~d;
    mem[di] = ((mem[si] as number) & ~clearLo) | setLo;
    const hi = s < 0 && this.c.narrow[src] === 1 ? 0 : (mem[si + 1] as number);
    if (!(d < 0 && this.c.narrow[dst] === 1)) mem[di + 1] = (hi & ~clearHi) | setHi;
    if (this.translating) this.written(dst);
  }

  /**
   * A translated EL2 register written while the guest hypervisor runs with E2H = 0:
   * KVM writes memory and loads the translation into the counterpart. Off the hot path.
   */
  private written(r: number): void {
    const t = this.c.translateOnWrite[r] as number;
    if (t !== 0) this.loadTranslated(this.ctxWords + (this.c.physWord[r] as number), this.c.word[r] as number, t - 1);
  }

  get(r: number): bigint {
    const w = this.c.word[r] ?? NONE;
    if (this.c.wide[r] === 1) {
      let v = 0n;
      for (let k = 3; k >= 0; k--) v = (v << 32n) | BigInt(this.words[w + k] ?? 0);
      return v;
    }
    if (w === NONE) throw new Error(`layout ${this.layout.name} does not store ${this.index.names[r] ?? r}`);
    return (BigInt(this.hi(r)) << 32n) | BigInt(this.lo(r));
  }

  set(r: number, value: bigint): void {
    const w = this.c.word[r] ?? NONE;
    if (w === NONE) throw new Error(`layout ${this.layout.name} does not store ${this.index.names[r] ?? r}`);
    if (this.c.wide[r] === 1) {
      for (let k = 0; k < 4; k++) this.words[w + k] = Number((value >> BigInt(32 * k)) & 0xffffffffn) >>> 0;
      return;
    }
    this.put(r, Number(value & 0xffffffffn) >>> 0, Number((value >> 32n) & 0xffffffffn) >>> 0);
  }

  resetTo(r: number, lo: number, hi: number): void {
    const w = this.c.word[r] ?? NONE;
    if (w === NONE) throw new Error(`layout ${this.layout.name} does not store ${this.index.names[r] ?? r}`);
    if (this.c.wide[r] === 1) {
      // set() of a value below 2^64: the upper words are zero.
      const words = this.words;
      words[w] = lo;
      words[w + 1] = hi;
      words[w + 2] = 0;
      words[w + 3] = 0;
      return;
    }
    this.put(r, lo, hi);
  }

  resetRegisters(values: ResetValues): void {
    if (values.big.size > 0) return resetEach(this, values);
    let image = this.c.resetImages.get(values);
    if (!image) {
      // Reset writes only register words, in number order; padding is never written and stays 0.
      // So the first reset, made on a zeroed context, is every later one's image.
      const fresh = new LayoutState(this.index, this.layout);
      fresh.beforeReset();
      resetEach(fresh, values);
      image = fresh.words.slice();
      this.c.resetImages.set(values, image);
    }
    this.words.set(image);
  }

  /** What the physical EL1 register file holds for `r` (its counterpart for an EL2 register): for tests and tools. */
  physical(r: number): bigint {
    const p = this.c.physWord[r] ?? NONE;
    if (p === NONE) throw new Error(`${this.index.names[r] ?? r} has no physical register in this model`);
    const at = this.ctxWords + p;
    return (BigInt(this.mem[at + 1] ?? 0) << 32n) | BigInt(this.mem[at] ?? 0);
  }

  /** The context pair at `from` translated through mapping `mapping` into the physical pair at `to`. */
  private loadTranslated(to: number, from: number, mapping: number): void {
    const m = this.c.mappings[mapping];
    if (!m) return;
    const { mem, scratch } = this;
    applyMapping(m, mem[from] as number, mem[from + 1] as number, scratch);
    mem[to] = scratch[0] as number;
    mem[to + 1] = scratch[1] as number;
  }

  /** Run one phase of the copy plan (`loadsOnly`: skip the saves, as after reset). */
  private apply(phase: Phase, loadsOnly: boolean): void {
    const { mem, ctxWords } = this;
    const ops = phase.ops;
    for (let k = 0; k < ops.length; k += 4) {
      const to = ops[k + 1] as number;
      const from = ops[k + 2] as number;
      // A save writes the context (to < ctxWords); after reset only the loads run.
      if (loadsOnly && to < ctxWords) continue;
      if (ops[k] === TRANSLATE) {
        this.loadTranslated(to, from, ops[k + 3] as number);
        continue;
      }
      const n = ops[k + 3] as number;
      if (n >= COPY_WITHIN_MIN) mem.copyWithin(to, from, from + n);
      else for (let j = 0; j < n; j++) mem[to + j] = mem[from + j] as number;
    }
  }

  private run(phase: Phase): void {
    this.apply(phase, false);
    const c = this.counters;
    c.registersCopied += phase.registers;
    c.bytesCopied += phase.bytes;
    c.copyRuns += phase.runs;
    c.cacheLines += phase.cacheLines;
  }

  private situate(vel2: boolean, e2h: boolean): void {
    const c = this.c;
    this.loc = !vel2 ? c.locGuest : e2h ? c.locHypE2h1 : c.locHypE2h0;
    this.translating = vel2 && !e2h;
    this.atVel2 = vel2;
    this.e2h = e2h;
  }

  worldSwitch(direction: "entry" | "exit", e2h: boolean): void {
    const plan = e2h ? this.c.phases.e2h1 : this.c.phases.e2h0;
    this.run(direction === "entry" ? plan.entry : plan.exit);
    this.situate(direction === "exit", e2h);
    this.counters.worldSwitches++;
  }

  e2hChanged(e2h: boolean): void {
    if (!this.atVel2 || e2h === this.e2h) return;
    // Put the guest hypervisor's state back as the old E2H had it, then load it as the new one wants.
    const phases = this.c.phases;
    this.run((this.e2h ? phases.e2h1 : phases.e2h0).entry);
    this.run((e2h ? phases.e2h1 : phases.e2h0).exit);
    this.situate(true, e2h);
  }

  beforeReset(): void {
    this.loc = this.c.locContext;
    this.translating = false;
  }

  afterReset(atEl2: boolean, e2h: boolean): void {
    // Reset wrote every register into the context: load what the physical registers hold where
    // the vCPU starts (the loads of an exit to EL2, or of an entry to EL1), saving nothing.
    this.mem.fill(0, this.ctxWords, 2 * this.ctxWords + 2);
    const plan = e2h ? this.c.phases.e2h1 : this.c.phases.e2h0;
    this.apply(atEl2 ? plan.exit : plan.entry, true);
    this.situate(atEl2, e2h);
    Object.assign(this.counters, newCounters());
  }
}
