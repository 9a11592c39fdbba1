import type { FastifyInstance } from "fastify";
import type { UpstreamService } from "../upstream/upstream-service.ts";

type DownstreamState = "healthy" | "unhealthy";

async function stateOf(service: UpstreamService): Promise<DownstreamState> {
  try {
    await service.getJson("/health");
    return "healthy";
  } catch {
    return "unhealthy";
  }
}

/**
 * Always 200 so the load balancer keeps the front door; a sick downstream makes it "degraded".
 */
export function gatewayHealthRoute(deps: {
  productService: UpstreamService;
  inventoryService: UpstreamService;
}) {
  return async function health(app: FastifyInstance): Promise<void> {
    app.get("/health", async () => {
      const [product, inventory] = await Promise.all([
        stateOf(deps.productService),
        stateOf(deps.inventoryService),
      ]);
      return {
        status: product === "healthy" && inventory === "healthy" ? "healthy" : "degraded",
        service: "api-gateway",
        downstream_services: { product_service: product, inventory_service: inventory },
      };
    });
  };
}
