import { AspectPriority, Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { App } from "sst/constructs";
import { NodeFunctionsOnLambdaRuntime } from "./aspects/sst-handler-runtime.ts";
import {
  bootstrapStage,
  type PrerequisitesConfig,
  providePrerequisitesConfig,
} from "./config/prerequisites-config.ts";
import { suppressSstCustomResourceHandlers } from "./nag/sst-custom-resource-handler.ts";
import { Prerequisites } from "./prerequisites.ts";

/** The bootstrap stage: the Prerequisites stack and nothing of the application. */
export function registerPrerequisites(app: App, config: PrerequisitesConfig): void {
  if (app.stage !== bootstrapStage) {
    throw new Error(`The prerequisites deploy as stage ${bootstrapStage}, not ${app.stage}`);
  }
  if (app.mode === "dev") {
    throw new Error(`Stage ${bootstrapStage} is deployed with sst deploy, never sst dev`);
  }
  providePrerequisitesConfig(app, config);
  app.stack(Prerequisites);
  suppressSstCustomResourceHandlers(app);
  Aspects.of(app).add(new NodeFunctionsOnLambdaRuntime(), { priority: AspectPriority.MUTATING });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
