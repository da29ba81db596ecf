/**
 * A runnable vCPU: the core, its storage and the userspace API, for a layout
 * (found through the generated registry, never imported by name) or for the
 * layout-free reference model.
 */
import { LAYOUTS } from "../generated/layouts.js";
import type { RegisterModel } from "../generators/spec/model.js";
import { abiOf, KvmApi, type RegisterAbi } from "./kvm-api.js";
import type { LayoutModule } from "./layout-module.js";
import { LayoutState } from "./layout-state.js";
import { NamedState } from "./reference-state.js";
import { RegisterIndex } from "./register-index.js";
import { Vcpu } from "./vcpu.js";

export interface Machine {
  /** The layout's name, or "reference". */
  readonly name: string;
  readonly vcpu: Vcpu;
  readonly api: KvmApi;
  readonly index: RegisterIndex;
}

export const REFERENCE = "reference";

const indexes = new WeakMap<RegisterModel, RegisterIndex>();

export function registerIndex(model: RegisterModel): RegisterIndex {
  let i = indexes.get(model);
  if (!i) indexes.set(model, (i = new RegisterIndex(model)));
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

export function layoutMachine(model: RegisterModel, layout: LayoutModule): Machine {
  const index = registerIndex(model);
  const vcpu = new Vcpu(index, new LayoutState(index, layout), { el2: layout.el2 });
  return { name: layout.name, vcpu, api: new KvmApi(vcpu, abiOf(layout, index)), index };
}

/**
 * The reference model: state by name, every register, EL2 included. It has no
 * ABI of its own; it speaks the one it is given (the layout it is compared
 * with, or upstream Linux's for a plain run).
 */
export function referenceMachine(model: RegisterModel, abi: RegisterAbi): Machine {
  const index = registerIndex(model);
  const vcpu = new Vcpu(index, new NamedState(index), { el2: true });
  return { name: REFERENCE, vcpu, api: new KvmApi(vcpu, abi), index };
}
