import { randomUUID } from "node:crypto";
import { createServiceLambda, type ServiceLambda } from "@stockwiz/adapters";
import type { ALBResult } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productService } from "../../packages/product-service/src/product-service.ts";
import { multiValueEvent, singleValueEvent } from "../kit/alb-events.ts";

// The product service's Lambda target, fed the events AWS documents for an ALB target group
// ("Use Lambda functions as targets of an Application Load Balancer"), on embedded stores.

let lambda: ServiceLambda;

beforeAll(async () => {
  lambda = await createServiceLambda(productService, {
    STOCKWIZ_DATA_DIR: "memory://",
    LOG_LEVEL: "silent",
  });
});

afterAll(() => lambda.close());

const json = (result: ALBResult) => JSON.parse(result.body ?? "") as unknown;
const json1 = { "content-type": ["application/json"] };

describe("multi-value headers off (the target group's default)", () => {
  it("when AWS's example GET arrives then the answer has headers, a status description and no multiValueHeaders", async () => {
    const result = await lambda.handler(singleValueEvent({ path: "/products/1" }));

    expect(result).toMatchObject({
      statusCode: 200,
      statusDescription: "200 OK",
      isBase64Encoded: false,
    });
    expect(result.multiValueHeaders).toBeUndefined();
    expect(result.headers?.["content-type"]).toBe("application/json; charset=utf-8");
    expect(json(result)).toMatchObject({ id: 1, name: "Laptop Dell XPS 13", price: 1299.99 });
  });
});

describe("multi-value headers on", () => {
  it("when the event carries multiValueHeaders then the answer carries multiValueHeaders only", async () => {
    const result = await lambda.handler(
      multiValueEvent({
        path: "/products/2",
        headers: { accept: ["application/json", "text/plain"], "x-request-id": ["mv-1"] },
      }),
    );

    expect(result).toMatchObject({ statusCode: 200, statusDescription: "200 OK" });
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders).toMatchObject({
      "content-type": ["application/json; charset=utf-8"],
      "x-request-id": ["mv-1"],
    });
    expect(json(result)).toMatchObject({ id: 2 });
  });

  it("when a parameter is repeated then each value reaches the app, as over HTTP", async () => {
    const result = await lambda.handler(
      multiValueEvent({ path: "/products", query: { category: ["Electronics", "Other"] } }),
    );

    // Two categories are not one: the route refuses the list instead of picking one of them.
    expect(result.statusCode).toBeGreaterThanOrEqual(400);
    expect(result.statusCode).toBeLessThan(500);
    expect(result.multiValueHeaders?.["content-type"]).toEqual([
      "application/problem+json; charset=utf-8",
    ]);
  });
});

describe("bodies", () => {
  it("when a JSON body comes base64-encoded then the product is created from it", async () => {
    const name = `base64 ${randomUUID()}`;
    const body = Buffer.from(JSON.stringify({ name, price: 12.5 })).toString("base64");

    const result = await lambda.handler(
      singleValueEvent({
        method: "POST",
        path: "/products",
        headers: { "content-type": ["application/json"] },
        body,
        isBase64Encoded: true,
      }),
    );

    expect(result.statusCode, result.body).toBe(201);
    expect(json(result)).toMatchObject({ name, price: 12.5 });
  });

  it("when the body is not JSON then 415 problem details, not a 500", async () => {
    const result = await lambda.handler(
      singleValueEvent({
        method: "POST",
        path: "/products",
        headers: { "content-type": ["text/plain"] },
        body: "name=lamp",
      }),
    );

    expect(result.statusCode).toBe(415);
    expect(result.headers?.["content-type"]).toMatch(/^application\/problem\+json/);
    expect(json(result)).toMatchObject({ status: 415, title: "Unsupported Media Type" });
  });

  it("when the JSON is malformed then 400 problem details", async () => {
    const result = await lambda.handler(
      singleValueEvent({ method: "POST", path: "/products", headers: json1, body: '{"name":' }),
    );

    expect(result.statusCode).toBe(400);
    expect(json(result)).toMatchObject({ status: 400 });
  });
});

describe("query strings, URL-encoded as the ALB passes them", () => {
  it("when ?category=caf%C3%A9&x=a%20b is sent then the product in category café is found", async () => {
    const created = await lambda.handler(
      singleValueEvent({
        method: "POST",
        path: "/products",
        headers: json1,
        body: JSON.stringify({ name: `café ${randomUUID()}`, price: 3, category: "café" }),
      }),
    );
    const product = json(created) as { id: number };

    const listed = await lambda.handler(
      singleValueEvent({ path: "/products", query: { category: ["caf%C3%A9"], x: ["a%20b"] } }),
    );

    expect(listed.statusCode).toBe(200);
    expect((json(listed) as { id: number }[]).map((p) => p.id)).toContain(product.id);
    expect((json(listed) as { category: string }[]).every((p) => p.category === "café")).toBe(true);
  });

  it("when a value has + for a space then it reads as a space, as over HTTP", async () => {
    const category = `Home Garden ${randomUUID().slice(0, 8)}`;
    await lambda.handler(
      singleValueEvent({
        method: "POST",
        path: "/products",
        headers: json1,
        body: JSON.stringify({ name: "rug", price: 3, category }),
      }),
    );

    const listed = await lambda.handler(
      singleValueEvent({ path: "/products", query: { category: [category.replaceAll(" ", "+")] } }),
    );

    expect((json(listed) as { category: string }[]).map((p) => p.category)).toEqual([category]);
  });

  it("when a value holds a malformed escape then the answer is not a Lambda error or a 500", async () => {
    const result = await lambda.handler(
      singleValueEvent({ path: "/products", query: { category: ["%E0%A4%A"] } }),
    );

    expect(result.statusCode).toBeLessThan(500);
  });
});

describe("request ids", () => {
  it("when the ALB passes a well-formed X-Request-Id then the answer carries it", async () => {
    const result = await lambda.handler(
      singleValueEvent({ path: "/health", headers: { "x-request-id": ["trace-42.a:b"] } }),
    );

    expect(result.headers?.["x-request-id"]).toBe("trace-42.a:b");
  });

  it.each([
    { case: "spaces and markup", id: "<script> x" },
    { case: "129 characters", id: "a".repeat(129) },
  ])("when the X-Request-Id has $case then a fresh id replaces it", async ({ id }) => {
    const result = await lambda.handler(
      singleValueEvent({ path: "/health", headers: { "x-request-id": [id] } }),
    );

    expect(result.headers?.["x-request-id"]).not.toBe(id);
    expect(result.headers?.["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unknown routes", () => {
  it("when no route matches then 404 problem details with the request id", async () => {
    const result = await lambda.handler(
      singleValueEvent({ path: "/nowhere", headers: { "x-request-id": ["lost-1"] } }),
    );

    expect(result).toMatchObject({ statusCode: 404, statusDescription: "404 Not Found" });
    expect(result.headers).toMatchObject({
      "content-type": "application/problem+json; charset=utf-8",
      "x-request-id": "lost-1",
    });
    expect(json(result)).toMatchObject({ status: 404, detail: "No route for GET here" });
  });
});

describe("configuration", () => {
  it("when DB_HOST is set without DB_PASSWORD then the init fails naming the variable", async () => {
    const init = createServiceLambda(productService, {
      DB_HOST: "db.internal",
      LOG_LEVEL: "silent",
    });

    await expect(init).rejects.toMatchObject({
      name: "ConfigError",
      message: expect.stringContaining("DB_PASSWORD: is required when DB_HOST is set"),
    });
  });
});
