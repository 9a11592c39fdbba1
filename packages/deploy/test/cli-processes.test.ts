import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// The two entry points as CI calls them: real processes, real exit codes.
const run = promisify(execFile);
const src = join(import.meta.dirname, "..", "src");

async function exitOf(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout } = await run("npx", ["tsx", join(src, script), ...args], { env });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe("deploy CLI process", () => {
  it("when run without a command then it exits 2 with the usage", async () => {
    const { code, output } = await exitOf("cli.ts", []);

    expect(code).toBe(2);
    expect(output).toContain("usage: deploy <wait|status|redeploy>");
  });
});

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

    const { code, output } = await exitOf(
      "coverage-report-cli.ts",
      ["--summary", summary, "--lines", "80"],
      {
        ...process.env,
        GITHUB_STEP_SUMMARY: jobSummary,
      },
    );

    expect(code).toBe(1);
    expect(output).toContain("lines coverage 50% is under the 80% threshold");
    expect(await readFile(jobSummary, "utf8")).toContain("| lines | 50% | 5/10 | 80% | ❌ |");
  });
});
