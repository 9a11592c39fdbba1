import type { AddressInfo } from "node:net";
import {
  buildServiceApp,
  type Logger,
  type OpenStores,
  openStores,
  parseEnv,
  type SharedCache,
  storeEnvSchema,
} from "@stockwiz/adapters";
import type { productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";

export interface RecordingUpstream {
  app: FastifyInstance;
  url: string;
  seen: { url: string; requestId: string | undefined }[];
}

/** Embedded stores in memory, sharing `cache` with whoever else is given it. */
export const openMemoryStores = (cache: SharedCache, logger: Logger): Promise<OpenStores> =>
  openStores(parseEnv(storeEnvSchema, { STOCKWIZ_DATA_DIR: "memory://" }), logger, {
    fallbackCache: cache,
  });

/** A real service app on a loopback port, recording what the gateway sent it. */
export async function startRecordingUpstream(
  routes: typeof productServiceRoutes,
  stores: OpenStores,
  logger: Logger,
): Promise<RecordingUpstream> {
  const app = await buildServiceApp(routes, stores.deps, logger);
  const seen: RecordingUpstream["seen"] = [];
  app.addHook("onRequest", async (request) => {
    seen.push({
      url: request.url,
      requestId: request.headers["x-request-id"] as string | undefined,
    });
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, seen };
}
