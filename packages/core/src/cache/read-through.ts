import type { Cache } from "./cache.ts";

export interface ReadThroughOptions {
  /** Skip the cached copy and replace it. */
  refresh?: boolean;
}

/**
 * Returns the cached JSON text or loads the value, caches its JSON and returns that: for callers
 * that only pass the JSON on, it is never parsed and written out again. `undefined` (not
 * found) is never cached, so a row created later is seen at once.
 */
export async function readThroughJson<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T | undefined>,
  options: ReadThroughOptions = {},
): Promise<string | undefined> {
  if (!options.refresh) {
    const hit = await cache.get(key);
    if (hit !== null) return hit;
  }
  const generation = await cache.generation();
  const value = await load();
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  if (generation !== null) await cache.setIfUnchanged(key, json, ttlSeconds, generation);
  return json;
}

/** `readThroughJson`, parsed. */
export async function readThrough<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T | undefined>,
  options: ReadThroughOptions = {},
): Promise<T | undefined> {
  const json = await readThroughJson(cache, key, ttlSeconds, load, options);
  return json === undefined ? undefined : (JSON.parse(json) as T);
}
