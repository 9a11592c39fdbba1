import type { OpenStores } from "@stockwiz/adapters";
import {
  adjustInventory,
  createInventory,
  createProduct,
  deleteInventory,
  deleteProduct,
  getInventory,
  getInventoryByProduct,
  getProductJson,
  getProductWithStockJson,
  listInventory,
  listMovements,
  listProducts,
  type MergedProduct,
  type Product,
  type ServiceDeps,
  updateInventory,
  updateProduct,
} from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, storeKinds } from "../kit/stores/test-stores.ts";

const ctx = { requestId: "test-request" };

// The reads by id answer JSON text, sent as it is: read back here as the client would.
const getProduct = async (deps: ServiceDeps, id: number) =>
  JSON.parse(await getProductJson(deps, id)) as Product;
const getProductWithStock = async (deps: ServiceDeps, id: number) =>
  JSON.parse(await getProductWithStockJson(deps, id)) as MergedProduct;

describe.each(storeKinds)("catalogue handlers on %s PostgreSQL", (kind) => {
  let stores: OpenStores;
  beforeAll(async () => {
    stores = await openTestStores(kind);
  });
  afterAll(() => stores.close());
  const deps = () => stores.deps;

  it("when the database is fresh then it holds the five seed rows, ordered by id", async () => {
    const products = await listProducts(deps(), {});
    expect(products.slice(0, 5).map((p) => [p.id, p.name, p.price])).toEqual([
      [1, "Laptop Dell XPS 13", 1299.99],
      [2, "Mouse Logitech MX Master", 99.99],
      [3, "Teclado Mecánico", 149.99],
      [4, "Monitor 4K", 499.99],
      [5, "Webcam HD", 79.99],
    ]);
    const stock = await listInventory(deps());
    expect(stock.slice(0, 5).map((row) => [row.product_id, row.quantity, row.warehouse])).toEqual([
      [1, 50, "Warehouse A"],
      [2, 150, "Warehouse A"],
      [3, 75, "Warehouse B"],
      [4, 30, "Warehouse A"],
      [5, 100, "Warehouse B"],
    ]);
  });

  it("when a product is created then it is readable and listed, price a number", async () => {
    const created = await createProduct(deps(), { name: "Cable", price: 9.5, category: "Cables" });
    expect(created).toEqual({
      id: created.id,
      name: "Cable",
      description: null,
      price: 9.5,
      category: "Cables",
    });
    expect(await getProduct(deps(), created.id)).toEqual(created);
    expect(await listProducts(deps(), { category: "Cables" })).toEqual([created]);
  });

  it("when a product is updated then cached reads show the new state at once", async () => {
    const created = await createProduct(deps(), { name: "Lamp", price: 20 });
    await getProduct(deps(), created.id); // warm the cache
    await listProducts(deps(), {});
    const updated = await updateProduct(deps(), created.id, { price: 25.5, description: "warm" });
    expect(updated).toMatchObject({ price: 25.5, description: "warm", name: "Lamp" });
    expect(await getProduct(deps(), created.id)).toEqual(updated);
    expect((await listProducts(deps(), {})).find((p) => p.id === created.id)).toEqual(updated);
  });

  it("when an update names no field then it is a 400 No fields to update", async () => {
    await expect(updateProduct(deps(), 1, {})).rejects.toMatchObject({
      status: 400,
      detail: "No fields to update",
    });
  });

  it("when the product does not exist then reads, updates and deletes are 404", async () => {
    const notFound = { status: 404, detail: "Product not found" };
    await expect(getProduct(deps(), 999_999)).rejects.toMatchObject(notFound);
    await expect(getProductWithStock(deps(), 999_999)).rejects.toMatchObject(notFound);
    await expect(updateProduct(deps(), 999_999, { name: "x" })).rejects.toMatchObject(notFound);
    await expect(deleteProduct(deps(), 999_999)).rejects.toMatchObject(notFound);
  });

  it("when stock is created, changed and read then the merged view follows it", async () => {
    const product = await createProduct(deps(), { name: "Desk", price: 300 });
    expect("inventory" in (await getProductWithStock(deps(), product.id))).toBe(false);

    const row = await createInventory(
      deps(),
      {
        product_id: product.id,
        quantity: 4,
        warehouse: "C",
      },
      ctx,
    );
    expect(row).toMatchObject({ product_id: product.id, quantity: 4, warehouse: "C" });
    expect(new Date(row.last_updated).toISOString()).toBe(row.last_updated);
    expect((await getProductWithStock(deps(), product.id)).inventory).toEqual({
      quantity: 4,
      warehouse: "C",
    });

    const changed = await updateInventory(deps(), row.id, { quantity: 9 }, ctx);
    expect(changed).toMatchObject({ quantity: 9, warehouse: "C" });
    expect(await getInventory(deps(), row.id)).toEqual(changed);
    expect(await getInventoryByProduct(deps(), product.id)).toEqual(changed);
    expect((await getProductWithStock(deps(), product.id)).inventory?.quantity).toBe(9);
  });

  it("when a product already has stock then a second row is a 409", async () => {
    await expect(
      createInventory(deps(), { product_id: 1, quantity: 1 }, ctx),
    ).rejects.toMatchObject({
      status: 409,
      code: "inventory_exists",
    });
  });

  it("when stock names an unknown product then it is a 422 on product_id", async () => {
    await expect(
      createInventory(deps(), { product_id: 888_888, quantity: 1 }, ctx),
    ).rejects.toMatchObject({
      status: 422,
      code: "unknown_product",
      errors: [{ path: "product_id" }],
    });
  });

  it("when a product is deleted then its stock row goes with it, in every read", async () => {
    const product = await createProduct(deps(), { name: "Chair", price: 80 });
    const row = await createInventory(deps(), { product_id: product.id, quantity: 2 }, ctx);
    await getInventoryByProduct(deps(), product.id); // cache the by-product key
    await getInventory(deps(), row.id);

    await deleteProduct(deps(), product.id);

    await expect(getInventory(deps(), row.id)).rejects.toMatchObject({ status: 404 });
    await expect(getInventoryByProduct(deps(), product.id)).rejects.toMatchObject({ status: 404 });
    expect((await listInventory(deps())).some((r) => r.id === row.id)).toBe(false);
  });

  it("when a stock row is deleted then its by-product read is 404 and the merged view loses it", async () => {
    const product = await createProduct(deps(), { name: "Shelf", price: 45 });
    const row = await createInventory(deps(), { product_id: product.id, quantity: 6 }, ctx);
    await getInventoryByProduct(deps(), product.id);
    await getProductWithStock(deps(), product.id);

    await deleteInventory(deps(), row.id);

    await expect(getInventoryByProduct(deps(), product.id)).rejects.toMatchObject({ status: 404 });
    expect("inventory" in (await getProductWithStock(deps(), product.id))).toBe(false);
    await expect(deleteInventory(deps(), row.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateInventory(deps(), row.id, { quantity: 1 }, ctx)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("when stock is adjusted then the quantity moves atomically and the ledger follows", async () => {
    const product = await createProduct(deps(), { name: "Bin", price: 5 });
    const row = await createInventory(deps(), { product_id: product.id, quantity: 3 }, ctx);
    const adjusted = await adjustInventory(deps(), row.id, { delta: -2, reason: "sale" }, ctx);
    expect(adjusted).toMatchObject({ quantity: 1, version: row.version + 1 });
    await expect(adjustInventory(deps(), row.id, { delta: -2 }, ctx)).rejects.toMatchObject({
      status: 409,
      code: "insufficient_stock",
    });
    const movements = await listMovements(deps(), row.id);
    expect(movements.map((m) => [m.delta, m.quantity_after, m.reason, m.request_id])).toEqual([
      [3, 3, "stock row created", "test-request"],
      [-2, 1, "sale", "test-request"],
    ]);
  });

  it("when a stock update names no field then it is a 400", async () => {
    await expect(updateInventory(deps(), 1, {}, ctx)).rejects.toMatchObject({ status: 400 });
  });
});
