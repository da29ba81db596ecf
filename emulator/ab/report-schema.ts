/**
 * The JSON report of `reglab ab --json` as zod schemas: the documented
 * format (README "A/B reports"), checked by the tests against real reports,
 * and written as JSON Schema to specs/schema/ab-report.schema.json by
 * `reglab schema` for consumers in other languages.
 */
import { z } from "zod";

const Counters = z.strictObject({
  exceptions: z.number().int().nonnegative(),
  traps: z.number().int().nonnegative(),
  worldSwitches: z.number().int().nonnegative(),
  registersCopied: z.number().int().nonnegative(),
  bytesCopied: z.number().int().nonnegative(),
  copyRuns: z.number().int().nonnegative(),
  cacheLines: z.number().int().nonnegative(),
});

const Outcome = z.string().regex(/^(pass|diverged|refused: .+)$/);

export const AbReport = z
  .strictObject({
    pairs: z.array(
      z.strictObject({
        a: z.string(),
        b: z.string(),
        scenarios: z.array(z.strictObject({ scenario: z.string(), a: Outcome, b: Outcome })),
        behaviour: z.array(
          z.strictObject({
            scenario: z.string(),
            layout: z.string(),
            line: z.number().int().positive().nullable(),
            op: z.string(),
            expected: z.string(),
            actual: z.string(),
          }),
        ),
        abi: z.array(
          z.strictObject({
            kind: z.enum(["one-reg-added", "one-reg-removed", "one-reg-changed", "kvm-regs-size", "ioctl", "blob-offset"]),
            register: z.string().optional(),
            a: z.string().nullable(),
            b: z.string().nullable(),
          }),
        ),
        cost: z.strictObject({ a: Counters, b: Counters }),
      }),
    ),
  })
  .meta({ title: "reglab ab --json report", description: "One entry per layout pair; see the README, 'A/B reports'." });
