import type { FastifyCorsOptions } from "@fastify/cors";

/**
 * CONTRACT.md §6's CORS, for every app: the ALB sends `/api/products/*` and `/api/inventory/*`
 * straight to the services, and a path must answer the same whichever target the listener
 * picks (§1), preflights included.
 */
export const corsPolicy: FastifyCorsOptions = {
  origin: "*",
  methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
  allowedHeaders: ["Accept", "Authorization", "Content-Type"],
  exposedHeaders: ["Link"],
  maxAge: 300,
};
