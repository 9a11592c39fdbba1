import type { Cache } from "../src/index.ts";

/** A Map-backed cache with the generation rule, to watch what core asks of a cache. */
export function fakeCache(): Cache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  let generation = 0;
  return {
    entries,
    get: async (key) => entries.get(key) ?? null,
    getBytes: async (key) => {
      const value = entries.get(key);
      return value === undefined ? null : new TextEncoder().encode(value);
    },
    generation: async () => String(generation),
    setIfUnchanged: async (key, value, _ttl, seen) => {
      if (seen === String(generation)) entries.set(key, value);
    },
    invalidate: async (keys) => {
      for (const key of keys) entries.delete(key);
      generation += 1;
    },
  };
}
