import { createMemoryCache, GenerationCopies } from "@stockwiz/adapters";
import { cacheKeys, type Inventory, type Product } from "@stockwiz/core";
import { describe, expect, it } from "vitest";
import { type CatalogueRouteDeps, catalogueRoute } from "../src/routes/catalogue-route.ts";
import type { UpstreamService } from "../src/upstream/upstream-service.ts";

// A small catalogue's whole answer is kept: a warm read costs one generation read, and any
// write to a chunk it was made of, or to the tail, makes the next read build it again.

const product = (id: number, price: number): Product => ({
  id,
  name: `P${id}`,
  description: null,
  price,
  category: null,
});

function catalogueDeps() {
  const cache = createMemoryCache();
  const reads = { cache: 0, upstream: 0 };
  const prices = new Map([
    [1, 10],
    [2, 20],
  ]);
  const counted = {
    ...cache,
    get: (key: string) => {
      reads.cache += 1;
      return cache.get(key);
    },
    getBytes: (key: string) => {
      reads.cache += 1;
      return cache.getBytes(key);
    },
  };
  const productService = {
    getJson: async (path: string) => {
      reads.upstream += 1;
      const cursor = new URLSearchParams(path.split("?")[1]).get("cursor") ?? "";
      const after = Number(Buffer.from(cursor, "base64url").toString());
      return [...prices].filter(([id]) => id > after).map(([id, price]) => product(id, price));
    },
  } as unknown as UpstreamService;
  const inventoryService = {
    getJson: async (): Promise<Inventory[]> => {
      reads.upstream += 1;
      return [];
    },
  } as unknown as UpstreamService;
  const deps: CatalogueRouteDeps = {
    cache: counted,
    productService,
    inventoryService,
    wholeCatalogue: new GenerationCopies<Uint8Array>({
      maxBytes: 1 << 20,
      ttlMs: 30_000,
      bytesOf: (bytes) => bytes.length,
      invalidations: cache.invalidations,
    }),
  };
  const read = async (query: { force_refresh?: "true" | "false" } = {}) => {
    const answer = await catalogueRoute.handle(
      { params: undefined, query, body: undefined, headers: {}, requestId: "test" },
      deps,
    );
    return JSON.parse(String(answer.body)) as { id: number; price: number }[];
  };
  return { cache, reads, prices, read };
}

describe("the whole answer of a small catalogue", () => {
  it("when it is read again with nothing written then neither the cache nor a service is asked", async () => {
    const { reads, read } = catalogueDeps();
    const first = await read();
    const before = { ...reads };

    const again = await read();

    expect(again).toEqual(first);
    expect(reads).toEqual(before);
  });

  it("when a write invalidates one of its chunks then the next read shows the write", async () => {
    const { cache, reads, prices, read } = catalogueDeps();
    await read();
    prices.set(2, 25);

    await cache.invalidate([cacheKeys.catalogueChunk(0), cacheKeys.product(2)]);
    const after = await read();

    expect(after.find((entry) => entry.id === 2)?.price).toBe(25);
    expect(reads.upstream).toBeGreaterThan(2);
  });

  it("when a product is created past the chunks it was made of then the tail's invalidation drops it", async () => {
    const { cache, reads, read } = catalogueDeps();
    await read();
    const before = reads.cache;

    await cache.invalidate([cacheKeys.catalogueTail()]);
    await read();

    expect(reads.cache).toBeGreaterThan(before);
  });

  it("when a write touches keys it was not made of then it is still served whole", async () => {
    const { cache, reads, read } = catalogueDeps();
    await read();
    const before = { ...reads };

    await cache.invalidate([cacheKeys.inventoryList(), cacheKeys.productList()]);
    await read();

    expect(reads).toEqual(before);
  });

  it("when a refresh is asked for then it is built again from the services", async () => {
    const { reads, read } = catalogueDeps();
    await read();
    const before = reads.upstream;

    await read({ force_refresh: "true" });

    expect(reads.upstream).toBeGreaterThan(before);
  });
});
