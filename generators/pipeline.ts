/** Load and check every spec, registers then profiles then layouts: the first stage of every command. */
import { loadLayouts } from "./layout/load.js";
import type { ResolvedLayout } from "./layout/types.js";
import { loadProfiles } from "./profile/load.js";
import type { FeatureTable, Profile } from "./profile/model.js";
import type { Diagnostic } from "./spec/diagnostics.js";
import { loadRegisterSpecs } from "./spec/load.js";
import type { RegisterModel } from "./spec/model.js";

export interface Loaded {
  readonly model: RegisterModel;
  readonly layouts: readonly ResolvedLayout[];
  /** The architecture features (specs/features.yaml); empty for a tree without one. */
  readonly features: FeatureTable;
  /** CPU profiles, resolved, sorted by name; always has the default, `max`. */
  readonly profiles: readonly Profile[];
  readonly registerFiles: number;
  readonly layoutFiles: number;
  /** features.yaml and specs/profiles/*.yaml. */
  readonly profileFiles: number;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadSpecs(specsRoot: string, displayFrom?: string): Loaded {
  const regs = loadRegisterSpecs(specsRoot, displayFrom);
  const profs = loadProfiles(specsRoot, regs.entries, displayFrom);
  const lays = loadLayouts(specsRoot, regs.model, displayFrom);
  return {
    model: regs.model,
    layouts: lays.layouts,
    features: profs.table,
    profiles: profs.profiles,
    registerFiles: regs.files,
    layoutFiles: lays.files,
    profileFiles: profs.files,
    diagnostics: [...regs.diagnostics, ...profs.diagnostics, ...lays.diagnostics],
  };
}
