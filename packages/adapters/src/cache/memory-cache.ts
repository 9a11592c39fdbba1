import { invalidationsKept, namesAnyOf, RecentInvalidations } from "./recent-invalidations.ts";
import type { SharedCache } from "./shared-cache.ts";

interface Entry {
  value: string;
  expiresAt: number;
}

/** One process sees every invalidation, so this cache always vouches for its generation. */
export interface MemoryCache extends SharedCache {
  generation(): Promise<string>;
}

/**
 * The embedded default: one process, one map. Only correct when every service that writes
 * shares this instance (the all-in-one process), which is why services alone never pick it.
 */
export function createMemoryCache(
  options: { maxEntries?: number; now?: () => number } = {},
): MemoryCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let generation = 0;
  // The gateway's copies in the all-in-one learn from it what each write made stale.
  const invalidations = new RecentInvalidations(invalidationsKept);
  invalidations.restartAt(String(generation));

  const get = async (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  };

  return {
    invalidations,
    get,
    async getBytes(key) {
      const value = await get(key);
      return value === null ? null : Buffer.from(value);
    },
    async generation() {
      return String(generation);
    },
    async setIfUnchanged(key, value, ttlSeconds, seen) {
      if (namesAnyOf(invalidations.staleBetween(seen, String(generation)), [key])) return;
      entries.delete(key); // re-insert at the end: Map order doubles as age for eviction
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    async invalidate(keys) {
      for (const key of keys) entries.delete(key);
      generation += 1;
      invalidations.extend([{ generation, stale: keys }], String(generation));
    },
  };
}
