import { randomUUID } from "node:crypto";
import { cacheKeys } from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheHolds } from "../kit/stores/scratch-redis.ts";
import { type E2eStack, startE2eStack, stopAndExpectCleanExit } from "./harness/e2e-stack.ts";
import {
  entryWithId,
  type ReadPaths,
  readEveryPath,
  type Seen,
  type Subject,
  warmEveryPath,
} from "./harness/every-read-path.ts";
import {
  createProduct,
  createProductWithStock,
  type Inventory,
  type Product,
} from "./harness/fixtures.ts";
import { call } from "./harness/http-client.ts";

// CONTRACT.md §7: once a write is acknowledged, no read through any path returns the old state,
// with every read path warm in Redis first (legacy kept the old price for up to 3 minutes).

let stack: E2eStack;

beforeAll(async () => {
  stack = await startE2eStack();
});

afterAll(async () => {
  await stopAndExpectCleanExit(stack);
});

/** Proves the reads are cached, so a fresh answer after the write is not a cache that is off. */
async function expectWarm(subject: Subject) {
  const keys = [
    cacheKeys.product(subject.productId),
    cacheKeys.mergedProduct(subject.productId),
    cacheKeys.productList(),
    cacheKeys.catalogue(),
    cacheKeys.inventoryList(),
  ];
  if (subject.stockId !== undefined) {
    keys.push(
      cacheKeys.inventory(subject.stockId),
      cacheKeys.inventoryByProduct(subject.productId),
    );
  }
  for (const key of keys) {
    expect(await cacheHolds(stack.redisKeyPrefix, key), `cache key ${key}`).toBe(true);
  }
}

const okBody = (seen: Seen) => {
  expect.soft(seen.answer.status, seen.label).toBe(200);
  return seen.answer.body;
};

const expectGone = (seen: Seen[]) => {
  for (const { label, answer } of seen) expect.soft(answer.status, label).toBe(404);
};

/** Every product view shows `product` (and `stock` in the merged ones, or no `inventory` key). */
function expectProductEverywhere(
  views: ReadPaths,
  product: Product,
  stock: Pick<Inventory, "quantity" | "warehouse"> | undefined,
) {
  const merged =
    stock === undefined
      ? product
      : { ...product, inventory: { quantity: stock.quantity, warehouse: stock.warehouse } };
  for (const seen of views.merged) expect.soft(okBody(seen), seen.label).toEqual(merged);
  for (const seen of views.product) expect.soft(okBody(seen), seen.label).toMatchObject(product);
  for (const seen of views.productLists) {
    expect.soft(entryWithId(seen, product.id), seen.label).toMatchObject(product);
  }
  for (const seen of views.full) {
    expect.soft(entryWithId(seen, product.id), seen.label).toEqual(merged);
  }
}

function expectStockEverywhere(views: ReadPaths, stock: Inventory) {
  for (const seen of [...views.stockById, ...views.stockByProduct]) {
    expect.soft(okBody(seen), seen.label).toEqual(stock);
  }
  for (const seen of views.stockLists) {
    expect.soft(entryWithId(seen, stock.id), seen.label).toEqual(stock);
  }
}

describe("reads after a write, with every read path cached", () => {
  it("when the price is changed by PUT /products/{id} on the product service then every path shows the new price", async () => {
    const { product, stock } = await createProductWithStock(stack, { price: 100 });
    const subject = { productId: product.id, stockId: stock.id };
    const before = await warmEveryPath(stack, subject);
    expectProductEverywhere(before, product, stock);
    await expectWarm(subject);

    const put = await call(`${stack.productService.url}/products/${product.id}`, {
      method: "PUT",
      body: { price: 77.77 },
    });

    expect(put.status).toBe(200);
    const after = await readEveryPath(stack, subject);
    expectProductEverywhere(after, { ...product, price: 77.77 }, stock);
  });

  it("when the price is changed by PUT /api/products/{id} through the gateway then the merged views show it", async () => {
    const { product, stock } = await createProductWithStock(stack, { price: 100 });
    const subject = { productId: product.id, stockId: stock.id };
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const put = await call(`${stack.gateway.url}/api/products/${product.id}`, {
      method: "PUT",
      body: { price: 55.5, name: `${product.name} renamed` },
    });

    expect(put.status).toBe(200);
    const after = await readEveryPath(stack, subject);
    expectProductEverywhere(
      after,
      { ...product, price: 55.5, name: `${product.name} renamed` },
      stock,
    );
  });

  it("when the quantity is changed by PUT /inventory/{id} on the inventory service then every path shows it", async () => {
    const { product, stock } = await createProductWithStock(stack, {}, { quantity: 10 });
    const subject = { productId: product.id, stockId: stock.id };
    const before = await warmEveryPath(stack, subject);
    expectStockEverywhere(before, stock);
    await expectWarm(subject);

    const put = await call(`${stack.inventoryService.url}/inventory/${stock.id}`, {
      method: "PUT",
      body: { quantity: 3, warehouse: "Warehouse Z" },
    });

    expect(put.status).toBe(200);
    const updated = put.body as Inventory;
    expect(updated).toMatchObject({ quantity: 3, warehouse: "Warehouse Z" });
    const after = await readEveryPath(stack, subject);
    expectStockEverywhere(after, updated);
    expectProductEverywhere(after, product, { quantity: 3, warehouse: "Warehouse Z" });
  });

  it("when a stock row is deleted by DELETE /api/inventory/{id} through the gateway then no path still shows it", async () => {
    const { product, stock } = await createProductWithStock(stack);
    const subject = { productId: product.id, stockId: stock.id };
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const removed = await call(`${stack.gateway.url}/api/inventory/${stock.id}`, {
      method: "DELETE",
    });

    expect(removed.status).toBe(204);
    const after = await readEveryPath(stack, subject);
    // Legacy left the by-product key alive after a delete.
    expectGone(after.stockByProduct);
    expectGone(after.stockById);
    for (const seen of after.stockLists) {
      expect.soft(entryWithId(seen, stock.id), seen.label).toBeUndefined();
    }
    expectProductEverywhere(after, product, undefined);
  });

  it("when a product is deleted by DELETE /api/products/{id} on the product service then neither it nor its stock is read anywhere", async () => {
    const { product, stock } = await createProductWithStock(stack);
    const subject = { productId: product.id, stockId: stock.id };
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const removed = await call(`${stack.productService.url}/api/products/${product.id}`, {
      method: "DELETE",
    });

    expect(removed.status).toBe(204);
    const after = await readEveryPath(stack, subject);
    expectGone([...after.merged, ...after.product, ...after.stockById, ...after.stockByProduct]);
    for (const seen of [...after.productLists, ...after.full]) {
      expect.soft(entryWithId(seen, product.id), seen.label).toBeUndefined();
    }
    for (const seen of after.stockLists) {
      expect.soft(entryWithId(seen, stock.id), seen.label).toBeUndefined();
    }
  });

  it("when stock is created by POST /inventory through the gateway for a product without any then every path shows it", async () => {
    const product = await createProduct(stack);
    const subject = { productId: product.id };
    const before = await warmEveryPath(stack, subject);
    expectProductEverywhere(before, product, undefined);
    expectGone(before.stockByProduct);

    const created = await call(`${stack.gateway.url}/inventory`, {
      method: "POST",
      body: { product_id: product.id, quantity: 21, warehouse: "Warehouse N" },
    });

    expect(created.status).toBe(201);
    const stock = created.body as Inventory;
    const after = await readEveryPath(stack, { ...subject, stockId: stock.id });
    expectStockEverywhere(after, stock);
    expectProductEverywhere(after, product, { quantity: 21, warehouse: "Warehouse N" });
  });

  it("when a product is created by POST /api/products through the gateway then the warm lists and products-full include it", async () => {
    const existing = await createProduct(stack);
    await warmEveryPath(stack, { productId: existing.id });

    const created = await call(`${stack.gateway.url}/api/products`, {
      method: "POST",
      body: { name: "e2e fresh product", price: 8.25, category: "E2E" },
    });

    expect(created.status).toBe(201);
    const product = created.body as Product;
    const after = await readEveryPath(stack, { productId: product.id });
    expectProductEverywhere(after, product, undefined);
  });

  it("when stock is adjusted by POST /api/inventory/{id}/adjust through the gateway then every path shows the new quantity", async () => {
    const { product, stock } = await createProductWithStock(stack, {}, { quantity: 10 });
    const subject = { productId: product.id, stockId: stock.id };
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const adjusted = await call(`${stack.gateway.url}/api/inventory/${stock.id}/adjust`, {
      method: "POST",
      body: { delta: -4, reason: "e2e sale" },
    });

    expect(adjusted.status, adjusted.text).toBe(200);
    const row = adjusted.body as Inventory;
    expect(row.quantity).toBe(6);
    const after = await readEveryPath(stack, subject);
    expectStockEverywhere(after, row);
    expectProductEverywhere(after, product, { quantity: 6, warehouse: stock.warehouse });
  });
});

describe("reads racing a write", () => {
  it("when reads run while the price changes then, once all settle, no path shows the old price", async () => {
    const { product } = await createProductWithStock(stack, { price: 1 });
    const readUrls = [
      `${stack.gateway.url}/api/products/${product.id}`,
      `${stack.productService.url}/api/products/${product.id}`,
      `${stack.productService.url}/products/${product.id}`,
      `${stack.productService.url}/products`,
      `${stack.gateway.url}/api/products-full`,
    ];
    const priceIn = (body: unknown) =>
      (Array.isArray(body)
        ? (body as Product[]).find((p) => p.id === product.id)
        : (body as Product)
      )?.price;
    // Each round: readers that load the old row just before the write commits must not put it
    // back in the cache after the write cleared it.
    for (let round = 2; round <= 11; round += 1) {
      const readers = Promise.all(readUrls.map((url) => call(url)));
      const put = call(`${stack.productService.url}/products/${product.id}`, {
        method: "PUT",
        body: { price: round },
      });
      const [written] = await Promise.all([put, readers]);
      expect(written.status).toBe(200);

      const settled = await Promise.all(readUrls.map((url) => call(url)));

      for (const [i, answer] of settled.entries()) {
        expect(priceIn(answer.body), `round ${round}: ${readUrls[i]}`).toBe(round);
      }
    }
  });
});

describe("reads after a stock-by-location write, with every read path cached (issue 17)", () => {
  const readStock = async (id: number) =>
    (await call(`${stack.inventoryService.url}/inventory/${id}`)).body as Inventory;
  /** Levels through the gateway and straight from the service, both prefixes. */
  const levelsEverywhere = async (productId: number) =>
    Promise.all(
      [stack.gateway.url, stack.inventoryService.url].flatMap((base) =>
        ["/inventory", "/api/inventory"].map(
          async (prefix) =>
            (await call(`${base}${prefix}/levels?product_id=${productId}`)).body as {
              location_id: number;
              on_hand: number;
              reserved: number;
              available: number;
            }[],
        ),
      ),
    );

  it("when a reservation is held and then committed then no path shows the held units as available, nor the old quantity", async () => {
    const { product, stock } = await createProductWithStock(stack, {}, { quantity: 9 });
    const subject = { productId: product.id, stockId: stock.id };
    await levelsEverywhere(product.id);
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const held = await call(`${stack.gateway.url}/api/inventory/reservations`, {
      method: "POST",
      body: { items: [{ product_id: product.id, quantity: 4 }] },
    });
    expect(held.status).toBe(201);
    for (const levels of await levelsEverywhere(product.id)) {
      expect.soft(levels).toEqual([expect.objectContaining({ reserved: 4, available: 5 })]);
    }

    const { id } = held.body as { id: string };
    const committed = await call(
      `${stack.inventoryService.url}/inventory/reservations/${id}/commit`,
      { method: "POST" },
    );
    expect(committed.status).toBe(200);
    const after = await readEveryPath(stack, subject);
    const row = await readStock(stock.id);
    expect(row.quantity).toBe(5);
    expectStockEverywhere(after, row);
    expectProductEverywhere(after, product, row);
  });

  it("when units are adjusted at a level and transferred then every path shows the quantity and the ledger", async () => {
    const { product, stock } = await createProductWithStock(stack, {}, { quantity: 2 });
    const subject = { productId: product.id, stockId: stock.id };
    const movementsPath = `/api/inventory/${stock.id}/movements`;
    const level = (await levelsEverywhere(product.id))[0]?.[0];
    await call(stack.gateway.url + movementsPath);
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const adjusted = await call(`${stack.gateway.url}/api/inventory/levels/adjust`, {
      method: "POST",
      body: { product_id: product.id, location_id: 2, delta: 5 },
    });
    expect(adjusted.status).toBe(200);
    // The gateway's copy of the ledger, taken after the adjust: the transfer must clear it.
    await call(stack.gateway.url + movementsPath);
    await call(stack.gateway.url + movementsPath);
    const moved = await call(`${stack.inventoryService.url}/inventory/transfers`, {
      method: "POST",
      body: {
        product_id: product.id,
        from_location_id: 2,
        to_location_id: level?.location_id,
        quantity: 1,
      },
    });
    expect(moved.status).toBe(201);

    const after = await readEveryPath(stack, subject);
    const row = await readStock(stock.id);
    expect(row.quantity).toBe(7);
    expectStockEverywhere(after, row);
    expectProductEverywhere(after, product, row);
    const ledger = (await call(stack.gateway.url + movementsPath)).body as { kind: string }[];
    expect(ledger.map((movement) => movement.kind)).toEqual([
      "create",
      "adjust",
      "transfer_out",
      "transfer_in",
    ]);
  });

  it("when a location is renamed then every path shows the new warehouse", async () => {
    const { product, stock } = await createProductWithStock(
      stack,
      {},
      { warehouse: `Stale ${randomUUID().slice(0, 8)}` },
    );
    const subject = { productId: product.id, stockId: stock.id };
    const level = (await levelsEverywhere(product.id))[0]?.[0];
    await warmEveryPath(stack, subject);
    await expectWarm(subject);

    const name = `Renamed ${randomUUID().slice(0, 8)}`;
    const renamed = await call(`${stack.gateway.url}/inventory/locations/${level?.location_id}`, {
      method: "PUT",
      body: { name },
    });
    expect(renamed.status).toBe(200);

    const after = await readEveryPath(stack, subject);
    const row = await readStock(stock.id);
    expect(row.warehouse).toBe(name);
    expectStockEverywhere(after, row);
    expectProductEverywhere(after, product, row);
  });
});
