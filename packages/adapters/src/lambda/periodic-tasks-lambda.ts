import { openService } from "../server/open-service.ts";
import type { ServiceDefinition } from "../server/service-config.ts";

export interface PeriodicTasksLambda {
  /** One scheduled run: each of the service's periodic tasks once, a failure logged. */
  handler: () => Promise<void>;
  /** Lambda freezes and drops environments by itself; tests close them. */
  close(): Promise<void>;
}

/**
 * A service's periodic tasks as a scheduled function, for the quiet stretches in which no write
 * runs them on a Lambda target. Opened as the target is (one loader, one opener, same variables),
 * awaited at module load so a configuration mistake fails the init; no interval, since the
 * environment is frozen between invocations.
 */
export async function createPeriodicTasksLambda(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PeriodicTasksLambda> {
  const { app, closeStores, runPeriodicTasksOnce } = await openService(service, env, {
    periodicTasks: false,
  });
  return {
    handler: runPeriodicTasksOnce,
    close: async () => {
      await app.close();
      await closeStores();
    },
  };
}
