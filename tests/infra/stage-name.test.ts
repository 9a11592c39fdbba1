import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { App, Stack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { describe, expect, it } from "vitest";
import sstConfig from "../../sst.config.ts";
import { resourceNames } from "../../stacks/config/resource-names.ts";
import {
  checkStageName,
  maxStageNameLength,
  previewStageOf,
  stageNameProblems,
} from "../../stacks/config/stage-name.ts";
import { fakeAccount, repositoryRoot } from "./synthesize-stage.ts";

const run = promisify(execFile);
const longest = `pr-${"9".repeat(maxStageNameLength - 3)}`;

describe("stage names", () => {
  it.each(["dev", "prod", "bootstrap", "alice", "pr-42", "team-b2", longest])(
    "when the stage is %j then it is accepted",
    (stage) => {
      expect(stageNameProblems(stage)).toEqual([]);
      expect(checkStageName(stage)).toBe(stage);
    },
  );

  it.each([
    ["", /1 to 15 characters/],
    [`${longest}0`, /1 to 15 characters/],
    ["Alice", /lowercase/],
    ["pr_42", /lowercase/],
    ["42", /start with a letter/],
    ["pr-", /not end with a hyphen/],
    ["pr--42", /two hyphens/],
    ["pr.42", /lowercase/],
    ["internal", /internal/],
  ])("when the stage is %j then it is refused, and the message says why", (stage, why) => {
    expect(() => checkStageName(stage)).toThrow(why);
  });

  it("when the longest stage name is used then every name with a length limit still fits it", () => {
    const names = resourceNames(longest);
    expect(names.loadBalancer.length).toBeLessThanOrEqual(32);
    for (const service of Object.values(names.appServices)) {
      expect(service.targetGroup.length).toBeLessThanOrEqual(32);
    }
  });

  it("when a pull request is previewed then its stage is pr-<number>, and a number too long is refused", () => {
    expect(previewStageOf(42)).toBe("pr-42");
    expect(() => previewStageOf(0)).toThrow(/pull request number/);
    expect(() => previewStageOf(10 ** 13)).toThrow(/1 to 15 characters/);
  });
});

describe("before any AWS call", () => {
  it("when sst is given --stage with a bad name then sst.config.ts refuses while SST reads its config", () => {
    expect(() => sstConfig.config({ stage: "Bad_Stage" })).toThrow(/Stage name "Bad_Stage"/);
    expect(sstConfig.config({ stage: "pr-42" })).toMatchObject({ name: "stockwiz" });
  });

  it("when a prompted personal stage has a bad name then sst.config.ts registers no stack", async () => {
    await initProject({ stage: "dev" });
    const app = new App({
      mode: "deploy",
      stage: "Bad_Stage",
      name: "stockwiz",
      region: "us-east-1",
      account: fakeAccount,
    });
    expect(() => sstConfig.stacks(app)).toThrow(/Stage name "Bad_Stage"/);
    expect(app.node.children.filter((child) => child instanceof Stack)).toEqual([]);
  });

  it("when npm run synth is given a bad name then it fails before synthesizing anything", async () => {
    const failure = await run(
      "npx",
      ["tsx", "scripts/synth.ts", "dev", "pr--1", "--out", "/nonexistent"],
      {
        cwd: repositoryRoot,
      },
    ).then(
      () => undefined,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/Stage name "pr--1"/);
    expect(failure?.stderr).not.toMatch(/dev: /);
  });

  it("when the workflows check a stage then scripts/check-stage-name.ts exits non-zero for a bad one", async () => {
    await expect(
      run("npx", ["tsx", "scripts/check-stage-name.ts", "pr-7"], { cwd: repositoryRoot }),
    ).resolves.toBeDefined();
    await expect(
      run("npx", ["tsx", "scripts/check-stage-name.ts", "PR-7"], { cwd: repositoryRoot }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/lowercase/) });
  });
});
