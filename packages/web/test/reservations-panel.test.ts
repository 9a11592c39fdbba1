// @vitest-environment happy-dom
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Location, NewReservation, Product, Reservation } from "../src/api/api-schemas.ts";
import { ReservationsPanel } from "../src/reservations/reservations-panel.tsx";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";
import { buttonNamed, choose, typeInto } from "./form-input.ts";
import { manualClock } from "./manual-clock.ts";
import { mountedRoot } from "./mounted-root.ts";

const start = "2026-11-29T10:00:00.000Z";
const products: Product[] = [
  { id: 2, name: "Mouse Logitech MX Master", description: null, price: 99.99, category: null },
  { id: 5, name: "Webcam HD", description: null, price: 79.99, category: null },
];
const productNames = new Map(products.map((product) => [product.id, product.name]));
const locations: Location[] = [
  { id: 1, name: "Warehouse A", created_at: start, updated_at: start },
  { id: 2, name: "Warehouse B", created_at: start, updated_at: start },
];

const order1042: Reservation = {
  id: "3f2a9c1e-0000-4000-8000-000000000001",
  status: "active",
  reference: "order 1042",
  expires_at: "2026-11-29T10:15:00.000Z",
  created_at: start,
  items: [
    {
      product_id: 5,
      quantity: 5,
      allocations: [
        { location_id: 2, quantity: 3 },
        { location_id: 1, quantity: 2 },
      ],
    },
  ],
};

/** An inventory service holding `active` reservations; commit, release and create change them. */
function reservationService(refuseCreate?: Response) {
  let active = [order1042];
  return fakeApi((request) => {
    if (request.method === "GET") return jsonAnswer(200, active);
    if (request.path === "/api/inventory/reservations") {
      if (refuseCreate) return refuseCreate;
      const asked = request.body as NewReservation;
      const made: Reservation = {
        ...order1042,
        id: "3f2a9c1e-0000-4000-8000-000000000002",
        reference: asked.reference ?? null,
        items: asked.items.map(({ product_id, quantity, location_id }) => ({
          product_id,
          quantity,
          allocations: [{ location_id: location_id ?? 2, quantity }],
        })),
      };
      active = [made, ...active];
      return jsonAnswer(201, made);
    }
    const finished = active.find((reservation) => request.path.includes(reservation.id));
    active = active.filter((reservation) => reservation !== finished);
    const status = request.path.endsWith("/commit") ? "committed" : "released";
    return jsonAnswer(200, { ...finished, status });
  });
}

describe("ReservationsPanel", () => {
  const root = mountedRoot();
  let clock = manualClock(start);
  const onDone = vi.fn();
  const onFailed = vi.fn();
  const rows = () => [...root().querySelectorAll("tbody tr")];
  const rowText = (reference: string) =>
    rows().find((row) => row.querySelector("th")?.textContent === reference)?.textContent ?? "";
  const show = () =>
    render(
      h(ReservationsPanel, {
        products,
        productNames,
        locations,
        onDone,
        onFailed,
        clock,
        refreshes: 0,
      }),
      root(),
    );

  beforeEach(() => {
    clock = manualClock(start);
    onDone.mockReset();
    onFailed.mockReset();
  });

  it("when a reservation is active, then shows its items, where they are held, and the time left counting down", async () => {
    reservationService();
    show();

    await vi.waitFor(() => expect(rowText("order 1042")).toContain("15:00"));
    expect(rowText("order 1042")).toContain("Webcam HD × 5 — Warehouse B: 3, Warehouse A: 2");

    act(() => clock.advance(61_000));
    expect(rowText("order 1042")).toContain("13:59");
  });

  it("when its expiry is reached, then it reads expired and offers no commit or release", async () => {
    reservationService();
    show();
    await vi.waitFor(() => expect(rowText("order 1042")).toContain("15:00"));

    act(() => clock.advance(15 * 60_000));

    expect(rowText("order 1042")).toContain("expired");
    expect(rows()[0]?.querySelectorAll("button")).toHaveLength(0);
  });

  it("when Commit is pressed, then it is committed with an idempotency key and leaves the list", async () => {
    const sent = reservationService();
    show();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));

    buttonNamed("Commit order 1042").click();

    await vi.waitFor(() => expect(root().textContent).toContain("No active reservations."));
    const commit = sent.find((request) => request.method === "POST");
    expect(commit?.path).toBe(`/api/inventory/reservations/${order1042.id}/commit`);
    expect(commit?.headers["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(onDone).toHaveBeenCalledWith("order 1042 committed.");
  });

  it("when Release is refused, then the problem is reported and the list is read again", async () => {
    const sent = fakeApi((request) =>
      request.method === "GET"
        ? jsonAnswer(200, [order1042])
        : problemAnswer(409, "The reservation is committed"),
    );
    show();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));

    buttonNamed("Release order 1042").click();

    await vi.waitFor(() =>
      expect(onFailed).toHaveBeenCalledWith(
        "order 1042 was not changed. The reservation is committed",
      ),
    );
    expect(sent.filter((request) => request.method === "GET")).toHaveLength(2);
  });

  it("when a reservation is made of two products, one at a chosen location, then every item, the expiry and the reference are sent", async () => {
    const sent = reservationService();
    show();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));

    choose("reservation-item-0-product", "5");
    typeInto("reservation-item-0-quantity", "4");
    choose("reservation-item-0-location", "1");
    buttonNamed("Add another product").click();
    await vi.waitFor(() =>
      expect(document.getElementById("reservation-item-1-product")).not.toBeNull(),
    );
    typeInto("reservation-item-1-quantity", "1");
    typeInto("reservation-minutes", "30");
    typeInto("reservation-reference", "order 2001");
    buttonNamed("Reserve").click();

    await vi.waitFor(() =>
      expect(rowText("order 2001")).toContain("Webcam HD × 4 — Warehouse A: 4"),
    );
    const create = sent.find((request) => request.method === "POST");
    expect(create?.body).toEqual({
      items: [
        { product_id: 5, quantity: 4, location_id: 1 },
        { product_id: 2, quantity: 1 },
      ],
      expires_in_seconds: 1800,
      reference: "order 2001",
    });
    expect(create?.headers["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(onDone).toHaveBeenCalledWith("order 2001 is holding its units.");
  });

  it("when too few units are available (409), then the short items are named and nothing is held", async () => {
    const shortage = jsonAnswer(409, {
      type: "https://stockwiz.dev/problems/insufficient_stock",
      title: "Conflict",
      status: 409,
      detail: "Not enough available stock for every item",
      code: "insufficient_stock",
      errors: [{ path: "items.0", message: "only 100 of product 5 available; 500 asked" }],
    });
    reservationService(shortage);
    show();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));

    choose("reservation-item-0-product", "5");
    typeInto("reservation-item-0-quantity", "500");
    buttonNamed("Reserve").click();

    await vi.waitFor(() =>
      expect(root().querySelector(".form-alert")?.textContent).toContain(
        "only 100 of product 5 available; 500 asked",
      ),
    );
    expect(rows()).toHaveLength(1);
    expect(onDone).not.toHaveBeenCalled();
  });
});
