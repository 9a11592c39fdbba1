import type { AnyRoute, ServiceDeps } from "@stockwiz/core";
import { apiKeyEnvSchema, apiKeysOf } from "../config/api-key-config.ts";
import { parseEnv } from "../config/parse-env.ts";
import { serviceEnvSchema, storeEnvSchema } from "../config/store-config.ts";
import { createLogger } from "../logger.ts";
import { buildServiceApp } from "./build-service-app.ts";
import { openStores } from "./open-stores.ts";
import { serveUntilSignal } from "./serve-until-signal.ts";

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  routes: readonly AnyRoute<ServiceDeps>[];
}

/** What a service container runs: config, stores, app, listen, drain on SIGTERM. */
export async function startService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const settings = parseEnv(serviceEnvSchema(service.defaultPort), env);
  const storeEnv = parseEnv(storeEnvSchema, env);
  const logger = createLogger({ level: settings.LOG_LEVEL, name: service.name });
  const stores = await openStores(storeEnv, logger);
  const apiKeys = apiKeysOf(parseEnv(apiKeyEnvSchema, env));
  const app = await buildServiceApp(service.routes, stores.deps, logger, { apiKeys });
  await serveUntilSignal(app, { host: settings.HOST, port: settings.PORT, onClose: stores.close });
}
