/**
 * View models for the C templates (kvm_uapi.h, kvm_host.h, check.c): every
 * decision about what to print is made here, in TypeScript, and each view is
 * checked against a zod schema before a template sees it. The templates only
 * loop ({{#each}}) and test ({{#if}}); a field missing from a view would make
 * handlebars print nothing, so the schemas are strict and nothing is optional.
 */
import { z } from "zod";
import { oneRegHex } from "../layout/one-reg.js";
import type { CField, CStruct, Placement, ResolvedLayout } from "../layout/types.js";
import { UAPI_BUILTINS } from "../layout/uapi-builtins.js";
import type { RegisterModel } from "../spec/model.js";
import { GENERATED_BY } from "./emitter.js";

// ---------------------------------------------------------------- schemas

const Ident = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a C identifier");
/** Text inside a C comment: one line, no comment delimiters (-Wcomment is in -Wall). */
const CommentText = z
  .string()
  .regex(/^[^\n]*$/, "a comment must be one line")
  .refine((s) => !s.includes("*/") && !s.includes("/*"), "a comment cannot contain /* or */");
/** Text inside a C string literal. */
const CStringText = z.string().regex(/^[^"\\\n]*$/, 'a C string cannot hold ", \\ or a newline');
/** A member designator as offsetof() takes it: `sys_regs[SCTLR_EL1]`, `gp_regs.regs.regs[3]`. */
const Member = z.string().regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[[A-Za-z0-9_ /+*()]+\])*$/, "not a member designator");
/** A C declaration without its `;`: `__u64 sys_regs[NR_SYS_REGS]`, `void *vncr_array`. */
const Decl = z.string().regex(/^(struct [A-Za-z_]\w* |__u(32|64) |__uint128_t |void \*)[A-Za-z_]\w*(\[[A-Za-z0-9_]+\])?$/, "not a member declaration");
const CNumber = z.string().regex(/^(0x[0-9a-f]+|[0-9]+)(U|ULL)?$/, "not a C integer literal");
const Count = z.number().int().nonnegative();

const Banner = {
  generatedBy: z.literal(GENERATED_BY),
  layout: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: CommentText,
};

const Define = z.strictObject({ name: Ident, value: z.string().regex(/^[^\n]+$/), comment: CommentText.nullable() });

const StructView = z.strictObject({
  name: Ident,
  size: Count,
  align: Count,
  fields: z.array(z.strictObject({ decl: Decl, comment: CommentText.nullable() })).min(1),
});

export const UapiView = z.strictObject({
  ...Banner,
  guard: Ident,
  defines: z.array(Define),
  builtinGuard: Ident,
  builtins: z.array(StructView),
  structs: z.array(StructView).min(1),
  ioctls: z.array(Define).length(2),
  oneRegs: z.array(Define),
});
export type UapiView = z.infer<typeof UapiView>;

export const HostView = z.strictObject({
  ...Banner,
  description: z.array(CommentText),
  sources: z.array(CommentText),
  guard: Ident,
  uapiHeader: z.literal("kvm_uapi.h"),
  defines: z.array(Define),
  enums: z.array(
    z.strictObject({
      name: Ident,
      entries: z.array(z.strictObject({ text: z.string().regex(/^[A-Za-z_]\w*( = [A-Za-z0-9_ ()/+*]+)?$/), comment: CommentText.nullable() })).min(1),
    }),
  ),
  structs: z.array(StructView).min(1),
  accessors: z.array(z.strictObject({ name: Ident, params: z.string().regex(/^[a-z]+(, [a-z]+)*$/), body: z.string().regex(/^\(.*\)$/) })),
  containers: z.array(z.strictObject({ heading: CommentText, rows: z.array(CommentText).min(2) })),
});
export type HostView = z.infer<typeof HostView>;

const Assert = z.strictObject({ member: Member, value: Count, message: CStringText });

export const CheckView = z.strictObject({
  ...Banner,
  host: z.literal("kvm_host.h"),
  structs: z.array(
    z.strictObject({
      name: Ident,
      size: Count,
      align: Count,
      fields: z.array(z.strictObject({ offset: Assert, size: Assert })).min(1),
    }),
  ),
  enumValues: z.array(z.strictObject({ name: Ident, value: Count, message: CStringText })),
  registers: z.array(z.strictObject({ offset: Assert, size: Assert })).min(1),
  uapiRegisters: z.array(Assert),
  coreIds: z.array(z.strictObject({ macro: Ident, member: Member, message: CStringText })),
  ioctls: z.array(z.strictObject({ macro: Ident, ioc: z.enum(["_IOR", "_IOW"]), nr: CNumber, value: CNumber, message: CStringText })).length(2),
  accessors: z.array(z.strictObject({ fn: Ident, macro: Ident, register: Ident })),
});
export type CheckView = z.infer<typeof CheckView>;

/** Parse a view, or throw one error listing every problem (path: message). */
export function validated<S extends z.ZodType>(what: string, layout: string, schema: S, view: z.input<S>): z.output<S> {
  const r = schema.safeParse(view);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`${what} for layout ${layout}: the view model is invalid:\n${lines.join("\n")}`);
}

// ---------------------------------------------------------------- shared pieces

/** A problem found while building a view; all are thrown together. */
class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  throwIfAny(what: string, layout: string): void {
    if (this.list.length) throw new Error(`${what} for layout ${layout}:\n${this.list.map((m) => `  ${m}`).join("\n")}`);
  }
}

const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.keys(UAPI_BUILTINS));
export const CONTEXT_STRUCT = "kvm_cpu_context";
export const UAPI_STRUCT = "kvm_regs";

function banner(layout: ResolvedLayout): { generatedBy: typeof GENERATED_BY; layout: string; title: string } {
  return { generatedBy: GENERATED_BY, layout: layout.name, title: layout.title };
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function structType(cType: string): string | undefined {
  return /^struct ([A-Za-z_]\w*)$/.exec(cType)?.[1];
}

function declOf(f: CField): string {
  const dims = f.count === undefined ? "" : `[${f.countExpr ?? f.count}]`;
  return `${f.cType}${f.cType.endsWith("*") ? "" : " "}${f.name}${dims}`;
}

function structView(s: CStruct): z.input<typeof StructView> {
  return { name: s.name, size: s.size, align: s.align, fields: s.fields.map((f) => ({ decl: declOf(f), comment: f.comment ?? null })) };
}

/** `structs` ordered so that every struct comes after the structs it embeds (stable otherwise). */
function dependencyOrder(structs: readonly CStruct[], problems: Problems): CStruct[] {
  const byName = new Map(structs.map((s) => [s.name, s]));
  const out: CStruct[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (s: CStruct): void => {
    const st = state.get(s.name);
    if (st === "done") return;
    if (st === "visiting") {
      problems.add(`struct ${s.name} contains itself`);
      return;
    }
    state.set(s.name, "visiting");
    for (const f of s.fields) {
      const dep = structType(f.cType);
      const d = dep === undefined ? undefined : byName.get(dep);
      if (d) visit(d);
    }
    state.set(s.name, "done");
    out.push(s);
  };
  structs.forEach(visit);
  return out;
}

/** The struct types each struct needs defined before it: present in `available`, or a problem. */
function checkStructDeps(structs: readonly CStruct[], available: ReadonlySet<string>, problems: Problems): void {
  for (const s of structs) {
    for (const f of s.fields) {
      const dep = structType(f.cType);
      if (dep !== undefined && !available.has(dep)) problems.add(`struct ${s.name}.${f.name} has type struct ${dep}, which no generated header defines`);
    }
  }
}

/** The member designator of a placement: its cExpr without `ctxt->`. */
export function contextMember(p: Placement): string {
  return p.cExpr.startsWith("ctxt->") ? p.cExpr.slice("ctxt->".length) : p.cExpr;
}

/**
 * The member of `s` that starts at `offset` and is `size` bytes wide, as an
 * offsetof() designator (`fp_regs.fpsr`, `spsr[1]`), found from the struct
 * layouts; undefined when no member fits exactly.
 */
export function memberAt(structs: ReadonlyMap<string, CStruct>, s: CStruct, offset: number, size: number): string | undefined {
  for (const f of s.fields) {
    if (offset < f.offset || offset >= f.offset + f.size) continue;
    let rel = offset - f.offset;
    let path = f.name;
    let elemSize = f.size;
    if (f.count !== undefined && f.count > 0) {
      elemSize = f.size / f.count;
      const index = Math.floor(rel / elemSize);
      path += `[${index}]`;
      rel -= index * elemSize;
    }
    const inner = structType(f.cType);
    const innerStruct = inner === undefined ? undefined : structs.get(inner);
    if (innerStruct) {
      const rest = memberAt(structs, innerStruct, rel, size);
      return rest === undefined ? undefined : `${path}.${rest}`;
    }
    return rel === 0 && elemSize === size ? path : undefined;
  }
  return undefined;
}

function oneRegMacro(name: string): string {
  return `REGLAB_ONE_REG_${name}`;
}

/** How Linux spells a ONE_REG id (for the comment beside the number). */
function oneRegSpelling(id: bigint, uapiMember: string | undefined): string {
  const coproc = (id >> 16n) & 0xfffn;
  if (coproc === 0x13n) {
    const f = (shift: bigint, bits: bigint): bigint => (id >> shift) & ((1n << bits) - 1n);
    return `ARM64_SYS_REG(${f(14n, 2n)}, ${f(11n, 3n)}, ${f(7n, 4n)}, ${f(3n, 4n)}, ${f(0n, 3n)})`;
  }
  if (coproc === 0x10n && uapiMember !== undefined) return `KVM_REG_ARM_CORE_REG(${uapiMember})`;
  return `KVM_REG_ARM64 coproc 0x${coproc.toString(16)}`;
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, "0")}U`;
}

function structsOf(layout: ResolvedLayout, problems: Problems): { context: CStruct | undefined; kvmRegs: CStruct | undefined; byName: Map<string, CStruct> } {
  const byName = new Map<string, CStruct>();
  for (const s of layout.structs) {
    if (byName.has(s.name)) problems.add(`struct ${s.name} is defined twice`);
    byName.set(s.name, s);
  }
  const context = byName.get(CONTEXT_STRUCT);
  const kvmRegs = byName.get(UAPI_STRUCT);
  if (!context || context.uapi) problems.add(`the layout has no kernel struct ${CONTEXT_STRUCT}`);
  if (!kvmRegs || !kvmRegs.uapi) problems.add(`the layout has no uapi struct ${UAPI_STRUCT}`);
  return { context, kvmRegs, byName };
}

/** The kvm_regs member of every register KVM_GET_REGS carries. */
function uapiMembers(layout: ResolvedLayout, problems: Problems): Map<string, string> {
  const { kvmRegs, byName } = structsOf(layout, new Problems());
  const out = new Map<string, string>();
  if (!kvmRegs) return out;
  for (const p of layout.registers) {
    if (p.uapiOffset === null) continue;
    const m = memberAt(byName, kvmRegs, p.uapiOffset, p.size);
    if (m === undefined) problems.add(`${p.name}: no ${p.size}-byte member of struct ${UAPI_STRUCT} starts at its uapiOffset ${p.uapiOffset}`);
    else out.set(p.name, m);
  }
  return out;
}

// ---------------------------------------------------------------- kvm_uapi.h

export function uapiView(layout: ResolvedLayout): UapiView {
  const problems = new Problems();
  structsOf(layout, problems);
  const uapiStructs = layout.structs.filter((s) => s.uapi);
  const ordered = dependencyOrder(uapiStructs, problems);
  checkStructDeps(uapiStructs, new Set(uapiStructs.map((s) => s.name)), problems);
  const members = uapiMembers(layout, problems);

  const exposed = layout.registers.filter((p): p is Placement & { oneReg: bigint } => p.oneReg !== null);
  const core = exposed.filter((p) => p.uapiOffset !== null).sort((a, b) => (a.uapiOffset ?? 0) - (b.uapiOffset ?? 0));
  const rest = exposed.filter((p) => p.uapiOffset === null).sort((a, b) => (a.oneReg < b.oneReg ? -1 : a.oneReg > b.oneReg ? 1 : 0));
  const seen = new Map<string, string>();
  const oneRegs = [...core, ...rest].map((p) => {
    if (p.oneReg < 0n || p.oneReg >= 1n << 64n) problems.add(`${p.name}: ONE_REG id ${p.oneReg} does not fit 64 bits`);
    const hex = oneRegHex(p.oneReg);
    const other = seen.get(hex);
    if (other) problems.add(`${p.name} and ${other} have the same ONE_REG id ${hex}`);
    seen.set(hex, p.name);
    return { name: oneRegMacro(p.name), value: `${hex}ULL`, comment: oneRegSpelling(p.oneReg, members.get(p.name)) };
  });
  problems.throwIfAny("kvm_uapi.h", layout.name);

  return validated("kvm_uapi.h", layout.name, UapiView, {
    ...banner(layout),
    guard: `REGLAB_${layout.name.toUpperCase().replace(/-/g, "_")}_KVM_UAPI_H`,
    defines: layout.defines.filter((d) => d.uapi).map((d) => ({ name: d.name, value: d.value, comment: d.comment ?? null })),
    builtinGuard: "REGLAB_HAVE_UAPI_PTRACE",
    builtins: ordered.filter((s) => BUILTIN_NAMES.has(s.name)).map(structView),
    structs: ordered.filter((s) => !BUILTIN_NAMES.has(s.name)).map(structView),
    ioctls: [
      { name: "REGLAB_KVM_GET_REGS", value: hex32(layout.ioctls.KVM_GET_REGS), comment: `_IOR(KVMIO, 0x81, struct ${UAPI_STRUCT})` },
      { name: "REGLAB_KVM_SET_REGS", value: hex32(layout.ioctls.KVM_SET_REGS), comment: `_IOW(KVMIO, 0x82, struct ${UAPI_STRUCT})` },
    ],
    oneRegs,
  });
}

// ---------------------------------------------------------------- kvm_host.h

/** A container indexed by an enum constant (`sys_regs[SCTLR_EL1]`) or a VNCR offset (`vncr_page[VNCR_X / 8]`). */
interface Indexed {
  readonly field: string;
  readonly kind: "enum" | "vncr";
  readonly first: Placement;
}

function indexedContainers(layout: ResolvedLayout): Indexed[] {
  const out = new Map<string, Indexed>();
  const mixed = new Set<string>();
  for (const p of layout.registers) {
    const m = contextMember(p);
    const kind = m === `${p.container}[${p.name}]` ? "enum" : m === `${p.container}[VNCR_${p.name} / 8]` ? "vncr" : undefined;
    const known = out.get(p.container);
    if (kind === undefined || (known && known.kind !== kind)) mixed.add(p.container);
    else if (!known) out.set(p.container, { field: p.container, kind, first: p });
  }
  return [...out.values()].filter((c) => !mixed.has(c.field));
}

/** `sys_regs` -> `sys_reg`, `el2_regs` -> `el2_reg`, `vncr_page` -> `vncr_page`. */
function accessorBase(field: string): string {
  return field.replace(/_regs$/, "_reg");
}

function hostAccessors(layout: ResolvedLayout): { name: string; params: string; body: string; register: string }[] {
  return indexedContainers(layout).flatMap((c) => {
    const base = accessorBase(c.field);
    const index = c.kind === "enum" ? "(r)" : "VNCR_ ## r / 8";
    return [
      { name: `__ctxt_${base}`, params: "c, r", body: `(&(c)->${c.field}[${index}])`, register: c.first.name },
      { name: `ctxt_${base}`, params: "c, r", body: `(*__ctxt_${base}(c, r))`, register: c.first.name },
    ];
  });
}

function pad(cells: readonly string[], widths: readonly number[], right: readonly boolean[]): string {
  return cells
    .map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
    .join("  ")
    .trimEnd();
}

const TABLE_HEAD = ["index", "offset", "size", "register", "lvalue"];
const TABLE_RIGHT = [true, true, true, false, false];

function table(heading: string, regs: readonly Placement[]): { heading: string; rows: string[] } {
  const body = regs.map((p) => [p.index === null ? "-" : String(p.index), String(p.offset), String(p.size), p.name, p.cExpr]);
  const widths = TABLE_HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  return { heading, rows: [pad(TABLE_HEAD, widths, TABLE_RIGHT), ...body.map((r) => pad(r, widths, TABLE_RIGHT))] };
}

/**
 * Where each register lives: one table per kvm_cpu_context member that holds
 * several (an array, an embedded struct), then one for the members that are
 * a register each (`__u64 spsr_abt;`).
 */
function containerTables(layout: ResolvedLayout, context: CStruct): { heading: string; rows: string[] }[] {
  const scalars: Placement[] = [];
  const tables = context.fields.flatMap((f) => {
    const regs = layout.registers.filter((p) => p.container === f.name);
    if (regs.length === 0) return [];
    if (regs.every((p) => contextMember(p) === f.name)) {
      scalars.push(...regs);
      return [];
    }
    const dims = f.count === undefined ? "" : `[${f.countExpr ?? f.count}]`;
    const n = `${regs.length} register${regs.length === 1 ? "" : "s"}`;
    return [table(`${f.name}${dims}: offset ${f.offset}, ${f.size} bytes, ${n}`, regs)];
  });
  if (scalars.length) tables.push(table(`members that hold one register each: ${scalars.length}`, scalars));
  return tables;
}

export function hostView(layout: ResolvedLayout, model: RegisterModel): HostView {
  const problems = new Problems();
  const { context } = structsOf(layout, problems);
  const hostStructs = layout.structs.filter((s) => !s.uapi);
  checkStructDeps(hostStructs, new Set(layout.structs.map((s) => s.name)), problems);
  const ordered = dependencyOrder(hostStructs, problems);

  const titles = new Map(model.registers.map((r) => [r.name, r.title]));
  const enums = layout.enums.map((e) => {
    let next = 0;
    const entries = e.entries.map((x) => {
      const text = x.expr !== undefined ? `${x.name} = ${x.expr}` : x.value === next ? x.name : `${x.name} = ${x.value}`;
      next = x.value + 1;
      return { text, comment: titles.get(x.name) ?? null };
    });
    return { name: e.name, entries };
  });

  const names = new Map<string, string>();
  const claim = (name: string, what: string): void => {
    const other = names.get(name);
    if (other) problems.add(`${name} is both ${other} and ${what}`);
    else names.set(name, what);
  };
  for (const d of layout.defines) claim(d.name, `a ${d.uapi ? "uapi" : "host"} define`);
  for (const e of layout.enums) for (const x of e.entries) claim(x.name, `an entry of enum ${e.name}`);
  const accessors = hostAccessors(layout);
  for (const a of accessors) claim(a.name, "an accessor macro");
  problems.throwIfAny("kvm_host.h", layout.name);

  return validated("kvm_host.h", layout.name, HostView, {
    ...banner(layout),
    description: wrap(layout.description, 72),
    sources: layout.source.flatMap((s) => wrap(s, 70).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))),
    guard: `REGLAB_${layout.name.toUpperCase().replace(/-/g, "_")}_KVM_HOST_H`,
    uapiHeader: "kvm_uapi.h",
    defines: layout.defines.filter((d) => !d.uapi).map((d) => ({ name: d.name, value: d.value, comment: d.comment ?? null })),
    enums,
    structs: ordered.map(structView),
    accessors: accessors.map(({ name, params, body }) => ({ name, params, body })),
    containers: context ? containerTables(layout, context) : [],
  });
}

// ---------------------------------------------------------------- check.c

export function checkView(layout: ResolvedLayout): CheckView {
  const problems = new Problems();
  const { context, kvmRegs } = structsOf(layout, problems);
  const members = uapiMembers(layout, problems);

  const registerNames = new Set(layout.registers.map((p) => p.name));
  const enumValues = layout.enums.flatMap((e) =>
    e.entries.filter((x) => !registerNames.has(x.name)).map((x) => ({ name: x.name, value: x.value, message: `enum ${e.name}: ${x.name} == ${x.value}` })),
  );

  for (const p of layout.registers) {
    if (!p.cExpr.startsWith("ctxt->")) problems.add(`${p.name}: cExpr ${p.cExpr} does not start with ctxt->`);
  }
  const uapiRegisters = layout.registers.flatMap((p) => {
    const m = members.get(p.name);
    return m === undefined || p.uapiOffset === null ? [] : [{ member: m, value: p.uapiOffset, message: `${UAPI_STRUCT}: ${p.name} (${m}) at ${p.uapiOffset}` }];
  });
  const coreIds = layout.registers.flatMap((p) => {
    const m = members.get(p.name);
    return m === undefined || p.oneReg === null ? [] : [{ macro: oneRegMacro(p.name), member: m, message: `${p.name}: ONE_REG id is KVM_REG_ARM_CORE_REG(${m})` }];
  });
  const accessors = hostAccessors(layout)
    .filter((a) => !a.name.startsWith("__"))
    .map((a) => ({ fn: `reglab_use_${a.name}`, macro: a.name, register: a.register }));
  problems.throwIfAny("check.c", layout.name);

  const structs = [context, kvmRegs, ...layout.structs.filter((s) => s.name !== CONTEXT_STRUCT && s.name !== UAPI_STRUCT)].flatMap((s) =>
    s === undefined
      ? []
      : [
          {
            name: s.name,
            size: s.size,
            align: s.align,
            fields: s.fields.map((f) => ({
              offset: { member: f.name, value: f.offset, message: `offsetof(struct ${s.name}, ${f.name}) == ${f.offset}` },
              size: { member: f.name, value: f.size, message: `sizeof_field(struct ${s.name}, ${f.name}) == ${f.size}` },
            })),
          },
        ],
  );

  return validated("check.c", layout.name, CheckView, {
    ...banner(layout),
    host: "kvm_host.h",
    structs,
    enumValues,
    registers: layout.registers.map((p) => {
      const m = contextMember(p);
      return {
        offset: { member: m, value: p.offset, message: `${p.name} (${m}) at ${p.offset}` },
        size: { member: m, value: p.size, message: `${p.name} (${m}) is ${p.size} bytes` },
      };
    }),
    uapiRegisters,
    coreIds,
    ioctls: [
      { macro: "REGLAB_KVM_GET_REGS", ioc: "_IOR", nr: "0x81", value: hex32(layout.ioctls.KVM_GET_REGS), message: `KVM_GET_REGS == ${hex32(layout.ioctls.KVM_GET_REGS)}` },
      { macro: "REGLAB_KVM_SET_REGS", ioc: "_IOW", nr: "0x82", value: hex32(layout.ioctls.KVM_SET_REGS), message: `KVM_SET_REGS == ${hex32(layout.ioctls.KVM_SET_REGS)}` },
    ],
    accessors,
  });
}
