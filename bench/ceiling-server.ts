import { connectConfiguredCache, createLogger } from "@stockwiz/adapters";
import { fastify } from "fastify";
import { baselineBody } from "./lib/baseline-body.ts";

/**
 * The ceilings the goals are read against, measured in the same run as everything else: bare
 * Fastify answering the baseline's body (no logger, no hooks), and, with `REDIS_URL` set, the
 * same answer sent only after the shared cache's generation is read, as every answer served
 * from a copy kept in a process must be under read-your-writes (CONTRACT.md §7). No StockWiz
 * answer can beat the ceiling that applies to it.
 */
const port = Number(process.env.PORT ?? "0");
const redis = connectConfiguredCache(
  {
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX ?? "stockwiz:",
  },
  createLogger({ level: "warn", name: "ceiling" }),
);
const cache = redis?.cache;

// A namespace with no generation yet is first cleared and given one: wait for that (bounded).
for (let attempt = 0; cache !== undefined && (await cache.generation()) === null; attempt += 1) {
  if (attempt === 50) throw new Error("the ceiling's cache never vouched for a generation");
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const app = fastify();
app.get("/", async (_request, reply) => {
  // The generation is read once per event-loop turn, shared by the requests of that turn.
  if (cache !== undefined && (await cache.generation()) === null)
    throw new Error("the ceiling's cache cannot vouch for its generation");
  return reply.type("application/json").send(baselineBody);
});
await app.listen({ port, host: "127.0.0.1" });
process.stdout.write("ceiling ready\n");
process.on("SIGTERM", () => {
  void Promise.all([app.close(), redis?.close()]).then(() => process.exit(0));
});
