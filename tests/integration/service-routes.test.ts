import { buildServiceApp, type OpenStores } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger } from "../kit/stores/test-stores.ts";

let stores: OpenStores;
let products: FastifyInstance;
let inventory: FastifyInstance;

beforeAll(async () => {
  stores = await openTestStores("embedded");
  products = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
  inventory = await buildServiceApp(inventoryServiceRoutes, stores.deps, silentLogger);
});
afterAll(async () => {
  await products.close();
  await inventory.close();
  await stores.close();
});

const json = (payload: unknown) => ({
  headers: { "content-type": "application/json" },
  payload: JSON.stringify(payload),
});

describe("product service routes", () => {
  it("when health is asked then it names the service", async () => {
    const response = await products.inject("/health");
    expect(response.json()).toEqual({ status: "healthy", service: "product-service" });
  });

  it("when /products/1 and /api/products/1 are asked then the latter adds the stock", async () => {
    const plain = (await products.inject("/products/1")).json();
    const merged = (await products.inject("/api/products/1")).json();
    expect(merged).toEqual({ ...plain, inventory: { quantity: 50, warehouse: "Warehouse A" } });
  });

  it("when both prefixes list products then the answers are identical", async () => {
    const [a, b] = await Promise.all([
      products.inject("/products"),
      products.inject("/api/products/"),
    ]);
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
  });

  it("when a product is created then it is 201 and deleting it is 204 with no body", async () => {
    const created = await products.inject({
      method: "POST",
      url: "/api/products",
      ...json({ name: "Mat", price: 12 }),
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const deleted = await products.inject({ method: "DELETE", url: `/products/${id}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expect((await products.inject(`/products/${id}`)).statusCode).toBe(404);
  });

  it("when the body is not JSON then it is a 400 problem", async () => {
    const response = await products.inject({
      method: "POST",
      url: "/products",
      headers: { "content-type": "application/json" },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 400, title: "Bad Request" });
  });

  it("when the body is invalid then it is a 422 with the field errors", async () => {
    const response = await products.inject({
      method: "POST",
      url: "/products",
      ...json({ name: "", price: -1 }),
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["name", "price"]);
  });

  it("when the body exceeds the limit then it is a 413 problem", async () => {
    const response = await products.inject({
      method: "POST",
      url: "/products",
      ...json({ name: "x", price: 1, description: "d".repeat(100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("when the content type is not JSON then it is a 415 problem", async () => {
    const response = await products.inject({
      method: "POST",
      url: "/products",
      headers: { "content-type": "text/plain" },
      payload: "name=x",
    });
    expect(response.statusCode).toBe(415);
  });

  it("when the id is not a positive integer then it is a 400, never a 500", async () => {
    for (const id of ["abc", "-1", "0", "1.5", "99999999999"]) {
      const response = await products.inject(`/products/${id}`);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().errors[0].path).toBe("id");
    }
  });

  it("when the path is unknown then it is a 404 problem", async () => {
    const response = await products.inject("/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      status: 404,
      detail: "No route for GET here",
    });
  });

  it("when the client sends X-Request-Id then it comes back; otherwise one is made", async () => {
    const given = await products.inject({
      url: "/health",
      headers: { "x-request-id": "trace-123" },
    });
    expect(given.headers["x-request-id"]).toBe("trace-123");
    const made = await products.inject("/health");
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await products.inject({
      url: "/health",
      headers: { "x-request-id": "a b\u0000" },
    });
    expect(hostile.headers["x-request-id"]).not.toBe("a b\u0000");
  });
});

describe("inventory service routes", () => {
  it("when health is asked then it names the service", async () => {
    expect((await inventory.inject("/health")).json()).toEqual({
      status: "healthy",
      service: "inventory-service",
    });
  });

  it("when both prefixes read a row by product then the answers are identical", async () => {
    const [a, b] = await Promise.all([
      inventory.inject("/inventory/product/2"),
      inventory.inject("/api/inventory/product/2"),
    ]);
    expect(a.json()).toMatchObject({ product_id: 2, quantity: 150 });
    expect(a.body).toBe(b.body);
  });

  it("when a duplicate row is posted then it is a 409, not legacy's 500", async () => {
    const response = await inventory.inject({
      method: "POST",
      url: "/api/inventory",
      ...json({ product_id: 1, quantity: 1 }),
    });
    expect(response.statusCode).toBe(409);
  });

  it("when a quantity is negative or fractional then it is a 422", async () => {
    for (const quantity of [-1, 2.5]) {
      const response = await inventory.inject({
        method: "PUT",
        url: "/inventory/1",
        ...json({ quantity }),
      });
      expect(response.statusCode).toBe(422);
    }
  });

  it("when a row is updated then last_updated moves on", async () => {
    const before = (await inventory.inject("/inventory/3")).json();
    const after = (
      await inventory.inject({
        method: "PUT",
        url: "/inventory/3",
        ...json({ warehouse: "Warehouse C" }),
      })
    ).json();
    expect(after).toMatchObject({ id: 3, quantity: 75, warehouse: "Warehouse C" });
    expect(Date.parse(after.last_updated)).toBeGreaterThan(Date.parse(before.last_updated));
  });
});
