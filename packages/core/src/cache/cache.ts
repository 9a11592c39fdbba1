/**
 * What core needs from a cache. Implementations never throw: a broken or absent cache behaves
 * as an empty one, because the database is the source of truth.
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  /**
   * The value as UTF-8 bytes, for a value written out as it is (a catalogue chunk): no text is
   * decoded and encoded again on the way, which cost more than the rest of a large answer.
   */
  getBytes(key: string): Promise<Uint8Array | null>;
  /**
   * A token that changes on every invalidation, read after the call began. Read it before
   * loading from the database and hand it to `setIfUnchanged`, so a slow reader cannot put
   * back what a write just removed. `null` when the cache cannot vouch that it sees every
   * invalidation (no cache, or one cut off): then nothing may be cached under it.
   */
  generation(): Promise<string | null>;
  /**
   * Stores the value unless an invalidation since `generation` named `key` (or the cache can
   * no longer tell what happened since): a value loaded before such a write is never put back.
   */
  setIfUnchanged(key: string, value: string, ttlSeconds: number, generation: string): Promise<void>;
  /**
   * Removes the keys and moves the generation on, in that order of visibility; copies kept
   * elsewhere that name one of the keys, or name none, go stale with it. Resolves once
   * that is done, or once the cache was found unreachable after the call began (then every
   * process loses it too and clears it before trusting it again): a write acknowledged after
   * this resolves leaves no copy that another process may still serve.
   */
  invalidate(keys: readonly string[]): Promise<void>;
}

/** A cache that never holds anything: for a process that cannot share one with its peers. */
export const noCache: Cache = {
  get: async () => null,
  getBytes: async () => null,
  generation: async () => null,
  setIfUnchanged: async () => {},
  invalidate: async () => {},
};
