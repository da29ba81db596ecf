/**
 * Every emitter, by the file it writes. A static table, not a loader that
 * guesses names: adding an output means adding a line here.
 */
import { emitCheckC, emitKvmHostH, emitKvmUapiH } from "./emit-c.js";
import { emitLayoutTs } from "./emit-layout-ts.js";
import { emitManifest } from "./emit-manifest.js";
import type { Emitter } from "./emitter.js";

export const EMITTERS = {
  "kvm_host.h": emitKvmHostH,
  "kvm_uapi.h": emitKvmUapiH,
  "check.c": emitCheckC,
  "layout.ts": emitLayoutTs,
  "layout.json": emitManifest,
} as const satisfies Record<string, Emitter>;

export type EmitterName = keyof typeof EMITTERS;
