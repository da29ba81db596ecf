/**
 * layout.ts: the TypeScript module the emulator loads, written with ts-morph
 * (never by string concatenation of code). It implements
 * emulator/layout-module.ts's LayoutModule with every number inlined: byte
 * offsets as named constants and typed arrays indexed by register number,
 * so the emulator's hot path does one array read per access.
 */
import {
  IndentationText,
  Project,
  StructureKind,
  VariableDeclarationKind,
  type SourceFile,
  type StatementStructures,
  type CodeBlockWriter,
  type WriterFunction,
} from "ts-morph";
import { phaseData } from "../layout/module-data.js";
import { oneRegHex } from "../layout/one-reg.js";
import type { Placement, ResolvedLayout } from "../layout/types.js";
import type { LayoutModule } from "../../emulator/layout-module.js";
import { GENERATED_BY, type Emitter, type GeneratedFile } from "./emitter.js";

/** A TypeScript identifier for a register's offset constant (SPSR_irq stays as is). */
function constName(name: string): string {
  return `OFFSET_${name}`;
}

/** A list written eight items a line, so a diff of generated code points at the entry that changed. */
function list(items: readonly string[], w: CodeBlockWriter): void {
  w.write("[").newLine();
  w.indent(() => {
    for (let i = 0; i < items.length; i += 8) w.writeLine(items.slice(i, i + 8).join(", ") + ",");
  });
  w.write("]");
}

const numbers =
  (ctor: string, values: readonly number[]): WriterFunction =>
  (w) => {
    w.write(`new ${ctor}(`);
    list(values.map(String), w);
    w.write(")");
  };

const literal =
  (value: unknown): WriterFunction =>
  (w) => {
    const lines = JSON.stringify(value, null, 2).split("\n");
    lines.forEach((l, i) => (i ? w.newLine().write(l) : w.write(l)));
  };

let project: Project | undefined;
let files = 0;

/** One in-memory project for every file: creating a ts-morph Project costs far more than a file. */
function newSourceFile(path: string): SourceFile {
  project ??= new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true },
    manipulationSettings: { indentationText: IndentationText.TwoSpaces },
  });
  // A fresh path each time: the language service behind formatText caches by file name.
  return project.createSourceFile(`/f${++files}/${path}`, "");
}

function constant(name: string, initializer: string | WriterFunction, docs?: string): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    declarations: [{ name, initializer }],
    ...(docs ? { docs: [docs] } : {}),
  };
}

export function layoutModuleSource(layout: ResolvedLayout): string {
  const regs: Placement[] = [...layout.registers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index = new Map(regs.map((r, i) => [r.name, i]));
  const ctx = layout.structs.find((s) => s.name === "kvm_cpu_context");
  const kvmRegs = layout.structs.find((s) => s.name === "kvm_regs");
  const plan = layout.copyPlan;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ["LayoutModule"],
      moduleSpecifier: "../../emulator/layout-module.js",
    },
    constant("NAME", JSON.stringify(layout.name)),
    constant("CONTEXT_SIZE", String(ctx?.size ?? 0), "sizeof(struct kvm_cpu_context)"),
    constant("KVM_REGS_SIZE", String(kvmRegs?.size ?? 0), "sizeof(struct kvm_regs)"),
    constant("KVM_GET_REGS", "0x" + layout.ioctls.KVM_GET_REGS.toString(16)),
    constant("KVM_SET_REGS", "0x" + layout.ioctls.KVM_SET_REGS.toString(16)),
    ...layout.registers.map((r) => constant(constName(r.name), String(r.offset), `${r.cExpr}, ${r.size} bytes`)),
    constant(
      "REGISTERS",
      (w) => {
        list(regs.map((r) => JSON.stringify(r.name)), w);
        w.write(" as const");
      },
      "Register numbers: index in this list (sorted by name)",
    ),
    constant("OFFSETS", numbers("Int32Array", regs.map((r) => r.offset))),
    constant("SIZES", numbers("Uint8Array", regs.map((r) => r.size))),
    constant("UAPI_OFFSETS", numbers("Int32Array", regs.map((r) => r.uapiOffset ?? -1))),
    constant("ONE_REG_IDS", (w) => list(regs.map((r) => (r.oneReg === null ? "null" : JSON.stringify(oneRegHex(r.oneReg)))), w)),
    constant(
      "COPY_PLAN",
      literal({
        e2h0: { entry: phaseData(plan.e2h0.entry, index), exit: phaseData(plan.e2h0.exit, index) },
        e2h1: { entry: phaseData(plan.e2h1.entry, index), exit: phaseData(plan.e2h1.exit, index) },
      }),
    ),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: "layout",
          type: "LayoutModule",
          initializer: (w) => {
            w.write("{").newLine();
            w.indent(() => {
              w.writeLine(`name: NAME,`);
              w.writeLine(`title: ${JSON.stringify(layout.title)},`);
              w.writeLine(`el2: ${layout.el2},`);
              w.writeLine(`contextSize: CONTEXT_SIZE,`);
              w.writeLine(`kvmRegsSize: KVM_REGS_SIZE,`);
              w.writeLine(`ioctls: { KVM_GET_REGS, KVM_SET_REGS },`);
              w.writeLine(`registers: REGISTERS,`);
              w.writeLine(`offsets: OFFSETS,`);
              w.writeLine(`sizes: SIZES,`);
              w.writeLine(`uapiOffsets: UAPI_OFFSETS,`);
              w.writeLine(`oneRegIds: ONE_REG_IDS,`);
              w.writeLine(`copyPlan: COPY_PLAN as LayoutModule["copyPlan"],`);
            });
            w.write("}");
          },
        },
      ],
    },
    { kind: StructureKind.ExportAssignment, isExportEquals: false, expression: "layout" },
  ];
  const sf = newSourceFile("layout.ts");
  // One insertion: ts-morph re-parses the file after each manipulation.
  sf.addStatements(statements);
  sf.insertText(0, `// ${GENERATED_BY}\n// Layout ${layout.name}: ${layout.title}\n\n`);
  return finish(sf);
}

/** ts-morph's printer already indents what it writes; the language-service formatter adds nothing but seconds. */
function finish(sf: SourceFile): string {
  sf.formatText({ indentSize: 2, convertTabsToSpaces: true });
  const text = sf.getFullText();
  sf.delete();
  return text;
}

export const emitLayoutTs: Emitter = ({ layout }) => [{ path: "layout.ts", content: layoutModuleSource(layout) }];

/** generated/layouts.ts: the registry the emulator asks for layouts, by name. */
export function registrySource(names: readonly string[]): GeneratedFile {
  const sf = newSourceFile("layouts.ts");
  sf.addStatements([
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ["LayoutModule"],
      moduleSpecifier: "../emulator/layout-module.js",
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: ["Every generated layout, loaded on demand"],
      declarations: [
        {
          name: "LAYOUTS",
          type: "Readonly<Record<string, () => Promise<LayoutModule>>>",
          initializer: (w) => {
            w.write("{").newLine();
            w.indent(() => {
              for (const n of names) w.writeLine(`${JSON.stringify(n)}: () => import("./${n}/layout.js").then((m) => m.default),`);
            });
            w.write("}");
          },
        },
      ],
    },
    constant("LAYOUT_NAMES", (w) => {
      list(names.map((n) => JSON.stringify(n)), w);
      w.write(" as const");
    }),
  ]);
  sf.insertText(0, `// ${GENERATED_BY}\n// The registry of generated layouts: the emulator's only way to reach one.\n\n`);
  return { path: "layouts.ts", content: finish(sf) };
}

// Kept here for callers that predate module-data.ts.
export { layoutModuleOf } from "../layout/module-data.js";
