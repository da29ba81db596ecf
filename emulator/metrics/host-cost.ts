/**
 * What the guest hypervisor's instructions cost on the host: traps to the
 * host and VNCR page accesses per nested exit, classified by the trap model
 * (emulator/nested/trap-model.ts, never a second classifier) for the host
 * features of a CPU profile, and the copies a layout needs to keep the
 * FEAT_NV2 VNCR page and its own storage in step.
 *
 * A nested exit, as the host sees it (the NEVE paper's "traps per exit"):
 * from the nested guest's exception to virtual EL2 (itself one trap to the
 * host, which injects it) up to and including the guest hypervisor's ERET
 * that re-enters the nested guest. An exit the workload ends in, without a
 * re-entry, is left out of the averages; so is the guest hypervisor's work
 * before the first exit (its boot).
 *
 * The VNCR page sync rule. With FEAT_NV2 the guest hypervisor's accesses to
 * VNCR-mapped registers are loads and stores at VNCR_EL2.BADDR + offset: the
 * page in memory holds those registers while it runs. Upstream KVM makes the
 * page part of the vCPU's storage: arch/arm64/include/asm/kvm_host.h numbers
 * the VNCR-mapped registers of `enum vcpu_sysreg` after `__VNCR_START__` as
 * `__VNCR_START__ + offset / 8` (the VNCR() macro), and `__ctxt_sys_reg()` /
 * `ctxt_sys_reg()` return `&ctxt->vncr_array[r - __VNCR_START__]` for them,
 * so the page is a window onto sys_regs and nothing is copied; the page is
 * allocated by arch/arm64/kvm/nested.c `kvm_vcpu_init_nested()`
 * (`vcpu->arch.ctxt.vncr_array = __get_free_page(...)`) and handed to the
 * hardware as VNCR_EL2 by `__compute_hcr()` (hyp/vhe/switch.c,
 * `write_sysreg_s(vcpu->arch.ctxt.vncr_array, SYS_VNCR_EL2)`). A layout
 * whose VNCR-mapped registers are NOT laid out as the page -- offset(r) -
 * vncr(r) is not one constant over every VNCR-mapped register r it stores --
 * cannot point VNCR_EL2 at its storage: it must copy its VNCR-mapped
 * registers from the page into its storage on each nested entry (the guest
 * hypervisor's writes, before the host loads the nested guest) and back on
 * each nested exit (before the guest hypervisor reads them). Its cost per
 * direction is that of the copy plan (generators/layout/copy-plan.ts
 * copyPhase()): bytes, runs, distinct 64-byte cache lines of the context;
 * a run is registers contiguous in the context *and* on the page, i.e.
 * contiguous within one group of equal offset(r) - vncr(r).
 */
import { copyPhase } from "../../generators/layout/copy-plan.js";
import type { CopyMove, ResolvedLayout } from "../../generators/layout/types.js";
import type { Profile } from "../../generators/profile/model.js";
import type { RegisterModel } from "../../generators/spec/model.js";
import { hostMode, type HostMode } from "../nested/trap-model.js";
import type { PageSync, SwitchCost } from "./report-schema.js";

/** The hosts `reglab metrics` compares when none is named: FEAT_NV and FEAT_NV2. */
export const DEFAULT_HOST_PROFILES: readonly string[] = ["v8.3-nv", "v8.4-nv2"];

export function modeOf(profile: Profile): HostMode {
  return hostMode(profile.features);
}

export const ZERO_COST: SwitchCost = { registers: 0, bytes: 0, copyRuns: 0, cacheLines: 0 };

/** The VNCR page sync of `layout`, per direction (see the rule above). */
export function vncrPageSync(model: RegisterModel, layout: ResolvedLayout): PageSync {
  const vncr = new Map(model.registers.filter((r) => r.vncr !== undefined).map((r) => [r.name, r.vncr as number]));
  const mapped = layout.registers.filter((p) => vncr.has(p.name));
  const delta = (name: string, offset: number) => offset - (vncr.get(name) ?? 0);
  const deltas = new Set(mapped.map((p) => delta(p.name, p.offset)));
  const pageOrdered = deltas.size <= 1;
  if (pageOrdered) return { registers: mapped.length, pageOrdered, perSwitch: ZERO_COST };
  const move = (p: (typeof mapped)[number]): CopyMove => ({ kind: "load", register: p.name, physical: p.name, offset: p.offset, size: p.size, translate: false });
  const all = copyPhase(mapped.map(move));
  // Runs: contiguous in the context within one offset - vncr group (then contiguous on the page too).
  const runs = [...deltas].reduce((n, d) => n + copyPhase(mapped.filter((p) => delta(p.name, p.offset) === d).map(move)).runs.length, 0);
  return { registers: mapped.length, pageOrdered, perSwitch: { registers: all.moves.length, bytes: all.bytes, copyRuns: runs, cacheLines: all.cacheLines } };
}

/** Per nested exit (a round trip): entry + exit of a switch cost. */
export function roundTrip(a: SwitchCost, b: SwitchCost): SwitchCost {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { registers: r(a.registers + b.registers), bytes: r(a.bytes + b.bytes), copyRuns: r(a.copyRuns + b.copyRuns), cacheLines: r(a.cacheLines + b.cacheLines) };
}

/** traps(FEAT_NV host) / traps(FEAT_NV2 host), to 1/100; null without both hosts or with no NV2 trap. */
export function trapRatio(hosts: readonly { mode: HostMode; traps: number }[]): number | null {
  const nv = hosts.find((h) => h.mode === "nv");
  const nv2 = hosts.find((h) => h.mode === "nv2");
  if (!nv || !nv2 || nv2.traps === 0) return null;
  return Math.round((nv.traps / nv2.traps) * 100) / 100;
}
