import { vi } from "vitest";

/** A request as the page sent it. */
export interface SentRequest {
  method: string;
  /** Path and query, as the gateway sees them: `/api/products-full?force_refresh=true`. */
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Answer = Response | "no answer";

/**
 * Replaces fetch with `answer`, recording every request the page sends; "no answer" stands for
 * a network failure. The page's client sends Request objects, as openapi-fetch makes them.
 */
export function fakeApi(answer: (sent: SentRequest) => Answer): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const seen: SentRequest = {
        method: request.method,
        path: url.pathname + url.search,
        body: text ? JSON.parse(text) : undefined,
        // Lower-cased as HTTP/2 and the Fetch standard have them (happy-dom keeps the casing).
        headers: Object.fromEntries(
          [...request.headers].map(([name, value]) => [name.toLowerCase(), value]),
        ),
      };
      sent.push(seen);
      const answered = answer(seen);
      if (answered === "no answer") throw new TypeError("fetch failed");
      return answered;
    }),
  );
  return sent;
}

/** A JSON answer; a problem details one from status 400. */
export const jsonAnswer = (status: number, body: unknown): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
  });

export const problemAnswer = (status: number, detail: string): Response =>
  jsonAnswer(status, { type: "about:blank", title: "Refused", status, detail });
