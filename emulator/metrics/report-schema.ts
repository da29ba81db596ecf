/**
 * What `reglab metrics --json` prints, as zod schemas: the documented format
 * (README "Metrics"), checked by the tests against a real report, written as
 * JSON Schema to specs/schema/metrics.schema.json by `reglab schema`, and
 * the input of the docs' layout and comparison pages.
 *
 * Everything a reviewer weighs when choosing a layout, per layout:
 * - `state`: sizeof(struct kvm_cpu_context) and the padding gcc inserts in it
 *   (nested structs included), from the planner's structs (gcc checks every
 *   offset and size in check.c);
 * - `abi`: what changes for userspace against `baseline-2017` (Linux v4.12):
 *   ONE_REG ids added, removed and changed, sizeof(struct kvm_regs) and the
 *   KVM_GET_REGS/KVM_SET_REGS ioctl numbers that encode it;
 * - `workloads`: the nested world switch measured by running the bundled
 *   standard workloads (specs/workloads/*.scn) on the emulator with this layout:
 *   per nested entry and per nested exit, registers and bytes copied, copy runs
 *   (memcpy calls) and distinct 64-byte cache lines of the context touched;
 * - `rank` and `verdict`: one line a reviewer can quote.
 */
import { z } from "zod";

const Count = z.number().int().nonnegative();
const Hex = z.string().regex(/^0x[0-9a-f]+$/);

/** What one nested entry (virtual EL2 -> EL1/EL0) or exit (back) copies, averaged over the workload. */
export const SwitchCost = z.strictObject({
  registers: z.number().nonnegative(),
  bytes: z.number().nonnegative(),
  copyRuns: z.number().nonnegative(),
  cacheLines: z.number().nonnegative(),
});

export const WorkloadMetrics = z.strictObject({
  /** The workload's file name under specs/workloads/. */
  workload: z.string(),
  /** HCR_EL2.E2H of the guest hypervisor while it runs the nested guest. */
  e2h: z.union([z.literal(0), z.literal(1)]),
  entries: Count,
  exits: Count,
  /** Exceptions taken to (virtual) EL2 and system register accesses trapped there. */
  exceptions: Count,
  traps: Count,
  /** `expect` steps of the workload that failed on this layout: 0 unless the layout misbehaves. */
  failures: Count,
  perEntry: SwitchCost,
  perExit: SwitchCost,
});

export const AbiChange = z.strictObject({
  register: z.string(),
  /** ONE_REG id in baseline-2017 (null: not exposed there). */
  baseline: Hex.nullable(),
  /** ONE_REG id in this layout (null: not exposed). */
  layout: Hex.nullable(),
});

export const LayoutMetrics = z.strictObject({
  layout: z.string(),
  title: z.string(),
  /** Whether the layout keeps virtual EL2 state at all. */
  el2: z.boolean(),
  state: z.strictObject({
    /** sizeof(struct kvm_cpu_context). */
    bytes: Count,
    /** Bytes of it that no member occupies: holes before aligned members and tail padding, nested structs included. */
    padding: Count,
    /** Per struct: its size and its own padding (not counting nested structs'). */
    structs: z.array(z.strictObject({ name: z.string(), size: Count, padding: Count })),
  }),
  abi: z.strictObject({
    oneRegIds: Count,
    added: z.array(AbiChange),
    removed: z.array(AbiChange),
    changed: z.array(AbiChange),
    kvmRegsSize: Count,
    baselineKvmRegsSize: Count,
    ioctls: z.strictObject({ KVM_GET_REGS: Hex, KVM_SET_REGS: Hex }),
    ioctlsChanged: z.boolean(),
    /** Userspace built against v4.12 keeps working: no id removed or changed, struct kvm_regs and the ioctls unchanged. */
    compatible: z.boolean(),
    /** Why (not), in one clause. */
    why: z.string(),
  }),
  /** One entry per workload, in file order; empty for a layout without EL2 state (it cannot run them). */
  workloads: z.array(WorkloadMetrics),
  /** Cost rank among the layouts with EL2 state (1 = cheapest; see `rankedBy`), null without EL2 state. */
  rank: z.number().int().positive().nullable(),
  verdict: z.string(),
});

export const MetricsReport = z
  .strictObject({
    baseline: z.string(),
    /** How `rank` orders layouts, in words. */
    rankedBy: z.string(),
    workloads: z.array(z.strictObject({ workload: z.string(), title: z.string(), e2h: z.union([z.literal(0), z.literal(1)]) })),
    layouts: z.array(LayoutMetrics),
  })
  .meta({ title: "reglab metrics --json report", description: "Per-layout costs and ABI changes against baseline-2017; see the README, 'Metrics'." });

export type SwitchCost = z.infer<typeof SwitchCost>;
export type WorkloadMetrics = z.infer<typeof WorkloadMetrics>;
export type AbiChange = z.infer<typeof AbiChange>;
export type LayoutMetrics = z.infer<typeof LayoutMetrics>;
export type MetricsReport = z.infer<typeof MetricsReport>;
