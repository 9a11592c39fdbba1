import type { AppServiceNames, ResourceNames } from "./resource-names.ts";

/** Where the service images keep the RDS CA bundle (the Dockerfiles copy it there). */
export const rdsCaBundleInImage = "/app/certs/rds-ca-bundle.pem";

export interface StoreEndpoints {
  /** Either a full DATABASE_URL (local, no password) or the legacy DB_* trio (password via secrets). */
  readonly database:
    | { readonly url: string }
    | {
        readonly host: string;
        readonly port: string;
        readonly name: string;
        /** TLS verified against the RDS CA bundle shipped in the image. */
        readonly sslMode?: "verify-full";
      };
  readonly redisUrl: string;
}

/**
 * Load balancers in front of the gateway: exactly one, the ALB, which appends the address it
 * saw to X-Forwarded-For. The gateway takes that entry as the client; the ones before it are
 * the client's to forge.
 */
const trustedProxyHops = 1;

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
  const { database } = stores;
  const databaseEnvironment: Record<string, string> =
    "url" in database
      ? { DATABASE_URL: database.url }
      : {
          DB_HOST: database.host,
          DB_PORT: database.port,
          DB_NAME: database.name,
          ...(database.sslMode
            ? { PGSSLMODE: database.sslMode, PGSSLROOTCERT: rdsCaBundleInImage }
            : {}),
        };
  const isGateway = service === names.appServices.apiGateway;
  return {
    NODE_ENV: nodeEnv,
    PORT: String(service.port),
    ...databaseEnvironment,
    REDIS_URL: stores.redisUrl,
    PRODUCT_SERVICE_URL: `http://localhost:${names.appServices.productService.port}`,
    INVENTORY_SERVICE_URL: `http://localhost:${names.appServices.inventoryService.port}`,
    ...(isGateway ? { TRUST_PROXY_HOPS: String(trustedProxyHops) } : {}),
  };
}
