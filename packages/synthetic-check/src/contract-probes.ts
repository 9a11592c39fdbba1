import type { Probe } from "./probe-endpoint.ts";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The gateway answers 200 with "degraded" when a downstream is down; only "healthy" passes. */
export const healthProbe: Probe = {
  path: "/health",
  acceptsBody: (body) => isRecord(body) && body.status === "healthy",
};

/** One contract read through the default listener rule: the product list is a JSON array. */
export const productListProbe: Probe = {
  path: "/api/products",
  acceptsBody: (body) => Array.isArray(body),
};

export const contractProbes: readonly Probe[] = [healthProbe, productListProbe];
