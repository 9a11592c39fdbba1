import { Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { App } from "sst/constructs";
import { RetainExceptOnCreate } from "./aspects/retain-except-on-create.ts";
import { runSstCustomResourceHandlersOnLambdaRuntime } from "./aspects/sst-handler-runtime.ts";
import { bootstrapStage } from "./config/prerequisites-config.ts";
import { provideStackSettings, type StackSettings } from "./config/stack-settings.ts";
import { Data } from "./data.ts";
import { LocalServices } from "./local-services.ts";
import { Monitoring } from "./monitoring.ts";
import { suppressSstCustomResourceHandlers } from "./nag/sst-custom-resource-handler.ts";
import { Network } from "./network.ts";
import { Registry } from "./registry.ts";
import { Service } from "./service.ts";

/** Every stack of StockWiz, in dependency order, for one app and stage. */
export function registerStacks(app: App, settings: StackSettings): void {
  const { config } = settings;
  if (app.stage === bootstrapStage) {
    throw new Error(
      `Stage ${bootstrapStage} holds only the account prerequisites (registerPrerequisites)`,
    );
  }
  if (app.region !== config.region) {
    throw new Error(
      `StockWiz is configured for ${config.region} (AWS_REGION) but SST targets ${app.region}: set AWS_REGION instead of --region`,
    );
  }
  // Answer the availability-zone lookup up front: synthesis then needs no AWS account.
  app.node.setContext(`availability-zones:account=${app.account}:region=${app.region}`, [
    ...config.network.availabilityZones,
  ]);
  provideStackSettings(app, settings);
  if (app.mode !== "dev") {
    app.stack(Network).stack(Registry).stack(Data).stack(Service).stack(Monitoring);
  }
  // `sst dev` deploys only the placeholders that hold each service's environment. `sst bind`
  // and `sst remove` synthesize in "remove" mode, so they must see the placeholders too.
  if (app.mode === "dev" || (app.mode === "remove" && config.localDevelopment)) {
    app.stack(LocalServices);
  }
  runSstCustomResourceHandlersOnLambdaRuntime(app);
  suppressSstCustomResourceHandlers(app);
  Aspects.of(app).add(new RetainExceptOnCreate());
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
