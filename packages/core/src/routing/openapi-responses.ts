import type { DocumentedRoute } from "./openapi-document.ts";
import type { JsonSchema, OpenApiSchemas } from "./openapi-schemas.ts";
import type { RouteFailure } from "./route.ts";

export const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "A sentence for people, such as `Product not found`" },
    code: {
      type: "string",
      description: "The reason within the status, such as `insufficient_stock`",
    },
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

const problem = (description: string): JsonSchema => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

// What the edge refuses before a handler runs (invokeRoute, and the adapters' body parsing),
// so every route with that input has these answers whatever its own rules.
const pathFailures: RouteFailure[] = [
  { status: 400, description: "A path parameter is not valid" },
];
const queryFailures: RouteFailure[] = [
  { status: 400, description: "The query string is not valid" },
];
const bodyFailures: RouteFailure[] = [
  { status: 400, description: "The body is not valid JSON" },
  { status: 413, description: "The body is larger than 64 KiB" },
  { status: 415, description: "The body is not JSON" },
  { status: 422, description: "The body breaks a rule; `errors` names each field" },
];
const writeFailures: RouteFailure[] = [
  {
    status: 401,
    description: "The deployment sets API keys and none, or an unknown one, was sent",
  },
  { status: 403, description: "The API key may read but not change data" },
];

/** Every refusal a route can answer by status, the causes of one status listed together. */
export function failuresOf(
  route: DocumentedRoute,
  everyRoute: readonly RouteFailure[],
): Map<number, string[]> {
  const all = [
    ...(route.params ? pathFailures : []),
    ...(route.query ? queryFailures : []),
    ...(route.body ? bodyFailures : []),
    ...(route.requestHeaders ?? []).flatMap((header) => header.failures ?? []),
    ...(route.method === "GET" ? [] : writeFailures),
    ...(route.failures ?? []),
    ...everyRoute,
  ];
  const byStatus = new Map<number, string[]>();
  for (const { status, description } of all.toSorted((a, b) => a.status - b.status)) {
    const descriptions = byStatus.get(status) ?? [];
    if (!descriptions.includes(description)) descriptions.push(description);
    byStatus.set(status, descriptions);
  }
  return byStatus;
}

/** The success answer, each refusal as problem details, and 5xx under `default`. */
export function responsesOf(
  route: DocumentedRoute,
  schemas: OpenApiSchemas,
  everyRoute: readonly RouteFailure[],
): JsonSchema {
  const success: JsonSchema = { description: route.response.description };
  if (route.response.schema) {
    success.content = { "application/json": { schema: schemas.output(route.response.schema) } };
  }
  if (route.response.headers) {
    success.headers = Object.fromEntries(
      Object.entries(route.response.headers).map(([name, description]) => [
        name,
        { description, schema: { type: "string" } },
      ]),
    );
  }
  const responses: JsonSchema = { [String(route.response.status)]: success };
  for (const [status, descriptions] of failuresOf(route, everyRoute)) {
    responses[String(status)] = problem(`${descriptions.join(". ")}.`);
  }
  responses.default = problem(
    "A dependency failed: 502 (unreachable), 503 (the database is unavailable), 504 (too slow).",
  );
  return responses;
}
