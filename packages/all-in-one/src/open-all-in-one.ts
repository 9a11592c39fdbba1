import {
  createLogger,
  createMemoryCache,
  loadServiceConfig,
  openConfiguredService,
  openStores,
  parseEnv,
  type ServedApp,
} from "@stockwiz/adapters";
import { loadGatewayConfig, openConfiguredGateway } from "@stockwiz/api-gateway";
import { inventoryService } from "@stockwiz/inventory-service";
import { productService } from "@stockwiz/product-service";
import { allInOneEnvSchema, partEnvironments } from "./all-in-one-config.ts";

export interface AllInOne {
  /** In the order to listen: the services, then the gateway that calls them. */
  parts: ServedApp[];
  /** Closes the gateway's pools and the shared stores, once no app takes requests. */
  closeClients(): Promise<void>;
  /** The front door, for the log line a developer clicks. */
  url: string;
}

/**
 * `npm start`'s three parts, each opened by the opener it runs with alone, in one process. They
 * share one database handle (PGlite allows one) and one cache, REDIS_URL's or else one in
 * memory, so a write through any of them is seen through all of them.
 */
export async function openAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<AllInOne> {
  const config = parseEnv(allInOneEnvSchema, env);
  const environments = partEnvironments(env, config);
  // Every part's variables are checked before anything is opened.
  const product = loadServiceConfig(productService, environments.productService);
  const inventory = loadServiceConfig(inventoryService, environments.inventoryService);
  const gateway = loadGatewayConfig(environments.gateway);
  const logger = createLogger({ level: product.logLevel, name: "stockwiz" });
  const stores = await openStores(product.stores, logger, { fallbackCache: createMemoryCache() });
  try {
    const services = [
      await openConfiguredService(product, { stores }),
      await openConfiguredService(inventory, { stores }),
    ];
    const front = await openConfiguredGateway(gateway, { cache: stores.deps.cache });
    return {
      parts: [...services, front],
      closeClients: async () => {
        await front.closeClients();
        await stores.close();
      },
      url: `http://localhost:${config.GATEWAY_PORT}/`,
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
