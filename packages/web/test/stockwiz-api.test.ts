// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NO_RESPONSE } from "../src/api/api-error.ts";
import { saveApiKey } from "../src/api/api-key-store.ts";
import type { StockRow } from "../src/api/api-schemas.ts";
import { describeFailure } from "../src/api/describe-failure.ts";
import {
  adjustStock,
  deleteProduct,
  listStockRows,
  updateStockRow,
} from "../src/api/stockwiz-api.ts";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";

const row: StockRow = {
  id: 4,
  product_id: 4,
  quantity: 30,
  warehouse: "Warehouse A",
  last_updated: "2025-01-01T00:00:00Z",
  version: 7,
};

describe("the dashboard's API calls", () => {
  beforeEach(() => saveApiKey(""));
  afterEach(() => vi.unstubAllGlobals());

  it("when stock is adjusted, then the delta and reason are posted with the idempotency key", async () => {
    const sent = fakeApi(() => jsonAnswer(200, { ...row, quantity: 25, version: 8 }));

    const adjusted = await adjustStock(row, { delta: -5, reason: "damaged" }, "key-1");

    expect(sent).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/api/inventory/4/adjust",
        body: { delta: -5, reason: "damaged" },
      }),
    ]);
    expect(sent[0]?.headers["idempotency-key"]).toBe("key-1");
    expect(adjusted.quantity).toBe(25);
  });

  it("when a stock row is edited, then the PUT names the version it was read at in If-Match", async () => {
    const sent = fakeApi(() => jsonAnswer(200, { ...row, quantity: 12, version: 8 }));

    await updateStockRow(row, { quantity: 12 });

    expect(sent[0]).toMatchObject({
      method: "PUT",
      path: "/api/inventory/4",
      body: { quantity: 12 },
    });
    expect(sent[0]?.headers["if-match"]).toBe('"7"');
  });

  it("when the row changed meanwhile (412), then the failure says the change was not saved", async () => {
    fakeApi(() => problemAnswer(412, "The row is at version 8, not 7"));

    const failure = await updateStockRow(row, { quantity: 12 }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ status: 412 });
    expect(describeFailure(failure)).toContain("your change was not saved");
  });

  it("when an API key is saved, then writes carry it as a bearer token and reads do not", async () => {
    const sent = fakeApi((request) =>
      request.method === "GET" ? jsonAnswer(200, [row]) : jsonAnswer(204, undefined),
    );
    saveApiKey("k-123");

    await deleteProduct(1);
    await listStockRows();

    expect(sent[0]?.headers.authorization).toBe("Bearer k-123");
    expect(sent[1]?.headers.authorization).toBeUndefined();
  });

  it("when no API key is saved, then writes go without one", async () => {
    const sent = fakeApi(() => jsonAnswer(204, undefined));

    await expect(deleteProduct(1)).resolves.toBeUndefined();
    expect(sent[0]?.headers.authorization).toBeUndefined();
  });

  it("when the answer is a problem, then an ApiError holds its status and details", async () => {
    fakeApi(() => problemAnswer(409, "Only 3 in stock; cannot apply -5"));

    const failure = adjustStock(row, { delta: -5 }, "key-2");

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      message: "Only 3 in stock; cannot apply -5",
      isServiceUnavailable: false,
    });
  });

  it("when no answer arrives, then the ApiError counts as the service being unavailable", async () => {
    fakeApi(() => "no answer");

    await expect(listStockRows()).rejects.toMatchObject({
      status: NO_RESPONSE,
      isServiceUnavailable: true,
    });
  });
});
