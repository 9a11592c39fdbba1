import type { AppServiceKey } from "./resource-names.ts";
import type { FargateStageConfig } from "./stage-config.ts";

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
 * The plain environment of one service's container in the ECS task (secrets come apart). Inside
 * a task the three services share localhost. `npm run bench` starts the services with this too,
 * so that what it measures is what ships.
 */
export function serviceEnvironment(
  config: FargateStageConfig,
  key: AppServiceKey,
  stores: StoreEndpoints,
): Record<string, string> {
  const { names, service: settings } = config;
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
  return {
    NODE_ENV: "production",
    PORT: String(names.appServices[key].port),
    ...databaseEnvironment,
    REDIS_URL: stores.redisUrl,
    PRODUCT_SERVICE_URL: `http://localhost:${names.appServices.productService.port}`,
    INVENTORY_SERVICE_URL: `http://localhost:${names.appServices.inventoryService.port}`,
    LOG_SUCCESS_SAMPLE_RATE: String(settings.requestLog.successSampleRate),
    LOG_SLOW_REQUEST_MS: String(settings.requestLog.slowRequestMs),
    SERVER_PROCESSES: String(settings.serverProcesses[key]),
    ...(key === "apiGateway" ? { TRUST_PROXY_HOPS: String(trustedProxyHops) } : {}),
  };
}
