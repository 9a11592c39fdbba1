// @vitest-environment happy-dom
import { h, render } from "preact";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Location, NewTransfer, StockLevel, StockRow } from "../src/api/api-schemas.ts";
import { StockDetail } from "../src/inventory/stock-detail.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { buttonNamed, choose, typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const stamp = "2026-11-29T10:00:00Z";
const locations: Location[] = [
  { id: 1, name: "Warehouse A", created_at: stamp, updated_at: stamp },
  { id: 2, name: "Warehouse B", created_at: stamp, updated_at: stamp },
];

const row: StockRow = {
  id: 7,
  product_id: 5,
  quantity: 100,
  warehouse: "Warehouse B",
  last_updated: stamp,
  version: 1,
};

const level = (location: Location, onHand: number, reserved: number): StockLevel => ({
  product_id: 5,
  location_id: location.id,
  location: location.name,
  on_hand: onHand,
  reserved,
  available: onHand - reserved,
  updated_at: stamp,
});

/** An inventory service holding product 5 in Warehouse B (100 on hand, 10 reserved), or `levels`. */
function inventoryService(initialLevels = [level(locations[1] as Location, 100, 10)]) {
  let levels = initialLevels;
  const sent = fakeApi((request) => {
    if (request.path === "/api/inventory/levels?product_id=5") return jsonAnswer(200, levels);
    if (request.path === "/api/inventory/7/movements") return jsonAnswer(200, []);
    if (request.path === "/api/inventory/7/adjust") return jsonAnswer(200, row);
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

describe("StockDetail", () => {
  const root = mountedRoot();
  const onMoved = vi.fn();
  const onAdjusted = vi.fn();
  const show = () =>
    render(h(StockDetail, { row, locations, onAdjusted, onMoved, onCancel: () => {} }), root());
  const cells = (locationId: number) =>
    [...root().querySelectorAll(`tr[data-location-id="${locationId}"] > *`)].map(
      (cell) => cell.textContent,
    );
  const formAlert = () => root().querySelector(".form-alert")?.textContent ?? "";

  beforeEach(() => {
    onMoved.mockReset();
    onAdjusted.mockReset();
  });

  it("when opened, then shows on hand, reserved and available per location", async () => {
    inventoryService();
    show();

    await vi.waitFor(() => expect(cells(2)).toEqual(["Warehouse B", "100", "10", "90"]));
    expect(root().querySelector("#transfer-from")?.textContent).toContain(
      "Warehouse B (90 available)",
    );
  });

  it("when units are moved, then the transfer is posted with an idempotency key and the levels follow", async () => {
    const sent = inventoryService();
    show();
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

  it("when the product is in one location, then the adjust form asks no location and sends none", async () => {
    const sent = inventoryService();
    show();
    await vi.waitFor(() => expect(cells(2)).toHaveLength(4));

    typeInto("adjust-amount", "3");
    buttonNamed("+ Add units").click();

    await vi.waitFor(() => expect(onAdjusted).toHaveBeenCalled());
    expect(document.getElementById("adjust-location")).toBeNull();
    expect(sent.find((request) => request.method === "POST")?.body).toEqual({ delta: 3 });
  });

  it("when the product is in several locations, then the adjust form sends the one picked", async () => {
    const sent = inventoryService([
      level(locations[0] as Location, 30, 0),
      level(locations[1] as Location, 70, 10),
    ]);
    show();
    await vi.waitFor(() => expect(document.getElementById("adjust-location")).not.toBeNull());

    choose("adjust-location", "2");
    typeInto("adjust-amount", "4");
    buttonNamed("− Remove units").click();

    await vi.waitFor(() => expect(onAdjusted).toHaveBeenCalled());
    expect(sent.find((request) => request.method === "POST")?.body).toEqual({
      delta: -4,
      location_id: 2,
    });
  });

  it("when the source has too few available units (409), then the problem's detail is shown and nothing moves", async () => {
    inventoryService();
    show();
    await vi.waitFor(() => expect(cells(2)).toHaveLength(4));

    choose("transfer-to", "1");
    typeInto("transfer-quantity", "95");
    buttonNamed("Move units").click();

    await vi.waitFor(() => expect(formAlert()).toBe("Only 90 in stock; cannot apply -95"));
    expect(cells(2)).toEqual(["Warehouse B", "100", "10", "90"]);
    expect(onMoved).not.toHaveBeenCalled();
  });
});
