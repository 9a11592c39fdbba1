import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.{ts,tsx}"],
      reporter: ["text-summary", "json-summary"],
      // The CI workflow's job summary applies the same floors (.github/workflows/ci.yml).
      thresholds: { lines: 80, statements: 80, functions: 75, branches: 70 },
    },
  },
});
