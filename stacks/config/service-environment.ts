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
 * The V8 heap each service runs with (issue 16, bench/profile-findings.md "Memory"). Left to
 * itself, V8 sizes the heap for the host (no cgroup limit in sight: a 4 GiB limit on a large
 * host): the young generation grew to 128 MiB per process under load, and the old generation
 * to 2–4 times its live data before collecting, so every service sat at 240–440 MiB while
 * holding 20–30 MiB of live objects. A 4 MiB semi-space keeps the young generation at 8 MiB
 * (scavenges stay short: what these servers allocate per request dies young), and a 512 MiB
 * old-space limit lowers V8's heap growing factor (at most 4 from a 1 GiB limit, about 1.6 at
 * 512 MiB) while leaving over 7 times the live heap of the gateway streaming a million products.
 */
export const serviceNodeOptions = "--max-semi-space-size=4 --max-old-space-size=512";

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
    NODE_OPTIONS: serviceNodeOptions,
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
