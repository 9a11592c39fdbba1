import { describe, expect, it } from "vitest";
import * as z from "zod";
import { type DocumentedRoute, openApiDocument } from "../src/index.ts";

const info = { title: "test", version: "1", description: "test" };
const thing = z.object({ id: z.number().int(), name: z.string() }).meta({ id: "TestThing" });

const getThing: DocumentedRoute = {
  method: "GET",
  path: "/things/:id",
  operationId: "getThing",
  summary: "Get a thing",
  tag: "things",
  params: z.object({ id: z.string() }),
  response: { status: 200, description: "The thing", schema: thing },
  failures: [{ status: 404, description: "No thing has this id" }],
};
const renameThing: DocumentedRoute = {
  method: "PUT",
  path: "/things/:id",
  operationId: "renameThing",
  summary: "Rename a thing",
  tag: "things",
  params: z.object({ id: z.string() }),
  body: z.object({ name: z.string() }),
  response: { status: 200, description: "The renamed thing", schema: thing },
};

type Operation = { responses: Record<string, unknown>; security: unknown };
const operation = (document: Record<string, unknown>, path: string, method: string) =>
  (document.paths as Record<string, Record<string, Operation>>)[path]?.[method];

describe("openApiDocument", () => {
  it("when two operations share an operationId then the document is refused", () => {
    const twin = { ...renameThing, method: "DELETE" as const, operationId: "getThing" };

    expect(() => openApiDocument([getThing, twin], info)).toThrow(/getThing names two/);
  });

  it("when a write takes params and a body then its refusals are the edge's and its own, by status", () => {
    const document = openApiDocument([renameThing], info, {
      everyRoute: [{ status: 429, description: "Too many" }],
    });

    expect(Object.keys(operation(document, "/things/{id}", "put")?.responses ?? {})).toEqual([
      "200",
      "400",
      "401",
      "403",
      "413",
      "415",
      "422",
      "429",
      "default",
    ]);
  });

  it("when a read is described then it is public, and a write names the bearer scheme", () => {
    const document = openApiDocument([getThing, renameThing], info);

    expect(operation(document, "/things/{id}", "get")?.security).toEqual([]);
    expect(operation(document, "/things/{id}", "put")?.security).toContainEqual({ apiKey: [] });
  });

  it("when a schema has an id then every answer refers to one component of that name", () => {
    const document = openApiDocument([getThing, renameThing], info) as {
      components: { schemas: Record<string, unknown> };
    };
    const answer = operation(document, "/things/{id}", "get")?.responses["200"];

    expect(answer).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/TestThing" } } },
    });
    expect(document.components.schemas.TestThing).toMatchObject({ required: ["id", "name"] });
  });
});
