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

type Operation = { requestBody?: { content: { "application/json": { example?: unknown } } } };
const document = stockwizApiDocument() as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
};
const allRoutes = [...gatewayRoutes, ...productServiceRoutes, ...inventoryServiceRoutes];
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

describe("the OpenAPI document", () => {
  it("when generated then it is OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
  });

  it("when generated then every route of every route table is in it", () => {
    const missing = allRoutes.filter(
      (route) =>
        document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()] === undefined,
    );
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
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

  it("when /openapi.json is asked then the document comes back", async () => {
    const response = await gateway.inject("/openapi.json");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(document);
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
