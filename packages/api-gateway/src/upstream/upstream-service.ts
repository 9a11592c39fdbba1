import { AppError } from "@stockwiz/core";
import { Pool } from "undici";
import { endToEndHeaders } from "./hop-headers.ts";

export interface UpstreamRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface UpstreamResponse {
  status: number;
  /** End-to-end headers only: what the gateway may pass on as they are. */
  headers: Record<string, string>;
  body: Buffer;
}

const timeoutCodes = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/**
 * 504 when the service is too slow, 502 when it cannot be reached or hangs up. The 504 names the
 * timeout in force (UPSTREAM_TIMEOUT_MS), so an operator sees which setting gave up.
 */
function upstreamFailure(name: string, error: unknown, timeoutMs: number): AppError {
  const code = (error as { code?: string }).code ?? "";
  return timeoutCodes.has(code)
    ? new AppError("gateway_timeout", `${name} did not answer in time (timeout ${timeoutMs} ms)`, {
        cause: error,
      })
    : new AppError("bad_gateway", `${name} is unreachable`, { cause: error });
}

/** One keep-alive connection pool per downstream service: no connection churn per request. */
export class UpstreamService {
  private readonly pool: Pool;
  private openConnections = 0;

  constructor(
    readonly name: string,
    baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.pool = new Pool(baseUrl, {
      connections: 128,
      keepAliveTimeout: 30_000,
      connectTimeout: Math.min(timeoutMs, 2_000),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    this.pool.on("connect", () => {
      this.openConnections += 1;
    });
    this.pool.on("disconnect", () => {
      this.openConnections -= 1;
    });
  }

  /** Whether a connection to the service is open: a stopped service closes them all. */
  get connected(): boolean {
    return this.openConnections > 0;
  }

  async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const response = await this.pool.request({
        method: request.method as "GET",
        path: request.path,
        headers: request.headers,
        body: request.body,
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      return { status: response.statusCode, headers: endToEndHeaders(response.headers), body };
    } catch (error) {
      throw upstreamFailure(this.name, error, this.timeoutMs);
    }
  }

  /** GET returning parsed JSON; any non-2xx answer is the upstream's failure, hence 502. */
  async getJson<T>(path: string, headers?: Record<string, string>): Promise<T> {
    const response = await this.request({ method: "GET", path, headers });
    if (response.status < 200 || response.status >= 300) {
      throw new AppError("bad_gateway", `${this.name} answered ${response.status} for ${path}`);
    }
    return JSON.parse(response.body.toString("utf8")) as T;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
