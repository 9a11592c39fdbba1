import { openService } from "../server/open-service.ts";
import type { ServiceDefinition } from "../server/service-config.ts";
import { type AlbHandler, albHandlerFor } from "./fastify-alb-handler.ts";

export interface ServiceLambda {
  handler: AlbHandler;
  /** Lambda freezes and drops environments by itself; tests and the local ALB close them. */
  close(): Promise<void>;
}

const readsOnly = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A product or inventory service as an ALB→Lambda target: the container's app. Awaited at module
 * load (the init phase), so configuration, the database connection and migrations are done
 * once per execution environment before the first event, and a mistake fails the init with
 * the message the container would print.
 */
export async function createServiceLambda(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceLambda> {
  // No interval in a frozen environment: the periodic tasks (the outbox's delivery, the sweep of
  // lapsed reservations) run after each write instead, before the answer returns, since the
  // environment may be frozen right after it. A scheduled function covers quiet stretches
  // (createPeriodicTasksLambda).
  const { app, closeStores, runPeriodicTasksOnce } = await openService(service, env, {
    periodicTasks: false,
  });
  const answer = await albHandlerFor(app);
  return {
    handler: async (event, context) => {
      const result = await answer(event, context);
      if (!readsOnly.has(event.httpMethod)) await runPeriodicTasksOnce();
      return result;
    },
    close: async () => {
      await app.close();
      await closeStores();
    },
  };
}
