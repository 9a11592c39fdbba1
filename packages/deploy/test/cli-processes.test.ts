import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// The deploy CLI as the pipeline calls it: a real process, its real exit code.
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
