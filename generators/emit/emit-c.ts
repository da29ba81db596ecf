/**
 * The C emitters: kvm_uapi.h (struct kvm_regs, ONE_REG ids, ioctl numbers),
 * kvm_host.h (enums, struct kvm_cpu_context, accessors) and check.c (a
 * _Static_assert for every size and offset). Each renders a handlebars
 * template from generators/emit/templates/ with a view model built and
 * validated in c-view.ts. Templates are read from the package's source tree
 * (dist/ holds no .hbs files), once per process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../paths.js";
import { checkView, hostView, uapiView } from "./c-view.js";
import type { Emitter, GeneratedFile } from "./emitter.js";

export const C_TEMPLATES_DIR = "generators/emit/templates";

type Render<V> = (view: V) => string;

/** Compile a template on first use, with its own handlebars environment. */
function template<V>(file: string): () => Render<V> {
  let compiled: Render<V> | undefined;
  return () => {
    if (!compiled) {
      const hb = Handlebars.create();
      const source = readFileSync(join(packageRoot(), C_TEMPLATES_DIR, file), "utf8");
      const t = hb.compile<V>(source, { strict: true, knownHelpersOnly: true, noEscape: true });
      compiled = (view) => t(view);
    }
    return compiled;
  };
}

const uapiTemplate = template<ReturnType<typeof uapiView>>("kvm_uapi.h.hbs");
const hostTemplate = template<ReturnType<typeof hostView>>("kvm_host.h.hbs");
const checkTemplate = template<ReturnType<typeof checkView>>("check.c.hbs");

/** One newline at the end, no trailing blanks, no blank-line runs: output stable under template edits. */
function tidy(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trimEnd())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/\n*$/, "\n")
  );
}

function file(path: string, content: string): GeneratedFile[] {
  return [{ path, content: tidy(content) }];
}

export const emitKvmUapiH: Emitter = ({ layout }) => file("kvm_uapi.h", uapiTemplate()(uapiView(layout)));

export const emitKvmHostH: Emitter = ({ layout, model }) => file("kvm_host.h", hostTemplate()(hostView(layout, model)));

export const emitCheckC: Emitter = ({ layout }) => file("check.c", checkTemplate()(checkView(layout)));
