import * as z from "zod";
import { defineRoute } from "./route.ts";

export const serviceHealthSchema = z
  .object({ status: z.literal("healthy"), service: z.string() })
  .meta({ id: "ServiceHealth" });

/** Liveness for the target group: answers while the process can serve, whatever the stores do. */
export const healthRoute = <Deps>(service: string) =>
  defineRoute<Deps>({
    method: "GET",
    path: "/health",
    operationId: "getServiceHealth",
    summary: "Service health",
    tag: "health",
    response: { status: 200, description: "The service is up", schema: serviceHealthSchema },
    handle: async () => ({ status: 200, body: { status: "healthy", service } }),
  });
