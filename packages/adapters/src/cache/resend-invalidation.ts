import { perTurnBatch } from "@stockwiz/core";
import type { Redis } from "ioredis";
import { sendInvalidation, withCacheScripts } from "./redis-scripts.ts";

/**
 * Sends again, over a connection opened for it, an invalidation the cache's own connection could
 * not send; resolves once it is sent or the one connection attempt failed.
 *
 * Why: a client that lost Redis waits out its reconnection back-off (up to 2 s) even once Redis
 * is back, and sends nothing meanwhile. Another process may have reconnected sooner, cleared the
 * namespace and trusted its copies again; a write acknowledged without its invalidation in that
 * gap was served stale by the gateway's copies until the writer reconnected (issue 15). Opening
 * a connection now tells the two cases apart: Redis answers, and the invalidation lands before
 * the write is acknowledged; or Redis is down, so no process can read it either: each has lost
 * it and clears the namespace, after this write, before trusting it again. (A partition that
 * cuts this process alone off a Redis the others still reach is not covered: telling that apart
 * would take leases.)
 *
 * Failed invalidations of one event-loop turn share one connection, opened after the last of
 * them failed.
 */
export function resendOverFreshConnection(
  redis: Redis,
  connectTimeoutMs: number,
): (keys: readonly string[]) => Promise<void> {
  return perTurnBatch(async (batches: (readonly string[])[]) => {
    await sendOnce(redis, [...new Set(batches.flat())], connectTimeoutMs).catch(() => {
      // Redis is down: every process lost it and clears it before trusting it again
    });
    return batches.map(() => undefined);
  });
}

async function sendOnce(redis: Redis, keys: string[], connectTimeoutMs: number): Promise<void> {
  const fresh = withCacheScripts(
    redis.duplicate({
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      retryStrategy: () => null,
    }),
  );
  fresh.on("error", () => {}); // a failure reaches the caller through the promise
  try {
    await fresh.connect();
    await sendInvalidation(fresh, keys);
  } finally {
    fresh.disconnect();
  }
}
