// @vitest-environment happy-dom
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Location, StockEvent } from "../src/api/api-schemas.ts";
import { App } from "../src/app.tsx";
import { EventsPanel } from "../src/events/events-panel.tsx";
import { POLL_INTERVAL_MS } from "../src/events/use-stock-event-feed.ts";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";
import { buttonNamed } from "./form-input.ts";
import { manualClock } from "./manual-clock.ts";
import { mountedRoot } from "./mounted-root.ts";

const start = "2026-11-29T10:00:00.000Z";
const productNames = new Map([
  [4, "Monitor 4K"],
  [5, "Webcam HD"],
]);
const locations: Location[] = [
  { id: 1, name: "Warehouse A", created_at: start, updated_at: start },
  { id: 2, name: "Warehouse B", created_at: start, updated_at: start },
];

const event = (
  id: string,
  kind: StockEvent["kind"],
  before: number,
  after: number,
  productId = 5,
): StockEvent => ({
  id,
  level_id: 9,
  product_id: productId,
  location_id: 2,
  sequence: Number(id),
  kind,
  available_before: before,
  available_after: after,
  low_stock_threshold: 10,
  occurred_at: start,
});

/**
 * An inventory service whose outbox holds `events` (oldest first), answering `?after=` with
 * the newer ones, newest first, as the API does; `write` adds one, as a change of stock would.
 */
function eventsService(...initial: StockEvent[]) {
  const outbox = [...initial];
  let refuse: Response | undefined;
  const sent = fakeApi(({ path }) => {
    if (refuse) return refuse;
    const after = new URL(path, "http://gateway").searchParams.get("after");
    const newer = outbox.filter((saved) => after === null || Number(saved.id) > Number(after));
    return jsonAnswer(200, newer.reverse());
  });
  return {
    sent,
    write: (written: StockEvent) => outbox.push(written),
    refuseWith: (answer: Response | undefined) => {
      refuse = answer;
    },
  };
}

describe("EventsPanel", () => {
  const root = mountedRoot();
  let clock = manualClock(start);
  const show = () =>
    render(h(EventsPanel, { refreshes: 0, productNames, locations, clock }), root());
  const rows = () => [...root().querySelectorAll("tbody tr")];
  /** What a screen reader says of each cell of the row: the text, less what is aria-hidden. */
  const spokenCells = (row: Element | undefined) =>
    [...(row?.children ?? [])].map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
      return copy.textContent?.replace(/\s+/g, " ").trim();
    });
  const shownIds = () => rows().map((row) => row.getAttribute("data-event-id"));
  const eventReads = (sent: { path: string }[]) =>
    sent.filter(({ path }) => path.startsWith("/api/inventory/events")).map(({ path }) => path);

  beforeEach(() => {
    clock = manualClock(start);
  });

  it("when opened, then lists the events newest first: kind in words, product, location, available before and after, threshold", async () => {
    eventsService(event("1", "low", 12, 8), event("2", "out", 8, 0, 4));
    show();

    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(spokenCells(rows()[0]).slice(0, 5)).toEqual([
      "Out of stock",
      "Monitor 4K",
      "Warehouse B",
      "8 to 0",
      "10",
    ]);
    expect(spokenCells(rows()[1]).slice(0, 5)).toEqual([
      "Low stock",
      "Webcam HD",
      "Warehouse B",
      "12 to 8",
      "10",
    ]);
    expect(rows()[0]?.querySelector("time")?.getAttribute("datetime")).toBe(start);
  });

  it("when the poll interval passes, then it asks for the events after the newest shown and puts them on top", async () => {
    const service = eventsService(event("1", "low", 12, 8));
    show();
    await vi.waitFor(() => expect(shownIds()).toEqual(["1"]));
    service.write(event("2", "out", 8, 0));
    service.write(event("3", "restocked", 0, 40));

    act(() => clock.advance(POLL_INTERVAL_MS - 1000));
    expect(eventReads(service.sent)).toEqual(["/api/inventory/events"]);
    act(() => clock.advance(1000));

    await vi.waitFor(() => expect(shownIds()).toEqual(["3", "2", "1"]));
    expect(eventReads(service.sent)).toEqual([
      "/api/inventory/events",
      "/api/inventory/events?after=1",
    ]);
    expect(spokenCells(rows()[0])[0]).toBe("Restocked");
  });

  it("when closed (unmounted), then it stops asking for newer events", async () => {
    const service = eventsService(event("1", "low", 12, 8));
    show();
    await vi.waitFor(() => expect(shownIds()).toEqual(["1"]));

    render(null, root());
    act(() => clock.advance(3 * POLL_INTERVAL_MS));

    expect(eventReads(service.sent)).toEqual(["/api/inventory/events"]);
  });

  it("when there are no events, then it says so; Refresh events reads them again", async () => {
    const service = eventsService();
    show();
    await vi.waitFor(() =>
      expect(root().querySelector(".empty")?.textContent).toContain("No stock events yet"),
    );
    service.write(event("1", "out", 3, 0));

    buttonNamed("Refresh events").click();

    await vi.waitFor(() => expect(shownIds()).toEqual(["1"]));
    expect(root().querySelector(".empty")).toBeNull();
  });

  it("when an ask for newer events fails, then the list stays and the page says it is behind until an ask succeeds", async () => {
    const service = eventsService(event("1", "low", 12, 8));
    show();
    await vi.waitFor(() => expect(shownIds()).toEqual(["1"]));
    const alert = () => root().querySelector("[role=alert]")?.textContent ?? "";

    service.refuseWith(problemAnswer(503, "The database is unavailable"));
    act(() => clock.advance(POLL_INTERVAL_MS));
    await vi.waitFor(() => expect(alert()).toContain("The database is unavailable"));
    expect(shownIds()).toEqual(["1"]);

    service.refuseWith(undefined);
    service.write(event("2", "out", 8, 0));
    act(() => clock.advance(POLL_INTERVAL_MS));
    await vi.waitFor(() => expect(shownIds()).toEqual(["2", "1"]));
    expect(alert()).toBe("");
  });

  it("when the first read fails, then the service alert says so and Retry reads again", async () => {
    const service = eventsService(event("1", "low", 12, 8));
    service.refuseWith(problemAnswer(503, "The database is unavailable"));
    show();
    await vi.waitFor(() =>
      expect(root().querySelector(".service-alert")?.textContent).toContain(
        "Stock events are unavailable right now.",
      ),
    );

    service.refuseWith(undefined);
    buttonNamed("Retry").click();

    await vi.waitFor(() => expect(shownIds()).toEqual(["1"]));
    expect(root().querySelector(".service-alert")).toBeNull();
  });
});

describe("the Events tab", () => {
  const root = mountedRoot();

  it("when opened, then the events are read only then and named by product and location", async () => {
    const webcam = { id: 5, name: "Webcam HD", description: null, price: 79.99, category: null };
    const sent = fakeApi(({ path }) => {
      if (path.startsWith("/api/products-full")) return jsonAnswer(200, [webcam]);
      if (path === "/api/inventory/locations") return jsonAnswer(200, locations);
      if (path === "/api/inventory/events") return jsonAnswer(200, [event("1", "out", 3, 0)]);
      return jsonAnswer(200, []);
    });
    render(h(App, {}), root());
    await vi.waitFor(() => expect(root().querySelector("#panel-products tbody th")).not.toBeNull());
    expect(sent.some(({ path }) => path.startsWith("/api/inventory/events"))).toBe(false);

    act(() => buttonNamed("Events").click());

    const row = () => root().querySelector("#panel-events tbody tr")?.textContent ?? "";
    await vi.waitFor(() => expect(row()).toContain("Webcam HD"));
    expect(row()).toContain("Out of stock");
    expect(row()).toContain("Warehouse B");
  });
});
