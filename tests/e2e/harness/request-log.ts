import { randomUUID } from "node:crypto";
import type { ServiceProcess } from "./service-process.ts";

/** One line of a service's request log (pino JSON, one per request). */
export interface RequestLogLine {
  requestId?: string;
  msg?: string;
  method?: string;
  url?: string;
  status?: number;
}

function logLines(service: ServiceProcess): RequestLogLine[] {
  return service
    .stdout()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as RequestLogLine);
}

/** The completed-request lines a service wrote under one request id. */
export const requestsLoggedWith = (service: ServiceProcess, requestId: string) =>
  logLines(service).filter((line) => line.requestId === requestId && line.msg === "request");

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the service has logged everything it handled so far: it asks the service itself
 * for /health under a marker id and polls (bounded) until that line shows up. A service logs
 * its requests in order, so every earlier line is in by then.
 */
export async function logsCaughtUp(service: ServiceProcess, attempts = 100): Promise<void> {
  const marker = `e2e-marker-${randomUUID()}`;
  await fetch(`${service.url}/health`, { headers: { "x-request-id": marker } });
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (requestsLoggedWith(service, marker).length > 0) return;
    await pause(50);
  }
  throw new Error(`${service.name} never logged its marker request ${marker}`);
}
