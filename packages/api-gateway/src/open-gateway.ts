import {
  connectConfiguredCache,
  createLogger,
  noSharedCache,
  parseEnv,
  requestLogSettingsOf,
  type SharedCache,
} from "@stockwiz/adapters";
import type { FastifyInstance } from "fastify";
import { buildGatewayApp } from "./build-gateway-app.ts";
import { type GatewayEnv, gatewayEnvSchema } from "./gateway-config.ts";
import { UpstreamService } from "./upstream/upstream-service.ts";

export interface OpenGateway {
  app: FastifyInstance;
  /** Where a container listens; a Lambda target has no use for them. */
  listen: { host: string; port: number };
  /** Closes the upstream pools and the cache it opened, once the app takes no more requests. */
  closeClients(): Promise<void>;
}

export interface OpenGatewayOptions {
  /**
   * The cache the services of this process share (the all-in-one), REDIS_URL's or in memory:
   * used instead of connecting its own, and left for whoever opened it to close.
   */
  cache?: SharedCache;
}

/** The one loader of the gateway's variables, wherever it runs. */
export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayEnv =>
  parseEnv(gatewayEnvSchema, env);

/** The gateway from its checked configuration: its cache (unless shared), upstream pools, app. */
export async function openConfiguredGateway(
  config: GatewayEnv,
  options: OpenGatewayOptions = {},
): Promise<OpenGateway> {
  const logger = createLogger({ level: config.LOG_LEVEL, name: "api-gateway" });
  const redis = options.cache ? undefined : connectConfiguredCache(config, logger);
  const productService = new UpstreamService(
    "product-service",
    config.PRODUCT_SERVICE_URL,
    config.UPSTREAM_TIMEOUT_MS,
  );
  const inventoryService = new UpstreamService(
    "inventory-service",
    config.INVENTORY_SERVICE_URL,
    config.UPSTREAM_TIMEOUT_MS,
  );
  const app = await buildGatewayApp({
    cache: options.cache ?? redis?.cache ?? noSharedCache,
    productService,
    inventoryService,
    logger,
    // Each process counts what it serves; a client's connections are handed round the
    // processes, so each allows its share of the limit.
    rateLimitPerMinute: Math.ceil(config.RATE_LIMIT_PER_MINUTE / config.SERVER_PROCESSES),
    webDistDir: config.STOCKWIZ_WEB_DIST,
    trustedProxyHops: config.TRUST_PROXY_HOPS,
    requestLog: requestLogSettingsOf(config),
  });
  return {
    app,
    listen: { host: config.HOST, port: config.PORT },
    closeClients: async () => {
      await Promise.all([productService.close(), inventoryService.close(), redis?.close()]);
    },
  };
}

/**
 * The gateway from its environment: the one app both the container and the Lambda target run.
 * It owns no database, only the shared cache and a connection pool per downstream service.
 */
export const openGateway = (env: NodeJS.ProcessEnv = process.env): Promise<OpenGateway> =>
  openConfiguredGateway(loadGatewayConfig(env));
