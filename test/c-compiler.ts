/**
 * C compilers as judges of the generated headers: the host gcc (x86_64 is
 * LP64 with arm64's alignment for __u64 and __uint128_t) and, when installed,
 * aarch64-linux-gnu-gcc (Debian gcc-aarch64-linux-gnu with
 * linux-libc-dev-arm64-cross for <linux/types.h>; .ci/run installs both).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emitCheckC, emitKvmHostH, emitKvmUapiH } from "../generators/emit/emit-c.js";
import type { GeneratedFile } from "../generators/emit/emitter.js";
import type { ResolvedLayout } from "../generators/layout/types.js";
import type { RegisterModel } from "../generators/spec/model.js";

export const HOST_CC = "gcc";
export const ARM64_CC = "aarch64-linux-gnu-gcc";
export const C_FLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror"] as const;

export const inCI = process.env.CI === "true" || process.env.CI === "1";

export function haveCompiler(cc: string): boolean {
  return spawnSync(cc, ["--version"], { stdio: "ignore" }).status === 0;
}

export interface Compiled {
  readonly ok: boolean;
  /** The compiler's stdout and stderr. */
  readonly output: string;
}

/** Run `cc C_FLAGS ...args` in `cwd`. */
export function compile(cc: string, args: readonly string[], cwd: string): Compiled {
  const r = spawnSync(cc, [...C_FLAGS, ...args], { cwd, encoding: "utf8" });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function renderC(layout: ResolvedLayout, model: RegisterModel): GeneratedFile[] {
  return [emitKvmUapiH, emitKvmHostH, emitCheckC].flatMap((emit) => emit({ layout, model }));
}

/** Write kvm_uapi.h, kvm_host.h and check.c of `layout` into `dir` (created). */
export function writeC(dir: string, layout: ResolvedLayout, model: RegisterModel): GeneratedFile[] {
  mkdirSync(dir, { recursive: true });
  const files = renderC(layout, model);
  for (const f of files) writeFileSync(join(dir, f.path), f.content);
  return files;
}
