import { type Cache, noCache } from "../cache/cache.ts";
import type { ServiceDeps } from "../deps.ts";

/**
 * Runs `work` in one transaction. Cache invalidations are held back until the commit: sent
 * earlier, a reader could refill the cache from the not-yet-committed (old) state. Inside an
 * outer transaction the work simply joins it, and the outer one sends the invalidations.
 */
export async function withTransaction<T>(
  deps: ServiceDeps,
  work: (tx: ServiceDeps) => Promise<T>,
): Promise<T> {
  if (deps.db.isTransaction) return work(deps);
  const stale = new Set<string>();
  // An invalidation of no key still moves the generation (copies that name no key go stale).
  let invalidated = false;
  // Reads inside a transaction must see its own writes, so they get no cache at all.
  const heldBack: Cache = {
    ...noCache,
    invalidate: async (keys) => {
      invalidated = true;
      for (const key of keys) stale.add(key);
    },
  };
  const result = await deps.db
    .transaction()
    .execute((trx) => work({ ...deps, db: trx, cache: heldBack }));
  if (invalidated) await deps.cache.invalidate([...stale]);
  return result;
}
