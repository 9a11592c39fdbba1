import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import {
  bootstrapStage,
  type PrerequisiteSettings,
  prerequisitesConfigFor,
} from "../../stacks/config/prerequisites-config.ts";
import { registerPrerequisites } from "../../stacks/register-prerequisites.ts";
import type { CfnValue } from "./cloudformation.ts";
import { fakeAccount } from "./synthesize-stage.ts";

export interface SynthesizedBootstrap {
  readonly template: Template;
  /** cdk-nag findings left unsuppressed, as "path: message". */
  readonly nagErrors: string[];
}

/** An SST app for the bootstrap stage, offline, in the region sst.config.ts gives SST. */
export async function bootstrapApp(mode: "deploy" | "dev" | "remove" = "deploy"): Promise<App> {
  await initProject({ stage: bootstrapStage });
  // SST wipes <out>/types for every new App: give each test process its own.
  useProject().paths.out = mkdtempSync(path.join(tmpdir(), "stockwiz-sst-"));
  const { region } = useProject().config;
  return new App({ mode, stage: bootstrapStage, name: "stockwiz", region, account: fakeAccount });
}

/** Synthesizes the Prerequisites stack the way `sst deploy --stage bootstrap` registers it. */
export async function synthesizeBootstrap(
  settings: PrerequisiteSettings,
): Promise<SynthesizedBootstrap> {
  const app = await bootstrapApp();
  registerPrerequisites(app, prerequisitesConfigFor(settings));
  await app.finish();
  const assembly = app.synth();
  const [stack, ...others] = assembly.stacks;
  if (!stack || others.length > 0) throw new Error("The bootstrap stage must hold one stack");
  return {
    template: Template.fromJSON(stack.template),
    nagErrors: stack.messages
      .filter((message) => message.level === "error")
      .map((message) => `${message.id}: ${String(message.entry.data).split(": ")[0]}`),
  };
}

/** An ARN as IAM sees it once deployed: `Fn::Join` parts joined, the partition filled in. */
export function arnText(value: CfnValue): string {
  if (typeof value === "string") return value;
  const join = value?.["Fn::Join"];
  if (Array.isArray(join)) {
    const [separator, parts] = join as [string, CfnValue[]];
    return parts
      .map((part) => (part?.Ref === "AWS::Partition" ? "aws" : arnText(part)))
      .join(separator);
  }
  throw new Error(`Not an ARN: ${JSON.stringify(value)}`);
}
