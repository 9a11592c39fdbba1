/**
 * Where a process stands with the shared cache:
 * - `waiting`: not trusted; Redis is away, or back and about to be cleared;
 * - `clearing`: the namespace is being cleared; trusted when that ends, unless trust was lost
 *   again meanwhile (then it is cleared once more);
 * - `pausing`: waits before the next clearing, so a Redis that keeps failing is not scanned
 *   over and over;
 * - `trusted`: what Redis and the copies in the process hold may be served.
 */
export type TrustState = "waiting" | "clearing" | "pausing" | "trusted";

export interface CacheTrustDeps {
  /** Whether the client can send commands now. */
  connected(): boolean;
  /** Forgets every entry of the namespace and moves the generation on; rejects if it could not. */
  clear(): Promise<void>;
  /** Told of every change of state. */
  changed?(state: TrustState): void;
}

const afterFailedClearingMs = 1_000;
/** Trust lost this soon after it came back makes the next pause longer (250 ms up to 30 s). */
const soonAfterTrustMs = 10_000;

/**
 * Trust is lost when Redis goes away or a command fails (an invalidation, ours or another
 * process's, may be lost meanwhile) and comes back only after a clearing of the namespace that
 * began after the last loss. A process that just started has never cleared: it cannot vouch
 * that no writer cut off from Redis left a stale entry behind, so it clears first too.
 */
export class CacheTrust {
  private current: TrustState = "waiting";
  /** Losses so far, and how many of them the last finished clearing began after. */
  private losses = 0;
  private clearedUpTo = -1;
  private trustedAt = 0;
  private pauseMs = 0;
  private pause: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly waitingForTrust: Array<() => void> = [];

  constructor(private readonly deps: CacheTrustDeps) {}

  get state(): TrustState {
    return this.current;
  }

  get trusted(): boolean {
    return this.current === "trusted";
  }

  /** Resolves once Redis is trusted (at once if it is). */
  whenTrusted(): Promise<void> {
    if (this.trusted) return Promise.resolve();
    return new Promise((resolve) => this.waitingForTrust.push(resolve));
  }

  /** Redis answers: clear if anything may have been missed, then trust. */
  connected(): void {
    this.advance();
  }

  /** Redis went away or failed a command. */
  lost(): void {
    this.losses += 1;
    if (this.current === "trusted") {
      const soon = performance.now() - this.trustedAt < soonAfterTrustMs;
      this.pauseMs = soon ? Math.min(Math.max(this.pauseMs * 2, 250), 30_000) : 0;
      this.enter("waiting");
    }
    if (this.current === "clearing") return; // its end sees the loss and clears again
    if (this.pauseMs > 0)
      this.pauseFor(this.pauseMs); // counted from the latest loss
    else this.advance();
  }

  /** For a cache that closes: no more timers, no more clearings. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.pause);
    this.pause = undefined;
  }

  private advance(): void {
    if (this.stopped || this.current !== "waiting" || !this.deps.connected()) return;
    if (this.clearedUpTo === this.losses) {
      this.trustedAt = performance.now();
      this.enter("trusted");
      return;
    }
    const upTo = this.losses;
    this.enter("clearing");
    this.deps.clear().then(
      () => {
        this.clearedUpTo = upTo;
        this.enter("waiting");
        if (this.clearedUpTo !== this.losses && this.pauseMs > 0) this.pauseFor(this.pauseMs);
        else this.advance();
      },
      () => this.pauseFor(afterFailedClearingMs), // still reachable? otherwise "ready" will do
    );
  }

  private pauseFor(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.pause);
    this.enter("pausing");
    this.pause = setTimeout(() => {
      this.pause = undefined;
      this.enter("waiting");
      this.advance();
    }, ms).unref();
  }

  private enter(state: TrustState): void {
    if (this.current === state) return;
    this.current = state;
    this.deps.changed?.(state);
    if (state === "trusted") for (const resolve of this.waitingForTrust.splice(0)) resolve();
  }
}
