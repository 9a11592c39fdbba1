import { InFlight } from "../concurrency/in-flight.ts";
import type { Cache } from "./cache.ts";

export interface ReadThroughOptions {
  /** Skip the cached copy and replace it. */
  refresh?: boolean;
}

// Loads in flight, per cache, by generation and key. A reader that finds one under the
// generation it just read may share it: no write was acknowledged between the moment the load
// began and that reader's arrival, or the generation would have moved.
const loadsInFlight = new WeakMap<Cache, InFlight<string | undefined>>();

/**
 * Returns the cached JSON text or loads the value, caches its JSON and returns that: for callers
 * that only pass the JSON on, it is never parsed and written out again. `undefined` (not
 * found) is never cached, so a row created later is seen at once. Concurrent misses of one key
 * share one load, so an expiry under load is one query, not one per waiting request.
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
  if (generation === null) return jsonOf(await load());
  let loads = loadsInFlight.get(cache);
  if (loads === undefined) {
    loads = new InFlight();
    loadsInFlight.set(cache, loads);
  }
  return loads.run(`${generation}\u0000${key}`, () =>
    loadAndFill(cache, key, ttlSeconds, load, generation),
  );
}

const jsonOf = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

async function loadAndFill<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T | undefined>,
  generation: string,
): Promise<string | undefined> {
  const json = jsonOf(await load());
  if (json !== undefined) await cache.setIfUnchanged(key, json, ttlSeconds, generation);
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
