import { buildServiceApp, type OpenStores } from "@stockwiz/adapters";
import { createProduct, productServiceRoutes } from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger, storeKinds } from "../kit/stores/test-stores.ts";

// Concurrent creations share one INSERT (core's insertProduct); each caller must still get
// exactly its own product, and one refused row must not take the others down.
describe.each(storeKinds)("concurrent product creations on %s", (kind) => {
  let stores: OpenStores;
  let app: Awaited<ReturnType<typeof buildServiceApp>>;

  beforeAll(async () => {
    stores = await openTestStores(kind);
    app = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await stores.close();
  });

  const create = (body: unknown) =>
    app.inject({
      method: "POST",
      url: "/products",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(body),
    });

  it("when fifty products are created at once then each answer is its own product, stored under its id", async () => {
    const bodies = Array.from({ length: 50 }, (_, n) => ({
      name: `Batch ${kind} ${n}`,
      price: 1 + n,
      category: n % 2 === 0 ? "Even" : null,
    }));

    const answers = await Promise.all(bodies.map(create));

    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(50).fill(201));
    const created = answers.map((answer) => answer.json());
    expect(new Set(created.map((product) => product.id)).size).toBe(50);
    for (const [n, product] of created.entries()) {
      expect(product).toMatchObject({ name: bodies[n]?.name, price: bodies[n]?.price });
      const stored = await app.inject(`/products/${product.id}`);
      expect(stored.json()).toEqual(product);
    }
  });

  it("when one row of a batch is refused by the database then the others are still created", async () => {
    const { deps } = stores;
    // The handler is called directly, past the API's validation: numeric(10,2) holds less
    // than 1e8, so PostgreSQL itself refuses this row (22003), and with it the whole INSERT.
    const outcomes = await Promise.allSettled([
      createProduct(deps, { name: "Fine 1", price: 5 }),
      createProduct(deps, { name: "Too dear", price: 1e12 }),
      createProduct(deps, { name: "Fine 2", price: 6 }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const rows = await deps.db.selectFrom("products").select("name").execute();
    const names = rows.map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(["Fine 1", "Fine 2"]));
    expect(names).not.toContain("Too dear");
  });
});
