import { defineRoute, jsonTextResponse } from "@stockwiz/core";
import * as z from "zod";
import type { DownstreamCheck, DownstreamState } from "../upstream/downstream-check.ts";

const downstreamState = z.enum(["healthy", "unhealthy"]);

export const gatewayHealthSchema = z
  .object({
    status: z.enum(["healthy", "degraded"]),
    service: z.literal("api-gateway"),
    downstream_services: z.object({
      product_service: downstreamState,
      inventory_service: downstreamState,
    }),
  })
  .meta({ id: "GatewayHealth" });
type GatewayHealth = z.infer<typeof gatewayHealthSchema>;

export interface GatewayHealthDeps {
  downstream: { product: DownstreamCheck; inventory: DownstreamCheck };
}

const states: readonly DownstreamState[] = ["healthy", "unhealthy"];

/** The gateway's health answer for each pair of downstream states, serialized once. */
function healthAnswers(): Record<DownstreamState, Record<DownstreamState, string>> {
  const answer = (product: DownstreamState, inventory: DownstreamState) =>
    JSON.stringify({
      status: product === "healthy" && inventory === "healthy" ? "healthy" : "degraded",
      service: "api-gateway",
      downstream_services: { product_service: product, inventory_service: inventory },
    } satisfies GatewayHealth);
  const byInventory = (product: DownstreamState) =>
    Object.fromEntries(states.map((inventory) => [inventory, answer(product, inventory)]));
  return Object.fromEntries(states.map((product) => [product, byInventory(product)])) as Record<
    DownstreamState,
    Record<DownstreamState, string>
  >;
}

const answers = healthAnswers();
const answer = (product: DownstreamState, inventory: DownstreamState) =>
  jsonTextResponse(200, answers[product][inventory]);

/**
 * Always 200 so the load balancer keeps the front door; a sick downstream makes it "degraded".
 * While both states are fresh the answer is ready at once, with no upstream call: under a load
 * balancer's and a monitor's polling, that is nearly every call.
 */
export const gatewayHealthRoute = defineRoute<GatewayHealthDeps>({
  method: "GET",
  path: "/health",
  operationId: "getHealth",
  summary: "Gateway health with the state of both services (always 200)",
  tag: "health",
  response: {
    status: 200,
    description: "Up; `degraded` when a downstream service is unhealthy",
    schema: gatewayHealthSchema,
  },
  handle: async (_request, { downstream }) => {
    const product = downstream.product.current();
    const inventory = downstream.inventory.current();
    if (product !== undefined && inventory !== undefined) return answer(product, inventory);
    const [asked, askedInventory] = await Promise.all([
      downstream.product.state(),
      downstream.inventory.state(),
    ]);
    return answer(asked, askedInventory);
  },
});
