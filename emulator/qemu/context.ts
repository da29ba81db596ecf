/** What every step's lowering reads (the scenario, the emulator's run, the register rules) and writes (the findings). */
import type { Machine } from "../machine.js";
import type { RegisterIndex } from "../register-index.js";
import type { Scenario } from "../scenario/parse.js";
import type { EmulatorRun } from "./emulator-run.js";
import type { Findings } from "./observables.js";
import type { Operands } from "./operands.js";
import type { Shadows } from "./shadows.js";

export interface Lowering {
  readonly s: Scenario;
  /** The machine the scenario ran on (emulator-run.ts), after its last step. */
  readonly m: Machine;
  readonly index: RegisterIndex;
  readonly run: EmulatorRun;
  readonly operands: Operands;
  readonly shadows: Shadows;
  readonly findings: Findings;
}
