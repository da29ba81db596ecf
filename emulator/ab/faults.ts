/**
 * Faults planted in a layout on purpose, to prove that A/B runs can fail:
 * `reglab ab A B --plant KIND:REGISTER` runs layout A with the fault. Kinds:
 * - `copy-plan:R`   R is left out of every world-switch copy run;
 * - `offset:R`      R shares the context offset of the register before it in the context;
 * - `one-reg:R`     R's ONE_REG id is swapped with that of the register after it (by name).
 */
import type { LayoutModule } from "../layout-module.js";

export const FAULT_KINDS = ["copy-plan", "offset", "one-reg"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function parseFault(text: string): { kind: FaultKind; register: string } {
  const [kind, register] = text.split(":");
  if (!FAULT_KINDS.includes(kind as FaultKind) || !register) {
    throw new Error(`--plant takes KIND:REGISTER with KIND one of ${FAULT_KINDS.join(", ")} (got '${text}')`);
  }
  return { kind: kind as FaultKind, register };
}

export function plantFault(l: LayoutModule, kind: FaultKind, register: string): LayoutModule {
  const i = l.registers.indexOf(register);
  if (i < 0) throw new Error(`layout ${l.name} stores no ${register}`);
  const offsets = Int32Array.from(l.offsets);
  const oneRegIds = [...l.oneRegIds];
  const copyPlan = structuredClone(l.copyPlan) as { -readonly [K in keyof LayoutModule["copyPlan"]]: LayoutModule["copyPlan"][K] };
  if (kind === "copy-plan") {
    for (const e2h of [copyPlan.e2h0, copyPlan.e2h1]) {
      for (const phase of [e2h.entry, e2h.exit]) {
        for (const run of phase.runs) {
          const kept = run.registers.filter((r) => r !== i);
          (run.registers as number[]).splice(0, run.registers.length, ...kept);
        }
      }
    }
  } else if (kind === "offset") {
    const own = l.offsets[i] ?? 0;
    let below = -1;
    l.offsets.forEach((o, k) => {
      if (o < own && (l.sizes[k] ?? 0) === (l.sizes[i] ?? 0) && (below < 0 || o > (l.offsets[below] ?? 0))) below = k;
    });
    if (below < 0) throw new Error(`${register} has no register before it to share an offset with`);
    offsets[i] = l.offsets[below] ?? 0;
  } else {
    const j = oneRegIds.findIndex((id, k) => k > i && id !== null);
    if (j < 0 || oneRegIds[i] === null) throw new Error(`${register} has no ONE_REG id to swap`);
    [oneRegIds[i], oneRegIds[j]] = [oneRegIds[j] ?? null, oneRegIds[i] ?? null];
  }
  return { ...l, name: `${l.name}+${kind}:${register}`, offsets, oneRegIds, copyPlan };
}
