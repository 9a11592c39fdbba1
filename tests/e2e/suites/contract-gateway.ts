import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { chunkOfProduct, surrogateKeyHeader } from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../../kit/raw-request.ts";
import { type E2eStack, stopAndExpectCleanExit } from "../harness/e2e-stack.ts";
import { createProduct, createProductWithStock, type Product } from "../harness/fixtures.ts";
import { call, expectProblem } from "../harness/http-client.ts";
import { logsCaughtUp, requestsLoggedWith } from "../harness/request-log.ts";
import type { StackStarter } from "./stack-starter.ts";

export function gatewayContract(startStack: StackStarter): void {
  // CONTRACT.md §6: what only the front door does, seen from a client.

  let stack: E2eStack;

  beforeAll(async () => {
    // info: the request-id and upstream-call tests read the services' request logs.
    stack = await startStack({ logLevel: "info" });
  });

  afterAll(async () => {
    await stopAndExpectCleanExit(stack);
  });

  const gateway = (path: string) => `${stack.gateway.url}${path}`;

  describe("health", () => {
    it("when every service is up then the gateway /health is 200 healthy with both downstreams healthy", async () => {
      const answer = await call(gateway("/health"));

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        status: "healthy",
        service: "api-gateway",
        downstream_services: { product_service: "healthy", inventory_service: "healthy" },
      });
    });

    it("when each service is asked for /health then it answers healthy under its own name", async () => {
      const product = await call(`${stack.productService.url}/health`);
      const inventory = await call(`${stack.inventoryService.url}/health`);

      expect([product.status, inventory.status]).toEqual([200, 200]);
      expect(product.body).toEqual({ status: "healthy", service: "product-service" });
      expect(inventory.body).toEqual({ status: "healthy", service: "inventory-service" });
    });
  });

  describe("the dashboard", () => {
    it("when / is asked of the gateway then it answers the dashboard page and its /static assets", async () => {
      const page = await call(gateway("/"));

      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.text).toMatch(/<html/i);
      const assets = [...page.text.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) expect((await call(gateway(asset as string))).status).toBe(200);
    });
  });

  describe("CORS", () => {
    it.each(["/api/products", "/api/inventory/1", "/api/products/1", "/api/products-full"])(
      "when a browser preflights PUT %s then OPTIONS allows any origin, the contract's methods and headers, for 300 s",
      async (path) => {
        const answer = await call(gateway(path), {
          method: "OPTIONS",
          headers: {
            origin: "https://shop.example",
            "access-control-request-method": "PUT",
            "access-control-request-headers": "content-type,authorization",
          },
        });

        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(300);
        expect(answer.headers.get("access-control-allow-origin")).toBe("*");
        const methods = (answer.headers.get("access-control-allow-methods") ?? "").split(/\s*,\s*/);
        expect(methods).toEqual(
          expect.arrayContaining(["GET", "POST", "PUT", "DELETE", "OPTIONS"]),
        );
        const allowed = (answer.headers.get("access-control-allow-headers") ?? "")
          .toLowerCase()
          .split(/\s*,\s*/);
        expect(allowed).toEqual(
          expect.arrayContaining(["accept", "authorization", "content-type"]),
        );
        expect(answer.headers.get("access-control-max-age")).toBe("300");
      },
    );

    it.each([
      { case: "a proxied list", path: "/api/products", status: 200 },
      { case: "the gateway's own catalogue", path: "/api/products-full", status: 200 },
      { case: "a proxied 404", path: "/api/products/2147483647", status: 404 },
    ])(
      "when a cross-origin GET reads $case then the answer allows any origin and exposes Link",
      async ({ path, status }) => {
        const answer = await call(gateway(path), { headers: { origin: "https://shop.example" } });

        expect(answer.status).toBe(status);
        expect(answer.headers.get("access-control-allow-origin")).toBe("*");
        expect(answer.headers.get("access-control-expose-headers")).toMatch(/\bLink\b/i);
      },
    );
  });

  describe("compression", () => {
    // Long descriptions push the answers well past any sensible compression threshold.
    const bulky = () => ({ description: `bulky ${"lorem ipsum dolor sit amet ".repeat(80)}` });

    it.each(["/api/products", "/products", "/api/products-full"])(
      "when a client accepting gzip reads the large %s then it comes gzipped and inflates to the JSON list",
      async (path) => {
        const product = await createProduct(stack, bulky());

        const answer = await rawRequest(gateway(path), {
          method: "GET",
          headers: { "accept-encoding": "gzip" },
        });

        expect(answer.status).toBe(200);
        expect(answer.headers["content-encoding"]).toBe("gzip");
        const products = JSON.parse(gunzipSync(answer.bytes).toString("utf8")) as Product[];
        expect(products.find((entry) => entry.id === product.id)).toMatchObject(product);
      },
    );

    it("when a client does not accept gzip then the same large list comes uncompressed", async () => {
      const product = await createProduct(stack, bulky());

      const answer = await rawRequest(gateway("/api/products"), { method: "GET", headers: {} });

      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      const products = JSON.parse(answer.bytes.toString("utf8")) as Product[];
      expect(products.find((entry) => entry.id === product.id)).toMatchObject(product);
    });
  });

  describe("request ids", () => {
    it.each([
      { case: "a proxied product read", path: "/api/products/1" },
      { case: "a proxied inventory read", path: "/api/inventory/1" },
      { case: "the gateway's own catalogue", path: "/api/products-full" },
      { case: "health", path: "/health" },
      { case: "a proxied 404", path: "/api/inventory/2147483647" },
    ])(
      "when the client sends X-Request-Id on $case then the same id comes back",
      async ({ path }) => {
        const requestId = `e2e-${randomUUID()}`;

        const answer = await call(gateway(path), { headers: { "x-request-id": requestId } });

        expect(answer.headers.get("x-request-id")).toBe(requestId);
      },
    );

    it("when the client sends no X-Request-Id then each answer carries a fresh generated one", async () => {
      const first = await call(gateway("/api/products/1"));
      const second = await call(gateway("/api/products/1"));

      const ids = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
      expect(ids[0]).toMatch(/\S{8,}/);
      expect(ids[1]).toMatch(/\S{8,}/);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it.each([
      { path: "/api/products/1", service: "productService" },
      { path: "/api/inventory/1", service: "inventoryService" },
    ] as const)(
      "when a client sends X-Request-Id to $path then the owning service logs its call under that id",
      async ({ path, service }) => {
        const requestId = `e2e-${randomUUID()}`;

        const answer = await call(gateway(path), { headers: { "x-request-id": requestId } });

        expect(answer.status).toBe(200);
        await logsCaughtUp(stack[service]);
        expect(requestsLoggedWith(stack[service], requestId)).toEqual([
          expect.objectContaining({ method: "GET", status: 200 }),
        ]);
      },
    );
  });

  describe("forwarding", () => {
    // Per-connection headers, those each hop computes for itself, and the cache key a service
    // names for the gateway's copies.
    const perHop = new Set([
      "date",
      "connection",
      "keep-alive",
      "content-length",
      "transfer-encoding",
      surrogateKeyHeader,
    ]);

    it.each([
      { path: "/api/inventory/1", via: "inventoryService" },
      { path: "/api/inventory/product/1", via: "inventoryService" },
      { path: "/api/products?category=Electronics", via: "productService" },
    ] as const)(
      "when $path is read through the gateway then every header the service sent comes back unchanged",
      async ({ path, via }) => {
        // The service's own answer to the path the gateway forwards (the /api prefix removed).
        const direct = await call(stack[via].url + path.replace(/^\/api/, ""));

        const proxied = await call(gateway(path));

        expect(proxied.status).toBe(direct.status);
        expect(proxied.text).toBe(direct.text);
        direct.headers.forEach((value, name) => {
          if (perHop.has(name) || name === "x-request-id") return;
          expect(proxied.headers.get(name), name).toBe(value);
        });
      },
    );

    it("when a client sends If-Match with a stale version through the gateway then the service gets it and refuses the change", async () => {
      const { stock } = await createProductWithStock(stack, {}, { quantity: 5 });
      // A version the row has not reached: any compare-and-set must refuse it.
      const stale = `"${((stock as { version?: number }).version ?? 1) + 1000}"`;

      const answer = await call(gateway(`/api/inventory/${stock.id}`), {
        method: "PUT",
        headers: { "if-match": stale },
        body: { quantity: 99 },
      });

      expect(answer.status).toBeGreaterThanOrEqual(400);
      const row = await call(`${stack.inventoryService.url}/inventory/${stock.id}`);
      expect(row.body).toEqual(stock);
    });
  });

  describe("GET /api/products-full", () => {
    it("when the catalogue is read then it holds every product's merged view, ordered by id", async () => {
      const { product: stocked } = await createProductWithStock(stack, {}, { quantity: 4 });
      const unstocked = await createProduct(stack);

      const answer = await call(gateway("/api/products-full"));

      expect(answer.status).toBe(200);
      const catalogue = answer.body as Array<Product & { inventory?: unknown }>;
      const products = (await call(gateway("/api/products"))).body as Product[];
      expect(catalogue.map((entry) => entry.id)).toEqual(products.map((product) => product.id));
      for (const entry of catalogue) {
        const merged = await call(gateway(`/api/products/${entry.id}`));
        expect(entry, `product ${entry.id}`).toEqual(merged.body);
      }
      expect(catalogue.find((entry) => entry.id === stocked.id)).toMatchObject({
        inventory: { quantity: 4, warehouse: "Warehouse E2E" },
      });
      expect(catalogue.find((entry) => entry.id === unstocked.id)).not.toHaveProperty("inventory");
    });

    it("when force_refresh=true then it is rebuilt from one page per service per chunk of ids, however many products", async () => {
      // Enough products that a per-product call (legacy's N+1) could not hide.
      for (let i = 0; i < 3; i += 1) await createProductWithStock(stack);
      await call(gateway("/api/products-full"));
      const requestId = `e2e-${randomUUID()}`;

      const answer = await call(gateway("/api/products-full?force_refresh=true"), {
        headers: { "x-request-id": requestId },
      });

      expect(answer.status).toBe(200);
      const catalogue = answer.body as Product[];
      expect(catalogue.length).toBeGreaterThanOrEqual(8);
      const chunks = chunkOfProduct(catalogue.at(-1)?.id ?? 1) + 1;
      await Promise.all([logsCaughtUp(stack.productService), logsCaughtUp(stack.inventoryService)]);
      const productCalls = requestsLoggedWith(stack.productService, requestId);
      const stockCalls = requestsLoggedWith(stack.inventoryService, requestId);
      // a page of products and the stock of its ids per chunk
      expect(productCalls).toHaveLength(chunks);
      expect(stockCalls).toHaveLength(chunks);
      for (const logged of productCalls) {
        expect(logged).toMatchObject({
          method: "GET",
          url: expect.stringMatching(/^\/products\?limit=/),
          status: 200,
        });
      }
      for (const logged of stockCalls) {
        expect(logged).toMatchObject({
          method: "GET",
          url: expect.stringMatching(/^\/inventory\?product_id_from=/),
          status: 200,
        });
      }
    });

    it("when force_refresh=true follows a write then it answers the same catalogue as a plain read", async () => {
      const { product } = await createProductWithStock(stack, { price: 30 });
      await call(gateway("/api/products-full"));
      await call(`${stack.productService.url}/products/${product.id}`, {
        method: "PUT",
        body: { price: 31 },
      });

      const refreshed = await call(gateway("/api/products-full?force_refresh=true"));
      const plain = await call(gateway("/api/products-full"));

      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toEqual(plain.body);
      const entry = (refreshed.body as Product[]).find((p) => p.id === product.id);
      expect(entry?.price).toBe(31);
    });

    it("when a product is missing then the gateway's merged view passes the upstream 404 through", async () => {
      const answer = await call(gateway("/api/products/2147483647"));

      expectProblem(answer, 404, "Product not found");
    });
  });
}
