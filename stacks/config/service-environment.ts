import type { AppServiceNames, ResourceNames } from "./resource-names.ts";

export interface StoreEndpoints {
  /** Either a full DATABASE_URL (local, no password) or the legacy DB_* trio (password via secrets). */
  readonly database:
    | { readonly url: string }
    | { readonly host: string; readonly port: string; readonly name: string };
  readonly redisUrl: string;
}

/**
 * The plain environment of one service, the same in the ECS task and under
 * `sst bind`: inside a task the three services share localhost, as they do
 * on a developer's machine.
 */
export function serviceEnvironment(
  names: ResourceNames,
  service: AppServiceNames,
  stores: StoreEndpoints,
  nodeEnv: "production" | "development",
): Record<string, string> {
  const database: Record<string, string> =
    "url" in stores.database
      ? { DATABASE_URL: stores.database.url }
      : {
          DB_HOST: stores.database.host,
          DB_PORT: stores.database.port,
          DB_NAME: stores.database.name,
        };
  return {
    NODE_ENV: nodeEnv,
    PORT: String(service.port),
    ...database,
    REDIS_URL: stores.redisUrl,
    PRODUCT_SERVICE_URL: `http://localhost:${names.appServices.productService.port}`,
    INVENTORY_SERVICE_URL: `http://localhost:${names.appServices.inventoryService.port}`,
  };
}
