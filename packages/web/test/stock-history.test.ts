// @vitest-environment happy-dom
import { h, render } from "preact";
import { describe, expect, it, vi } from "vitest";
import type { StockMovement } from "../src/api/api-schemas.ts";
import { StockHistory } from "../src/inventory/stock-history.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { mountedRoot } from "./mounted-root.ts";

const movement = (
  id: number,
  delta: number,
  quantityAfter: number,
  reason: string | null,
): StockMovement => ({
  id,
  inventory_id: 3,
  location_id: 2,
  kind: "adjust",
  delta,
  quantity_after: quantityAfter,
  reason,
  request_id: null,
  created_at: `2025-01-0${id}T10:00:00Z`,
});

function ledgerAnswer(status: number, body: unknown) {
  fakeApi(() => jsonAnswer(status, body));
}

describe("StockHistory", () => {
  const root = mountedRoot();

  const items = () => [...root().querySelectorAll("li")].map((item) => item.textContent ?? "");

  it("when the row has a ledger, then shows its latest five changes, newest first, with their reasons", async () => {
    ledgerAnswer(200, [
      movement(1, 10, 10, "opening stock"),
      movement(2, 5, 15, null),
      movement(3, -2, 13, "damaged"),
      movement(4, 7, 20, "delivery"),
      movement(5, -1, 19, "sold"),
      movement(6, 40, 59, "delivery received"),
    ]);
    render(h(StockHistory, { rowId: 3 }), root());

    await vi.waitFor(() => expect(items()).toHaveLength(5));
    expect(items()[0]).toContain("+40 → 59 · delivery received");
    expect(items()[4]).toContain("+5 → 15 · no reason given");
    expect(items().join()).not.toContain("opening stock");
    expect(root().querySelector(".delta--out")?.textContent).toBe("−1");
  });
});
