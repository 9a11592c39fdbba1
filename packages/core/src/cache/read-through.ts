import type { Cache } from "./cache.ts";

/**
 * Returns the cached value or loads it and caches it. `undefined` (not found) is never cached,
 * so a row created later is seen at once. `refresh` skips the cached copy and replaces it.
 */
export async function readThrough<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T | undefined>,
  options: { refresh?: boolean } = {},
): Promise<T | undefined> {
  if (!options.refresh) {
    const hit = await cache.get(key);
    if (hit !== null) return JSON.parse(hit) as T;
  }
  const generation = await cache.generation();
  const value = await load();
  if (value !== undefined && generation !== null) {
    await cache.setIfUnchanged(key, JSON.stringify(value), ttlSeconds, generation);
  }
  return value;
}
