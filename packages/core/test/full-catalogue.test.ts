import { describe, expect, it } from "vitest";
import {
  type CatalogueSource,
  fullCatalogue,
  type Inventory,
  keysStaledByProductCreation,
  keysStaledByProductWrite,
  mergeCatalogue,
  type Product,
} from "../src/index.ts";
import { fakeCache } from "./fake-cache.ts";

const product = (id: number): Product => ({
  id,
  name: `P${id}`,
  description: null,
  price: id + 0.5,
  category: null,
});

const stockOf = (productId: number): Inventory => ({
  id: productId * 10,
  product_id: productId,
  quantity: productId % 7,
  warehouse: "A",
  last_updated: "2025-01-01T00:00:00.000Z",
  version: 1,
});

/** The services' paged listings over arrays the test changes. */
function arraySource(products: Product[], stock: Inventory[]): CatalogueSource {
  return {
    products: async (afterId, limit) => products.filter((p) => p.id > afterId).slice(0, limit),
    stock: async (first, last) =>
      stock.filter((s) => s.product_id >= first && s.product_id <= last),
  };
}

const text = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString();

async function read(source: CatalogueSource, cache = fakeCache(), forceRefresh = false) {
  const pieces: Uint8Array[] = [];
  for await (const piece of fullCatalogue({ cache, source }, { forceRefresh })) pieces.push(piece);
  return text(pieces);
}

/** The text read before the catalogue failed, and its error. */
async function readUntilFailure(pieces: AsyncGenerator<Uint8Array>) {
  const read: Uint8Array[] = [];
  try {
    for await (const piece of pieces) read.push(piece);
  } catch (error) {
    return { before: text(read), error };
  }
  throw new Error("the catalogue did not fail");
}

describe("fullCatalogue", () => {
  it("when ids leave whole chunks empty then the pieces are the JSON of the merged listings", async () => {
    const products = [1, 2, 700, 2600, 2601].map(product);
    const stock = [2, 2600].map(stockOf);
    const cache = fakeCache();

    const expected = JSON.stringify(mergeCatalogue(products, stock));
    expect(await read(arraySource(products, stock), cache)).toBe(expected);
    expect(await read(arraySource(products, stock), cache)).toBe(expected); // from the chunks
    expect(await read(arraySource(products, stock), cache, true)).toBe(expected);
  });

  it("when there is no product then the catalogue is an empty array", async () => {
    expect(await read(arraySource([], []))).toBe("[]");
  });

  it("when the last products are deleted then a warm read ends without them", async () => {
    const products = [1, 1200, 2600].map(product);
    const cache = fakeCache();
    await read(arraySource(products, []), cache);

    products.pop();
    await cache.invalidate(keysStaledByProductWrite(2600));

    expect(await read(arraySource(products, []), cache)).toBe(JSON.stringify(products));
  });

  it("when a product is created chunks past the cached tail then a warm read finds it", async () => {
    const products = [1, 2].map(product);
    const cache = fakeCache();
    await read(arraySource(products, []), cache);

    products.push(product(5000));
    await cache.invalidate(keysStaledByProductCreation(5000));

    expect(await read(arraySource(products, []), cache)).toBe(JSON.stringify(products));
  });

  it("when a later chunk cannot be read then the walk fails after the pieces before it", async () => {
    const source = arraySource([1, 900].map(product), []);
    const failing: CatalogueSource = {
      ...source,
      products: async (afterId, limit) => {
        if (afterId >= 500) throw new Error("product service unreachable");
        return source.products(afterId, limit);
      },
    };
    const pieces = fullCatalogue({ cache: fakeCache(), source: failing }, { forceRefresh: false });

    const { before, error } = await readUntilFailure(pieces);
    expect(before).toBe(`[${JSON.stringify(product(1))}`);
    expect(error).toEqual(new Error("product service unreachable"));
  });

  it("when a refresh reads ahead and a later chunk cannot be read then the read fails there, once it gets to it", async () => {
    const products = [1, 250, 450].map(product);
    const cache = fakeCache();
    const source = arraySource(products, []);
    await read(source, cache); // the tail it finds is how far the refresh reads ahead
    const failing: CatalogueSource = {
      ...source,
      stock: async (first, last) => {
        if (first > 400) throw new Error("inventory service unreachable");
        return source.stock(first, last);
      },
    };

    const pieces = fullCatalogue({ cache, source: failing }, { forceRefresh: true });

    const { before, error } = await readUntilFailure(pieces);
    expect(before).toBe(`[${JSON.stringify(product(1))},${JSON.stringify(product(250))}`);
    expect(error).toEqual(new Error("inventory service unreachable"));
  });
});
