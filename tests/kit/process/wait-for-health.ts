import { setTimeout as pause } from "node:timers/promises";
import { describeExit, type LaunchedProcess } from "./launch.ts";

export interface HealthAnswer {
  readonly status: number;
  readonly body: string;
}

export interface HealthWait {
  /** Which answer means ready: a 200 unless given. */
  readonly ready?: (answer: HealthAnswer) => boolean;
  readonly intervalMs?: number;
  /** A bound under vitest's 120 s hook timeout, so the error says what was last seen. */
  readonly timeoutMs?: number;
}

/** The gateway's or a service's own word that it and what it depends on are up. */
export const saysHealthy = (answer: HealthAnswer): boolean => {
  if (answer.status !== 200) return false;
  try {
    return (JSON.parse(answer.body) as { status?: string }).status === "healthy";
  } catch {
    return false;
  }
};

const isOk = (answer: HealthAnswer) => answer.status === 200;

/**
 * Polls `<baseUrl>/health` until an answer is ready. Gives up as soon as `stillRunning` turns
 * false (whatever should answer died), or at the bound, with the last thing it saw.
 */
export async function pollHealth(
  baseUrl: string,
  stillRunning: () => boolean,
  wait: HealthWait = {},
): Promise<HealthAnswer> {
  const url = `${baseUrl}/health`;
  const timeoutMs = wait.timeoutMs ?? 100_000;
  const giveUpAt = performance.now() + timeoutMs;
  let lastSeen = "no answer yet";
  while (performance.now() < giveUpAt) {
    if (!stillRunning()) throw new Error(`exited before it was healthy (${lastSeen})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const answer = { status: response.status, body: await response.text() };
      if ((wait.ready ?? isOk)(answer)) return answer;
      lastSeen = `${answer.status} ${answer.body}`;
    } catch (error) {
      lastSeen = (error as Error).message;
    }
    await pause(wait.intervalMs ?? 100);
  }
  throw new Error(`${url} was not healthy after ${timeoutMs} ms (${lastSeen})`);
}

/** Polls a launched process's `/health`; a failure says how it exited and what it wrote. */
export async function waitForHealth(
  launched: LaunchedProcess,
  baseUrl: string,
  wait: HealthWait = {},
): Promise<HealthAnswer> {
  try {
    return await pollHealth(baseUrl, () => !launched.hasExited(), wait);
  } catch (error) {
    const exit = launched.hasExited() ? `, ${describeExit(await launched.exited)}` : "";
    throw new Error(
      `${launched.name} ${(error as Error).message}${exit}:\n${launched.output().slice(-4_000)}`,
    );
  }
}
