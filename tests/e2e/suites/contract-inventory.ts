import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eStack, stopAndExpectCleanExit } from "../harness/e2e-stack.ts";
import { createProduct, createProductWithStock, type Inventory } from "../harness/fixtures.ts";
import { followPages } from "../harness/follow-pages.ts";
import { call, expectFieldErrors, expectProblem, rfc3339 } from "../harness/http-client.ts";
import { seedStock } from "../harness/seed-catalogue.ts";
import { baseUrl, inventoryTargets, urlOf } from "../harness/targets.ts";
import type { StackStarter } from "./stack-starter.ts";

export function inventoryContract(startStack: StackStarter): void {
  // CONTRACT.md §3 and §5, asked of every process and prefix a client's request can reach.

  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stopAndExpectCleanExit(stack);
  });

  // The contract's fields, timestamp aside; extra fields (such as a version) may come along.
  const stockFields = ({ id, product_id, quantity, warehouse }: Inventory) => ({
    id,
    product_id,
    quantity,
    warehouse,
  });

  const readStock = async (id: number) =>
    call(`${stack.inventoryService.url}/inventory/${id}`).then(
      (answer) => answer.body as Inventory,
    );

  describe("the seed stock", () => {
    it("when a fresh database is listed then the five seed rows lead, each with an RFC 3339 last_updated", async () => {
      const answer = await call(`${stack.gateway.url}/api/inventory`);

      expect(answer.status).toBe(200);
      const firstFive = (answer.body as Inventory[]).slice(0, 5);
      expect(firstFive.map(stockFields)).toEqual(seedStock);
      for (const row of firstFive) expect(row.last_updated).toMatch(rfc3339);
    });
  });

  describe.each(inventoryTargets)("inventory through $label", (target) => {
    const url = (path = "") => urlOf(stack, target, path);

    it("when stock is listed then the answer is an array ordered by id holding new rows", async () => {
      const { stock: first } = await createProductWithStock(stack);
      const { stock: second } = await createProductWithStock(stack);

      const answer = await call(url());

      expect(answer.status).toBe(200);
      const rows = answer.body as Inventory[];
      const ids = rows.map((row) => row.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(rows.filter((row) => row.id === first.id || row.id === second.id)).toEqual([
        first,
        second,
      ]);
    });

    it("when a stock row is read by id then it has the inventory shape", async () => {
      const { product, stock } = await createProductWithStock(stack, {}, { quantity: 9 });

      const answer = await call(url(`/${stock.id}`));

      expect(answer.status).toBe(200);
      const row = answer.body as Inventory;
      expect(stockFields(row)).toEqual({
        id: stock.id,
        product_id: product.id,
        quantity: 9,
        warehouse: "Warehouse E2E",
      });
      expect(row.last_updated).toMatch(rfc3339);
    });

    it("when a stock row is read by product then it is that product's row", async () => {
      const { product, stock } = await createProductWithStock(stack);

      const answer = await call(url(`/product/${product.id}`));

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(stock);
    });

    it("when a product has no stock row then reading by product answers 404 problem details", async () => {
      const product = await createProduct(stack);

      const answer = await call(url(`/product/${product.id}`));

      expectProblem(answer, 404);
    });

    it("when a stock row does not exist then reading, updating and deleting it answer 404", async () => {
      const missing = url("/2147483647");

      const read = await call(missing);
      const update = await call(missing, { method: "PUT", body: { quantity: 1 } });
      const remove = await call(missing, { method: "DELETE" });

      expectProblem(read, 404, /not found/i);
      expectProblem(update, 404, /not found/i);
      expectProblem(remove, 404, /not found/i);
    });

    it.each(["abc", "0", "-3", "2.5"])(
      "when the id is %s then 400 problem details with errors on id, not a 500",
      async (id) => {
        expectFieldErrors(await call(url(`/${id}`)), "id", 400);
      },
    );

    it("when the product id is not a positive integer then 400 problem details on product_id", async () => {
      expectFieldErrors(await call(url("/product/abc")), "product_id", 400);
    });

    it("when stock is created for a product then 201 answers the row and it reads back", async () => {
      const product = await createProduct(stack);

      const created = await call(url(), {
        method: "POST",
        body: { product_id: product.id, quantity: 12, warehouse: "Warehouse C" },
      });

      expect(created.status, created.text).toBe(201);
      const row = created.body as Inventory;
      expect(stockFields(row)).toEqual({
        id: expect.any(Number),
        product_id: product.id,
        quantity: 12,
        warehouse: "Warehouse C",
      });
      expect(row.last_updated).toMatch(rfc3339);
      expect(await readStock(row.id)).toEqual(row);
    });

    it("when a product that already has stock gets a second row then 409 inventory_exists", async () => {
      const { product, stock } = await createProductWithStock(stack);

      const answer = await call(url(), {
        method: "POST",
        body: { product_id: product.id, quantity: 1, warehouse: "Elsewhere" },
      });

      const problem = expectProblem(answer, 409);
      expect(problem.code).toBe("inventory_exists");
      expect(await readStock(stock.id)).toEqual(stock);
    });

    it("when stock is created for a product that does not exist then 422 unknown_product", async () => {
      const answer = await call(url(), {
        method: "POST",
        body: { product_id: 2147483647, quantity: 1, warehouse: "Nowhere" },
      });

      const problem = expectProblem(answer, 422);
      expect(problem.code).toBe("unknown_product");
    });

    it.each([
      { case: "a negative quantity", quantity: -1 },
      { case: "a fractional quantity", quantity: 1.5 },
      { case: "a quantity that is not a number", quantity: "many" },
    ])("when stock is created with $case then 422 names quantity", async ({ quantity }) => {
      const product = await createProduct(stack);

      const answer = await call(url(), {
        method: "POST",
        body: { product_id: product.id, quantity, warehouse: "W" },
      });

      expectFieldErrors(answer, "quantity");
      expectProblem(await call(url(`/product/${product.id}`)), 404);
    });

    it("when the body of a create is not JSON then 400 problem details", async () => {
      expectProblem(await call(url(), { method: "POST", body: "product_id=1" }), 400);
    });

    it("when the quantity is updated then it changes, the warehouse is kept and last_updated moves on", async () => {
      const { stock } = await createProductWithStock(stack, {}, { quantity: 5, warehouse: "Keep" });

      const answer = await call(url(`/${stock.id}`), { method: "PUT", body: { quantity: 6 } });

      expect(answer.status, answer.text).toBe(200);
      const row = answer.body as Inventory;
      expect(stockFields(row)).toEqual({ ...stockFields(stock), quantity: 6 });
      expect(row.last_updated).toMatch(rfc3339);
      expect(Date.parse(row.last_updated)).toBeGreaterThan(Date.parse(stock.last_updated));
      expect(await readStock(stock.id)).toEqual(row);
    });

    it("when only the warehouse is updated then the quantity is kept", async () => {
      const { stock } = await createProductWithStock(stack, {}, { quantity: 5 });

      const answer = await call(url(`/${stock.id}`), {
        method: "PUT",
        body: { warehouse: "Moved" },
      });

      expect(answer.status, answer.text).toBe(200);
      expect(stockFields(answer.body as Inventory)).toEqual({
        ...stockFields(stock),
        warehouse: "Moved",
      });
    });

    it("when an update carries no fields then 400 'No fields to update'", async () => {
      const { stock } = await createProductWithStock(stack);

      expectProblem(
        await call(url(`/${stock.id}`), { method: "PUT", body: {} }),
        400,
        "No fields to update",
      );
    });

    it("when an update has a negative quantity then 422 names quantity and the row is unchanged", async () => {
      const { stock } = await createProductWithStock(stack);

      const answer = await call(url(`/${stock.id}`), { method: "PUT", body: { quantity: -4 } });

      expectFieldErrors(answer, "quantity");
      expect(await readStock(stock.id)).toEqual(stock);
    });

    it("when a stock row is deleted then 204, and it is gone by id and by product", async () => {
      const { product, stock } = await createProductWithStock(stack);

      const answer = await call(url(`/${stock.id}`), { method: "DELETE" });

      expect(answer.status).toBe(204);
      expect(answer.text).toBe("");
      expectProblem(await call(url(`/${stock.id}`)), 404);
      expectProblem(await call(url(`/product/${product.id}`)), 404);
      expect((await call(`${stack.productService.url}/products/${product.id}`)).status).toBe(200);
    });
  });

  // CONTRACT.md §1: "a path answers the same whichever target the listener picks".
  describe.each(inventoryTargets)("pages of stock rows through $label", (target) => {
    const base = () => baseUrl(stack, target.via);

    it("when the rows of some products are paged with ?limit= then following Link walks each once, in id order, under the path asked", async () => {
      const rows: Inventory[] = [];
      for (let i = 0; i < 3; i += 1) rows.push((await createProductWithStock(stack)).stock);
      const range = `product_id_from=${rows[0]?.product_id}&product_id_to=${rows[2]?.product_id}`;

      const { pages, links } = await followPages(base(), `${target.prefix}?${range}&limit=2`);
      const whole = await call(`${base()}${target.prefix}?${range}`);

      expect(pages.map((page) => page.map((row) => row.id))).toEqual([
        [rows[0]?.id, rows[1]?.id],
        [rows[2]?.id],
      ]);
      expect(whole.body).toEqual(pages.flat());
      expect(whole.headers.get("link")).toBeNull();
      for (const link of links) expect(link.startsWith(`${target.prefix}?`), link).toBe(true);
    });

    it.each([
      { query: "limit=-1", path: "limit" },
      { query: "cursor=%2F%2F", path: "cursor" },
      { query: "product_id_from=0", path: "product_id_from" },
    ])(
      "when listed with ?$query then it is a 400 problem naming $path",
      async ({ query, path }) => {
        expectFieldErrors(await call(`${base()}${target.prefix}?${query}`), path, 400);
      },
    );
  });

  describe("one path, every target", () => {
    it.each([
      { method: "GET", path: "/inventory/1" },
      { method: "GET", path: "/api/inventory/1" },
      { method: "GET", path: "/api/inventory/product/1" },
      { method: "GET", path: "/api/inventory/2147483647" },
      { method: "GET", path: "/api/inventory/abc" },
      { method: "PUT", path: "/api/inventory/2147483647" },
      { method: "DELETE", path: "/api/inventory/2147483647" },
      { method: "POST", path: "/api/inventory" },
    ] as const)(
      "when $method $path is asked of the gateway and of the inventory service then the answers are identical",
      async ({ method, path }) => {
        // An invalid body for the writes, so both answer without changing anything.
        const request = { method, ...(method === "GET" ? {} : { body: { quantity: -1 } }) };

        const [viaGateway, viaService] = await Promise.all([
          call(baseUrl(stack, "gateway") + path, request),
          call(baseUrl(stack, "inventory-service") + path, request),
        ]);

        expect(viaGateway.status).toBe(viaService.status);
        expect(viaGateway.headers.get("content-type")).toBe(viaService.headers.get("content-type"));
        expect(viaGateway.body).toEqual(viaService.body);
      },
    );
  });

  // Last in the file on purpose: it empties the table this file's stack owns.
  describe("an empty stock table", () => {
    it("when every stock row is gone then every target lists [] (legacy answered null)", async () => {
      const rows = (await call(`${stack.inventoryService.url}/inventory`)).body as Inventory[];
      for (const row of rows) {
        const removed = await call(`${stack.inventoryService.url}/inventory/${row.id}`, {
          method: "DELETE",
        });
        expect(removed.status).toBe(204);
      }

      const answers = await Promise.all(
        inventoryTargets.map((target) => call(urlOf(stack, target))),
      );

      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.text).toBe("[]");
      }
    });
  });
}
