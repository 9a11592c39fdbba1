// @vitest-environment happy-dom
import { h, render } from "preact";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Location, NewTransfer, StockLevel } from "../src/api/api-schemas.ts";
import { StockByLocation } from "../src/levels/stock-by-location.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { buttonNamed, choose, typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const stamp = "2026-11-29T10:00:00Z";
const locations: Location[] = [
  { id: 1, name: "Warehouse A", created_at: stamp, updated_at: stamp },
  { id: 2, name: "Warehouse B", created_at: stamp, updated_at: stamp },
];

const level = (location: Location, onHand: number, reserved: number): StockLevel => ({
  product_id: 5,
  location_id: location.id,
  location: location.name,
  on_hand: onHand,
  reserved,
  available: onHand - reserved,
  updated_at: stamp,
});

/** An inventory service holding product 5 in Warehouse B (100 on hand, 10 reserved). */
function inventoryService() {
  let levels = [level(locations[1] as Location, 100, 10)];
  const sent = fakeApi((request) => {
    if (request.method === "GET") return jsonAnswer(200, levels);
    const transfer = request.body as NewTransfer;
    const source = levels.find((candidate) => candidate.location_id === transfer.from_location_id);
    if (!source || source.available < transfer.quantity) {
      return jsonAnswer(409, {
        type: "https://stockwiz.dev/problems/insufficient_stock",
        title: "Conflict",
        status: 409,
        detail: `Only ${source?.available ?? 0} in stock; cannot apply -${transfer.quantity}`,
        code: "insufficient_stock",
      });
    }
    levels = [
      level(locations[0] as Location, transfer.quantity, 0),
      level(locations[1] as Location, source.on_hand - transfer.quantity, source.reserved),
    ];
    return jsonAnswer(201, { id: 1, ...transfer, created_at: stamp });
  });
  return sent;
}

describe("StockByLocation", () => {
  const root = mountedRoot();
  const onMoved = vi.fn();
  const cells = (locationId: number) =>
    [...root().querySelectorAll(`tr[data-location-id="${locationId}"] > *`)].map(
      (cell) => cell.textContent,
    );
  const formAlert = () => root().querySelector(".form-alert")?.textContent ?? "";

  beforeEach(() => onMoved.mockReset());

  it("when opened, then shows on hand, reserved and available per location", async () => {
    inventoryService();
    render(h(StockByLocation, { productId: 5, locations, onMoved }), root());

    await vi.waitFor(() => expect(cells(2)).toEqual(["Warehouse B", "100", "10", "90"]));
    expect(root().querySelector("#transfer-from")?.textContent).toContain(
      "Warehouse B (90 available)",
    );
  });

  it("when units are moved, then the transfer is posted with an idempotency key and the levels follow", async () => {
    const sent = inventoryService();
    render(h(StockByLocation, { productId: 5, locations, onMoved }), root());
    await vi.waitFor(() => expect(cells(2)).toHaveLength(4));

    choose("transfer-to", "1");
    typeInto("transfer-quantity", "30");
    typeInto("transfer-reason", "rebalance");
    buttonNamed("Move units").click();

    await vi.waitFor(() => expect(cells(1)).toEqual(["Warehouse A", "30", "0", "30"]));
    expect(cells(2)).toEqual(["Warehouse B", "70", "10", "60"]);
    const post = sent.find((request) => request.method === "POST");
    expect(post).toMatchObject({
      path: "/api/inventory/transfers",
      body: {
        product_id: 5,
        from_location_id: 2,
        to_location_id: 1,
        quantity: 30,
        reason: "rebalance",
      },
    });
    expect(post?.headers["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(root().querySelector("[role=status]")?.textContent).toBe(
      "Moved 30 units from Warehouse B to Warehouse A.",
    );
    expect(onMoved).toHaveBeenCalledOnce();
  });

  it("when the source has too few available units (409), then the problem's detail is shown and nothing moves", async () => {
    inventoryService();
    render(h(StockByLocation, { productId: 5, locations, onMoved }), root());
    await vi.waitFor(() => expect(cells(2)).toHaveLength(4));

    choose("transfer-to", "1");
    typeInto("transfer-quantity", "95");
    buttonNamed("Move units").click();

    await vi.waitFor(() => expect(formAlert()).toBe("Only 90 in stock; cannot apply -95"));
    expect(cells(2)).toEqual(["Warehouse B", "100", "10", "90"]);
    expect(onMoved).not.toHaveBeenCalled();
  });
});
