import type { FastifyInstance, FastifyReply } from "fastify";
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

  /** The last answer while it may still be used as it is; `undefined` when it must be asked. */
  current(): DownstreamState | undefined {
    const last = this.last;
    return last && performance.now() - last.at < this.maxAgeMs && this.service.connected
      ? last.state
      : undefined;
  }

  async state(): Promise<DownstreamState> {
    const current = this.current();
    if (current !== undefined) return current;
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

const states: readonly DownstreamState[] = ["healthy", "unhealthy"];

/** The gateway's health answer for each pair of downstream states, serialized once. */
function healthAnswers(): Record<DownstreamState, Record<DownstreamState, string>> {
  const answer = (product: DownstreamState, inventory: DownstreamState) =>
    JSON.stringify({
      status: product === "healthy" && inventory === "healthy" ? "healthy" : "degraded",
      service: "api-gateway",
      downstream_services: { product_service: product, inventory_service: inventory },
    });
  const byInventory = (product: DownstreamState) =>
    Object.fromEntries(states.map((inventory) => [inventory, answer(product, inventory)]));
  return Object.fromEntries(states.map((product) => [product, byInventory(product)])) as Record<
    DownstreamState,
    Record<DownstreamState, string>
  >;
}

/**
 * Always 200 so the load balancer keeps the front door; a sick downstream makes it "degraded".
 * While both states are fresh the answer is sent at once, with no promise in between: under a
 * load balancer's and a monitor's polling, that is nearly every call.
 */
export function gatewayHealthRoute(deps: {
  productService: UpstreamService;
  inventoryService: UpstreamService;
}) {
  return async function health(app: FastifyInstance): Promise<void> {
    const productService = new DownstreamCheck(deps.productService);
    const inventoryService = new DownstreamCheck(deps.inventoryService);
    const answers = healthAnswers();
    const send = (reply: FastifyReply, product: DownstreamState, inventory: DownstreamState) =>
      reply.type("application/json; charset=utf-8").send(answers[product][inventory]);
    // A body this small is never compressed, and a GET has none to inflate: skip both hooks.
    app.get("/health", { compress: false, decompress: false }, (_request, reply) => {
      const product = productService.current();
      const inventory = inventoryService.current();
      if (product !== undefined && inventory !== undefined) return send(reply, product, inventory);
      return Promise.all([productService.state(), inventoryService.state()]).then(
        ([product, inventory]) => send(reply, product, inventory),
      );
    });
  };
}
