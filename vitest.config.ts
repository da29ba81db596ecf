import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The JSON report is what scripts/run-tests.mjs turns into CI's closing line.
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
    testTimeout: 60_000,
  },
});
