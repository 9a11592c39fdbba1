import { createLogger, createMemoryCache } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildGatewayApp,
  gatewayRoutes,
  stockwizApiDocument,
  UpstreamService,
} from "../src/index.ts";

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: { "application/json": { example?: unknown } } };
}
const document = stockwizApiDocument() as {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${path}`,
    method,
    operation,
  })),
);
const allRoutes = [...gatewayRoutes, ...productServiceRoutes, ...inventoryServiceRoutes];
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

describe("the OpenAPI document", () => {
  it("when generated then it is OpenAPI 3.1 with a server to send requests to", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers?.[0]?.url).toBe("/");
  });

  it("when generated then every route of every route table is in it", () => {
    const missing = allRoutes.filter(
      (route) =>
        document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()] === undefined,
    );
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it("when generated then every operation is named, uniquely, verb first: generated clients' method names", () => {
    const unnamed = operations.filter(({ operation }) => !operation.operationId);
    const ids = operations.map(({ operation }) => operation.operationId);

    expect(unnamed.map(({ name }) => name)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^(get|list|create|update|delete|adjust|commit|release)[A-Z]\w+$/);
  });

  it("when generated then the published operation names stay as they are (clients call them)", () => {
    const plain = operations
      .map(({ operation }) => operation.operationId ?? "")
      .filter((id) => !id.endsWith("Unprefixed"))
      .sort();

    expect(plain).toEqual([
      "adjustStock",
      "adjustStockLevel",
      "commitReservation",
      "createLocation",
      "createProduct",
      "createReservation",
      "createStockRow",
      "createTransfer",
      "deleteLocation",
      "deleteProduct",
      "deleteStockRow",
      "getApiDescription",
      "getHealth",
      "getMergedProduct",
      "getProduct",
      "getReservation",
      "getStockRow",
      "getStockRowOfProduct",
      "listLocations",
      "listMergedProducts",
      "listProducts",
      "listReservations",
      "listStockEvents",
      "listStockLevels",
      "listStockMovements",
      "listStockRows",
      "releaseReservation",
      "updateLocation",
      "updateLowStockThreshold",
      "updateProduct",
      "updateStockRow",
    ]);
  });

  it("when generated then every operation answers at least one 4xx, as problem details", () => {
    for (const { name, operation } of operations) {
      const clientErrors = Object.keys(operation.responses).filter((status) =>
        /^4\d\d$/.test(status),
      );
      expect(clientErrors, name).not.toEqual([]);
      for (const status of clientErrors) {
        expect(
          operation.responses[status]?.content?.["application/problem+json"]?.schema,
          name,
        ).toEqual({ $ref: "#/components/schemas/Problem" });
      }
    }
  });

  it("when generated then reads are public and writes name the bearer scheme", () => {
    for (const { name, method, operation } of operations) {
      if (method === "get") expect(operation.security, name).toEqual([]);
      else expect(operation.security, name).toContainEqual({ apiKey: [] });
    }
  });

  it("when a route has a body example then the example passes the route's own schema", () => {
    const withExamples = allRoutes.filter((route) => route.bodyExample !== undefined);
    expect(withExamples.length).toBeGreaterThanOrEqual(5);
    for (const route of withExamples) {
      expect(
        route.body?.safeParse(route.bodyExample).success,
        `${route.method} ${route.path}`,
      ).toBe(true);
      const documented = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(documented?.requestBody?.content["application/json"].example).toEqual(
        route.bodyExample,
      );
    }
  });
});

describe("the reference served by the gateway", () => {
  let gateway: FastifyInstance;
  let unused: UpstreamService;

  beforeAll(async () => {
    unused = new UpstreamService("nowhere", "http://127.0.0.1:9", 500);
    gateway = await buildGatewayApp({
      cache: createMemoryCache(),
      logger: createLogger({ level: "silent", name: "test" }),
      productService: unused,
      inventoryService: unused,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await unused.close();
  });

  it("when /openapi.json is asked then the document comes back as JSON", async () => {
    const response = await gateway.inject("/openapi.json");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.json()).toEqual(document);
  });

  it("when force_refresh is neither true nor false then the gateway's own route refuses it as its schema says", async () => {
    const response = await gateway.inject("/api/products-full?force_refresh=yes");
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([expect.objectContaining({ path: "force_refresh" })]);
  });

  it("when /docs/ is asked then Swagger UI is served from this origin, reading /openapi.json", async () => {
    const entry = await gateway.inject("/docs/");
    expect(entry.statusCode).toBe(302);
    const page = await gateway.inject(entry.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger-ui");
    expect((await gateway.inject("/docs/swagger-ui-bundle.js")).statusCode).toBe(200);
    expect((await gateway.inject("/docs/swagger-initializer.js")).body).toContain(
      'url: "/openapi.json"',
    );
    expect((await gateway.inject("/docs")).headers.location).toBe("/docs/index.html");
  });
});
