import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, Stack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import type { DeploySettings } from "../../stacks/config/deploy-settings.ts";
import { type StageConfig, stageConfigFor } from "../../stacks/config/stage-config.ts";
import { registerStacks } from "../../stacks/register-stacks.ts";

export const repositoryRoot = path.resolve(import.meta.dirname, "../..");

/** Any 12 digits: synthesis only writes the account into ARNs and the AZ context key. */
export const fakeAccount = "123456789012";

export const testSettings: DeploySettings = {
  alertEmail: "oncall@example.test",
  region: "us-east-1",
  imageTag: "0123abc",
};

const stackNames = ["Network", "Registry", "Data", "Service", "Monitoring"] as const;
export type StackName = (typeof stackNames)[number];

export interface SynthesizedStage {
  readonly config: StageConfig;
  /** Where the cloud assembly (templates and bundled assets) was written. */
  readonly assemblyDir: string;
  /** Context lookups the assembly still needs an AWS account for (none, offline). */
  readonly missingContext: readonly string[];
  readonly template: (name: StackName) => Template;
  /** cdk-nag findings left unsuppressed, as "path: message". */
  readonly nagErrors: () => string[];
}

/**
 * Synthesizes the real stacks for one stage (as `sst deploy`, or as `sst dev` with mode "dev"), offline: SST's project is
 * initialised from sst.config.ts, the App gets a fake account, and
 * NODE_ENV=test (vitest's default) makes SST skip its bootstrap lookup.
 */
export async function synthesizeStage(
  stage: string,
  settings: DeploySettings = testSettings,
  mode: "deploy" | "dev" | "remove" = "deploy",
): Promise<SynthesizedStage> {
  await initProject({ stage });
  // SST wipes <out>/types for every new App, and builds each function into <artifacts>/<id>:
  // give each synthesis its own, so parallel test files never share a folder.
  const out = mkdtempSync(path.join(tmpdir(), "stockwiz-sst-"));
  useProject().paths.out = out;
  useProject().paths.artifacts = path.join(out, "artifacts");
  const app = new App({
    mode,
    stage,
    name: "stockwiz",
    region: settings.region,
    account: fakeAccount,
  });
  const config = stageConfigFor(stage, settings);
  registerStacks(app, { config, rootDir: repositoryRoot });
  // Which stacks exist depends on the mode: look each one up by SST's prefixed id.
  const stacks: Partial<Record<StackName, Stack>> = {};
  for (const name of stackNames) {
    const stack = app.node.tryFindChild(app.logicalPrefixedName(name));
    if (stack instanceof Stack) stacks[name] = stack;
  }
  await app.finish();
  // One synthesis serves templates and findings: SST's aspects must not run twice.
  const assembly = app.synth();
  const artifact = (name: StackName) => {
    const stack = stacks[name];
    if (!stack) throw new Error(`${name} is not registered in ${mode} mode`);
    return assembly.getStackByName(stack.stackName);
  };
  const templates = new Map<StackName, Template>();
  return {
    config,
    assemblyDir: assembly.directory,
    missingContext: (assembly.manifest.missing ?? []).map((missing) => missing.key),
    template: (name) => {
      const cached = templates.get(name) ?? Template.fromJSON(artifact(name).template);
      templates.set(name, cached);
      return cached;
    },
    nagErrors: () =>
      (Object.keys(stacks) as StackName[]).flatMap((name) =>
        artifact(name)
          .messages.filter((message) => message.level === "error")
          .map((message) => `${message.id}: ${String(message.entry.data).split(": ")[0]}`)
          .filter((finding) => finding.includes("AwsSolutions-")),
      ),
  };
}
