import type { FastifyInstance } from "fastify";
import type { UpstreamService } from "../upstream/upstream-service.ts";

type DownstreamState = "healthy" | "unhealthy";

/**
 * A downstream's state, asked again only when the last answer is older than `maxAgeMs` or the
 * gateway no longer holds a connection to it (a stopped service closes them all): under load
 * `/health` costs no upstream call, yet a service that goes away shows at once.
 */
export class DownstreamCheck {
  private last: { state: DownstreamState; at: number } | undefined;
  private asking: Promise<DownstreamState> | undefined;

  constructor(
    private readonly service: UpstreamService,
    private readonly maxAgeMs = 1_000,
  ) {}

  async state(): Promise<DownstreamState> {
    const last = this.last;
    if (last && performance.now() - last.at < this.maxAgeMs && this.service.connected)
      return last.state;
    this.asking ??= this.ask().finally(() => {
      this.asking = undefined;
    });
    return this.asking;
  }

  private async ask(): Promise<DownstreamState> {
    let state: DownstreamState;
    try {
      await this.service.getJson("/health");
      state = "healthy";
    } catch {
      state = "unhealthy";
    }
    this.last = { state, at: performance.now() };
    return state;
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
    const productService = new DownstreamCheck(deps.productService);
    const inventoryService = new DownstreamCheck(deps.inventoryService);
    // A body this small is never compressed, and a GET has none to inflate: skip both hooks.
    app.get("/health", { compress: false, decompress: false }, async () => {
      const [product, inventory] = await Promise.all([
        productService.state(),
        inventoryService.state(),
      ]);
      return {
        status: product === "healthy" && inventory === "healthy" ? "healthy" : "degraded",
        service: "api-gateway",
        downstream_services: { product_service: product, inventory_service: inventory },
      };
    });
  };
}
