/** Load and check every spec, registers then layouts: the first stage of every command. */
import { loadLayouts } from "./layout/load.js";
import type { ResolvedLayout } from "./layout/types.js";
import type { Diagnostic } from "./spec/diagnostics.js";
import { loadRegisterSpecs } from "./spec/load.js";
import type { RegisterModel } from "./spec/model.js";

export interface Loaded {
  readonly model: RegisterModel;
  readonly layouts: readonly ResolvedLayout[];
  readonly registerFiles: number;
  readonly layoutFiles: number;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadSpecs(specsRoot: string, displayFrom?: string): Loaded {
  const regs = loadRegisterSpecs(specsRoot, displayFrom);
  const lays = loadLayouts(specsRoot, regs.model, displayFrom);
  return {
    model: regs.model,
    layouts: lays.layouts,
    registerFiles: regs.files,
    layoutFiles: lays.files,
    diagnostics: [...regs.diagnostics, ...lays.diagnostics],
  };
}
