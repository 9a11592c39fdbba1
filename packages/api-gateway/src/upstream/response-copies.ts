import { anyChange, GenerationCopies, type SharedCache } from "@stockwiz/adapters";
import { InFlight, surrogateKeyHeader } from "@stockwiz/core";
import type { UpstreamResponse, UpstreamService } from "./upstream-service.ts";

/** A copy as it is kept and sent: a JSON body as text, which Node sends with its headers in one write. */
export interface CopiedResponse extends Omit<UpstreamResponse, "body"> {
  body: Buffer | string;
}

const isJson = (response: UpstreamResponse) =>
  /^application\/(?:[\w.+-]+\+)?json\b/.test(response.headers["content-type"] ?? "");

/**
 * A JSON body is kept as text, decoded once: Node writes a text body together with the headers
 * (one write, no writev of two chunks), which cost the gateway about 1.5 µs less per answer.
 * The services answer JSON in UTF-8, so the bytes sent are the same.
 */
const copyOf = (response: UpstreamResponse): CopiedResponse =>
  isJson(response) ? { ...response, body: response.body.toString("utf8") } : response;

// An answer that changes with time alone (units held until expires_at) says no-store: no write
// moves the generation when it changes, so a copy would outlive it.
const mayKeep = (response: UpstreamResponse) =>
  !/\bno-store\b/i.test(response.headers["cache-control"] ?? "");

// The cache keys the service read the answer through: the copy goes stale when one of them is
// invalidated. An answer that names none goes stale on any write.
const tagsOf = (response: UpstreamResponse): readonly string[] => {
  const named = response.headers[surrogateKeyHeader];
  return named ? named.split(" ") : [anyChange];
};

export interface ResponseCopiesOptions {
  /** Bytes of bodies kept; the least recently used copies go first. */
  maxBytes?: number;
  /** Bounds how long a copy outlives an invalidation that was lost (a writer cut off). */
  ttlMs?: number;
}

/**
 * The gateway's copies of upstream GET answers, kept in the process. A copy is handed out only
 * until a write invalidates a cache key the answer was read through (every write through any
 * service moves the shared generation and says what it made stale, so a copy never predates
 * an acknowledged write) and while the gateway still holds a connection to the service that
 * made it: a service that is gone answers 502, as the contract says, not from a copy.
 */
export class ResponseCopies {
  private readonly copies: GenerationCopies<CopiedResponse>;
  /** Fetches on the wire, by generation and key: concurrent misses share one upstream call. */
  private readonly fetching = new InFlight<UpstreamResponse>();

  constructor(
    private readonly cache: SharedCache,
    options: ResponseCopiesOptions = {},
  ) {
    this.copies = new GenerationCopies({
      maxBytes: options.maxBytes ?? 32 * 1024 * 1024,
      ttlMs: options.ttlMs ?? 30_000,
      bytesOf: (response) => response.body.length,
      invalidations: cache.invalidations,
    });
  }

  async get(
    upstream: UpstreamService,
    path: string,
    fetch: () => Promise<UpstreamResponse>,
  ): Promise<CopiedResponse> {
    const key = `${upstream.name} ${path}`;
    const generation = await this.cache.generation();
    if (generation === null) return fetch();
    const copy = this.copies.get(key, generation);
    if (copy !== undefined && upstream.connected) return copy;
    const response = await this.fetching.run(`${generation} ${key}`, fetch);
    if (response.status === 200 && mayKeep(response)) {
      this.copies.set(key, copyOf(response), generation, { tags: tagsOf(response) });
    }
    return response;
  }
}
