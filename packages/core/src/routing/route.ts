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

/** A framework-agnostic route: the Fastify and the ALB-Lambda adapters both mount these. */
export interface RouteDefinition<Deps, Params = unknown, Query = unknown, Body = unknown> {
  method: HttpMethod;
  /** find-my-way syntax, as Fastify uses: `/products/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  response: { status: number; description: string; schema?: z.ZodType };
  /** A valid body, shown in the API reference (a test checks it against `body`). */
  bodyExample?: unknown;
  /** Optional request headers the route understands, for the API reference. */
  requestHeaders?: readonly { name: string; description: string }[];
  handle: (request: RouteRequest<Params, Query, Body>, deps: Deps) => Promise<RouteResponse>;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds routes of different request types
export type AnyRoute<Deps> = RouteDefinition<Deps, any, any, any>;

export const defineRoute = <Deps, Params = unknown, Query = unknown, Body = unknown>(
  route: RouteDefinition<Deps, Params, Query, Body>,
): AnyRoute<Deps> => route;
