import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls the gateway's /health until it reports itself and both services
 * healthy. Gives up when `stillRunning` turns false (the stack died) or at the
 * deadline, with the last thing it saw.
 */
export async function waitForHealthy(options: {
  readonly url: string;
  readonly deadlineMs: number;
  readonly stillRunning: () => boolean;
  readonly pollMs?: number;
}): Promise<void> {
  const giveUpAt = Date.now() + options.deadlineMs;
  let lastSeen = "no answer yet";
  while (Date.now() < giveUpAt) {
    if (!options.stillRunning())
      throw new Error(`the stack exited before it was healthy (${lastSeen})`);
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      lastSeen = `${response.status} ${body}`;
      if (response.ok && (JSON.parse(body) as { status?: string }).status === "healthy") return;
    } catch (error) {
      lastSeen = (error as Error).message;
    }
    await sleep(options.pollMs ?? 500);
  }
  throw new Error(`${options.url} was not healthy in ${options.deadlineMs / 1000}s (${lastSeen})`);
}
