import type { FastifyInstance } from "fastify";
import { createLogger } from "../logger.ts";
import { stockEventSinkFor } from "../stock-events/stock-event-sink-for.ts";
import { buildServiceApp } from "./build-service-app.ts";
import { type OpenStores, openStores } from "./open-stores.ts";
import { runPeriodicTask, startPeriodicTask } from "./periodic-task.ts";
import { loadServiceConfig, type ServiceConfig, type ServiceDefinition } from "./service-config.ts";

export interface OpenService {
  app: FastifyInstance;
  /** Where a container listens; a Lambda target has no use for them. */
  listen: { host: string; port: number };
  /** Closes the stores it opened, once the app takes no more requests; shared ones stay open. */
  closeStores(): Promise<void>;
  /**
   * Runs each periodic task once, now, a failure logged: what a Lambda target does after a
   * write, where a container runs them on an interval.
   */
  runPeriodicTasksOnce(): Promise<void>;
}

export interface OpenServiceOptions {
  /**
   * Stores already open in this process and shared with its other services (the all-in-one):
   * used as they are, and left for whoever opened them to close.
   */
  stores?: OpenStores;
  /**
   * Start the service's periodic tasks (default true). A Lambda target does not: its
   * environment is frozen between events, so a scheduled function runs them instead.
   */
  periodicTasks?: boolean;
}

/** A service from its checked configuration: its stores (unless shared) and its app. */
export async function openConfiguredService(
  config: ServiceConfig,
  options: OpenServiceOptions = {},
): Promise<OpenService> {
  const logger = createLogger({ level: config.logLevel, name: config.service.name });
  const stores = options.stores ?? (await openStores(config.stores, logger));
  const app = await buildServiceApp(config.service.routes, stores.deps, logger, {
    apiKeys: config.apiKeys,
    requestLog: config.requestLog,
  });
  const context = { logger, stockEventSink: stockEventSinkFor(config.stockEvents, logger) };
  const tasks = config.service.periodicTasks ?? [];
  if (options.periodicTasks !== false) {
    for (const task of tasks) {
      const stop = startPeriodicTask(task, stores.deps, context);
      app.addHook("onClose", async () => stop());
    }
  }
  return {
    app,
    listen: config.listen,
    closeStores: options.stores ? async () => {} : stores.close,
    runPeriodicTasksOnce: async () => {
      for (const task of tasks) await runPeriodicTask(task, stores.deps, context);
    },
  };
}

/**
 * A product or inventory service from its environment: the one app both the container and the
 * Lambda target run. Every variable is checked before any store is opened, so a configuration
 * mistake fails at once and names the variables.
 */
export async function openService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
  options: Pick<OpenServiceOptions, "periodicTasks"> = {},
): Promise<OpenService> {
  return openConfiguredService(loadServiceConfig(service, env), options);
}
