import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import type { FunctionalStack } from "sst/constructs/FunctionalStack.js";
import { initProject, useProject } from "sst/project.js";
import type { DeploySettings } from "../../stacks/config/deploy-settings.ts";
import { region, type StageConfig, stageConfigFor } from "../../stacks/config/stage-config.ts";
import { Data } from "../../stacks/data.ts";
import { Monitoring } from "../../stacks/monitoring.ts";
import { Network } from "../../stacks/network.ts";
import { registerStacks } from "../../stacks/register-stacks.ts";
import { Registry } from "../../stacks/registry.ts";
import { Service } from "../../stacks/service.ts";

export const repositoryRoot = path.resolve(import.meta.dirname, "../..");

/** Any 12 digits: synthesis only writes the account into ARNs and the AZ context key. */
export const fakeAccount = "123456789012";

export const testSettings: DeploySettings = {
  alertEmail: "oncall@example.test",
  imageTag: "0123abc",
};

const stackFunctions = { Network, Registry, Data, Service, Monitoring } as const;
export type StackName = keyof typeof stackFunctions;

export interface SynthesizedStage {
  readonly config: StageConfig;
  /** Where the cloud assembly (templates and bundled assets) was written. */
  readonly assemblyDir: string;
  readonly template: (name: StackName) => Template;
  /** cdk-nag findings left unsuppressed, as "path: message". */
  readonly nagErrors: () => string[];
}

/**
 * Synthesizes the real stacks for one stage, offline: SST's project is
 * initialised from sst.config.ts, the App gets a fake account, and
 * NODE_ENV=test (vitest's default) makes SST skip its bootstrap lookup.
 */
export async function synthesizeStage(
  stage: string,
  settings: DeploySettings = testSettings,
): Promise<SynthesizedStage> {
  await initProject({ stage });
  // SST wipes <out>/types for every new App: give each test process its own.
  useProject().paths.out = mkdtempSync(path.join(tmpdir(), "stockwiz-sst-"));
  const app = new App({ mode: "deploy", stage, name: "stockwiz", region, account: fakeAccount });
  const config = stageConfigFor(stage, settings);
  registerStacks(app, { config, rootDir: repositoryRoot });
  // getStack() reads the app last registered: resolve every stack before another app exists.
  const stacks = Object.fromEntries(
    Object.entries(stackFunctions).map(([name, fn]) => [
      name,
      getStack(fn as FunctionalStack<unknown>),
    ]),
  ) as Record<StackName, ReturnType<typeof getStack>>;
  await app.finish();
  const templates = new Map<StackName, Template>();
  return {
    config,
    assemblyDir: app.outdir,
    template: (name) => {
      const cached = templates.get(name) ?? Template.fromStack(stacks[name]);
      templates.set(name, cached);
      return cached;
    },
    nagErrors: () =>
      Object.values(stacks).flatMap((stack) =>
        Annotations.fromStack(stack)
          .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
          .map((finding) => `${finding.id}: ${String(finding.entry.data).split(":")[0]}`),
      ),
  };
}
