import { createAlbHandler, type OpenStores } from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";
import type { ALBEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger } from "../support/test-stores.ts";

let stores: OpenStores;
let handler: ReturnType<typeof createAlbHandler>;

beforeAll(async () => {
  stores = await openTestStores("embedded");
  handler = createAlbHandler(productServiceRoutes, async () => stores.deps, silentLogger);
});
afterAll(() => stores.close());

/** The shape an ALB sends a Lambda target (multi-value headers off). */
const albEvent = (overrides: Partial<ALBEvent>): ALBEvent => ({
  requestContext: {
    elb: {
      targetGroupArn:
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/dev-product-svc-tg/6d0ecf831eec9f09",
    },
  },
  httpMethod: "GET",
  path: "/",
  queryStringParameters: {},
  headers: {
    accept: "application/json",
    host: "dev-alb-123.us-east-1.elb.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-5bdb40ca-556d8b0c50dc66f0511bf520",
    "x-forwarded-for": "72.21.198.66",
    "x-forwarded-port": "80",
    "x-forwarded-proto": "http",
  },
  body: "",
  isBase64Encoded: false,
  ...overrides,
});

describe("ALB → Lambda adapter", () => {
  it("when the ALB forwards GET /api/products/1 then the merged product comes back", async () => {
    const result = await handler(albEvent({ path: "/api/products/1" }));
    expect(result).toMatchObject({
      statusCode: 200,
      statusDescription: "200 OK",
      isBase64Encoded: false,
    });
    expect(result.headers?.["content-type"]).toBe("application/json");
    expect(JSON.parse(result.body ?? "")).toMatchObject({ id: 1, inventory: { quantity: 50 } });
  });

  it("when the query is percent-encoded then it is decoded before filtering", async () => {
    const created = await handler(
      albEvent({
        httpMethod: "POST",
        path: "/products",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Desk lamp", price: 30, category: "Home & Garden" }),
      }),
    );
    expect(created.statusCode).toBe(201);
    const listed = await handler(
      albEvent({ path: "/products", queryStringParameters: { category: "Home%20%26%20Garden" } }),
    );
    expect(JSON.parse(listed.body ?? "").map((p: { name: string }) => p.name)).toEqual([
      "Desk lamp",
    ]);
  });

  it("when the body is base64-encoded then it is decoded", async () => {
    const body = Buffer.from(JSON.stringify({ name: "Rug", price: 55 })).toString("base64");
    const result = await handler(
      albEvent({
        httpMethod: "POST",
        path: "/api/products",
        headers: { "content-type": "application/json" },
        body,
        isBase64Encoded: true,
      }),
    );
    expect(result.statusCode).toBe(201);
  });

  it("when the body is invalid then the same problem details as over HTTP come back", async () => {
    const result = await handler(
      albEvent({
        httpMethod: "POST",
        path: "/products",
        headers: { "content-type": "application/json" },
        body: '{"name":""}',
      }),
    );
    expect(result.statusCode).toBe(422);
    expect(result.headers?.["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(result.body ?? "").errors.map((e: { path: string }) => e.path)).toEqual([
      "name",
      "price",
    ]);
  });

  it("when the body is not JSON then it is a 400", async () => {
    const result = await handler(
      albEvent({
        httpMethod: "POST",
        path: "/products",
        headers: { "content-type": "application/json" },
        body: "{",
      }),
    );
    expect(result.statusCode).toBe(400);
  });

  it("when a product is deleted then it is 204 with an empty body", async () => {
    const created = await handler(
      albEvent({
        httpMethod: "POST",
        path: "/products",
        headers: { "content-type": "application/json" },
        body: '{"name":"Tmp","price":1}',
      }),
    );
    const { id } = JSON.parse(created.body ?? "");
    const deleted = await handler(albEvent({ httpMethod: "DELETE", path: `/products/${id}` }));
    expect(deleted).toMatchObject({ statusCode: 204, body: "" });
  });

  it("when no route matches then it is a 404 problem carrying the caller's request id", async () => {
    const result = await handler(
      albEvent({ path: "/inventory", headers: { "x-request-id": "abc-1" } }),
    );
    expect(result.statusCode).toBe(404);
    expect(result.headers?.["x-request-id"]).toBe("abc-1");
  });
});
