import type * as z from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What an adapter hands a route, already parsed and validated against the route's schemas. */
export interface RouteRequest<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * An answer whose body is JSON text already (a cached catalogue, an answer serialized once), or
 * its UTF-8 bytes: adapters send it with a JSON content type as it is, never serialized again.
 */
export const jsonTextResponse = (
  status: number,
  text: string | Uint8Array,
  headers: Record<string, string> = {},
): RouteResponse => ({
  status,
  body: text,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
});

/** A refusal a route's own rules can answer: a missing row, a conflict, a stale If-Match. */
export interface RouteFailure {
  status: number;
  description: string;
}

export interface RequestHeader {
  name: string;
  description: string;
  failures?: readonly RouteFailure[];
}

/** A framework-agnostic route: the Fastify and the ALB-Lambda adapters both mount these. */
export interface RouteDefinition<Deps, Params = unknown, Query = unknown, Body = unknown> {
  method: HttpMethod;
  /** find-my-way syntax, as Fastify uses: `/products/:id`. */
  path: string;
  /**
   * The operation's name in the API description, and so the method name in generated clients:
   * verb first, unique in the document, never changed once published (`listProducts`).
   */
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  response: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** Headers the answer may carry, by name, with what each says. */
    headers?: Readonly<Record<string, string>>;
  };
  /**
   * What this route refuses beyond what every route with params, a query or a body refuses
   * (the API description adds those): 404, 409, 412…
   */
  failures?: readonly RouteFailure[];
  /** A valid body, shown in the API reference (a test checks it against `body`). */
  bodyExample?: unknown;
  /** Optional request headers the route understands, with what a bad value is refused with. */
  requestHeaders?: readonly RequestHeader[];
  handle: (request: RouteRequest<Params, Query, Body>, deps: Deps) => Promise<RouteResponse>;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds routes of different request types
export type AnyRoute<Deps> = RouteDefinition<Deps, any, any, any>;

export const defineRoute = <Deps, Params = unknown, Query = unknown, Body = unknown>(
  route: RouteDefinition<Deps, Params, Query, Body>,
): AnyRoute<Deps> => route;
