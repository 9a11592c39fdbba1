import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launch } from "../../../tests/kit/process/launch.ts";

// The deploy CLI as the pipeline calls it: a real process, its real exit code.
const src = join(import.meta.dirname, "..", "src");

async function exitOf(script: string, args: string[], env: Record<string, string> = {}) {
  const run = launch("npx", ["tsx", join(src, script), ...args], {
    name: script,
    inheritEnv: {},
    env,
  });
  const { code } = await run.exited;
  return { code, output: run.output() };
}

describe("deploy CLI process", () => {
  it("when run without a command then it exits 2 with the usage", async () => {
    const { code, output } = await exitOf("cli.ts", []);

    expect(code).toBe(2);
    expect(output).toContain("usage: deploy <wait|status|redeploy>");
  });
});
