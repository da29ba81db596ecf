/**
 * Random programs for A/B runs, from fast-check arbitraries built from the
 * register model: MRS/MSR of any register at any EL (forbidden ones
 * included), E2H and trap-bit changes, HVC/SVC/ERET, moves between the
 * virtual ELs (nested world switches), ONE_REG get/set with valid and invalid
 * ids. Every program is a valid scenario; on a divergence fast-check shrinks
 * it to a minimal one, printed in .scn syntax that `reglab run` replays.
 *
 * Under a CPU profile the programs draw their MRS/MSR and ONE_REG steps from
 * the registers and aliases the profile has, so that a program spends its
 * steps on state that exists; and, with a low weight, a step that reaches a
 * register the profile lacks (MRS, MSR, ONE_REG get/set), so that every run
 * also checks that such an access is UNDEFINED (or ENOENT) on every layout
 * alike, and never reaches storage a layout keeps for it anyway. Under `max`
 * nothing is absent and the programs are exactly those of a run without a
 * profile (same arbitrary, same stream for a seed).
 */
import fc from "fast-check";
import { profileHas, type Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import { sysregNames } from "../a64/sysreg-names.js";
import type { LayoutModule } from "../layout-module.js";
import { registerIndex } from "../machine.js";
import { parseScenario } from "../scenario/parse.js";
import { forAnyProfile } from "../scenario/profiles.js";
import { runPair, type PairReport } from "./run-ab.js";

/** HCR_EL2 bits the generator flips: VM, TWI, TVM, TGE, TRVM, RW, E2H (Arm ARM HCR_EL2). */
const HCR_BITS = [0n, 13n, 26n, 27n, 30n, 31n, 34n];

/** Whether `profile` (none: every feature) has the register or alias `name` (an alias: its target too). */
function profileHasRegister(model: RegisterModel, profile: Profile | undefined, name: string): boolean {
  if (!profile) return true;
  const r = model.byName.get(name);
  if (!r || !profileHas(profile, r.feature)) return false;
  return r.kind === "alias" ? profileHasRegister(model, profile, r.aliasOf) : true;
}

/** A general-purpose register number, x0..x30. */
export const xArbitrary = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 30 });
/** A 64-bit value: uniform, or one of the values that matter (all zeros, all ones, reset PSTATEs, a page). */
export const u64Arbitrary = (): fc.Arbitrary<bigint> =>
  fc.oneof(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.constantFrom(0n, 0xffffffffffffffffn, 0x3c5n, 0x3c9n, 0x1000n));
/** A number as the scenario language writes it. */
export const scnHex = (v: bigint): string => "0x" + v.toString(16);

export function programArbitrary(model: RegisterModel, profile?: Profile): fc.Arbitrary<string[]> {
  const has = (name: string) => profileHasRegister(model, profile, name);
  const encoded = [...model.registers, ...model.aliases].filter((r) => r.encoding).map((r) => r.name);
  const named = encoded.filter(has);
  const absentNamed = encoded.filter((n) => !has(n));
  const absentStorage = model.registers.map((r) => r.name).filter((n) => !has(n));
  const x = xArbitrary();
  const u64 = u64Arbitrary();
  const hex = scnHex;
  const reg = fc.constantFrom(...named);
  /** ONE_REG reaches registers, not alias names. */
  const storage = fc.constantFrom(...model.registers.map((r) => r.name).filter(has));
  const steps: { weight: number; arbitrary: fc.Arbitrary<string[]> }[] = [
    { weight: 4, arbitrary: fc.tuple(x, u64).map(([n, v]) => [`x${n} = ${hex(v)}`]) },
    { weight: 6, arbitrary: fc.tuple(x, reg).map(([n, r]) => [`mrs x${n}, ${r}`]) },
    { weight: 6, arbitrary: fc.tuple(x, reg).map(([n, r]) => [`msr ${r}, x${n}`]) },
    {
      weight: 2,
      arbitrary: fc.subarray(HCR_BITS).map((bits) => [`x29 = ${hex(bits.reduce((v, b) => v | (1n << b), 0n))}`, "msr HCR_EL2, x29"]),
    },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((el) => [`el ${el}`]) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((i) => [`hvc #${hex(BigInt(i))}`]) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((i) => [`svc #${hex(BigInt(i))}`]) },
    { weight: 1, arbitrary: fc.constant(["eret"]) },
    { weight: 2, arbitrary: fc.tuple(storage, x).map(([r, n]) => [`onereg get ${r} -> x${n}`]) },
    { weight: 2, arbitrary: fc.tuple(storage, u64).map(([r, v]) => [`onereg set ${r}, ${hex(v)}`]) },
    { weight: 1, arbitrary: fc.tuple(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), x).map(([id, n]) => [`onereg get ${hex(id)} -> x${n}`]) },
  ];
  if (absentNamed.length > 0) {
    // What the profile lacks: UNDEFINED for MRS/MSR, ENOENT for ONE_REG, the same on every layout.
    const absent = fc.constantFrom(...absentNamed);
    const absentReg = absentStorage.length > 0 ? fc.constantFrom(...absentStorage) : absent;
    steps.push({
      weight: 1,
      arbitrary: fc.oneof(
        fc.tuple(x, absent).map(([n, r]) => [`mrs x${n}, ${r}`]),
        fc.tuple(x, absent).map(([n, r]) => [`msr ${r}, x${n}`]),
        fc.tuple(absentReg, x).map(([r, n]) => [`onereg get ${r} -> x${n}`]),
        fc.tuple(absentReg, u64).map(([r, v]) => [`onereg set ${r}, ${hex(v)}`]),
      ),
    });
  }
  return fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 24 }).map((steps) => ["reset", ...steps.flat()]);
}

export interface RandomResult {
  readonly seed: number;
  readonly runs: number;
  /** The shrunk program, when layouts diverged. */
  readonly counterexample?: string;
  readonly report?: PairReport;
}

/** Run `runs` random programs on layouts A and B and the reference model; deterministic for a seed. */
export function randomAb(
  model: RegisterModel,
  a: LayoutModule,
  b: LayoutModule,
  runs: number,
  seed: number,
  onProgress?: (done: number) => void,
  profile?: Profile,
): RandomResult {
  const index = registerIndex(model, profile);
  const names = sysregNames(model);
  const check = (lines: string[]): PairReport => {
    const { scenario, errors } = parseScenario("random.scn", lines.join("\n") + "\n", index, names);
    if (errors.length > 0) throw new Error(`generated a malformed scenario: ${errors[0]?.message}`);
    return runPair(model, a, b, [{ name: "random.scn", scenario: forAnyProfile(scenario) }], profile);
  };
  let done = 0;
  const out = fc.check(
    fc.property(programArbitrary(model, profile), (lines) => {
      onProgress?.(++done);
      return check(lines).behaviour.length === 0;
    }),
    { numRuns: runs, seed },
  );
  if (!out.failed || !out.counterexample) return { seed, runs: out.numRuns };
  const lines = out.counterexample[0];
  return { seed, runs: out.numRuns, counterexample: lines.join("\n") + "\n", report: check(lines) };
}
