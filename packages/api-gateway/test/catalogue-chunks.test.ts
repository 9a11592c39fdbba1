import { createLogger, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import {
  catalogueChunkWidth,
  chunkOfProduct,
  inventoryServiceRoutes,
  productIdsOfChunk,
  productServiceRoutes,
} from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewayApp, UpstreamService } from "../src/index.ts";
import {
  openMemoryStores,
  type RecordingUpstream,
  startRecordingUpstream,
} from "./recording-upstream.ts";

// Issue 16: after a write, the catalogue read rebuilds the chunk of ids the write touched and
// reuses every other one, so its cost follows what changed, not the catalogue's size.

const logger = createLogger({ level: "silent", name: "test" });
const cache = createMemoryCache();

let stores: OpenStores;
let products: RecordingUpstream;
let inventory: RecordingUpstream;
let gateway: FastifyInstance;
const upstreams: UpstreamService[] = [];

beforeAll(async () => {
  stores = await openMemoryStores(cache, logger);
  products = await startRecordingUpstream(productServiceRoutes, stores, logger);
  inventory = await startRecordingUpstream(inventoryServiceRoutes, stores, logger);
  upstreams.push(
    new UpstreamService("product-service", products.url, 5_000),
    new UpstreamService("inventory-service", inventory.url, 5_000),
  );
  gateway = await buildGatewayApp({
    cache,
    logger,
    productService: upstreams[0] as UpstreamService,
    inventoryService: upstreams[1] as UpstreamService,
  });
  // Three chunks: the seed's five products, then enough for ids past two chunks' width.
  await Promise.all(
    Array.from({ length: 2 * catalogueChunkWidth }, (_, n) =>
      products.app.inject({
        method: "POST",
        url: "/products",
        payload: { name: `P${n}`, price: 1 },
      }),
    ),
  );
});
afterAll(async () => {
  await gateway.close();
  await Promise.all(upstreams.map((service) => service.close()));
  await products.app.close();
  await inventory.app.close();
  await stores.close();
});

type Entry = { id: number; price: number; inventory?: { quantity: number } };

/** Reads the catalogue and answers it with the upstream calls the read made. */
async function readCatalogue(query = "") {
  const before = { products: products.seen.length, inventory: inventory.seen.length };
  const response = await gateway.inject(`/api/products-full${query}`);
  expect(response.statusCode).toBe(200);
  const calls = [
    ...products.seen.slice(before.products),
    ...inventory.seen.slice(before.inventory),
  ].map((seen) => seen.url);
  return { text: response.body, entries: response.json() as Entry[], calls };
}

const chunkCalls = (chunk: number) => {
  const { first, last } = productIdsOfChunk(chunk);
  return [
    expect.stringMatching(new RegExp(`^/products\\?limit=${catalogueChunkWidth + 1}&cursor=`)),
    `/inventory?product_id_from=${first}&product_id_to=${last}`,
  ];
};

describe("the catalogue after a write", () => {
  it("when it is read cold then every chunk is read once, and it is the same bytes as a refresh", async () => {
    const cold = await readCatalogue("?force_refresh=true");
    const ids = cold.entries.map((entry) => entry.id);

    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.length).toBeGreaterThan(2 * catalogueChunkWidth);
    // three chunks, two calls each: the last one rebuilt says nothing lies past it
    expect(cold.calls).toHaveLength(6);
    expect((await readCatalogue()).text).toBe(cold.text);
    expect((await readCatalogue()).calls).toEqual([]);
  });

  it("when the catalogue is larger than one answer holds whole then it streams, without a length", async () => {
    // About 70 bytes an entry: 1,000 more products take the answer past 64 KiB.
    await Promise.all(
      Array.from({ length: 1_000 }, (_, n) =>
        products.app.inject({
          method: "POST",
          url: "/products",
          payload: { name: `Q${n}`, price: 1 },
        }),
      ),
    );
    const response = await gateway.inject("/api/products-full");

    expect(response.body.length).toBeGreaterThan(64 * 1024);
    expect(response.headers["content-length"]).toBeUndefined();
    expect(response.headers["transfer-encoding"]).toBe("chunked");
  });

  it("when a product's price changes then only its chunk is read again", async () => {
    await readCatalogue();
    const { first } = productIdsOfChunk(1);

    await products.app.inject({
      method: "PUT",
      url: `/products/${first + 1}`,
      payload: { price: 42 },
    });
    const after = await readCatalogue();

    expect(after.calls).toEqual(chunkCalls(1));
    expect(after.entries.find((entry) => entry.id === first + 1)?.price).toBe(42);
    expect(after.text).toBe((await readCatalogue("?force_refresh=true")).text);
  });

  it("when stock changes then only the chunk of its product is read again", async () => {
    await readCatalogue();

    await inventory.app.inject({ method: "PUT", url: "/inventory/3", payload: { quantity: 7 } });
    const after = await readCatalogue();

    expect(after.calls).toEqual(chunkCalls(0));
    expect(after.entries.find((entry) => entry.id === 3)?.inventory?.quantity).toBe(7);
  });

  it("when a product is created past the last chunk then the catalogue grows to hold it", async () => {
    const last = (await readCatalogue()).entries.at(-1)?.id as number;
    // Ids skipped (failed inserts do that) put the next product a chunk past the last one.
    const past = chunkOfProduct(last) + 1;
    const { first } = productIdsOfChunk(past);
    await sql`select setval('products_id_seq', ${first + 9})`.execute(stores.deps.db);
    const created = await products.app.inject({
      method: "POST",
      url: "/products",
      payload: { name: "newest", price: 3 },
    });

    const after = await readCatalogue();

    expect(created.json()).toMatchObject({ id: first + 10 });
    // one call finds a product past the last chunk, its chunk is read, one call finds nothing past it
    const probe = expect.stringMatching(/^\/products\?limit=1&/);
    const [chunkProducts, chunkStock] = chunkCalls(past);
    expect(after.calls).toEqual([probe, chunkProducts, probe, chunkStock]);
    expect(after.entries.at(-1)).toEqual(expect.objectContaining({ id: first + 10, price: 3 }));
    expect(after.text).toBe((await readCatalogue("?force_refresh=true")).text);
    expect((await readCatalogue()).calls).toEqual([]);
  });
});
