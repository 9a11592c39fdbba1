import { InFlight } from "@stockwiz/core";
import type { UpstreamService } from "./upstream-service.ts";

export type DownstreamState = "healthy" | "unhealthy";

/**
 * A downstream's state, asked again only when the last answer is older than `maxAgeMs` or the
 * gateway's connections contradict it: under load `/health` costs no upstream call, yet a
 * service that goes away (it closes every connection) or comes back (a request just reached it)
 * shows at once.
 */
export class DownstreamCheck {
  private last: { state: DownstreamState; at: number } | undefined;
  /** Concurrent checks share one question to the service. */
  private readonly asking = new InFlight<DownstreamState>();

  constructor(
    private readonly service: UpstreamService,
    private readonly maxAgeMs = 1_000,
  ) {}

  /** The last answer while it may still be used as it is; `undefined` when it must be asked. */
  current(): DownstreamState | undefined {
    const last = this.last;
    if (last === undefined || performance.now() - last.at >= this.maxAgeMs) return undefined;
    const stillTrue = (last.state === "healthy") === this.service.connected;
    return stillTrue ? last.state : undefined;
  }

  async state(): Promise<DownstreamState> {
    const current = this.current();
    if (current !== undefined) return current;
    return this.asking.run("health", () => this.ask());
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
