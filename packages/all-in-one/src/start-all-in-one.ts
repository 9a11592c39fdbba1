import {
  apiKeyEnvSchema,
  apiKeysOf,
  buildServiceApp,
  createLogger,
  createMemoryCache,
  openStores,
  parseEnv,
  storeEnvSchema,
} from "@stockwiz/adapters";
import { buildGatewayApp, gatewayLimitsEnvSchema, UpstreamService } from "@stockwiz/api-gateway";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import closeWithGrace from "close-with-grace";
import * as z from "zod";

const port = z.coerce.number().int().min(1).max(65_535);
const allInOneEnvSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  GATEWAY_PORT: port.default(8000),
  PRODUCT_SERVICE_PORT: port.default(8001),
  INVENTORY_SERVICE_PORT: port.default(8002),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/**
 * `npm start`: the three services in one process, each on its own port as in production. They
 * share one database handle (PGlite allows one) and one in-memory cache, so a write through any
 * of them is seen through all of them.
 */
export async function startAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = parseEnv(allInOneEnvSchema, env);
  const logger = createLogger({ level: config.LOG_LEVEL, name: "stockwiz" });
  const stores = await openStores(parseEnv(storeEnvSchema, env), logger, {
    fallbackCache: createMemoryCache(),
  });
  const apiKeys = apiKeysOf(parseEnv(apiKeyEnvSchema, env));
  const limits = parseEnv(gatewayLimitsEnvSchema, env);
  const local = (servicePort: number) => `http://127.0.0.1:${servicePort}`;
  const productService = new UpstreamService(
    "product-service",
    local(config.PRODUCT_SERVICE_PORT),
    5_000,
  );
  const inventoryService = new UpstreamService(
    "inventory-service",
    local(config.INVENTORY_SERVICE_PORT),
    5_000,
  );

  const apps = [
    {
      port: config.PRODUCT_SERVICE_PORT,
      app: await buildServiceApp(
        productServiceRoutes,
        stores.deps,
        logger.child({ service: "product-service" }),
        { apiKeys },
      ),
    },
    {
      port: config.INVENTORY_SERVICE_PORT,
      app: await buildServiceApp(
        inventoryServiceRoutes,
        stores.deps,
        logger.child({ service: "inventory-service" }),
        { apiKeys },
      ),
    },
    {
      port: config.GATEWAY_PORT,
      app: await buildGatewayApp({
        cache: stores.deps.cache,
        productService,
        inventoryService,
        logger: logger.child({ service: "api-gateway" }),
        rateLimitPerMinute: limits.RATE_LIMIT_PER_MINUTE,
        trustedProxyHops: limits.TRUST_PROXY_HOPS,
      }),
    },
  ];

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, "shutting down after a fatal error");
    else logger.info({ signal }, "shutting down");
    // The front door first, so nothing new reaches the services while they drain.
    for (const { app } of [...apps].reverse()) await app.close();
    await Promise.all([productService.close(), inventoryService.close()]);
    await stores.close();
  });
  for (const { app, port: listenPort } of apps)
    await app.listen({ host: config.HOST, port: listenPort });
  logger.info(`StockWiz is up: http://localhost:${config.GATEWAY_PORT}/`);
}
