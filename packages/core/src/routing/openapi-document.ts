import * as z from "zod";
import { problemSchema, responsesOf } from "./openapi-responses.ts";
import { type JsonSchema, OpenApiSchemas } from "./openapi-schemas.ts";
import type { AnyRoute, RouteFailure } from "./route.ts";

/** What the description needs of a route: everything but its handler. */
export type DocumentedRoute = Omit<AnyRoute<unknown>, "handle">;

const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function parametersOf(route: DocumentedRoute, schemas: OpenApiSchemas): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  const fromObject = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      parameters.push({
        name,
        in: where,
        required: where === "path",
        schema: schemas.input(field),
      });
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

function operationOf(
  route: DocumentedRoute,
  schemas: OpenApiSchemas,
  everyRoute: readonly RouteFailure[],
): JsonSchema {
  const operation: JsonSchema = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    parameters: parametersOf(route, schemas),
    // Reads are public; writes need a key only where the deployment sets API_KEYS, hence `{}`.
    security: route.method === "GET" ? [] : [{ apiKey: [] }, {}],
    responses: responsesOf(route, schemas, everyRoute),
  };
  if (route.body) {
    const media: JsonSchema = { schema: schemas.input(route.body) };
    if (route.bodyExample !== undefined) media.example = route.bodyExample;
    operation.requestBody = { required: true, content: { "application/json": media } };
  }
  return operation;
}

export interface ApiInfo {
  title: string;
  version: string;
  description: string;
}

export interface ApiDescriptionOptions {
  /** Where clients send requests; relative to the document's own URL by default. */
  servers?: readonly { url: string; description: string }[];
  tags?: readonly { name: string; description: string }[];
  /** Refusals every operation can answer, such as a rate limit in front of all of them. */
  everyRoute?: readonly RouteFailure[];
}

/**
 * An OpenAPI 3.1 document made from route tables and the very zod schemas that validate
 * requests, so the description cannot drift from what the services accept.
 */
export function openApiDocument(
  routes: readonly DocumentedRoute[],
  info: ApiInfo,
  options: ApiDescriptionOptions = {},
): JsonSchema {
  const schemas = new OpenApiSchemas();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = openApiPath(route.path);
    const operations = paths[path] ?? {};
    paths[path] = operations;
    const method = route.method.toLowerCase();
    // The first route for a path wins: the gateway lists its own /health before the services'.
    if (operations[method] !== undefined) continue;
    if (operationIds.has(route.operationId))
      throw new Error(`operationId ${route.operationId} names two operations`);
    operationIds.add(route.operationId);
    operations[method] = operationOf(route, schemas, options.everyRoute ?? []);
  }
  return {
    openapi: "3.1.0",
    info,
    servers: options.servers ?? [{ url: "/", description: "The server that serves this document" }],
    ...(options.tags ? { tags: options.tags } : {}),
    paths,
    components: {
      schemas: { ...schemas.components, Problem: problemSchema },
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
