import { setTimeout as pause } from "node:timers/promises";
import type { LaunchedProcess } from "./launch.ts";

/** Waits for a process to write `text` (a server with no /health says when it listens). */
export async function waitForOutput(
  launched: LaunchedProcess,
  text: string,
  timeoutMs = 20_000,
): Promise<void> {
  const giveUpAt = performance.now() + timeoutMs;
  while (!launched.output().includes(text)) {
    if (launched.hasExited()) throw new Error(`${launched.name} exited:\n${launched.output()}`);
    if (performance.now() > giveUpAt) throw new Error(`${launched.name} never wrote "${text}"`);
    await pause(20);
  }
}
