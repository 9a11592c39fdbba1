import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launch } from "../kit/process/launch.ts";

// As the CI workflow runs it after `npm test`: a real process, its real exit code.
const cli = join(import.meta.dirname, "..", "..", "scripts", "ci", "coverage-report-cli.ts");

describe("coverage report CLI process", () => {
  it("when a metric is under its threshold then it writes the job summary and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "coverage-report-"));
    const summary = join(dir, "coverage-summary.json");
    const jobSummary = join(dir, "step-summary.md");
    const metric = { total: 10, covered: 5, pct: 50 };
    await writeFile(
      summary,
      JSON.stringify({
        total: { lines: metric, statements: metric, functions: metric, branches: metric },
      }),
    );

    const run = launch("npx", ["tsx", cli, "--summary", summary, "--lines", "80"], {
      name: "coverage-report-cli.ts",
      inheritEnv: {},
      env: { GITHUB_STEP_SUMMARY: jobSummary },
    });

    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain("lines coverage 50% is under the 80% threshold");
    expect(await readFile(jobSummary, "utf8")).toContain("| lines | 50% | 5/10 | 80% | ❌ |");
  });
});
