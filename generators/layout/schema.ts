/**
 * The layout spec format (specs/layouts/*.yaml), as zod schemas: where a
 * storage layout keeps each register, and what `struct kvm_regs` (the
 * KVM_GET_REGS blob and the core ONE_REG ids) becomes. A layout is data:
 * adding one means adding a file, never code.
 *
 * Two structs are described, as C would lay them out: `uapi` is
 * `struct kvm_regs` (the ABI userspace sees), `context` is
 * `struct kvm_cpu_context` (where the vCPU's state is stored). A context
 * field of type `kvm_regs` embeds the uapi struct, as KVM did until v5.x.
 */
import { z } from "zod";
import { int, RegisterName } from "../spec/schema.js";

const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "a C identifier is expected" });

/** Registers a selector picks: every in-scope register matching all given keys. */
const Selector = z
  .strictObject({
    el: z.union([int(0n, 3n, "exception level"), z.array(int(0n, 3n, "exception level"))]).optional(),
    class: z.enum(["sysreg", "special"]).optional(),
    vncr: z.boolean().optional().meta({ description: "true: only registers with a VNCR offset; false: only those without" }),
    counterpartOf: z.boolean().optional().meta({ description: "true: only EL1/EL0 registers that are an EL2 register's counterpart" }),
  })
  .meta({ description: "Every in-scope register matching all keys that no other entry of the layout places by name" });

/**
 * One entry of an array container: a register by name, a named slot that
 * holds nothing (`__INVALID_SYSREG__`), or a selector of the rest.
 */
export const Member = z.union([
  RegisterName.meta({ description: "A register, by name" }),
  z.strictObject({ slot: Identifier }).meta({ description: "An enum entry that holds no register" }),
  z
    .strictObject({ register: RegisterName, at: int(0n, 0xff8n, "VNCR offset") })
    .meta({ description: "In a VNCR page or block: a register and the offset it must have (checked against its spec)" }),
  z
    .strictObject({
      select: Selector,
      order: z.enum(["name", "encoding", "vncr"]).default("name").meta({ description: "Order of the selected registers" }),
    })
    .meta({ description: "The rest of the registers matching a selector" }),
]);

const ElementType = z.enum(["u64", "u32", "u128"]).meta({ description: "C element type (__u64, __u32 or __uint128_t)" });

const FieldBase = {
  name: Identifier.meta({ description: "C field name" }),
  comment: z.string().optional().meta({ description: "Emitted as a C comment beside the field" }),
};

export const LayoutField = z.union([
  z
    .strictObject({ ...FieldBase, type: z.enum(["user_pt_regs", "user_fpsimd_state", "kvm_regs"]) })
    .meta({ description: "A struct from the arm64 uapi (user_pt_regs, user_fpsimd_state) or this layout's kvm_regs" }),
  z
    .strictObject({ ...FieldBase, register: RegisterName, type: ElementType.default("u64") })
    .meta({ description: "One register in a scalar field" }),
  z
    .strictObject({
      ...FieldBase,
      registers: z.array(RegisterName).min(1),
      type: ElementType.default("u64"),
      indexMacros: z.array(Identifier).optional().meta({ description: "#define names for the indices (KVM_SPSR_EL1, ...)" }),
      countMacro: Identifier.optional().meta({ description: "#define name for the element count (KVM_NR_SPSR)" }),
    })
    .meta({ description: "An array of registers in the order given" }),
  z
    .strictObject({
      ...FieldBase,
      enum: Identifier.meta({ description: "Name of the generated C enum that indexes the array (vcpu_sysreg)" }),
      countName: Identifier.meta({ description: "The enum's last entry, the element count (NR_SYS_REGS)" }),
      members: z.array(Member),
      vncrBlock: z
        .strictObject({
          start: Identifier.meta({ description: "Enum entry where the block starts (__VNCR_START__)" }),
          members: z.array(Member),
        })
        .optional()
        .meta({
          description:
            "Registers after `start` sit at start + (VNCR offset / 8), so the block mirrors the FEAT_NV2 page (Linux's VNCR() enum entries)",
        }),
      type: ElementType.default("u64"),
    })
    .meta({ description: "An array indexed by a generated enum" }),
  z
    .strictObject({
      ...FieldBase,
      vncrPage: z.strictObject({ members: z.array(Member) }),
    })
    .meta({ description: "A 4 KiB, page-aligned FEAT_NV2 page: each register at its architectural VNCR offset" }),
  z
    .strictObject({
      ...FieldBase,
      bank: Identifier.meta({ description: "Register base name: SCTLR gives sctlr_el[4] holding SCTLR_EL0..SCTLR_EL3" }),
      els: int(1n, 4n, "number of exception levels").default(4n),
    })
    .meta({ description: "QEMU style: one array per register name, indexed by exception level" }),
  z
    .strictObject({
      ...FieldBase,
      storage: z.enum(["u64", "u32", "ptr"]),
      count: z.union([int(1n, 65536n, "element count"), Identifier]).optional().meta({
        description: "Array length: a number, or the count name of an enum of this layout (NR_SYS_REGS)",
      }),
    })
    .meta({ description: "Storage that holds no register (a shadow copy, a pointer)" }),
]);

export const LayoutSpec = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "a layout name is lower-case words joined by -" }),
    title: z.string().min(1),
    description: z.string().min(1),
    stores: z.enum(["all", "placed"]).meta({
      description:
        "all: every register with a spec must be placed exactly once; placed: only the registers named or selected (a layout without EL2 state)",
    }),
    el2: z.boolean().meta({ description: "Whether the layout keeps virtual EL2 state" }),
    uapi: z.strictObject({ fields: z.array(LayoutField).min(1) }).meta({ description: "struct kvm_regs" }),
    context: z.strictObject({ fields: z.array(LayoutField).min(1) }).meta({ description: "struct kvm_cpu_context" }),
    oneReg: z
      .strictObject({
        hide: z.array(z.union([RegisterName, z.strictObject({ select: Selector })])).optional().meta({
          description: "Registers KVM_GET_REG_LIST does not list and ONE_REG does not reach",
        }),
        overrides: z
          .record(RegisterName, z.string().regex(/^0x[0-9a-f]{16}$/, { error: "a ONE_REG id is 0x and 16 hex digits" }))
          .optional()
          .meta({ description: "Ids that differ from the rule, as Linux fixed them in its ABI (KVM_REG_ARM_TIMER_CVAL)" }),
      })
      .optional(),
    source: z.array(z.string().min(1)).min(1),
  })
  .meta({ title: "reglab layout spec", description: "One storage layout for the vCPU's registers. See specs/layouts/README.md." });

export type LayoutSpecParsed = z.output<typeof LayoutSpec>;
export type LayoutFieldSpec = z.output<typeof LayoutField>;
export type MemberSpec = z.output<typeof Member>;
export type SelectorSpec = z.output<typeof Selector>;
