import { configDefaults, defineConfig } from "vitest/config";

// A test file's project is what it needs to run (tests/kit/test-projects.test.ts checks that
// every test file is in exactly one):
// - integration: the real PostgreSQL and Redis, or PGlite, in this process.
// - e2e: processes the test starts (the services, the local ALB, CLIs).
// - browser: Chromium against `npm start`.
// - infra: what deploys: synthesized stacks, Terraform, bundles and images, the CI workflows.
// - unit: everything else; this process only, in seconds (`npx vitest --project unit`).
// A test outside these folders that needs a store or starts processes is listed by name.

const claimed = {
  integration: [
    "tests/integration/**/*.test.ts",
    "packages/adapters/test/shared-embedded-database.test.ts",
    "packages/api-gateway/test/catalogue-chunks.test.ts",
    "packages/api-gateway/test/client-address.test.ts",
    "packages/api-gateway/test/gateway.test.ts",
    "packages/api-gateway/test/response-copies.test.ts",
    "packages/local-alb/test/local-alb.test.ts",
    // Counts the CPU of the machine's PostgreSQL and Redis: they must be running.
    "tests/bench/process-usage.test.ts",
  ],
  // A test elsewhere that starts processes of its own says so in its name.
  e2e: [
    "tests/e2e/**/*.test.ts",
    "packages/*/test/**/*-processes.test.ts",
    "tests/**/*-processes.test.ts",
  ],
  browser: ["tests/browser/**/*.test.ts"],
  infra: [
    "tests/infra/**/*.test.ts",
    "tests/infra-legacy/**/*.test.ts",
    "tests/containers/**/*.test.ts",
    "tests/workflows/**/*.test.ts",
    // Prices the templates the stacks synthesize.
    "tests/cost/legacy-stages-cost.test.ts",
  ],
};

export const projects: Record<string, { include: string[]; exclude?: string[] }> = {
  unit: {
    include: ["packages/*/test/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: Object.values(claimed).flat(),
  },
  ...Object.fromEntries(Object.entries(claimed).map(([name, include]) => [name, { include }])),
};

export default defineConfig({
  test: {
    // Every project inherits these: the store, process and browser tests need them on a busy
    // two-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: Object.entries(projects).map(([name, files]) => ({
      extends: true,
      test: {
        name,
        include: files.include,
        exclude: [...configDefaults.exclude, ...(files.exclude ?? [])],
        // Unit files share their worker's modules: a fresh module graph per file is most of
        // their time (27 s against 6 s on two cores). They keep no state between files; a
        // file that stubs globals runs in a happy-dom worker of its own.
        isolate: name !== "unit",
      },
    })),
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.{ts,tsx}"],
      reporter: ["text-summary", "json-summary"],
      // The CI workflow's job summary applies the same floors (.github/workflows/ci.yml).
      thresholds: { lines: 80, statements: 80, functions: 75, branches: 70 },
    },
  },
});
