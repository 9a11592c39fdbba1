// The paths each service answers are stated once, beside the route tables that answer them.
import { listenerPathPatterns } from "@stockwiz/core/service-paths";

/** The three application containers, their ports and where their images live. */
export type AppServiceKey = "apiGateway" | "productService" | "inventoryService";

export const appServiceKeys: readonly AppServiceKey[] = [
  "apiGateway",
  "productService",
  "inventoryService",
];

export interface AppServiceNames {
  /** Container name, log stream prefix and the `<stage>-stockwiz-<container>` repository suffix. */
  readonly container: string;
  readonly port: number;
  readonly repository: string;
  /** The Lambda function of a serverless stage (logs in `/aws/lambda/<function>`). */
  readonly function: string;
  readonly targetGroup: string;
  /** The listener rule of CONTRACT.md §1 that sends these paths here; absent: the default action. */
  readonly route?: ListenerRoute;
}

export interface ListenerRoute {
  readonly priority: number;
  readonly pathPatterns: readonly string[];
}

/**
 * Legacy physical names, kept on purpose: dashboards, runbooks and the
 * pipeline address resources by them. Every name derives from the stage here.
 */
export interface ResourceNames {
  readonly vpc: string;
  readonly cluster: string;
  readonly service: string;
  readonly taskFamily: string;
  readonly loadBalancer: string;
  readonly logGroup: string;
  readonly alertsTopic: string;
  /** Where the inventory service publishes stock events (issue 17). */
  readonly stockEventsTopic: string;
  readonly dashboard: string;
  readonly metricNamespace: string;
  readonly postgresRepository: string;
  readonly databaseSecret: string;
  readonly apiKeysSecret: string;
  /** The serverless stages' deploy-time migration function. */
  readonly migrateFunction: string;
  /** The serverless stages' scheduled function: the inventory service's periodic tasks. */
  readonly inventoryPeriodicFunction: string;
  readonly appServices: Readonly<Record<AppServiceKey, AppServiceNames>>;
}

export function resourceNames(stage: string): ResourceNames {
  const appService = (
    container: string,
    port: number,
    targetGroup: string,
    route?: ListenerRoute,
  ): AppServiceNames => ({
    container,
    port,
    repository: `${stage}-stockwiz-${container}`,
    function: `${stage}-stockwiz-${container}`,
    targetGroup: `${stage}-${targetGroup}`,
    route,
  });
  return {
    vpc: `${stage}-vpc`,
    cluster: `${stage}-cluster`,
    service: `${stage}-stockwiz`,
    taskFamily: `${stage}-stockwiz`,
    loadBalancer: `${stage}-alb`,
    logGroup: `/ecs/${stage}`,
    alertsTopic: `${stage}-alerts`,
    stockEventsTopic: `${stage}-stock-events`,
    dashboard: `${stage}-stockwiz-dashboard`,
    metricNamespace: `StockWiz/${stage}`,
    postgresRepository: `${stage}-stockwiz-postgres`,
    databaseSecret: `${stage}/stockwiz/database`,
    apiKeysSecret: `${stage}/stockwiz/api-keys`,
    migrateFunction: `${stage}-stockwiz-migrate`,
    inventoryPeriodicFunction: `${stage}-stockwiz-inventory-periodic`,
    appServices: {
      apiGateway: appService("api-gateway", 8000, "api-gw-tg"),
      productService: appService("product-service", 8001, "product-svc-tg", {
        priority: 100,
        pathPatterns: listenerPathPatterns("productService"),
      }),
      inventoryService: appService("inventory-service", 8002, "inventory-svc-tg", {
        priority: 200,
        pathPatterns: listenerPathPatterns("inventoryService"),
      }),
    },
  };
}
