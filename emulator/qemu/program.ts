/**
 * The translation of a scenario into a bare-metal AArch64 program for QEMU, as one import for its
 * callers (cli/commands/qemu.ts, qemu.ts, random.ts, nv-probe.ts, the tests). The mapping is
 * documented where it is done: translate.ts first.
 */
export { HV_REQUEST_IMM, RESERVED_X, sysregOperand } from "./a64.js";
export type { Observable, Skipped } from "./observables.js";
export { translate, type ProgramView, type Translation } from "./translate.js";
