import { LRUCache } from "lru-cache";
import { type InvalidationRecord, namesAnyOf } from "./recent-invalidations.ts";

interface Copy<V> {
  value: V;
  /** The cache keys whose invalidation makes this copy stale; `anyChange` for every move. */
  tags: readonly string[];
}

/** The tag of a copy that cannot name what it was made from: any invalidation makes it stale. */
export const anyChange = "*";

export interface GenerationCopiesOptions<V> {
  /** Bytes kept at most (values and keys); the least recently used copies go first. */
  maxBytes: number;
  /**
   * How long a copy may live. Copies are checked against the generation on every read, so this
   * only bounds how long a copy outlives an invalidation that was lost.
   */
  ttlMs: number;
  bytesOf(value: V): number;
  /** Which keys each move of the generation made stale. */
  invalidations: InvalidationRecord;
}

/**
 * The one in-process cache tier: values kept in the process, valid as of the generation the
 * tier was last brought up to. A reader hands in the generation it just read; the tier first
 * drops the copies the invalidations since then made stale (those tagged with a key they name,
 * and every untagged one), so a copy is never older than the last acknowledged write, and a
 * write elsewhere leaves the copies it did not touch. Used for the services' near copies of
 * Redis values and the gateway's copies of upstream answers.
 */
export class GenerationCopies<V> {
  private readonly copies: LRUCache<string, Copy<V>>;
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly ttlMs: number;
  private readonly invalidations: InvalidationRecord;
  /** Copies are valid as of this generation; undefined while none may be kept. */
  private seen: string | undefined;

  constructor(options: GenerationCopiesOptions<V>) {
    this.ttlMs = options.ttlMs;
    this.invalidations = options.invalidations;
    this.copies = new LRUCache({
      maxSize: options.maxBytes,
      sizeCalculation: (copy, key) => options.bytesOf(copy.value) + key.length,
      ttl: options.ttlMs,
      dispose: (copy, key) => this.untag(key, copy.tags),
    });
  }

  /** The copy of `key`, valid for a reader that just read `generation`. */
  get(key: string, generation: string): V | undefined {
    this.bringUpTo(generation);
    return this.copies.get(key)?.value;
  }

  /**
   * Keeps `value`, read under `generation`, for the tier's TTL or `ttlMs` if shorter. Refused
   * when the tier has moved past `generation` through an invalidation that makes such a copy
   * stale: it may have come after the value was read. (Under a steady stream of writes the
   * tier has nearly always moved on by the time a value arrives; most moves name other keys.)
   */
  set(
    key: string,
    value: V,
    generation: string,
    options: { tags: readonly string[]; ttlMs?: number },
  ): void {
    this.bringUpTo(generation);
    if (!this.untouchedSince(generation, options.tags)) return;
    const ttl = Math.min(options.ttlMs ?? this.ttlMs, this.ttlMs);
    this.copies.set(key, { value, tags: options.tags }, { ttl });
    // A value larger than the whole budget is not kept, and must leave no tag behind.
    if (this.copies.peek(key)?.value !== value) return;
    for (const tag of options.tags) {
      let keys = this.keysByTag.get(tag);
      if (keys === undefined) {
        keys = new Set();
        this.keysByTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  /**
   * Puts `value`, the same value in another form (text as bytes), in place of the copy of
   * `key`: it keeps the copy's tags and what remains of its time to live.
   */
  replace(key: string, value: V): void {
    const copy = this.copies.peek(key);
    if (copy === undefined) return;
    const ttl = this.copies.getRemainingTTL(key);
    this.copies.set(key, { value, tags: copy.tags }, { ttl, noDisposeOnSet: true });
  }

  delete(key: string): void {
    this.copies.delete(key);
  }

  clear(): void {
    this.copies.clear();
    this.seen = undefined;
  }

  /** Whether what the tier applied since `generation` leaves a copy tagged `tags` valid. */
  private untouchedSince(generation: string, tags: readonly string[]): boolean {
    if (this.seen === undefined) return false;
    if (this.seen === generation) return true;
    if (tags.includes(anyChange)) return false; // the tier moved at least once since
    return !namesAnyOf(this.invalidations.staleBetween(generation, this.seen), tags);
  }

  private bringUpTo(generation: string): void {
    if (this.seen === generation) return;
    const stale =
      this.seen === undefined ? "all" : this.invalidations.staleBetween(this.seen, generation);
    if (stale === "none") return;
    if (stale === "all") {
      this.copies.clear();
    } else {
      this.dropTagged(anyChange);
      for (const key of stale) this.dropTagged(key);
    }
    this.seen = generation;
  }

  private dropTagged(tag: string): void {
    const keys = this.keysByTag.get(tag);
    if (keys === undefined) return;
    for (const key of [...keys]) this.copies.delete(key);
  }

  private untag(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
