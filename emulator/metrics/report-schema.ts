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
 * - `workloads[].hosts`: what the guest hypervisor's instructions cost the
 *   host under each host profile measured (default v8.3-nv: FEAT_NV, and
 *   v8.4-nv2: FEAT_NV2; a profile without FEAT_NV runs a paravirtualized
 *   guest hypervisor), per nested exit: traps to the host and VNCR page
 *   accesses, classified by emulator/nested/trap-model.ts, plus the copies.
 *   A nested exit is the host's view of one exit, as the NEVE paper (SOSP
 *   2017) counts "traps per exit": from the nested guest's exception to
 *   virtual EL2 (one trap) up to and including the ERET that re-enters the
 *   nested guest; an exit without a re-entry (the workload's last) is left
 *   out; `nvToNv2TrapRatio` is traps(FEAT_NV host) / traps(FEAT_NV2 host);
 * - `vncrPageSync`: the copies between the FEAT_NV2 VNCR page and the
 *   layout's storage per nested entry and again per exit, 0 when the layout
 *   keeps its VNCR-mapped registers as the page (emulator/metrics/host-cost.ts);
 * - `rank` and `verdict`: one line a reviewer can quote.
 * Everything after `perExit`, `vncrPageSync` and `hosts` was added later:
 * no field of the earlier format was renamed.
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

/** One host profile's cost of the guest hypervisor, averaged per nested exit (see the header). */
export const HostCost = z.strictObject({
  /** The host's CPU profile (specs/profiles). */
  profile: z.string(),
  /** How the host runs the guest hypervisor: FEAT_NV2, FEAT_NV only, or no FEAT_NV (paravirtualized guest hypervisor). */
  mode: z.enum(["nv2", "nv", "paravirt"]),
  /** Nested exits measured: exits followed by the ERET that re-enters the nested guest (0: the workload cannot run on a vCPU of this profile, e.g. a VHE guest hypervisor on v8.0). */
  nestedExits: Count,
  /** `expect` steps of the workload that failed on a vCPU of this profile (the emulator runs the workload with the host's profile). */
  failures: Count,
  /** Exceptions taken to the host per nested exit: the exit itself, trapped MRS/MSR, ERET, HVC (paravirtualized ones included). */
  traps: z.number().nonnegative(),
  /** Loads and stores at VNCR_EL2 + offset per nested exit (FEAT_NV2 only). */
  vncrAccesses: z.number().nonnegative(),
  /** The world switch copies of a round trip (perEntry + perExit of this run). */
  worldSwitch: SwitchCost,
  /** The layout's VNCR page sync of a round trip (entry + exit); zero unless the host has FEAT_NV2. */
  pageSync: SwitchCost,
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
  /** Per host profile measured, in the report's `hosts` order. */
  hosts: z.array(HostCost),
  /** traps per nested exit with FEAT_NV over those with FEAT_NV2 (to 1/100); null unless both hosts were measured. */
  nvToNv2TrapRatio: z.number().nonnegative().nullable(),
});

/** What keeping the VNCR page and the layout's own storage in step costs under FEAT_NV2. */
export const PageSync = z.strictObject({
  /** VNCR-mapped registers the layout stores. */
  registers: Count,
  /** offset(r) - vncr(r) is one constant over them: the page can be the storage (KVM's vncr_array), nothing is copied. */
  pageOrdered: z.boolean(),
  /** Copies per nested entry (page -> storage), and again per nested exit (storage -> page). */
  perSwitch: SwitchCost,
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
  /** The FEAT_NV2 VNCR page sync this layout needs (null without EL2 state). */
  vncrPageSync: PageSync.nullable(),
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
    /** The host profiles measured (`--profile`; default v8.3-nv and v8.4-nv2), in order. */
    hosts: z.array(z.strictObject({ profile: z.string(), title: z.string(), mode: z.enum(["nv2", "nv", "paravirt"]) })),
    layouts: z.array(LayoutMetrics),
  })
  .meta({ title: "reglab metrics --json report", description: "Per-layout costs and ABI changes against baseline-2017; see the README, 'Metrics'." });

export type SwitchCost = z.infer<typeof SwitchCost>;
export type HostCost = z.infer<typeof HostCost>;
export type PageSync = z.infer<typeof PageSync>;
export type WorkloadMetrics = z.infer<typeof WorkloadMetrics>;
export type AbiChange = z.infer<typeof AbiChange>;
export type LayoutMetrics = z.infer<typeof LayoutMetrics>;
export type MetricsReport = z.infer<typeof MetricsReport>;
