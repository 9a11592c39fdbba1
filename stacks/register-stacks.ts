import { AspectPriority, Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { App } from "sst/constructs";
import { RetainExceptOnCreate } from "./aspects/retain-except-on-create.ts";
import { NodeFunctionsOnLambdaRuntime } from "./aspects/sst-handler-runtime.ts";
import { bootstrapStage } from "./config/prerequisites-config.ts";
import { provideStackSettings, type StackSettings } from "./config/stack-settings.ts";
import { Data } from "./data.ts";
import { Monitoring } from "./monitoring.ts";
import { suppressSstCustomResourceHandlers } from "./nag/sst-custom-resource-handler.ts";
import { Network } from "./network.ts";
import { Registry } from "./registry.ts";
import { ServerlessData } from "./serverless-data.ts";
import { ServerlessNetwork } from "./serverless-network.ts";
import { ServerlessService } from "./serverless-service.ts";
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
  if (config.shape === "fargate" && app.mode === "dev") {
    throw new Error(
      `Stage ${config.stage} cannot run under sst dev: it runs on Fargate and is deployed by the pipeline; use a personal stage (npx sst dev --stage <name>)`,
    );
  }
  // Answer the availability-zone lookup up front: synthesis then needs no AWS account.
  app.node.setContext(`availability-zones:account=${app.account}:region=${app.region}`, [
    ...config.network.availabilityZones,
  ]);
  provideStackSettings(app, settings);
  if (config.shape === "fargate") {
    app.stack(Network).stack(Registry).stack(Data).stack(Service).stack(Monitoring);
  } else {
    // The same stack names as dev and prod. Under `sst dev` the functions run on the developer's
    // machine against the developer's PostgreSQL: no database is deployed.
    app.stack(ServerlessNetwork, { id: "Network" });
    if (app.mode !== "dev") app.stack(ServerlessData, { id: "Data" });
    app.stack(ServerlessService, { id: "Service" });
  }
  suppressSstCustomResourceHandlers(app);
  Aspects.of(app).add(new NodeFunctionsOnLambdaRuntime(), { priority: AspectPriority.MUTATING });
  Aspects.of(app).add(new RetainExceptOnCreate());
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
