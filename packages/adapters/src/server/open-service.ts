import type { AnyRoute, ServiceDeps } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { apiKeyEnvSchema, apiKeysOf } from "../config/api-key-config.ts";
import { parseEnv } from "../config/parse-env.ts";
import { serviceEnvSchema, storeEnvSchema } from "../config/store-config.ts";
import { createLogger } from "../logger.ts";
import { buildServiceApp } from "./build-service-app.ts";
import { openStores } from "./open-stores.ts";

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  routes: readonly AnyRoute<ServiceDeps>[];
}

export interface OpenService {
  app: FastifyInstance;
  /** Where a container listens; a Lambda target has no use for them. */
  listen: { host: string; port: number };
  /** Closes the stores, once the app takes no more requests. */
  closeStores(): Promise<void>;
}

/**
 * A product or inventory service from its environment: the one app both the container and the
 * Lambda target run. Every variable is checked before any store is opened, so a configuration
 * mistake fails at once and names the variables.
 */
export async function openService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenService> {
  const settings = parseEnv(serviceEnvSchema(service.defaultPort), env);
  const storeEnv = parseEnv(storeEnvSchema, env);
  const apiKeys = apiKeysOf(parseEnv(apiKeyEnvSchema, env));
  const logger = createLogger({ level: settings.LOG_LEVEL, name: service.name });
  const stores = await openStores(storeEnv, logger);
  const app = await buildServiceApp(service.routes, stores.deps, logger, { apiKeys });
  return {
    app,
    listen: { host: settings.HOST, port: settings.PORT },
    closeStores: stores.close,
  };
}
