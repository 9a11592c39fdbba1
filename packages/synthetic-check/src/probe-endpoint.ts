/** One HTTP read the synthetic check makes through the load balancer. */
export interface Probe {
  readonly path: string;
  /** Decides from the parsed JSON body whether the answer is the one the contract promises. */
  readonly acceptsBody: (body: unknown) => boolean;
}

export interface ProbeResult {
  readonly path: string;
  readonly ok: boolean;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: string;
}

export interface ProbeDeps {
  readonly fetch: typeof globalThis.fetch;
  /** Monotonic milliseconds, injected so response times are testable. */
  readonly now: () => number;
}

export async function probeEndpoint(
  baseUrl: string,
  probe: Probe,
  timeoutMs: number,
  deps: ProbeDeps,
): Promise<ProbeResult> {
  const started = deps.now();
  const elapsed = () => Math.round(deps.now() - started);
  try {
    const response = await deps.fetch(new URL(probe.path, baseUrl), {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    const ok = response.status === 200 && probe.acceptsBody(body);
    return { path: probe.path, ok, status: response.status, durationMs: elapsed() };
  } catch (error) {
    // A refused connection or a timeout is a failed check, not a crash of the checker.
    return { path: probe.path, ok: false, durationMs: elapsed(), error: String(error) };
  }
}
