// @vitest-environment happy-dom
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StockRow } from "../src/api/api-schemas.ts";
import { LowStockThresholdForm } from "../src/inventory/low-stock-threshold-form.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { buttonNamed, typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const row: StockRow = {
  id: 7,
  product_id: 5,
  quantity: 100,
  warehouse: "Warehouse B",
  last_updated: "2026-11-29T10:00:00Z",
  version: 1,
};

/** An inventory service that takes a whole threshold of 0 or more, and refuses others (422). */
function thresholdService() {
  return fakeApi(({ body }) => {
    const { low_stock_threshold: threshold } = body as { low_stock_threshold: number };
    if (Number.isInteger(threshold) && threshold >= 0)
      return jsonAnswer(200, { inventory_id: 7, product_id: 5, low_stock_threshold: threshold });
    return jsonAnswer(422, {
      type: "https://stockwiz.dev/problems/validation",
      title: "Unprocessable Content",
      status: 422,
      detail: "The body breaks a rule",
      errors: [{ path: "/body/low_stock_threshold", message: "must be a whole number from 0" }],
    });
  });
}

describe("LowStockThresholdForm", () => {
  const root = mountedRoot();
  const fieldError = () => document.getElementById("low-stock-threshold-error")?.textContent;
  const status = () => root().querySelector("[role=status]")?.textContent;

  beforeEach(() => {
    render(h(LowStockThresholdForm, { row }), root());
  });

  it("when a threshold is set, then it is put on the product's stock row and the form says so", async () => {
    const sent = thresholdService();

    typeInto("low-stock-threshold", "25");
    buttonNamed("Set threshold").click();

    await vi.waitFor(() => expect(status()).toBe("Low-stock threshold set to 25."));
    expect(sent).toMatchObject([
      {
        method: "PUT",
        path: "/api/inventory/7/low-stock-threshold",
        body: { low_stock_threshold: 25 },
      },
    ]);
  });

  it("when the API refuses the threshold (422), then its message shows next to the field", async () => {
    thresholdService();

    typeInto("low-stock-threshold", "-3");
    buttonNamed("Set threshold").click();

    await vi.waitFor(() => expect(fieldError()).toBe("must be a whole number from 0"));
    const input = document.getElementById("low-stock-threshold");
    expect(input?.getAttribute("aria-invalid")).toBe("true");
    expect(input?.getAttribute("aria-describedby")).toContain("low-stock-threshold-error");
    expect(status()).toBe("");
  });

  it("when the field is empty, then the form asks for a number and sends nothing", () => {
    const sent = thresholdService();

    act(() => buttonNamed("Set threshold").click());

    expect(fieldError()).toBe("Enter a number.");
    expect(sent).toEqual([]);
  });
});
