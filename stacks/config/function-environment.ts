import { lambdaTaskRoot, rdsCaBundleFile } from "../constructs/rds-ca-bundle.ts";
import { webDistInFunction } from "./function-files.ts";
import type { FunctionsConfig } from "./stage-config.ts";

/** How a function reaches PostgreSQL: Aurora with IAM tokens over verified TLS, or a local URL. */
export type FunctionDatabase =
  | {
      readonly host: string;
      readonly port: string;
      readonly name: string;
      readonly user: string;
      readonly sslMode: "verify-full";
    }
  | { readonly url: string };

/**
 * The environment of a function that opens the database (a service, or the migration step). On
 * AWS: no password (IAM tokens, signed for the region Lambda sets in AWS_REGION), the RDS CA
 * bundle shipped in the function, no migration at start, a small pool. Under `sst dev`: the
 * developer's PostgreSQL, migrated at start as `npm start` does.
 */
export function databaseFunctionEnvironment(
  database: FunctionDatabase,
  functions: FunctionsConfig,
): Record<string, string> {
  const pool = {
    DB_POOL_MAX: String(functions.dbPoolMax),
    DB_CONNECT_TIMEOUT_MS: String(functions.dbConnectTimeoutMs),
  };
  if ("url" in database) return { NODE_ENV: "development", DATABASE_URL: database.url, ...pool };
  return {
    NODE_ENV: "production",
    DB_HOST: database.host,
    DB_PORT: database.port,
    DB_NAME: database.name,
    DB_USER: database.user,
    DB_IAM_AUTH: "true",
    PGSSLMODE: database.sslMode,
    PGSSLROOTCERT: `${lambdaTaskRoot}/${rdsCaBundleFile}`,
    DB_MIGRATE_ON_START: "false",
    ...pool,
  };
}

/**
 * The gateway function: it owns no database and no cache. It calls each service function by its
 * function URL, never through the ALB, where `GET /products` (no trailing path) would fall to the
 * default action (the gateway itself).
 */
export function gatewayFunctionEnvironment(
  upstreams: { readonly productServiceUrl: string; readonly inventoryServiceUrl: string },
  functions: FunctionsConfig,
  live: boolean,
): Record<string, string> {
  return {
    NODE_ENV: live ? "development" : "production",
    PRODUCT_SERVICE_URL: upstreams.productServiceUrl,
    INVENTORY_SERVICE_URL: upstreams.inventoryServiceUrl,
    UPSTREAM_TIMEOUT_MS: String(functions.upstreamTimeoutMs),
    // The ALB appends the client's address to X-Forwarded-For: one trusted hop, as on Fargate.
    TRUST_PROXY_HOPS: "1",
    // Locally the dashboard is built from source when stale, as `npm start` does.
    ...(live ? {} : { STOCKWIZ_WEB_DIST: `${lambdaTaskRoot}/${webDistInFunction}` }),
  };
}
