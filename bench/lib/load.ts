import { request } from "node:http";
import autocannon, { type Result } from "autocannon";
import { sampleRss } from "./processes.ts";

export interface Target {
  readonly label: string;
  readonly url: string;
  readonly method?: "GET" | "POST";
  readonly body?: string;
}

export interface LoadResult {
  readonly label: string;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  /** Mean response bytes (headers included) per request. */
  readonly bytesPerRequest: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Peak VmRSS (MiB) of each watched process during the run. */
  readonly rssPeak: Record<string, number>;
  /** req/s of the short baseline run just before this row (service rows only). */
  readonly adjacentBaseline?: number | undefined;
}

const optionsOf = (target: Target) => ({
  url: target.url,
  method: target.method ?? "GET",
  ...(target.body === undefined
    ? {}
    : { body: target.body, headers: { "content-type": "application/json" } }),
  timeout: 10,
});

/** A warm-up under the same load as the measurement, bounded in time, results ignored. */
export async function warm(
  target: Target,
  settings: { connections: number; duration: number },
): Promise<void> {
  await autocannon({ ...optionsOf(target), ...settings });
}

/** One autocannon run (1 worker, in this process) bounded by `duration` seconds. */
export async function measure(
  target: Target,
  settings: { connections: number; duration: number },
  watch: Record<string, number>,
): Promise<LoadResult> {
  const sampler = sampleRss(watch);
  let result: Result;
  let rssPeak: Record<string, number> = {};
  try {
    result = await autocannon({ ...optionsOf(target), ...settings });
  } finally {
    rssPeak = await sampler.stop();
  }
  return {
    label: target.label,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    bytesPerRequest:
      result.requests.total === 0 ? 0 : result.throughput.total / result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rssPeak,
  };
}

export interface Timed {
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
}

/** One plain GET (no compression asked for) read to the end, timed from send to last byte. */
export function timedGet(url: string, timeoutMs = 60_000): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(url, { method: "GET", timeout: timeoutMs }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - start }),
      );
      response.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
    req.end();
  });
}

export interface SequentialResult {
  readonly label: string;
  readonly products: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly bytes: number;
  readonly firstMs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rssPeak: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Up to `count` sequential requests, stopping early past `budgetMs`; latency figures in ms. */
export async function sequential(
  label: string,
  products: number,
  url: string,
  options: { count: number; budgetMs: number },
  watch: Record<string, number>,
): Promise<SequentialResult> {
  const sampler = sampleRss(watch, 50);
  const times: Timed[] = [];
  const start = performance.now();
  let rssPeak: Record<string, number> = {};
  try {
    while (times.length < options.count && performance.now() - start < options.budgetMs)
      times.push(await timedGet(url));
  } finally {
    rssPeak = await sampler.stop();
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return {
    label,
    products,
    requests: times.length,
    non2xx: times.filter((t) => t.status < 200 || t.status > 299).length,
    bytes: times[0]?.bytes ?? 0,
    firstMs: times[0]?.ms ?? Number.NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    rssPeak,
  };
}
