import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InventoryRow } from "../src/api/types.ts";

const row: InventoryRow = {
  id: 4,
  product_id: 4,
  quantity: 30,
  warehouse: "Warehouse A",
  last_updated: "2025-01-01T00:00:00Z",
};

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  idempotencyKey?: string;
}

/** Answers like a server that has, or lacks, the adjust endpoint; records what the page sent. */
function fakeServer(hasAdjust: boolean) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (path: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    const idempotencyKey = (init.headers as Record<string, string>)["Idempotency-Key"];
    sent.push({
      method: init.method ?? "GET",
      path,
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const json = (status: number, payload: unknown) =>
      new Response(JSON.stringify(payload), {
        status,
        headers: { "Content-Type": "application/json" },
      });
    if (path.endsWith("/adjust")) {
      return hasAdjust
        ? json(200, { ...row, quantity: row.quantity + body.delta })
        : json(404, { status: 404, title: "Not Found", detail: "Route not found" });
    }
    return json(200, { ...row, quantity: body.quantity });
  });
  vi.stubGlobal("fetch", fetch);
  return sent;
}

describe("adjustStock", () => {
  // Fresh module per test: it remembers whether the server has the endpoint.
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it("when the server has the adjust endpoint, then posts the delta and the reason", async () => {
    const sent = fakeServer(true);
    const { adjustStock } = await import("../src/api/adjust-stock.ts");

    const result = await adjustStock(row, -5, "damaged", "key-1");

    expect(sent).toEqual([
      {
        method: "POST",
        path: "/api/inventory/4/adjust",
        body: { delta: -5, reason: "damaged" },
        idempotencyKey: "key-1",
      },
    ]);
    expect(result).toEqual({ row: { ...row, quantity: 25 }, reasonRecorded: true });
  });

  it("when the adjust endpoint is missing, then sets the new quantity with a PUT and says the reason was not kept", async () => {
    const sent = fakeServer(false);
    const { adjustStock } = await import("../src/api/adjust-stock.ts");

    const result = await adjustStock(row, 12, "delivery", "key-2");

    expect(sent.at(-1)).toEqual({
      method: "PUT",
      path: "/api/inventory/4",
      body: { quantity: 42 },
    });
    expect(result).toEqual({ row: { ...row, quantity: 42 }, reasonRecorded: false });
  });

  it("when the endpoint was found missing once, then later adjustments go straight to the PUT", async () => {
    const sent = fakeServer(false);
    const { adjustStock } = await import("../src/api/adjust-stock.ts");

    await adjustStock(row, 1, "", "key-3");
    sent.length = 0;
    await adjustStock(row, 1, "", "key-4");

    expect(sent.map((request) => request.method)).toEqual(["PUT"]);
  });
});
