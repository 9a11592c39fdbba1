// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NO_RESPONSE } from "../src/api/api-error.ts";
import { saveApiKey } from "../src/api/api-key-store.ts";
import { requestJson } from "../src/api/request-json.ts";

function answer(status: number, body?: unknown) {
  const fetch = vi.fn(
    async (_path: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal("fetch", fetch);
  return (call = 0) => fetch.mock.calls[call]?.[1]?.headers as Record<string, string>;
}

describe("requestJson", () => {
  beforeEach(() => saveApiKey(""));
  afterEach(() => vi.unstubAllGlobals());

  it("when an API key is saved, then writes carry it as a bearer token and reads do not", async () => {
    const headersOf = answer(200, {});
    saveApiKey("k-123");

    await requestJson("POST", "/api/products", { name: "x" });
    await requestJson("GET", "/api/products");

    expect(headersOf(0).Authorization).toBe("Bearer k-123");
    expect(headersOf(1).Authorization).toBeUndefined();
  });

  it("when no API key is saved, then writes go without one", async () => {
    const headersOf = answer(204);

    await expect(requestJson("DELETE", "/api/products/1")).resolves.toBeUndefined();
    expect(headersOf().Authorization).toBeUndefined();
  });

  it("when the answer is a problem, then throws an ApiError holding its status and details", async () => {
    answer(409, { status: 409, title: "Conflict", detail: "Only 3 in stock; cannot apply -5" });

    const failure = requestJson("POST", "/api/inventory/1/adjust", { delta: -5 });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      message: "Only 3 in stock; cannot apply -5",
      isServiceUnavailable: false,
    });
  });

  it("when no answer arrives, then throws an ApiError that counts as the service being unavailable", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")));

    await expect(requestJson("GET", "/api/inventory")).rejects.toMatchObject({
      status: NO_RESPONSE,
      isServiceUnavailable: true,
    });
  });
});
