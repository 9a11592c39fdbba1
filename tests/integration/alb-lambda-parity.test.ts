import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AlbHandler, albHandlerFor, openService } from "@stockwiz/adapters";
import { openGateway } from "@stockwiz/api-gateway";
import type { ALBResult } from "aws-lambda";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryService } from "../../packages/inventory-service/src/inventory-service.ts";
import { albEventOf } from "../../packages/local-alb/src/alb-event.ts";
import { productService } from "../../packages/product-service/src/product-service.ts";
import { exampleTargetGroupArn } from "../kit/alb-events.ts";
import { type RawExchange, rawRequest } from "../kit/raw-request.ts";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";

// One app per service, asked the same request over HTTP (what the container serves) and as the
// ALB's Lambda event (what the function serves): the answers must not differ, whatever the
// target group's header style. The services share a fresh PostgreSQL database.

interface Served {
  app: FastifyInstance;
  url: string;
  handler: AlbHandler;
  close(): Promise<void>;
}

async function serve(opened: { app: FastifyInstance; close(): Promise<void> }): Promise<Served> {
  const handler = await albHandlerFor(opened.app);
  const url = await opened.app.listen({ host: "127.0.0.1", port: 0 });
  return { ...opened, url, handler };
}

let database: ScratchDatabase;
let product: Served;
let inventory: Served;
let gateway: Served;
const pixel = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

beforeAll(async () => {
  database = await createScratchDatabase();
  const storeEnv = { DATABASE_URL: database.url, LOG_LEVEL: "silent" };
  const asOpened = async (opening: ReturnType<typeof openService>) => {
    const { app, closeStores } = await opening;
    const close = async () => {
      await app.close();
      await closeStores();
    };
    return { app, close };
  };
  product = await serve(await asOpened(openService(productService, storeEnv)));
  inventory = await serve(await asOpened(openService(inventoryService, storeEnv)));
  const webDir = mkdtempSync(path.join(tmpdir(), "stockwiz-web-"));
  writeFileSync(
    path.join(webDir, "index.html"),
    "<!doctype html><html><body>StockWiz</body></html>",
  );
  writeFileSync(path.join(webDir, "pixel.png"), pixel);
  const opened = await openGateway({
    PRODUCT_SERVICE_URL: product.url,
    INVENTORY_SERVICE_URL: inventory.url,
    STOCKWIZ_WEB_DIST: webDir,
    // Its counters move with every request, so two paths could never answer alike.
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "silent",
  });
  gateway = await serve({
    app: opened.app,
    close: async () => {
      await opened.app.close();
      await opened.closeClients();
    },
  });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([product?.close(), inventory?.close()]);
  await database?.drop();
});

interface Exchange {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

// Per connection, or the time of the answer: they differ between any two answers.
const perAnswer = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
// An id the app generated (the caller's was refused) is fresh on every answer.
const generatedId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const comparable = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !perAnswer.has(name.toLowerCase()))
      .map(([name, value]) => {
        const text = Array.isArray(value) ? value.join(", ") : String(value);
        return [name.toLowerCase(), generatedId.test(text) ? "(generated)" : text];
      }),
  );

function overLambda(served: Served, exchange: Exchange, multiValueHeaders: boolean) {
  const headers = { host: "stockwiz.test", ...exchange.headers };
  const event = albEventOf(
    {
      method: exchange.method,
      url: exchange.url,
      rawHeaders: Object.entries(headers).flat(),
      body: Buffer.from(exchange.body ?? ""),
      clientAddress: "198.51.100.7",
      listenerPort: 80,
    },
    { arn: exampleTargetGroupArn, multiValueHeaders },
  );
  return served.handler(event);
}

function lambdaAnswer(result: ALBResult) {
  const headers = result.multiValueHeaders ?? result.headers ?? {};
  return {
    status: result.statusCode,
    headers: comparable(headers),
    body: Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8"),
  };
}

const httpAnswer = (exchange: RawExchange) => ({
  status: exchange.status,
  headers: comparable(exchange.headers),
  body: exchange.bytes,
});

async function expectSameAnswers(served: () => Served, exchange: Exchange) {
  const headers = { host: "stockwiz.test", ...exchange.headers };
  const http = await rawRequest(served().url + exchange.url, {
    method: exchange.method,
    headers,
    body: exchange.body === undefined ? undefined : Buffer.from(exchange.body),
  });
  for (const multiValueHeaders of [false, true]) {
    const lambda = lambdaAnswer(await overLambda(served(), exchange, multiValueHeaders));
    expect(lambda, `multi-value headers ${multiValueHeaders ? "on" : "off"}`).toEqual(
      httpAnswer(http),
    );
  }
  return http;
}

const json = { "content-type": "application/json", "x-request-id": "parity-1" };
const id = { "x-request-id": "parity-1" };

describe.each([
  { method: "GET", url: "/products", headers: id },
  { method: "GET", url: "/products/1", headers: id },
  { method: "GET", url: "/api/products/1", headers: id },
  { method: "GET", url: "/products?category=Electronics", headers: id },
  { method: "GET", url: "/products?category=caf%C3%A9&x=a%20b", headers: id },
  { method: "GET", url: "/products?category=Home+Garden", headers: id },
  { method: "GET", url: "/products?category=%E0%A4%A", headers: id },
  { method: "GET", url: "/products/abc", headers: id },
  { method: "GET", url: "/products/2147483647", headers: id },
  { method: "GET", url: "/products/1", headers: { "x-request-id": "not ok <id>" } },
  { method: "GET", url: "/nowhere", headers: id },
  { method: "POST", url: "/products", headers: json, body: '{"name":"","price":-1}' },
  { method: "POST", url: "/products", headers: json, body: '{"name":' },
  { method: "POST", url: "/products", headers: { ...id, "content-type": "text/plain" }, body: "x" },
  {
    method: "POST",
    url: "/products",
    headers: json,
    body: JSON.stringify({ n: "x".repeat(70_000) }),
  },
  { method: "PUT", url: "/products/2147483647", headers: json, body: '{"price":5}' },
  { method: "DELETE", url: "/products/2147483647", headers: id },
])("product service: $method $url", (exchange) => {
  it("when asked over HTTP and as an ALB event then status, headers and body are the same", async () => {
    await expectSameAnswers(() => product, exchange);
  });
});

describe.each([
  { method: "GET", url: "/inventory", headers: id },
  { method: "GET", url: "/inventory/1", headers: id },
  { method: "GET", url: "/api/inventory/product/1", headers: id },
  { method: "GET", url: "/inventory/0", headers: id },
  { method: "POST", url: "/inventory", headers: json, body: '{"product_id":1,"quantity":3}' },
  { method: "PUT", url: "/inventory/1", headers: json, body: '{"quantity":-1}' },
])("inventory service: $method $url", (exchange) => {
  it("when asked over HTTP and as an ALB event then status, headers and body are the same", async () => {
    await expectSameAnswers(() => inventory, exchange);
  });
});

describe.each([
  { method: "GET", url: "/health", headers: id },
  { method: "GET", url: "/api/products/1", headers: id },
  { method: "GET", url: "/api/products-full", headers: id },
  { method: "GET", url: "/", headers: id },
  {
    method: "OPTIONS",
    url: "/api/products",
    headers: { ...id, origin: "https://shop.example", "access-control-request-method": "PUT" },
  },
])("gateway: $method $url", (exchange) => {
  it("when asked over HTTP and as an ALB event then status, headers and body are the same", async () => {
    await expectSameAnswers(() => gateway, exchange);
  });
});

describe("a repeated query parameter", () => {
  it("when multi-value headers are on then every value reaches the app, as over HTTP", async () => {
    const repeated = { method: "GET", url: "/products?category=a&category=b", headers: id };

    const http = await rawRequest(product.url + repeated.url, { method: "GET", headers: id });
    const lambda = await overLambda(product, repeated, true);

    expect(lambdaAnswer(lambda)).toEqual(httpAnswer(http));
    expect(http.status).toBe(400);
  });

  it("when they are off then the ALB passes the last value only, so the app answers for that one", async () => {
    const repeated = { method: "GET", url: "/products?category=a&category=b", headers: id };

    const lastOnly = await rawRequest(`${product.url}/products?category=b`, {
      method: "GET",
      headers: id,
    });
    const lambda = await overLambda(product, repeated, false);

    expect(lambdaAnswer(lambda)).toEqual(httpAnswer(lastOnly));
  });
});

describe("answers that are not text", () => {
  it("when a client accepts gzip then the compressed answer travels base64-encoded and is the same bytes", async () => {
    const exchange = {
      method: "GET",
      url: "/openapi.json",
      headers: { ...id, "accept-encoding": "gzip" },
    };

    const http = await expectSameAnswers(() => gateway, exchange);
    const result = await overLambda(gateway, exchange, false);

    expect(http.headers["content-encoding"]).toBe("gzip");
    expect(result.isBase64Encoded).toBe(true);
  });

  it("when a PNG is served then it travels base64-encoded and decodes to the file's bytes", async () => {
    const exchange = { method: "GET", url: "/static/pixel.png", headers: id };

    await expectSameAnswers(() => gateway, exchange);
    const result = await overLambda(gateway, exchange, false);

    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body ?? "", "base64")).toEqual(pixel);
  });
});
