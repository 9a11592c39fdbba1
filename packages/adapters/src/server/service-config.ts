import type { AnyRoute, ApiKeys, ServiceDeps } from "@stockwiz/core";
import { apiKeyEnvSchema, apiKeysOf } from "../config/api-key-config.ts";
import { parseEnv } from "../config/parse-env.ts";
import {
  type StockEventsConfig,
  stockEventsConfigOf,
  stockEventsEnvSchema,
} from "../config/stock-events-config.ts";
import {
  type LogLevel,
  type RequestLogSettings,
  requestLogSettingsOf,
  type StoreEnv,
  serviceEnvSchema,
  storeEnvSchema,
} from "../config/store-config.ts";
import type { PeriodicTask } from "./periodic-task.ts";

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  routes: readonly AnyRoute<ServiceDeps>[];
  /** Run on an interval by a process that stays up; a Lambda target leaves them to a schedule. */
  periodicTasks?: readonly PeriodicTask[];
}

/** Everything a product or inventory service reads from its environment, checked. */
export interface ServiceConfig {
  service: ServiceDefinition;
  listen: { host: string; port: number };
  /** Processes serving the port together in a container (see `serveInProcesses`). */
  processes: number;
  logLevel: LogLevel;
  requestLog: RequestLogSettings;
  apiKeys: ApiKeys;
  stores: StoreEnv;
  stockEvents: StockEventsConfig;
}

/**
 * The one loader of a service's variables, whether it runs alone, as a Lambda target or in the
 * all-in-one process. Reads no file but a CA bundle and opens nothing, so a caller can check
 * every part's configuration before any store is opened.
 */
export function loadServiceConfig(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const settings = parseEnv(serviceEnvSchema(service.defaultPort), env);
  return {
    service,
    listen: { host: settings.HOST, port: settings.PORT },
    processes: settings.SERVER_PROCESSES,
    logLevel: settings.LOG_LEVEL,
    requestLog: requestLogSettingsOf(settings),
    apiKeys: apiKeysOf(parseEnv(apiKeyEnvSchema, env)),
    stores: parseEnv(storeEnvSchema, env),
    stockEvents: stockEventsConfigOf(parseEnv(stockEventsEnvSchema, env)),
  };
}
