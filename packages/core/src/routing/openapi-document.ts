import * as z from "zod";
import type { AnyRoute } from "./route.ts";

/** What the reference needs of a route: a route table entry, or a gateway-only route. */
export type DocumentedRoute = Omit<AnyRoute<unknown>, "handle">;

type JsonSchema = Record<string, unknown>;

// Transforms (string ids → numbers) have no JSON Schema: describe what travels on the wire.
const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
};
const outputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" });
  return rest;
};

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: { path: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function parametersOf(route: DocumentedRoute): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  const fromObject = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      parameters.push({ name, in: where, required: where === "path", schema: inputSchema(field) });
    }
  };
  fromObject(route.params, "path");
  fromObject(route.query, "query");
  for (const header of route.requestHeaders ?? []) {
    parameters.push({
      name: header.name,
      in: "header",
      required: false,
      description: header.description,
      schema: { type: "string" },
    });
  }
  return parameters;
}

function operationOf(route: DocumentedRoute): JsonSchema {
  const success: JsonSchema = { description: route.response.description };
  if (route.response.schema) {
    success.content = { "application/json": { schema: outputSchema(route.response.schema) } };
  }
  const operation: JsonSchema = {
    summary: route.summary,
    tags: [route.tag],
    parameters: parametersOf(route),
    responses: {
      [String(route.response.status)]: success,
      default: {
        description:
          "Problem details: 4xx for the client's mistakes, 502/503/504 when a dependency fails",
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        },
      },
    },
  };
  if (route.body) {
    const media: JsonSchema = { schema: inputSchema(route.body) };
    if (route.bodyExample !== undefined) media.example = route.bodyExample;
    operation.requestBody = { required: true, content: { "application/json": media } };
  }
  if (route.method !== "GET") operation.security = [{}, { apiKey: [] }];
  return operation;
}

export interface ApiInfo {
  title: string;
  version: string;
  description: string;
}

/**
 * An OpenAPI 3.1 document made from the route tables and the very zod schemas that validate
 * requests, so the reference cannot drift from what the services accept.
 */
export function openApiDocument(routes: readonly DocumentedRoute[], info: ApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    const operations = paths[path];
    const method = route.method.toLowerCase();
    // The first route for a path wins: the gateway lists its own /health before the services'.
    if (operations !== undefined && operations[method] === undefined)
      operations[method] = operationOf(route);
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "Needed for writes only when the deployment sets API_KEYS",
        },
      },
    },
  };
}
