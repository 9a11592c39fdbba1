import * as targets from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import { type StackContext, use } from "sst/constructs";
import {
  databaseFunctionEnvironment,
  type FunctionDatabase,
  gatewayFunctionEnvironment,
} from "./config/function-environment.ts";
import { type FunctionFiles, functionFiles } from "./config/function-files.ts";
import { type AppServiceKey, appServiceKeys } from "./config/resource-names.ts";
import { useServerlessConfig, useStackSettings } from "./config/stack-settings.ts";
import { FunctionSchedule } from "./constructs/function-schedule.ts";
import { PathRoutedLoadBalancer } from "./constructs/path-routed-load-balancer.ts";
import { StockwizFunction } from "./constructs/stockwiz-function.ts";
import { ensureWebBuildOf } from "./constructs/web-build.ts";
import { ServerlessData } from "./serverless-data.ts";
import { ServerlessNetwork } from "./serverless-network.ts";

/**
 * Each service's Lambda entry point (it exports `handler`), relative to the repository root, and
 * what its function reads beside its bundle.
 */
const functionCode: Readonly<Record<AppServiceKey, { handler: string; files: FunctionFiles }>> = {
  apiGateway: {
    handler: "packages/api-gateway/src/lambda.handler",
    files: functionFiles["api-gateway"],
  },
  productService: {
    handler: "packages/product-service/src/lambda.handler",
    files: functionFiles["product-service"],
  },
  inventoryService: {
    handler: "packages/inventory-service/src/lambda.handler",
    files: functionFiles["inventory-service"],
  },
};

/**
 * The three handlers as Lambda targets of the listener rules dev and prod route to their
 * containers. The services run in the VPC beside the database; the gateway, which owns no
 * database, runs outside it and calls them by their function URLs. Under `sst dev` every
 * function is Live Lambda: the ALB's requests run on the developer's machine.
 */
export function ServerlessService({ stack, app }: StackContext) {
  const config = useServerlessConfig(app);
  const { rootDir } = useStackSettings(app);
  const { names, functions } = config;
  const live = app.mode === "dev";
  const { vpc, privateSubnets, securityGroups } = use(ServerlessNetwork);
  const data = live ? undefined : use(ServerlessData);
  const database: FunctionDatabase = data?.database ?? {
    url: config.localDevelopment.databaseUrl,
  };
  const common = {
    rootDir,
    memoryMiB: functions.memoryMiB,
    timeoutSeconds: functions.timeoutSeconds,
    logRetentionDays: functions.logRetentionDays,
    reservedConcurrency: functions.reservedConcurrency,
  };
  // Beside the database; under sst dev, the developer's machine.
  const inVpc = live
    ? undefined
    : { vpc, subnets: privateSubnets, securityGroup: securityGroups.functions };

  const serviceFunction = (key: "productService" | "inventoryService", id: string) => {
    const service = names.appServices[key];
    const fn = new StockwizFunction(stack, id, {
      ...common,
      functionName: service.function,
      ...functionCode[key],
      description: `StockWiz ${service.container} (${config.stage})`,
      environment: databaseFunctionEnvironment(database, functions),
      network: inVpc,
      // The gateway's way in; the same API the ALB already exposes on /products/* and /inventory/*.
      url: true,
    });
    data?.postgres.grantConnect(fn.function);
    return fn;
  };
  const productService = serviceFunction("productService", "ProductService");
  const inventoryService = serviceFunction("inventoryService", "InventoryService");

  // The inventory service's periodic tasks for quiet stretches (a write runs them on its target).
  // Stock events go to the log: the VPC has no route to SNS without an interface endpoint, which
  // the idle budget rules out. One run at a time, and its pool is on top of the services' 40.
  const inventoryPeriodic = new StockwizFunction(stack, "InventoryPeriodicTasks", {
    ...common,
    reservedConcurrency: 1,
    functionName: names.inventoryPeriodicFunction,
    handler: "packages/inventory-service/src/periodic.handler",
    files: functionFiles["inventory-periodic"],
    description: `StockWiz inventory-service periodic tasks (${config.stage})`,
    environment: databaseFunctionEnvironment(database, functions),
    network: inVpc,
  });
  data?.postgres.grantConnect(inventoryPeriodic.function);
  new FunctionSchedule(stack, "InventoryPeriodicSchedule", {
    function: inventoryPeriodic.function,
    everyMinutes: functions.periodicTasksEveryMinutes,
    description: `Run the StockWiz inventory service's periodic tasks (${config.stage})`,
  });

  const gateway = new StockwizFunction(stack, "ApiGateway", {
    ...common,
    functionName: names.appServices.apiGateway.function,
    ...functionCode.apiGateway,
    description: `StockWiz api-gateway (${config.stage})`,
    environment: gatewayFunctionEnvironment(
      {
        productServiceUrl: productService.function.url as string,
        inventoryServiceUrl: inventoryService.function.url as string,
      },
      functions,
      live,
    ),
    // The dashboard, built if stale, before its files are copied.
    beforeBuild: () => ensureWebBuildOf(rootDir),
  });

  const byKey: Record<AppServiceKey, StockwizFunction> = {
    apiGateway: gateway,
    productService,
    inventoryService,
  };
  const edge = new PathRoutedLoadBalancer(stack, "Edge", {
    loadBalancerName: names.loadBalancer,
    vpc,
    securityGroup: securityGroups.loadBalancer,
    targetType: "lambda",
    targets: Object.fromEntries(
      appServiceKeys.map((key) => {
        const { targetGroup, route } = names.appServices[key];
        return [key, { targetGroupName: targetGroup, route }];
      }),
    ),
    certificateArn: config.edge.certificateArn,
    accessLogRetentionDays: config.edge.accessLogRetentionDays,
    accessLogRemoval: config.statefulRemoval,
  });
  for (const key of appServiceKeys) {
    edge.targetGroups[key]?.addTarget(new targets.LambdaTarget(byKey[key].function));
  }

  const publicUrl = `http://${edge.loadBalancer.loadBalancerDnsName}`;
  stack.addOutputs({ PublicUrl: publicUrl });
  return { loadBalancer: edge.loadBalancer, functions: byKey, publicUrl };
}
