import { openService } from "../server/open-service.ts";
import type { ServiceDefinition } from "../server/service-config.ts";
import { type AlbHandler, albHandlerFor } from "./fastify-alb-handler.ts";

export interface ServiceLambda {
  handler: AlbHandler;
  /** Lambda freezes and drops environments by itself; tests and the local ALB close them. */
  close(): Promise<void>;
}

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
  // No interval in a frozen environment: periodic tasks run as a scheduled function instead.
  const { app, closeStores } = await openService(service, env, { periodicTasks: false });
  return {
    handler: await albHandlerFor(app),
    close: async () => {
      await app.close();
      await closeStores();
    },
  };
}
