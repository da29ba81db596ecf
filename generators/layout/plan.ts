/**
 * The planner: resolve a layout spec against the register model into exact
 * C structs, enums, byte offsets, C lvalues and ONE_REG ids, as gcc lays the
 * structs out for arm64 LP64. Pure: (spec, model) -> plan + diagnostics.
 *
 * Placement happens in two passes so that selectors can say "the rest":
 * first every register named explicitly (anywhere in the layout), then the
 * selectors, in document order, each taking the matching registers nobody
 * has placed yet.
 */
import { formatPosition, type Diagnostic, type DiagnosticCode } from "../spec/diagnostics.js";
import type { Register, RegisterModel } from "../spec/model.js";
import { diagnosticAt, positionOf, type YamlPath, type YamlSource } from "../spec/yaml-source.js";
import { buildCopyPlan } from "./copy-plan.js";
import { coreRegId, regsIoctls, sysRegId } from "./one-reg.js";
import type { LayoutFieldSpec, LayoutSpecParsed, MemberSpec, SelectorSpec } from "./schema.js";
import type { CDefine, CEnum, CEnumEntry, CField, CStruct, Placement, RegisterKind, ResolvedLayout } from "./types.js";
import { UAPI_BUILTINS, type BuiltinStruct } from "./uapi-builtins.js";

const VNCR_PAGE_BYTES = 4096;

interface Ctx {
  readonly spec: LayoutSpecParsed;
  readonly source: YamlSource;
  readonly model: RegisterModel;
  readonly regs: ReadonlyMap<string, Register>;
  readonly out: Diagnostic[];
}

function report(ctx: Ctx, path: YamlPath, code: DiagnosticCode, message: string): void {
  ctx.out.push(diagnosticAt(ctx.source, path, code, message));
}

/** A register reference found in the spec, with where it was written. */
interface NamedRef {
  readonly name: string;
  readonly path: YamlPath;
}

type Section = "uapi" | "context";

function memberName(m: MemberSpec): string | undefined {
  if (typeof m === "string") return m;
  if ("register" in m) return m.register;
  return undefined;
}

/** Every register a field names explicitly (not through a selector). */
function explicitNames(f: LayoutFieldSpec, path: YamlPath, ctx: Ctx): NamedRef[] {
  if ("register" in f) return [{ name: f.register, path: [...path, "register"] }];
  if ("registers" in f) return f.registers.map((name, i) => ({ name, path: [...path, "registers", i] }));
  if ("members" in f || "vncrPage" in f) {
    const lists: [MemberSpec[], YamlPath][] =
      "vncrPage" in f
        ? [[f.vncrPage.members, [...path, "vncrPage", "members"]]]
        : [
            [f.members, [...path, "members"]],
            ...(f.vncrBlock ? [[f.vncrBlock.members, [...path, "vncrBlock", "members"]] as [MemberSpec[], YamlPath]] : []),
          ];
    return lists.flatMap(([list, p]) =>
      list.flatMap((m, i) => {
        const name = memberName(m);
        return name === undefined ? [] : [{ name, path: [...p, i] }];
      }),
    );
  }
  if ("bank" in f) {
    return Array.from({ length: Number(f.els) }, (_, el) => `${f.bank}_EL${el}`)
      .filter((n) => ctx.regs.has(n))
      .map((name) => ({ name, path: [...path, "bank"] }));
  }
  if ("type" in f && (f.type === "user_pt_regs" || f.type === "user_fpsimd_state")) {
    // SP_EL0, FPSR, FPCR: placed here when the model specifies them (a small test model may not).
    return UAPI_BUILTINS[f.type].slots
      .filter((s) => s.kind !== "core" && ctx.regs.has(s.register))
      .map((s) => ({ name: s.register, path: [...path, "type"] }));
  }
  return [];
}

function matches(r: Register, sel: SelectorSpec, counterparts: ReadonlySet<string>): boolean {
  if (sel.el !== undefined) {
    const els = (Array.isArray(sel.el) ? sel.el : [sel.el]).map(Number);
    if (!els.includes(r.el)) return false;
  }
  if (sel.class !== undefined && r.cls !== sel.class) return false;
  if (sel.vncr !== undefined && (r.vncr !== undefined) !== sel.vncr) return false;
  if (sel.counterpartOf !== undefined && counterparts.has(r.name) !== sel.counterpartOf) return false;
  return true;
}

function compareEncoding(a: Register, b: Register): number {
  const ka = a.encoding ? [a.encoding.op0, a.encoding.op1, a.encoding.crn, a.encoding.crm, a.encoding.op2] : [9];
  const kb = b.encoding ? [b.encoding.op0, b.encoding.op1, b.encoding.crn, b.encoding.crm, b.encoding.op2] : [9];
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d) return d;
  }
  return a.name < b.name ? -1 : 1;
}

/** Resolves the selectors of a member list into register names, taking from `taken`. */
function expandMembers(ctx: Ctx, list: readonly MemberSpec[], taken: Set<string>, counterparts: ReadonlySet<string>): MemberSpec[] {
  return list.flatMap((m): MemberSpec[] => {
    if (typeof m === "string" || !("select" in m)) return [m];
    const picked = ctx.model.registers.filter((r) => !taken.has(r.name) && matches(r, m.select, counterparts));
    picked.sort((a, b) =>
      m.order === "encoding" ? compareEncoding(a, b) : m.order === "vncr" ? (a.vncr ?? 1e9) - (b.vncr ?? 1e9) || (a.name < b.name ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
    for (const r of picked) taken.add(r.name);
    return picked.map((r) => r.name);
  });
}

interface StructBuild {
  readonly fields: CField[];
  size: number;
  align: number;
}

function addField(s: StructBuild, f: Omit<CField, "offset">): number {
  const offset = Math.ceil(s.size / f.align) * f.align;
  s.fields.push({ ...f, offset });
  s.size = offset + f.size;
  s.align = Math.max(s.align, f.align);
  return offset;
}

function finish(name: string, uapi: boolean, s: StructBuild): CStruct {
  return { name, uapi, size: Math.ceil(s.size / s.align) * s.align, align: s.align, fields: s.fields };
}

/** A register stored at `offset` (within its struct) by a field. */
interface Slot {
  readonly name: string;
  readonly kind: RegisterKind;
  readonly field: string;
  readonly index: number | null;
  readonly offset: number;
  readonly size: number;
  /** The member access after the struct: `.sys_regs[SCTLR_EL1]`, `.regs.sp`. */
  readonly access: string;
  readonly path: YamlPath;
}

const ELEMENT: Record<"u64" | "u32" | "u128", { cType: string; size: number }> = {
  u64: { cType: "__u64", size: 8 },
  u32: { cType: "__u32", size: 4 },
  u128: { cType: "__uint128_t", size: 16 },
};

/**
 * Lay out one struct's fields. Returns the struct and the register slots in
 * it. `kvmRegs` is the already laid out uapi struct, for a context that embeds it.
 */
function layOut(
  ctx: Ctx,
  section: Section,
  fields: readonly LayoutFieldSpec[],
  expanded: ReadonlyMap<LayoutFieldSpec, { members: MemberSpec[]; block: MemberSpec[] }>,
  kvmRegs: { struct: CStruct; slots: Slot[] } | undefined,
  enums: CEnum[],
  defines: CDefine[],
): { build: StructBuild; slots: Slot[] } {
  const build: StructBuild = { fields: [], size: 0, align: 1 };
  const slots: Slot[] = [];
  fields.forEach((f, i) => {
    const path: YamlPath = [section, "fields", i];
    const comment = f.comment === undefined ? {} : { comment: f.comment };
    if ("type" in f && !("register" in f) && !("registers" in f) && !("members" in f)) {
      if (f.type === "kvm_regs") {
        if (section === "uapi" || !kvmRegs) {
          report(ctx, [...path, "type"], "unknown-container", "struct kvm_regs cannot contain itself");
          return;
        }
        const base = addField(build, { name: f.name, cType: "struct kvm_regs", size: kvmRegs.struct.size, align: kvmRegs.struct.align, ...comment });
        for (const s of kvmRegs.slots) slots.push({ ...s, field: f.name, offset: base + s.offset, access: `.${f.name}${s.access}` });
        return;
      }
      const b: BuiltinStruct = UAPI_BUILTINS[f.type];
      const base = addField(build, { name: f.name, cType: `struct ${b.name}`, size: b.size, align: b.align, ...comment });
      for (const s of b.slots) {
        slots.push({ name: s.register, kind: s.kind, field: f.name, index: null, offset: base + s.offset, size: s.size, access: `.${f.name}.${s.path}`, path: [...path, "type"] });
      }
      return;
    }
    if ("register" in f) {
      const el = ELEMENT[f.type];
      const off = addField(build, { name: f.name, cType: el.cType, size: el.size, align: el.size, ...comment });
      slots.push(slot(ctx, f.register, f.name, null, off, el.size, `.${f.name}`, [...path, "register"]));
      return;
    }
    if ("registers" in f) {
      const el = ELEMENT[f.type];
      const n = f.registers.length;
      if (f.indexMacros && f.indexMacros.length !== n) {
        report(ctx, [...path, "indexMacros"], "bad-value", `indexMacros names ${f.indexMacros.length} indices for ${n} registers`);
      }
      const off = addField(build, {
        name: f.name,
        cType: el.cType,
        count: n,
        ...(f.countMacro ? { countExpr: f.countMacro } : {}),
        size: n * el.size,
        align: el.size,
        ...comment,
      });
      if (f.countMacro) defines.push({ name: f.countMacro, value: String(n), uapi: section === "uapi" });
      f.registers.forEach((r, k) => {
        const macro = f.indexMacros?.[k];
        if (macro) defines.push({ name: macro, value: String(k), uapi: section === "uapi" });
        slots.push(slot(ctx, r, f.name, k, off + k * el.size, el.size, `.${f.name}[${macro ?? k}]`, [...path, "registers", k]));
      });
      return;
    }
    if ("members" in f) {
      const el = ELEMENT[f.type];
      const exp = expanded.get(f) ?? { members: [], block: [] };
      const entries: CEnumEntry[] = [];
      const placedAt: { name: string; index: number; path: YamlPath }[] = [];
      exp.members.forEach((m, k) => {
        const name = typeof m === "string" ? m : "slot" in m ? m.slot : "register" in m ? m.register : "";
        entries.push({ name, value: k });
        if (typeof m === "string" || "register" in m) placedAt.push({ name, index: k, path: [...path, "members"] });
      });
      let count = exp.members.length;
      if (f.vncrBlock) {
        const start = count;
        entries.push({ name: f.vncrBlock.start, value: start });
        let last = start - 1;
        exp.block.forEach((m) => {
          const name = memberName(m);
          if (name === undefined) return;
          const r = ctx.regs.get(name);
          if (!r || r.vncr === undefined) {
            if (r) report(ctx, [...path, "vncrBlock"], "vncr-mismatch", `${name} has no VNCR offset and cannot sit in a VNCR block`);
            return;
          }
          const index = start + r.vncr / 8;
          entries.push({ name, value: index, expr: `${f.vncrBlock?.start} + (VNCR_${name} / 8)` });
          defines.push({ name: `VNCR_${name}`, value: `0x${r.vncr.toString(16)}`, uapi: false });
          placedAt.push({ name, index, path: [...path, "vncrBlock", "members"] });
          last = Math.max(last, index);
        });
        count = last + 1;
      }
      entries.sort((a, b) => a.value - b.value);
      entries.push({ name: f.countName, value: count, ...(f.vncrBlock ? { expr: String(count) } : {}) });
      enums.push({ name: f.enum, entries });
      const off = addField(build, { name: f.name, cType: el.cType, count, countExpr: f.countName, size: count * el.size, align: el.size, ...comment });
      for (const p of placedAt) slots.push(slot(ctx, p.name, f.name, p.index, off + p.index * el.size, el.size, `.${f.name}[${p.name}]`, p.path));
      return;
    }
    if ("vncrPage" in f) {
      const off = addField(build, { name: f.name, cType: "__u64", count: VNCR_PAGE_BYTES / 8, size: VNCR_PAGE_BYTES, align: 8, ...comment });
      const exp = expanded.get(f) ?? { members: [], block: [] };
      for (const m of exp.members) {
        const name = memberName(m);
        if (name === undefined) continue;
        const r = ctx.regs.get(name);
        if (!r) continue;
        if (r.vncr === undefined) {
          report(ctx, [...path, "vncrPage"], "vncr-mismatch", `${name} has no VNCR offset and cannot sit in the VNCR page`);
          continue;
        }
        defines.push({ name: `VNCR_${name}`, value: `0x${r.vncr.toString(16)}`, uapi: false });
        slots.push(slot(ctx, name, f.name, r.vncr / 8, off + r.vncr, 8, `.${f.name}[VNCR_${name} / 8]`, [...path, "vncrPage"]));
      }
      return;
    }
    if ("bank" in f) {
      const n = Number(f.els);
      const off = addField(build, { name: f.name, cType: "__u64", count: n, size: n * 8, align: 8, ...comment });
      for (let el = 0; el < n; el++) {
        const name = `${f.bank}_EL${el}`;
        if (ctx.regs.has(name)) slots.push(slot(ctx, name, f.name, el, off + el * 8, 8, `.${f.name}[${el}]`, [...path, "bank"]));
      }
      if (![0, 1, 2, 3].some((el) => ctx.regs.has(`${f.bank}_EL${el}`))) {
        report(ctx, [...path, "bank"], "unknown-container", `no register is named ${f.bank}_EL0..${f.bank}_EL${n - 1}`);
      }
      return;
    }
    if ("storage" in f) {
      const el = f.storage === "ptr" ? { cType: "void *", size: 8 } : ELEMENT[f.storage];
      let count: number | undefined;
      let countExpr: string | undefined;
      if (typeof f.count === "bigint") count = Number(f.count);
      else if (typeof f.count === "string") {
        countExpr = f.count;
        const e = enums.flatMap((x) => x.entries).find((x) => x.name === f.count);
        if (!e) {
          report(ctx, [...path, "count"], "unknown-container", `count ${f.count} is not the count of an enum declared before this field`);
          return;
        }
        count = e.value;
      }
      addField(build, {
        name: f.name,
        cType: el.cType,
        ...(count === undefined ? {} : { count }),
        ...(countExpr === undefined ? {} : { countExpr }),
        size: (count ?? 1) * el.size,
        align: el.size,
        ...comment,
      });
    }
  });
  return { build, slots };
}

function slot(ctx: Ctx, name: string, field: string, index: number | null, offset: number, size: number, access: string, path: YamlPath): Slot {
  const r = ctx.regs.get(name);
  return { name, kind: r?.cls ?? "core", field, index, offset, size, access, path };
}

/** A register fits an element when every bit above the element's width is RES0. */
const CORE_BYTES = new Map(Object.values(UAPI_BUILTINS).flatMap((b) => b.slots.filter((x) => x.kind === "core").map((x) => [x.register, x.size] as const)));

function checkWidth(ctx: Ctx, s: Slot): void {
  const r = ctx.regs.get(s.name);
  const core = CORE_BYTES.get(s.name);
  if (!r && core !== undefined && core > s.size) {
    report(ctx, s.path, "element-too-narrow", `a ${s.size * 8}-bit element cannot hold the ${core * 8}-bit core register ${s.name}`);
  }
  if (!r) return;
  const bits = s.size * 8;
  if (bits >= r.width) return;
  const above = ((1n << BigInt(r.width)) - 1n) & ~((1n << BigInt(bits)) - 1n);
  if ((above & ~r.res0.value) !== 0n) {
    report(ctx, s.path, "element-too-narrow", `a ${bits}-bit element cannot hold ${s.name}: its bits ${r.width - 1}:${bits} are not all RES0`);
  }
}

function checkVncrAt(ctx: Ctx, f: LayoutFieldSpec, path: YamlPath): void {
  const lists: [MemberSpec[], YamlPath, boolean][] = [];
  if ("vncrPage" in f) lists.push([f.vncrPage.members, [...path, "vncrPage", "members"], true]);
  if ("members" in f) {
    lists.push([f.members, [...path, "members"], false]);
    if (f.vncrBlock) lists.push([f.vncrBlock.members, [...path, "vncrBlock", "members"], true]);
  }
  for (const [list, p, vncrAllowed] of lists) {
    list.forEach((m, i) => {
      if (typeof m === "string" || !("register" in m)) return;
      if (!vncrAllowed) {
        report(ctx, [...p, i], "bad-value", `{register, at} belongs in a VNCR page or block; write ${m.register} alone here`);
        return;
      }
      const r = ctx.regs.get(m.register);
      if (!r) return;
      if (r.vncr !== Number(m.at)) {
        report(
          ctx,
          [...p, i, "at"],
          "vncr-mismatch",
          `${m.register} is at VNCR offset 0x${m.at.toString(16)} here but ${r.vncr === undefined ? "has no VNCR offset" : `at 0x${r.vncr.toString(16)}`} in its spec (${formatPosition(r.origin)})`,
        );
      }
    });
  }
}

export interface PlanResult {
  readonly layout?: ResolvedLayout;
  readonly diagnostics: Diagnostic[];
}

export function planLayout(spec: LayoutSpecParsed, source: YamlSource, model: RegisterModel): PlanResult {
  const regs = new Map(model.registers.map((r) => [r.name, r]));
  const ctx: Ctx = { spec, source, model, regs, out: [] };
  const counterparts = new Set(model.registers.flatMap((r) => (r.counterpart ? [r.counterpart] : [])));
  const coreNames = new Set(Object.values(UAPI_BUILTINS).flatMap((b) => b.slots.filter((s) => s.kind === "core").map((s) => s.register)));
  const embedsUapi = spec.context.fields.some((f) => "type" in f && f.type === "kvm_regs");

  // Pass 1: explicit names. The uapi struct is storage only when the context embeds it.
  const sections: [Section, readonly LayoutFieldSpec[]][] = [
    ["uapi", spec.uapi.fields],
    ["context", spec.context.fields],
  ];
  const stored = new Map<string, NamedRef>();
  const exposed = new Map<string, NamedRef>();
  for (const [section, fields] of sections) {
    fields.forEach((f, i) => {
      const path: YamlPath = [section, "fields", i];
      checkVncrAt(ctx, f, path);
      for (const ref of explicitNames(f, path, ctx)) {
        if (!regs.has(ref.name) && !coreNames.has(ref.name)) {
          report(ctx, ref.path, "unknown-register", `${ref.name} has no register spec`);
          continue;
        }
        const sets = section === "uapi" ? (embedsUapi ? [exposed, stored] : [exposed]) : [stored];
        for (const set of sets) {
          const first = set.get(ref.name);
          if (first && set === stored) {
            report(ctx, ref.path, "placed-twice", `${ref.name} is placed twice (also at ${formatPosition(positionOf(source, first.path))})`);
          } else if (first && set === exposed) {
            report(ctx, ref.path, "placed-twice", `${ref.name} appears twice in struct kvm_regs (also at ${formatPosition(positionOf(source, first.path))})`);
          } else set.set(ref.name, ref);
        }
      }
    });
  }

  // Pass 2: selectors, in document order, take what is left.
  const taken = new Set<string>([...stored.keys()]);
  const expanded = new Map<LayoutFieldSpec, { members: MemberSpec[]; block: MemberSpec[] }>();
  spec.context.fields.forEach((f, i) => {
    if ("members" in f) {
      const members = expandMembers(ctx, f.members, taken, counterparts);
      const block = f.vncrBlock ? expandMembers(ctx, f.vncrBlock.members, taken, counterparts) : [];
      expanded.set(f, { members, block });
      for (const n of [...members, ...block].map(memberName)) {
        if (n && !stored.has(n)) stored.set(n, { name: n, path: ["context", "fields", i] });
      }
    } else if ("vncrPage" in f) {
      const members = expandMembers(ctx, f.vncrPage.members, taken, counterparts);
      expanded.set(f, { members, block: [] });
      for (const n of members.map(memberName)) if (n && !stored.has(n)) stored.set(n, { name: n, path: ["context", "fields", i] });
    }
  });

  if (spec.stores === "all") {
    for (const r of model.registers) {
      if (!stored.has(r.name)) report(ctx, ["stores"], "placed-nowhere", `${r.name} is placed nowhere (stores: all)`);
    }
  }
  for (const [name, ref] of exposed) {
    if (!stored.has(name) && !coreNames.has(name)) {
      report(ctx, ref.path, "uapi-not-stored", `${name} is in struct kvm_regs but kvm_cpu_context stores it nowhere`);
    }
  }

  // Lay out kvm_regs, then kvm_cpu_context.
  const enums: CEnum[] = [];
  const defines: CDefine[] = [];
  const uapi = layOut(ctx, "uapi", spec.uapi.fields, expanded, undefined, enums, defines);
  const kvmRegs = finish("kvm_regs", true, uapi.build);
  const context = layOut(ctx, "context", spec.context.fields, expanded, { struct: kvmRegs, slots: uapi.slots }, enums, defines);
  const cpuContext = finish("kvm_cpu_context", false, context.build);
  for (const s of [...uapi.slots, ...context.slots]) checkWidth(ctx, s);

  const cNames = new Map<string, string>();
  for (const e of enums) {
    for (const entry of e.entries) {
      const other = cNames.get(entry.name);
      if (other) report(ctx, ["context"], "duplicate-c-name", `enum constant ${entry.name} is defined in both enum ${other} and enum ${e.name}`);
      else cNames.set(entry.name, e.name);
    }
  }

  const hidden = new Set<string>();
  for (const h of spec.oneReg?.hide ?? []) {
    if (typeof h === "string") hidden.add(h);
    else for (const r of model.registers) if (matches(r, h.select, counterparts)) hidden.add(r.name);
  }
  const overrides = new Map(Object.entries(spec.oneReg?.overrides ?? {}).map(([k, v]) => [k, BigInt(v)]));
  for (const name of overrides.keys()) {
    if (!regs.has(name)) report(ctx, ["oneReg", "overrides", name], "unknown-register", `${name} has no register spec`);
  }

  const uapiOffsets = new Map(uapi.slots.map((s) => [s.name, s]));
  const placements: Placement[] = context.slots.map((s) => {
    const r = regs.get(s.name);
    const u = uapiOffsets.get(s.name);
    let oneReg: bigint | null = null;
    if (u) oneReg = coreRegId(u.offset, u.size);
    else if (r?.encoding && !hidden.has(s.name)) oneReg = sysRegId(r.encoding);
    if (overrides.has(s.name)) oneReg = overrides.get(s.name) ?? null;
    return {
      name: s.name,
      kind: s.kind,
      container: s.field,
      index: s.index,
      offset: s.offset,
      size: s.size,
      cExpr: `ctxt->${s.access.slice(1)}`,
      oneReg,
      uapiOffset: u ? u.offset : null,
    };
  });
  placements.sort((a, b) => a.offset - b.offset || (a.name < b.name ? -1 : 1));

  if (ctx.out.length > 0) return { diagnostics: ctx.out };
  const byName = new Map(placements.map((p) => [p.name, p]));
  return {
    diagnostics: [],
    layout: {
      name: spec.name,
      title: spec.title,
      description: spec.description,
      el2: spec.el2,
      source: spec.source,
      structs: [cpuContext, kvmRegs, ...(["user_pt_regs", "user_fpsimd_state"] as const).map((n) => stripSlots(UAPI_BUILTINS[n]))],
      enums,
      defines: dedupeDefines(defines),
      registers: placements,
      ioctls: regsIoctls(kvmRegs.size),
      copyPlan: buildCopyPlan(model, byName),
    },
  };
}

function stripSlots(b: BuiltinStruct): CStruct {
  return { name: b.name, uapi: b.uapi, size: b.size, align: b.align, fields: b.fields };
}

function dedupeDefines(ds: readonly CDefine[]): CDefine[] {
  const seen = new Map<string, CDefine>();
  for (const d of ds) if (!seen.has(d.name)) seen.set(d.name, d);
  return [...seen.values()];
}
