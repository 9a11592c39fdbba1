// @vitest-environment happy-dom
import { h, render } from "preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../src/app.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { mountedRoot } from "./mounted-root.ts";

type Answer = { status: number; body: unknown } | "no answer";

/** A gateway stand-in: one answer per path, or no answer at all; returns the paths asked. */
function gatewayAnswers(answers: Record<string, Answer>): string[] {
  const asked: string[] = [];
  fakeApi(({ path }) => {
    asked.push(path);
    const answer = answers[path.split("?")[0] ?? path];
    return !answer || answer === "no answer" ? "no answer" : jsonAnswer(answer.status, answer.body);
  });
  return asked;
}

const badGateway = {
  status: 502,
  body: {
    type: "about:blank",
    title: "Bad Gateway",
    status: 502,
    detail: "product-service is unreachable",
  },
};

const laptop = {
  id: 1,
  name: "Laptop Dell XPS 13",
  description: null,
  price: 1299.99,
  category: "Electronics",
  inventory: { quantity: 50, warehouse: "Warehouse A" },
};
const stockRow = {
  id: 1,
  product_id: 1,
  quantity: 50,
  warehouse: "Warehouse A",
  last_updated: "2025-01-01T00:00:00Z",
  version: 1,
};

// The Locations and Reservations tabs load their lists too.
const locationAnswers: Record<string, Answer> = {
  "/api/inventory/locations": { status: 200, body: [] },
  "/api/inventory/reservations": { status: 200, body: [] },
};

describe("App while loading its data", () => {
  const root = mountedRoot();

  const alerts = () =>
    [...root().querySelectorAll(".service-alert")].map((alert) => alert.textContent ?? "");
  const cardValue = (testId: string) =>
    root().querySelector(`[data-testid=${testId}] .card__value`)?.textContent;

  it("when products and stock load, then the cards and the table show them", async () => {
    gatewayAnswers({
      "/api/products-full": { status: 200, body: [laptop] },
      "/api/inventory": { status: 200, body: [stockRow] },
      ...locationAnswers,
    });
    render(h(App, {}), root());

    await vi.waitFor(() => expect(cardValue("units-in-stock")).toBe("50"));
    expect(cardValue("total-products")).toBe("1");
    expect(root().querySelector("#panel-products tbody th")?.textContent).toBe(
      "Laptop Dell XPS 13",
    );
    expect(alerts()).toEqual([]);
  });

  it("when Refresh is pressed, then asks the gateway to bypass its cache and reads every list again", async () => {
    const asked = gatewayAnswers({
      "/api/products-full": { status: 200, body: [laptop] },
      "/api/inventory": { status: 200, body: [stockRow] },
      ...locationAnswers,
    });
    render(h(App, {}), root());
    const refresh = () =>
      [...root().querySelectorAll("button")].find((button) => button.textContent === "Refresh");
    await vi.waitFor(() => expect(refresh()?.disabled).toBe(false));

    refresh()?.click();

    await vi.waitFor(() => expect(asked).toContain("/api/products-full?force_refresh=true"));
    expect(asked.filter((path) => path.startsWith("/api/products-full"))).toEqual([
      "/api/products-full",
      "/api/products-full?force_refresh=true",
    ]);
    // The lists the Locations and Reservations tabs show are read again too.
    await vi.waitFor(() =>
      expect(
        asked.filter((path) => path === "/api/inventory/reservations?status=active"),
      ).toHaveLength(2),
    );
    expect(asked.filter((path) => path === "/api/inventory/locations")).toHaveLength(2);
  });

  it("when the gateway answers 502 for products, then says the products are unavailable", async () => {
    gatewayAnswers({
      "/api/products-full": badGateway,
      "/api/inventory": { status: 200, body: [stockRow] },
      ...locationAnswers,
    });
    render(h(App, {}), root());

    await vi.waitFor(() => expect(alerts()).toHaveLength(1));
    expect(alerts()[0]).toContain("Products are unavailable right now.");
    expect(alerts()[0]).toContain("product-service is unreachable, HTTP 502");
    expect(cardValue("total-products")).toBe("—");
    // The stock rows that did load are still shown.
    expect(root().querySelectorAll("#panel-inventory tbody tr")).toHaveLength(1);
  });

  it("when the gateway itself does not answer, then says so instead of showing empty tables", async () => {
    gatewayAnswers({ "/api/products-full": "no answer", "/api/inventory": "no answer" });
    render(h(App, {}), root());

    await vi.waitFor(() => expect(alerts()).toHaveLength(3));
    expect(alerts()[0]).toContain("The StockWiz gateway is not answering.");
    expect(root().querySelector("#panel-locations .service-alert")?.textContent).toContain(
      "The StockWiz gateway is not answering.",
    );
  });
});
