/**
 * A runnable vCPU: the core, its storage and the userspace API, for a layout
 * (found through the generated registry, never imported by name) or for the
 * layout-free reference model, under a CPU profile (specs/profiles/: the
 * features the virtual CPU has; `max`, every feature, when none is given).
 */
import { LAYOUTS } from "../generated/layouts.js";
import { DEFAULT_PROFILE, type Profile } from "../generators/profile/model.js";
import type { RegisterModel } from "../generators/spec/model.js";
import { KVM_NV_ABSENT_FEATURES } from "./arch.js";
import { abiOf, abiUnder, KvmApi, type RegisterAbi } from "./kvm-api.js";
import type { LayoutModule } from "./layout-module.js";
import { LayoutState } from "./layout-state.js";
import { NamedState } from "./reference-state.js";
import { modelFeatures, RegisterIndex } from "./register-index.js";
import { Vcpu } from "./vcpu.js";

export interface Machine {
  /** The layout's name, or "reference". */
  readonly name: string;
  /** The CPU profile the vCPU runs under (DEFAULT_PROFILE, `max`, when none was given). */
  readonly profile: string;
  readonly vcpu: Vcpu;
  readonly api: KvmApi;
  readonly index: RegisterIndex;
}

export const REFERENCE = "reference";

/** Per model: the features its specs name, and one index per (features the vCPU lacks, features the profile lacks). */
const indexes = new WeakMap<
  RegisterModel,
  { features: ReadonlySet<string>; byKey: Map<string, RegisterIndex>; byProfile: WeakMap<Profile, RegisterIndex>; plain?: RegisterIndex }
>();

/**
 * The features a vCPU under `profile` has: the profile's, less those KVM's vCPU with nested
 * virtualization never has whatever the host (arch.ts KVM_NV_ABSENT_FEATURES: it is AArch64-only,
 * nested.c limit_nv_id_reg()).
 */
export function vcpuFeatures(profile: Profile): ReadonlySet<string> {
  return new Set([...profile.features].filter((f) => !KVM_NV_ABSENT_FEATURES.has(f)));
}

/**
 * The register index of a vCPU under `profile` (none: `max`, every feature the specs name), built
 * once per model and feature set: profiles with the same features share one. Without a profile it
 * is the index `new RegisterIndex(model)` builds, exactly as before profiles existed.
 */
export function registerIndex(model: RegisterModel, profile?: Profile): RegisterIndex {
  let entry = indexes.get(model);
  if (!entry) indexes.set(model, (entry = { features: modelFeatures(model), byKey: new Map(), byProfile: new WeakMap() }));
  // Machines are made per scenario run: the common cases answer without building the key.
  const known = profile ? entry.byProfile.get(profile) : entry.plain;
  if (known) return known;
  const hidden = new Set(profile ? [...entry.features].filter((f) => !profile.features.has(f)) : []);
  const absent = new Set([...hidden, ...KVM_NV_ABSENT_FEATURES]);
  const key = `${[...absent].sort().join(" ")}|${[...hidden].sort().join(" ")}`;
  let i = entry.byKey.get(key);
  if (!i) entry.byKey.set(key, (i = new RegisterIndex(model, absent, hidden)));
  if (profile) entry.byProfile.set(profile, i);
  else entry.plain = i;
  return i;
}

export function layoutNames(): string[] {
  return Object.keys(LAYOUTS);
}

export async function loadLayout(name: string): Promise<LayoutModule> {
  const load = LAYOUTS[name];
  if (!load) throw new Error(`no layout named ${name} (have: ${Object.keys(LAYOUTS).join(", ")})`);
  return load();
}

const abis = new WeakMap<LayoutModule, WeakMap<RegisterIndex, RegisterAbi>>();

/**
 * abiOf(layout, index), computed once per layout and index: A/B runs make two machines per
 * scenario and the ABI (a map per ONE_REG id) cost more than running most scenarios.
 */
export function layoutAbi(layout: LayoutModule, index: RegisterIndex): RegisterAbi {
  let byIndex = abis.get(layout);
  if (!byIndex) abis.set(layout, (byIndex = new WeakMap()));
  let abi = byIndex.get(index);
  if (!abi) byIndex.set(index, (abi = abiOf(layout, index)));
  return abi;
}

export function layoutMachine(model: RegisterModel, layout: LayoutModule, profile?: Profile): Machine {
  const index = registerIndex(model, profile);
  const vcpu = new Vcpu(index, new LayoutState(index, layout), { el2: layout.el2 });
  return { name: layout.name, profile: profile?.name ?? DEFAULT_PROFILE, vcpu, api: new KvmApi(vcpu, layoutAbi(layout, index)), index };
}

/**
 * The reference model: state by name, every register, EL2 included. It has no
 * ABI of its own; it speaks the one it is given (the layout it is compared
 * with, or upstream Linux's for a plain run), less the registers the profile
 * hides from userspace.
 */
export function referenceMachine(model: RegisterModel, abi: RegisterAbi, profile?: Profile): Machine {
  const index = registerIndex(model, profile);
  const vcpu = new Vcpu(index, new NamedState(index), { el2: true });
  return { name: REFERENCE, profile: profile?.name ?? DEFAULT_PROFILE, vcpu, api: new KvmApi(vcpu, abiUnder(abi, index)), index };
}
