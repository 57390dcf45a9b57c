import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
