import {
  connectConfiguredCache,
  createLogger,
  parseEnv,
  serveUntilSignal,
} from "@stockwiz/adapters";
import { noCache } from "@stockwiz/core";
import { buildGatewayApp } from "./build-gateway-app.ts";
import { gatewayEnvSchema } from "./gateway-config.ts";
import { UpstreamService } from "./upstream/upstream-service.ts";

/** The gateway's container entry: it owns no database, only the shared cache. */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = parseEnv(gatewayEnvSchema, env);
  const logger = createLogger({ level: config.LOG_LEVEL, name: "api-gateway" });
  const redis = connectConfiguredCache(config, logger);
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
    cache: redis?.cache ?? noCache,
    productService,
    inventoryService,
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    webDistDir: config.STOCKWIZ_WEB_DIST,
    trustedProxyHops: config.TRUST_PROXY_HOPS,
  });
  await serveUntilSignal(app, {
    host: config.HOST,
    port: config.PORT,
    onClose: async () => {
      await Promise.all([productService.close(), inventoryService.close(), redis?.close()]);
    },
  });
}
