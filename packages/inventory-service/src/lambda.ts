import {
  createAlbHandler,
  createLogger,
  openStores,
  parseEnv,
  storeEnvSchema,
} from "@stockwiz/adapters";
import { inventoryServiceRoutes } from "@stockwiz/core";

// Opened on the first event and kept for the life of the execution environment.
const logger = createLogger({ level: process.env.LOG_LEVEL ?? "info", name: "inventory-service" });
let stores: ReturnType<typeof openStores> | undefined;
const deps = async () => {
  stores ??= openStores(parseEnv(storeEnvSchema, process.env), logger);
  return (await stores).deps;
};

export const handler = createAlbHandler(inventoryServiceRoutes, deps, logger);
