/**
 * The emulator core: one arm64 vCPU under nested virtualization. A guest
 * hypervisor runs at virtual EL2, its guest at virtual EL1/EL0. The core
 * executes the system subset of A64 (MRS, MSR, ERET, HVC, SVC, SMC, NOP,
 * ISB, MOVZ/MOVK/MOVN), takes exceptions and traps exactly as the Arm ARM
 * says, and keeps every register in an ArchState it knows only through
 * that interface: the reference model and every layout run this same code.
 *
 * Sections cited are from the Arm ARM (DDI 0487): D1.3 exception entry,
 * D1.3.1 vector offsets, C5.2 special-purpose registers, D19/D24 register
 * descriptions, C6.2 instruction encodings.
 */
import { decode } from "./a64/decode.js";
import type { Instruction } from "./a64/instruction.js";
import { EC, esr, KVM_NR_PMU_COUNTERS, MODE, PSR, RESET_PSTATE_EL1, RESET_PSTATE_EL2, sys64Iss, VECTOR } from "./arch.js";
import { CAN_READ, CAN_WRITE, encodingKey16, type RegisterIndex } from "./register-index.js";
import type { ArchState, ResetValues } from "./state.js";

/** PSTATE fields MRS/MSR reach by encoding (Arm ARM C5.2: NZCV, DAIF, CurrentEL, SPSel). */
const NZCV_KEY = encodingKey16({ op0: 3, op1: 3, crn: 4, crm: 2, op2: 0 });
const DAIF_KEY = encodingKey16({ op0: 3, op1: 3, crn: 4, crm: 2, op2: 1 });
const CURRENTEL_KEY = encodingKey16({ op0: 3, op1: 0, crn: 4, crm: 2, op2: 2 });
const SPSEL_KEY = encodingKey16({ op0: 3, op1: 0, crn: 4, crm: 2, op2: 0 });

export interface TakenException {
  readonly el: number;
  readonly ec: number;
  readonly esr: number;
  readonly elr: bigint;
  readonly spsr: bigint;
  readonly vector: number;
}

export interface StepResult {
  /** The exception the step took, if any. */
  readonly exception?: TakenException;
  /** For MRS: the value read into Xt. */
  readonly read?: bigint;
}

const NOTHING: StepResult = Object.freeze({});

/** ISS of EC 0x07 from AArch64 state: CV = 1, COND = 0b1110 (Arm ARM ESR_ELx, EC 0x07; ESR 0x1fe00000). */
const FP_ISS_AARCH64 = 0x1e00000;
/** fpTrap(): CPACR_EL1 disabled the access and HCR_EL2.TGE routes it to EL2 as EC 0x00. */
const FP_ROUTED_TO_EL2 = 3;

export interface VcpuOptions {
  /** The vCPU has (virtual) EL2: false for a layout that stores no EL2 state. */
  readonly el2: boolean;
}

/** Every register's reset value as reset() writes it, per register index: computed once, no BigInt per reset. */
interface ResetImage extends ResetValues {
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  /** Values that do not fit 64 bits (none in the bundled specs): written as they are. */
  readonly big: ReadonlyMap<number, bigint>;
  readonly mdcrLo: number;
  readonly mdcrHi: number;
}

const resetImages = new WeakMap<RegisterIndex, ResetImage>();

function resetImage(index: RegisterIndex): ResetImage {
  let image = resetImages.get(index);
  if (image) return image;
  const n = index.names.length;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const big = new Map<number, bigint>();
  for (let r = 0; r < n; r++) {
    const reset = index.spec[r]?.reset;
    const v = typeof reset === "bigint" ? index.sanitize(r, reset) : 0n;
    if (v >> 64n !== 0n || v < 0n) big.set(r, v);
    lo[r] = Number(v & 0xffffffffn) >>> 0;
    hi[r] = Number((v >> 32n) & 0xffffffffn) >>> 0;
  }
  const MDCR = index.find("MDCR_EL2") ?? -1;
  const mdcr = MDCR >= 0 ? index.sanitize(MDCR, BigInt(KVM_NR_PMU_COUNTERS)) : 0n;
  resetImages.set(index, (image = { lo, hi, big, mdcrLo: Number(mdcr & 0xffffffffn) >>> 0, mdcrHi: Number((mdcr >> 32n) & 0xffffffffn) >>> 0 }));
  return image;
}

export class Vcpu {
  /** Report the value an MRS read (a BigInt per read): scenario runs want it, benchmarks do not. */
  wantReads = true;
  private readonly decoded = new Map<number, Instruction>();
  private readonly HCR: number;
  private readonly HCR_E2H: number;
  /**
   * Whether the vCPU has FEAT_VHE. Without it HCR_EL2.E2H is RES0 (Arm ARM HCR_EL2.E2H: "When
   * FEAT_VHE is implemented ... Otherwise: RES0"; its spec field is gated on FEAT_VHE, so no write
   * sets it): E2H reads 0, EL1 names are never redirected and the _EL12/_EL02 accessors do not exist.
   */
  private readonly vhe: boolean;
  private readonly HCR_TGE: number;
  private readonly HCR_HCD: number;
  private readonly HCR_TSC: number;
  private readonly CPACR: number;
  private readonly CPTR: number;
  /** MDCR_EL2 (-1 without it) and SCTLR_EL1 with its UMA bit. */
  private readonly MDCR: number;
  private readonly SCTLR_EL1: number;
  private readonly SCTLR_UMA: number;
  /** Registers CPACR_EL1.FPEN / CPTR_EL2.TFP guard: FPSR, FPCR. */
  private readonly fpRegs: ReadonlySet<number>;
  private readonly regs: Record<"ELR" | "SPSR" | "ESR" | "VBAR" | "SP", readonly [number, number, number]>;

  constructor(
    readonly index: RegisterIndex,
    readonly state: ArchState,
    readonly options: VcpuOptions,
  ) {
    this.HCR = index.number("HCR_EL2");
    this.HCR_E2H = index.fieldBit("HCR_EL2", "E2H");
    this.vhe = index.hasFeature(index.spec[this.HCR]?.fields.find((f) => f.name === "E2H")?.feature);
    this.HCR_TGE = index.fieldBit("HCR_EL2", "TGE");
    this.HCR_HCD = index.fieldBit("HCR_EL2", "HCD");
    this.HCR_TSC = index.fieldBit("HCR_EL2", "TSC");
    this.CPACR = index.number("CPACR_EL1");
    this.CPTR = index.number("CPTR_EL2");
    this.MDCR = index.find("MDCR_EL2") ?? -1;
    this.SCTLR_EL1 = index.number("SCTLR_EL1");
    this.SCTLR_UMA = index.fieldBit("SCTLR_EL1", "UMA");
    this.fpRegs = new Set(["FPSR", "FPCR"].map((n) => index.number(n)));
    const byEl = (base: string) => [0, 1, 2].map((el) => index.find(`${base}_EL${el}`) ?? -1) as unknown as readonly [number, number, number];
    this.regs = { ELR: byEl("ELR"), SPSR: byEl("SPSR"), ESR: byEl("ESR"), VBAR: byEl("VBAR"), SP: byEl("SP") };
  }

  // ---- PSTATE, PC, X registers ------------------------------------------------

  get pstate(): number {
    return this.state.lo(this.index.PSTATE);
  }

  set pstate(v: number) {
    this.state.put(this.index.PSTATE, v >>> 0, 0);
  }

  get el(): number {
    return (this.pstate >>> 2) & 3;
  }

  get pc(): bigint {
    return this.state.get(this.index.PC);
  }

  set pc(v: bigint) {
    this.state.set(this.index.PC, v & 0xffffffffffffffffn);
  }

  private hcrBit(bit: number): boolean {
    if (!this.options.el2) return false;
    return ((bit < 32 ? this.state.lo(this.HCR) >>> bit : this.state.hi(this.HCR) >>> (bit - 32)) & 1) === 1;
  }

  get e2h(): boolean {
    return this.vhe && this.hcrBit(this.HCR_E2H);
  }

  x(n: number): bigint {
    return n === 31 ? 0n : this.state.get(this.index.X0 + n);
  }

  setX(n: number, v: bigint): void {
    if (n !== 31) this.state.set(this.index.X0 + n, v & 0xffffffffffffffffn);
  }

  // ---- reset and setup ---------------------------------------------------------

  /**
   * vCPU reset (KVM's kvm_reset_vcpu): every register to its spec's reset value, EL2h or EL1h.
   * A field of a feature the vCPU lacks reads as its `whenAbsent` value from reset on (Arm ARM
   * Glossary, RES0/RES1: a reserved bit reads as 0/1), so a reset value goes through the same
   * masks as a write: KVM's 0x00C50078 for SCTLR_EL1 becomes 0x30D50818 on a vCPU without
   * FEAT_LSE2, FEAT_AA32EL0, FEAT_LSMAOC, FEAT_ExS and FEAT_CSV2_2. Under `max` the spec's reset
   * values are already what the masks keep. An `unknown` reset stays 0, as before profiles.
   */
  reset(): void {
    const { index, state } = this;
    const image = resetImage(index);
    state.beforeReset();
    state.resetRegisters(image);
    // sys_regs.c reset_mdcr(): MDCR_EL2 = kvm->arch.nr_pmu_counters (HPMN = N, every other bit 0);
    // the spec says `unknown` because N is the VM's, and the model's VM has KVM_NR_PMU_COUNTERS.
    // Without FEAT_PMUv3 HPMN is RES0 (its field's feature): 0.
    if (this.MDCR >= 0 && state.has(this.MDCR)) state.resetTo(this.MDCR, image.mdcrLo, image.mdcrHi);
    this.pstate = this.options.el2 ? RESET_PSTATE_EL2 : RESET_PSTATE_EL1;
    state.afterReset(this.options.el2, this.e2h);
  }

  /** The scenario's `el N` setup step: move to ELnh, doing the world switch KVM would. */
  setEl(target: number): void {
    const from = this.el;
    if (target === 2 && !this.options.el2) throw new Error("this vCPU has no EL2");
    this.pstate = (this.pstate & ~PSR.MODE_MASK) | (target === 0 ? MODE.EL0t : (target << 2) | 1);
    this.crossEl2(from, target);
  }

  /** KVM_SET_ONE_REG/KVM_SET_REGS wrote PSTATE: keep storage consistent with the EL it names. */
  pstateChangedByUser(from: number): void {
    this.crossEl2(from, this.el);
  }

  private crossEl2(from: number, to: number): void {
    if (!this.options.el2) return;
    if (from === 2 && to < 2) this.state.worldSwitch("entry", this.e2h);
    else if (from < 2 && to === 2) this.state.worldSwitch("exit", this.e2h);
  }

  // ---- execution ---------------------------------------------------------------

  /** PC += 4 on the 32-bit halves: the hot path makes no BigInt. */
  private advance(): void {
    const { state, index } = this;
    const lo = state.lo(index.PC) + 4;
    if (lo > 0xffffffff) state.put(index.PC, lo >>> 0, (state.hi(index.PC) + 1) >>> 0);
    else state.put(index.PC, lo, state.hi(index.PC));
  }

  step(word: number): StepResult {
    // Arm ARM D1.x "Illegal Execution state": with PSTATE.IL set, the next instruction takes an
    // Illegal Execution state exception (EC 0x0E) to the EL an UNDEFINED one would go to.
    if ((this.pstate & PSR.IL) !== 0) return this.undefined(EC.ILLEGAL);
    let insn = this.decoded.get(word);
    if (!insn) {
      insn = decode(word);
      this.decoded.set(word, insn);
    }
    switch (insn.op) {
      case "mrs":
      case "msr":
        return this.sysreg(insn.op === "mrs", insn.sysreg, insn.rt);
      case "msr-imm":
        return this.msrImmediate(insn.field, insn.imm);
      case "eret":
        return this.eret();
      case "hvc": {
        // HVC is UNDEFINED at EL0, and at EL1/EL2 when HCR_EL2.HCD is 1 or there is no EL2.
        if (this.el === 0 || !this.options.el2 || this.hcrBit(this.HCR_HCD)) return this.undefined();
        return { exception: this.takeException(2, EC.HVC64, insn.imm, this.pc + 4n) };
      }
      case "svc": {
        const el = this.el;
        const target = el === 0 ? (this.hcrBit(this.HCR_TGE) ? 2 : 1) : el;
        return { exception: this.takeException(target, EC.SVC64, insn.imm, this.pc + 4n) };
      }
      case "smc": {
        // No EL3: SMC is UNDEFINED, unless HCR_EL2.TSC traps it from EL1 first (Arm ARM D1.x, "SMC").
        if (this.el === 1 && this.hcrBit(this.HCR_TSC)) return { exception: this.takeException(2, EC.SMC64, insn.imm, this.pc) };
        return this.undefined();
      }
      case "nop":
      case "isb":
        this.advance();
        return NOTHING;
      case "movz":
      case "movk":
      case "movn": {
        if (insn.rd !== 31) this.moveWide(insn.op, insn.sf, insn.rd, insn.imm16, insn.hw);
        this.advance();
        return NOTHING;
      }
    }
  }

  /** MOVZ/MOVK/MOVN (Arm ARM C6.2 "MOVZ", "MOVK", "MOVN") on 32-bit halves. */
  private moveWide(op: "movz" | "movk" | "movn", sf: 0 | 1, rd: number, imm16: number, hw: number): void {
    const { state } = this;
    const r = this.index.X0 + rd;
    const shift = (hw & 1) * 16;
    const chunk = (imm16 << shift) >>> 0;
    const inHi = hw >= 2;
    let lo: number;
    let hi: number;
    if (op === "movk") {
      const keep = ~(0xffff << shift) >>> 0;
      lo = state.lo(r);
      hi = state.hi(r);
      if (inHi) hi = ((hi & keep) | chunk) >>> 0;
      else lo = ((lo & keep) | chunk) >>> 0;
    } else {
      lo = inHi ? 0 : chunk;
      hi = inHi ? chunk : 0;
      if (op === "movn") {
        lo = ~lo >>> 0;
        hi = ~hi >>> 0;
      }
    }
    // A W destination writes the low 32 bits and clears the rest.
    state.put(r, lo, sf ? hi : 0);
  }

  private undefined(ec: number = EC.UNKNOWN): StepResult {
    // UNDEFINED goes to EL1 from EL0/EL1 (EL2 from EL0 with HCR_EL2.TGE), to EL2 from EL2.
    const el = this.el;
    const target = el === 2 ? 2 : el === 0 && this.hcrBit(this.HCR_TGE) ? 2 : 1;
    return { exception: this.takeException(target, ec, 0, this.pc) };
  }

  /** AArch64.TakeException: ESR, ELR, SPSR of the target EL, PSTATE to ELxh with DAIF masked, PC to the vector. */
  takeException(target: number, ec: number, iss: number, preferredReturn: bigint): TakenException {
    const from = this.el;
    const spx = (this.pstate & 1) === 1;
    const spsr = BigInt(this.pstate >>> 0);
    this.pstate =
      (this.pstate & PSR.NZCV_MASK) | PSR.D | PSR.A | PSR.I | PSR.F | ((target << 2) | 1);
    this.crossEl2(from, target);
    const syndrome = esr(ec, iss);
    const elr = preferredReturn & 0xffffffffffffffffn;
    this.state.set(this.regs.ESR[target] ?? -1, BigInt(syndrome));
    this.state.set(this.regs.ELR[target] ?? -1, elr);
    this.state.set(this.regs.SPSR[target] ?? -1, spsr);
    const offset = from < target ? VECTOR.LOWER_A64 : spx ? VECTOR.CURRENT_SPX : VECTOR.CURRENT_SP0;
    const vbar = this.state.get(this.regs.VBAR[target] ?? -1);
    this.pc = (vbar + BigInt(offset)) & 0xffffffffffffffffn;
    this.state.counters.exceptions++;
    if (ec === EC.SYS64 && target === 2 && from < 2) this.state.counters.traps++;
    return { el: target, ec, esr: syndrome, elr, spsr, vector: offset };
  }

  /** AArch64.ExceptionReturn: PSTATE from SPSR_ELx, PC from ELR_ELx; an illegal return sets PSTATE.IL. */
  private eret(): StepResult {
    const el = this.el;
    if (el === 0) return this.undefined();
    const spsr = Number(this.state.get(this.regs.SPSR[el] ?? -1) & 0xffffffffn) >>> 0;
    const elr = this.state.get(this.regs.ELR[el] ?? -1);
    const target = (spsr >>> 2) & 3;
    const m = spsr & PSR.MODE_MASK;
    const illegal =
      (spsr & PSR.MODE32_BIT) !== 0 ||
      target > el ||
      (target === 2 && !this.options.el2) ||
      target === 3 ||
      m === 0b0001 ||
      (m & 2) !== 0 ||
      // With HCR_EL2.TGE == 1 EL1 is not in use: a return to it is illegal (Arm ARM, IllegalExceptionReturn()).
      (target === 1 && this.hcrBit(this.HCR_TGE));
    if (illegal) {
      // Arm ARM D1.x "Illegal return events from AArch64 state": EL and SP unchanged, PSTATE.IL set.
      this.pstate = (spsr & ~(PSR.MODE_MASK | PSR.MODE32_BIT)) | (this.pstate & PSR.MODE_MASK) | PSR.IL;
      this.pc = elr;
      return NOTHING;
    }
    this.pstate = spsr & ~PSR.SS;
    this.crossEl2(el, target);
    this.pc = elr;
    return NOTHING;
  }

  private msrImmediate(field: "DAIFSet" | "DAIFClr" | "SPSel", imm: number): StepResult {
    const el = this.el;
    if (field === "SPSel") {
      if (el === 0) return this.undefined();
      this.pstate = (this.pstate & ~1) | (imm & 1);
    } else {
      // Arm ARM C6.2 MSR (immediate): at EL0, DAIFSet/DAIFClr trap (EC 0x18) unless SCTLR_EL1.UMA
      // allows them; the ISS is that of AArch64.CheckSystemAccess('00', op1, '0100', CRm, op2,
      // '11111', '0'): Op0 0, Op1 0b011, CRn 4, CRm = the immediate, Op2 0b110/0b111, Rt 31, write.
      if (el === 0) {
        const to = this.daifEl0Trap();
        if (to >= 0) {
          const iss = sys64Iss(0, 3, 4, imm & 0xf, field === "DAIFSet" ? 6 : 7, 31, false);
          return { exception: this.takeException(to, EC.SYS64, iss, this.pc) };
        }
      }
      const bits = (imm & 0xf) << 6;
      this.pstate = field === "DAIFSet" ? this.pstate | bits : this.pstate & ~bits;
    }
    this.advance();
    return NOTHING;
  }

  /** MRS/MSR: resolve the name the encoding means at this EL, check access and traps, then move. */
  private sysreg(read: boolean, enc: { op0: number; op1: number; crn: number; crm: number; op2: number }, rt: number): StepResult {
    const { index, state } = this;
    const el = this.el;
    const key = encodingKey16(enc);
    if (key === NZCV_KEY || key === DAIF_KEY || key === CURRENTEL_KEY || key === SPSEL_KEY) return this.pstateField(key, read, rt);
    let r = (index.byEncoding[key] ?? 0) - 1;
    const alias = (index.aliasByEncoding[key] ?? 0) - 1;
    const e2h = this.e2h;
    if (alias >= 0) {
      // _EL12/_EL02 names exist at EL2 with HCR_EL2.E2H == 1 only (Arm ARM D5.x, FEAT_VHE), and
      // only on a vCPU with FEAT_VHE and the target register (register-index.ts aliasImplemented).
      if (el !== 2 || !e2h || index.aliasImplemented[key] !== 1) return this.undefined();
      r = alias;
    } else {
      if (r < 0) return this.undefined();
      // A register the vCPU does not implement (its feature absent) has no access at any EL:
      // UNDEFINED, EC 0x00 (register-index.ts `implemented`).
      const a = index.access[4 * r + el] ?? 0;
      if ((a & (read ? CAN_READ : CAN_WRITE)) === 0) return this.undefined();
      // With E2H == 1, EL1 names used at EL2 reach the EL2 registers.
      if (el === 2 && e2h) {
        const to = index.redirect[r] ?? -1;
        if (to >= 0) r = to;
      }
    }
    if (!state.has(r)) return this.undefined();
    if (this.fpRegs.has(r)) {
      const fp = this.fpTrap(el);
      if (fp === FP_ROUTED_TO_EL2) return { exception: this.takeException(2, EC.UNKNOWN, 0, this.pc) };
      if (fp >= 0) return { exception: this.takeException(fp, EC.FP_ASIMD, FP_ISS_AARCH64, this.pc) };
    }
    if (el < 2 && this.options.el2) {
      const traps = read ? index.readTraps[r] : index.writeTraps[r];
      const hostEl0 = el === 0 && e2h && this.hcrBit(this.HCR_TGE);
      for (const t of traps ?? []) {
        if (hostEl0 && t.fineGrained) continue;
        const v = t.bit < 32 ? state.lo(t.reg) >>> t.bit : state.hi(t.reg) >>> (t.bit - 32);
        if ((v & 1) === t.when) {
          const iss = sys64Iss(enc.op0, enc.op1, enc.crn, enc.crm, enc.op2, rt, read);
          return { exception: this.takeException(2, EC.SYS64, iss, this.pc) };
        }
      }
    }
    if (read) {
      if (rt !== 31) state.move(index.X0 + rt, r, 0, 0, 0, 0);
      this.advance();
      return this.wantReads ? { read: (BigInt(state.hi(r)) << 32n) | BigInt(state.lo(r)) } : NOTHING;
    }
    // RES0/RES1 as a write forces them in every E2H context (register-index.ts writeRes0/writeRes1).
    const set0 = index.writeRes1[2 * r] as number;
    const set1 = index.writeRes1[2 * r + 1] as number;
    if (rt === 31) state.put(r, set0 >>> 0, set1 >>> 0);
    else state.move(r, index.X0 + rt, index.writeRes0[2 * r] as number, index.writeRes0[2 * r + 1] as number, set0, set1);
    if (r === this.HCR && el === 2) state.e2hChanged(this.e2h);
    else if (r === this.MDCR) this.clampHpmn();
    this.advance();
    return NOTHING;
  }

  /**
   * sys_regs.c access_mdcr(): "If HPMN is out of bounds, limit it to what we actually support"
   * (hpmn > kvm->arch.nr_pmu_counters -> nr_pmu_counters; Arm ARM MDCR_EL2.HPMN: a value above
   * PMCR_EL0.N is CONSTRAINED UNPREDICTABLE). 0 is kept (KVM has no lower bound).
   */
  private clampHpmn(): void {
    const { state } = this;
    const lo = state.lo(this.MDCR);
    if ((lo & 0x1f) > KVM_NR_PMU_COUNTERS) state.put(this.MDCR, ((lo & ~0x1f) | KVM_NR_PMU_COUNTERS) >>> 0, state.hi(this.MDCR));
  }

  /**
   * An EL0 access to DAIF (MRS/MSR DAIF, MSR DAIFSet/DAIFClr): the EL it traps to with EC 0x18,
   * or -1 when allowed. Arm ARM DAIF accessibility pseudocode: at EL0, "if ELIsInHost(EL0) ||
   * SCTLR_EL1.UMA == '0' then if EL2Enabled() && HCR_EL2.TGE == '1' then
   * AArch64.SystemAccessTrap(EL2, 0x18); else AArch64.SystemAccessTrap(EL1, 0x18)";
   * ELIsInHost(EL0) is HCR_EL2.{E2H, TGE} == {1, 1}.
   */
  private daifEl0Trap(): number {
    const tge = this.hcrBit(this.HCR_TGE);
    const uma = (this.state.lo(this.SCTLR_EL1) >>> this.SCTLR_UMA) & 1;
    if ((tge && this.e2h) || uma === 0) return tge ? 2 : 1;
    return -1;
  }

  /**
   * Where an access to FPSR/FPCR from `el` traps, or -1: CPACR_EL1.FPEN (bits 21:20) traps EL0
   * unless 0b11 and EL1 unless 0b01/0b11; CPTR_EL2.TFP (bit 10, E2H = 0) traps EL0-EL2 to EL2
   * (Arm ARM CPACR_EL1, CPTR_EL2; EC 0x07). With E2H = 1 CPTR_EL2 takes CPACR's FPEN format.
   */
  private fpTrap(el: number): number {
    const { state } = this;
    const tge = this.hcrBit(this.HCR_TGE);
    // Arm ARM AArch64.CheckFPEnabled: CPACR_EL1.FPEN counts at EL0/EL1 unless in a host (E2H = TGE = 1).
    if (el < 2 && !(this.e2h && tge)) {
      const fpen = (state.lo(this.CPACR) >>> 20) & 3;
      if ((el === 0 && fpen !== 3) || (el === 1 && (fpen & 1) === 0)) {
        // AArch64.AdvSIMDFPAccessTrap(EL1): with HCR_EL2.TGE = 1 the trap goes to EL2 as an
        // Uncategorized exception (EC 0x00), not as EC 0x07 (QEMU agrees: reglab qemu --random).
        return this.options.el2 && tge ? FP_ROUTED_TO_EL2 : 1;
      }
    }
    if (!this.options.el2) return -1;
    const cptr = state.lo(this.CPTR);
    if (this.e2h) {
      // CPTR_EL2 in its E2H = 1 format: FPEN 0bx0 disables EL0-EL2, 0b01 EL0 of a host only.
      const fpen = (cptr >>> 20) & 3;
      return (fpen & 1) === 0 || (fpen === 1 && el === 0 && tge) ? 2 : -1;
    }
    return ((cptr >>> 10) & 1) === 1 ? 2 : -1;
  }

  private pstateField(key: number, read: boolean, rt: number): StepResult {
    const el = this.el;
    const ps = this.pstate;
    let value: number;
    if (key === NZCV_KEY) value = ps & PSR.NZCV_MASK;
    else if (key === DAIF_KEY) {
      if (el === 0) {
        const to = this.daifEl0Trap();
        if (to >= 0) return { exception: this.takeException(to, EC.SYS64, sys64Iss(3, 3, 4, 2, 1, rt, read), this.pc) };
      }
      value = ps & PSR.DAIF_MASK;
    } else if (key === CURRENTEL_KEY) {
      if (!read || el === 0) return this.undefined();
      value = el << 2;
    } else {
      if (el === 0) return this.undefined();
      value = ps & 1;
    }
    if (read) {
      this.setX(rt, BigInt(value >>> 0));
      this.advance();
      return { read: BigInt(value >>> 0) };
    }
    const v = Number(this.x(rt) & 0xffffffffn) >>> 0;
    if (key === NZCV_KEY) this.pstate = (ps & ~PSR.NZCV_MASK) | (v & PSR.NZCV_MASK);
    else if (key === DAIF_KEY) this.pstate = (ps & ~PSR.DAIF_MASK) | (v & PSR.DAIF_MASK);
    else this.pstate = (ps & ~1) | (v & 1);
    this.advance();
    return NOTHING;
  }
}

