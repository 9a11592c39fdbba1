import { LRUCache } from "lru-cache";

interface Copy<V> {
  value: V;
  generation: string;
}

export interface GenerationCopiesOptions<V> {
  /** Bytes kept at most (values and keys); the least recently used copies go first. */
  maxBytes: number;
  /**
   * How long a copy may live. Copies are checked against the generation on every read, so this
   * only bounds how long a copy outlives an invalidation that was lost.
   */
  ttlMs: number;
  bytesOf(value: V): number;
}

/**
 * The one in-process cache tier: values kept in the process, each tagged with the shared
 * cache's generation it was valid under and handed out only while the caller reads that same
 * generation. Every write through any process moves the generation, so a copy is never older
 * than the last acknowledged write. Used for the services' near copies of Redis values and the
 * gateway's copies of upstream answers.
 */
export class GenerationCopies<V> {
  private readonly copies: LRUCache<string, Copy<V>>;
  private readonly ttlMs: number;

  constructor(options: GenerationCopiesOptions<V>) {
    this.ttlMs = options.ttlMs;
    this.copies = new LRUCache({
      maxSize: options.maxBytes,
      sizeCalculation: (copy, key) => options.bytesOf(copy.value) + key.length,
      ttl: options.ttlMs,
    });
  }

  /** The copy of `key`, if it was kept under `generation` (the one the caller just read). */
  get(key: string, generation: string): V | undefined {
    const copy = this.copies.get(key);
    return copy?.generation === generation ? copy.value : undefined;
  }

  /** Keeps `value`, valid under `generation`, for the tier's TTL or `ttlMs` if shorter. */
  set(key: string, value: V, generation: string, ttlMs = this.ttlMs): void {
    this.copies.set(key, { value, generation }, { ttl: Math.min(ttlMs, this.ttlMs) });
  }

  delete(key: string): void {
    this.copies.delete(key);
  }

  clear(): void {
    this.copies.clear();
  }
}
