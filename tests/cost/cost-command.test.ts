import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { priceStage } from "../../scripts/cost/price-stage.ts";
import { runCostCommand } from "../../scripts/cost/run-cost.ts";
import { serverlessStage } from "./serverless-stage-fixture.ts";

/** Writes the fixture as `npm run synth -- <stage> --out <dir>` would: <dir>/<stage>/*.template.json. */
function writeTemplates(stage: string): string {
  const out = mkdtempSync(path.join(tmpdir(), "stockwiz-cost-test-"));
  mkdirSync(path.join(out, stage));
  for (const { stackName, template } of serverlessStage({ stage })) {
    writeFileSync(path.join(out, stage, `${stackName}.template.json`), JSON.stringify(template));
  }
  return out;
}

async function runCost(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCostCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("npm run cost -- <stage> --templates <dir>", () => {
  it("when given a stage's templates then the last line is exactly `<stage>: $<amount>/month idle`", async () => {
    const dir = writeTemplates("pr-42");

    const { code, out } = await runCost(["pr-42", "--templates", dir]);

    const expected = priceStage("pr-42", serverlessStage({ stage: "pr-42" })).idleMonthlyUsd;
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^pr-42: \$\d+\.\d{2}\/month idle$/);
    expect(out.at(-1)).toBe(`pr-42: $${expected.toFixed(2)}/month idle`);
  });

  it("when the folder holds the templates directly then they are read from it", async () => {
    const dir = writeTemplates("pr-7");

    const { code, out } = await runCost(["pr-7", "--templates", path.join(dir, "pr-7")]);

    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^pr-7: \$\d+\.\d{2}\/month idle$/);
    expect(out.join("\n")).toContain("Per million requests");
  });

  it("when no stage or two stages are named then it exits 2 with the usage", async () => {
    for (const argv of [[], ["dev", "prod"]]) {
      const { code, err } = await runCost(argv);

      expect(code).toBe(2);
      expect(err.join("\n")).toContain("usage: npm run cost -- <stage>");
    }
  });

  it("when the stage name could not be deployed then it exits 2 and says why", async () => {
    const { code, err } = await runCost(["PR_42", "--templates", "/nonexistent"]);

    expect(code).toBe(2);
    expect(err.join("\n")).toContain('Stage name "PR_42" cannot be deployed');
  });

  it("when the folder has no templates then it exits 1 and says where it looked", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "stockwiz-cost-empty-"));

    const { code, err } = await runCost(["dev", "--templates", empty]);

    expect(code).toBe(1);
    expect(err.join("\n")).toContain(`No *.template.json in ${empty}`);
  });
});
