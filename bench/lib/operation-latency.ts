import { randomUUID } from "node:crypto";
import { type CpuAccount, percentile, type Timed, timedRequest } from "./load.ts";
import { cpuTimeMs } from "./process-usage.ts";

/** POSTs sent one after another: their latency and what the stack spent on each. */
export interface OperationLatency {
  readonly label: string;
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Answers other than 200. */
  readonly unexpected: number;
  readonly cpuPerRequestUs: Record<string, number>;
}

/**
 * POSTs each URL in turn, one at a time, each with its own Idempotency-Key as a real client's
 * would carry; latency in ms from send to last byte, CPU of `cpu`'s processes over them all.
 */
export async function timeOperations(
  label: string,
  urls: readonly string[],
  cpu: CpuAccount,
): Promise<OperationLatency> {
  const before = await cpuTimeMs(cpu.pids, cpu.database);
  const times: Timed[] = [];
  for (const url of urls)
    times.push(
      await timedRequest(url, { method: "POST", headers: { "idempotency-key": randomUUID() } }),
    );
  const after = await cpuTimeMs(cpu.pids, cpu.database);
  const sorted = times.map((time) => time.ms).sort((a, b) => a - b);
  return {
    label,
    requests: times.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    unexpected: times.filter((time) => time.status !== 200).length,
    cpuPerRequestUs: Object.fromEntries(
      Object.entries(after).map(([name, ms]) => [
        name,
        ((ms - (before[name] ?? ms)) * 1000) / (times.length || 1),
      ]),
    ),
  };
}
