import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eStack, stopAndExpectCleanExit } from "../harness/e2e-stack.ts";
import {
  createProduct,
  createProductWithStock,
  type Product,
  uniqueName,
} from "../harness/fixtures.ts";
import { followPages } from "../harness/follow-pages.ts";
import { call, expectFieldErrors, expectProblem } from "../harness/http-client.ts";
import { seedProducts } from "../harness/seed-catalogue.ts";
import { baseUrl, mergedViewTargets, productTargets, urlOf } from "../harness/targets.ts";
import type { StackStarter } from "./stack-starter.ts";

export function productContract(startStack: StackStarter): void {
  // CONTRACT.md §3 and §4, asked of every process and prefix a client's request can reach.

  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stopAndExpectCleanExit(stack);
  });

  const productFields = (product: Product) => ({
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    category: product.category,
  });

  describe("the seed catalogue", () => {
    it("when a fresh database is listed then the five seed products lead, prices as JSON numbers", async () => {
      const answer = await call(`${stack.gateway.url}/api/products`);

      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      const firstFive = (answer.body as Product[]).slice(0, 5).map(productFields);
      expect(firstFive).toEqual(seedProducts);
      expect(answer.text).toContain('"price":1299.99');
    });
  });

  const invalidNewProducts = [
    { case: "no name", body: { price: 10 }, path: "name" },
    { case: "an empty name", body: { name: "", price: 10 }, path: "name" },
    { case: "a 256-character name", body: { name: "n".repeat(256), price: 10 }, path: "name" },
    { case: "no price", body: { name: "no price" }, path: "price" },
    { case: "a zero price", body: { name: "free", price: 0 }, path: "price" },
    { case: "a negative price", body: { name: "negative", price: -5 }, path: "price" },
    { case: "a price that is not a number", body: { name: "nan", price: "abc" }, path: "price" },
  ];

  describe.each(productTargets)("products through $label", (target) => {
    const url = (path = "") => urlOf(stack, target, path);

    it("when products are listed then the answer is an array ordered by id holding new products", async () => {
      const first = await createProduct(stack);
      const second = await createProduct(stack, { description: null, category: null });

      const answer = await call(url());

      expect(answer.status).toBe(200);
      const products = answer.body as Product[];
      const ids = products.map((product) => product.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      for (const product of products) expect(typeof product.price).toBe("number");
      expect(products.filter((p) => p.id === first.id || p.id === second.id)).toEqual([
        expect.objectContaining(productFields(first)),
        expect.objectContaining(productFields(second)),
      ]);
    });

    it("when listed with ?category= then only that category comes back, ordered by id", async () => {
      const category = uniqueName("category");
      const first = await createProduct(stack, { category });
      await createProduct(stack, { category: `${category} other` });
      const second = await createProduct(stack, { category });

      const answer = await call(url(`?category=${encodeURIComponent(category)}`));

      expect(answer.status).toBe(200);
      expect((answer.body as Product[]).map(productFields)).toEqual([first, second]);
    });

    it("when a category nobody uses is asked for then the answer is an empty array", async () => {
      const answer = await call(url(`?category=${encodeURIComponent(uniqueName("none"))}`));

      expect(answer.status).toBe(200);
      expect(answer.text).toBe("[]");
    });

    it("when a product is created then 201 answers it with a numeric price and it reads back", async () => {
      const input = {
        name: uniqueName("created"),
        description: "a description",
        price: 24.5,
        category: "E2E created",
      };

      const created = await call(url(), { method: "POST", body: input });

      expect(created.status, created.text).toBe(201);
      const product = created.body as Product;
      expect(product).toMatchObject({ id: expect.any(Number), ...input });
      const readBack = await call(`${stack.productService.url}/products/${product.id}`);
      expect(readBack.status).toBe(200);
      expect(productFields(readBack.body as Product)).toEqual({ id: product.id, ...input });
    });

    it("when a product is created with only a name and a price then description and category are null", async () => {
      const created = await call(url(), {
        method: "POST",
        body: { name: uniqueName("bare"), price: 3 },
      });

      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ description: null, category: null, price: 3 });
    });

    it("when a product is created with a 255-character name then it is accepted", async () => {
      const name = `${uniqueName("long")} `.padEnd(255, "x");

      const created = await call(url(), { method: "POST", body: { name, price: 1 } });

      expect(created.status, created.text).toBe(201);
      expect((created.body as Product).name).toBe(name);
    });

    it.each(invalidNewProducts)(
      "when a product is created with $case then 422 problem details name $path",
      async ({ body, path }) => {
        const answer = await call(url(), { method: "POST", body });

        expectFieldErrors(answer, path);
      },
    );

    it("when the body of a create is not JSON then 400 problem details", async () => {
      const answer = await call(url(), { method: "POST", body: '{"name": "broken",' });

      expectProblem(answer, 400);
    });

    it("when a product does not exist then reading, updating and deleting it answer 404 'Product not found'", async () => {
      const missing = url("/2147483647");

      const read = await call(missing);
      const update = await call(missing, { method: "PUT", body: { price: 5 } });
      const remove = await call(missing, { method: "DELETE" });

      expectProblem(read, 404, "Product not found");
      expectProblem(update, 404, "Product not found");
      expectProblem(remove, 404, "Product not found");
    });

    it.each(["abc", "0", "-1", "1.5", "99999999999"])(
      "when the id is %s then 400 problem details with errors on id, not a 500",
      async (id) => {
        const answer = await call(url(`/${id}`));

        expectFieldErrors(answer, "id", 400);
      },
    );

    it("when only the price is updated then it changes and the other fields are kept", async () => {
      const product = await createProduct(stack, { price: 10 });

      const answer = await call(url(`/${product.id}`), { method: "PUT", body: { price: 12.34 } });

      expect(answer.status, answer.text).toBe(200);
      expect(productFields(answer.body as Product)).toEqual({ ...product, price: 12.34 });
      const readBack = await call(`${stack.productService.url}/products/${product.id}`);
      expect(productFields(readBack.body as Product)).toEqual({ ...product, price: 12.34 });
    });

    it("when name, description and category are updated then all three change", async () => {
      const product = await createProduct(stack);
      const changes = { name: uniqueName("renamed"), description: null, category: "E2E renamed" };

      const answer = await call(url(`/${product.id}`), { method: "PUT", body: changes });

      expect(answer.status, answer.text).toBe(200);
      expect(productFields(answer.body as Product)).toEqual({ ...product, ...changes });
    });

    it("when an update carries no fields then 400 'No fields to update'", async () => {
      const product = await createProduct(stack);

      const answer = await call(url(`/${product.id}`), { method: "PUT", body: {} });

      expectProblem(answer, 400, "No fields to update");
    });

    it.each([
      { case: "a negative price", body: { price: -1 }, path: "price" },
      { case: "an empty name", body: { name: "" }, path: "name" },
    ])(
      "when an update has $case then 422 names $path and the product is unchanged",
      async ({ body, path }) => {
        const product = await createProduct(stack);

        const answer = await call(url(`/${product.id}`), { method: "PUT", body });

        expectFieldErrors(answer, path);
        const readBack = await call(`${stack.productService.url}/products/${product.id}`);
        expect(productFields(readBack.body as Product)).toEqual(product);
      },
    );

    it("when a product with a stock row is deleted then 204 and the stock row goes too", async () => {
      const { product, stock } = await createProductWithStock(stack);

      const answer = await call(url(`/${product.id}`), { method: "DELETE" });

      expect(answer.status).toBe(204);
      expect(answer.text).toBe("");
      expectProblem(await call(`${stack.productService.url}/products/${product.id}`), 404);
      expectProblem(await call(`${stack.inventoryService.url}/inventory/${stock.id}`), 404);
      expectProblem(
        await call(`${stack.inventoryService.url}/inventory/product/${product.id}`),
        404,
      );
    });
  });

  describe.each(productTargets)("pages of products through $label", (target) => {
    const base = () => baseUrl(stack, target.via);

    it("when a category is paged with ?limit= then following Link walks each of its products once, in id order, under the path asked", async () => {
      const category = uniqueName("paged");
      const created = [];
      for (let i = 0; i < 5; i += 1) created.push(await createProduct(stack, { category }));

      const { pages, links } = await followPages(
        base(),
        `${target.prefix}?category=${encodeURIComponent(category)}&limit=2`,
      );

      expect(pages.map((page) => page.map((product) => product.id))).toEqual([
        [created[0]?.id, created[1]?.id],
        [created[2]?.id, created[3]?.id],
        [created[4]?.id],
      ]);
      expect(pages.flat()).toEqual(created.map((product) => expect.objectContaining(product)));
      for (const link of links) {
        expect(link.startsWith(`${target.prefix}?`), link).toBe(true);
        expect(new URL(link, base()).searchParams.get("category")).toBe(category);
      }
    });

    it("when a page is the last one then it carries no Link, and no parameter means the whole list without Link", async () => {
      const category = uniqueName("one page");
      const product = await createProduct(stack, { category });

      const page = await call(
        `${base()}${target.prefix}?category=${encodeURIComponent(category)}&limit=100`,
      );
      const whole = await call(`${base()}${target.prefix}`);

      expect(page.body).toEqual([product]);
      expect(page.headers.get("link")).toBeNull();
      expect((whole.body as Product[]).some((p) => p.id === product.id)).toBe(true);
      expect(whole.headers.get("link")).toBeNull();
    });

    it.each([
      { query: "limit=0", path: "limit" },
      { query: "limit=1001", path: "limit" },
      { query: "limit=ten", path: "limit" },
      { query: "cursor=not%20a%20cursor", path: "cursor" },
      { query: `cursor=${Buffer.from("-1").toString("base64url")}`, path: "cursor" },
      { query: `cursor=${Buffer.from("99999999999").toString("base64url")}`, path: "cursor" },
    ])("when paged with ?$query then it is a 400 problem naming $path", async ({ query, path }) => {
      const answer = await call(`${base()}${target.prefix}?${query}`);

      expectFieldErrors(answer, path, 400);
    });
  });

  describe.each(mergedViewTargets)("GET /api/products/{id} through the $label", (target) => {
    it("when the product has stock then it comes with inventory quantity and warehouse", async () => {
      const { product } = await createProductWithStock(
        stack,
        {},
        { quantity: 42, warehouse: "W9" },
      );

      const answer = await call(urlOf(stack, target, `/${product.id}`));

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        ...product,
        inventory: { quantity: 42, warehouse: "W9" },
      });
    });

    it("when the product has no stock row then the inventory key is absent", async () => {
      const product = await createProduct(stack);

      const answer = await call(urlOf(stack, target, `/${product.id}`));

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject(product);
      expect(answer.body).not.toHaveProperty("inventory");
    });

    it("when the product does not exist then 404 'Product not found' is passed through", async () => {
      const answer = await call(urlOf(stack, target, "/2147483647"));

      expectProblem(answer, 404, "Product not found");
    });
  });

  // CONTRACT.md §1: "a path answers the same whichever target the listener picks".
  describe("one path, every target", () => {
    it.each([
      { method: "GET", path: "/products/1" },
      { method: "GET", path: "/api/products/1" },
      { method: "GET", path: "/products?category=Electronics" },
      { method: "GET", path: "/api/products?category=Electronics" },
      { method: "GET", path: "/products/2147483647" },
      { method: "GET", path: "/api/products/2147483647" },
      { method: "GET", path: "/products/abc" },
      { method: "GET", path: "/api/products/abc" },
      { method: "PUT", path: "/api/products/abc" },
      { method: "PUT", path: "/api/products/2147483647" },
      { method: "DELETE", path: "/api/products/2147483647" },
      { method: "POST", path: "/api/products" },
    ] as const)(
      "when $method $path is asked of the gateway and of the product service then the answers are identical",
      async ({ method, path }) => {
        // An invalid body for the writes, so both answer without changing anything.
        const request = { method, ...(method === "GET" ? {} : { body: { price: -1 } }) };

        const [viaGateway, viaService] = await Promise.all([
          call(baseUrl(stack, "gateway") + path, request),
          call(baseUrl(stack, "product-service") + path, request),
        ]);

        expect(viaGateway.status).toBe(viaService.status);
        expect(viaGateway.headers.get("content-type")).toBe(viaService.headers.get("content-type"));
        expect(viaGateway.body).toEqual(viaService.body);
      },
    );

    it("when the list is asked under /products and /api/products then the answers are identical", async () => {
      const [plain, prefixed] = await Promise.all([
        call(`${stack.productService.url}/products`),
        call(`${stack.productService.url}/api/products`),
      ]);

      expect(plain.status).toBe(200);
      expect(prefixed.body).toEqual(plain.body);
    });
  });
}
