// @vitest-environment happy-dom
import { h, render } from "preact";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StockRow } from "../src/api/api-schemas.ts";
import { StockForm } from "../src/inventory/stock-form.tsx";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";
import { typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const readRow: StockRow = {
  id: 9,
  product_id: 9,
  quantity: 20,
  warehouse: "Warehouse A",
  last_updated: "2025-01-01T00:00:00Z",
  version: 5,
};
// What someone else's adjustment left while the form was open.
const changedRow: StockRow = { ...readRow, quantity: 26, version: 6 };

/** A stock service holding `changedRow`: a PUT naming another version is refused, as If-Match asks. */
function stockServiceHoldingChangedRow() {
  let current = changedRow;
  return fakeApi((request) => {
    if (request.method === "GET") return jsonAnswer(200, current);
    if (request.headers["if-match"] !== `"${current.version}"`)
      return problemAnswer(412, `The row is at version ${current.version}`);
    current = { ...current, ...(request.body as object), version: current.version + 1 };
    return jsonAnswer(200, current);
  });
}

const save = () => document.querySelector("form")?.requestSubmit();

describe("StockForm editing a row someone else changed", () => {
  const root = mountedRoot();
  const onSaved = vi.fn();
  const formAlert = () => root().querySelector(".form-alert")?.textContent ?? "";

  beforeEach(() => {
    onSaved.mockReset();
    render(
      h(StockForm, { row: readRow, productsWithoutStock: [], onSaved, onCancel: () => {} }),
      root(),
    );
  });

  it("when saved, then the 412 is shown with the row's current figures and nothing is overwritten", async () => {
    const sent = stockServiceHoldingChangedRow();
    typeInto("stock-quantity", "60");

    save();

    await vi.waitFor(() => expect(formAlert()).toContain("Your change was not saved"));
    expect(formAlert()).toContain("it now holds 26 units in Warehouse A");
    expect(onSaved).not.toHaveBeenCalled();
    expect(sent.map(({ method, headers }) => [method, headers["if-match"]])).toEqual([
      ["PUT", '"5"'],
      ["GET", undefined],
    ]);
  });

  it("when saved again after seeing the current figures, then the change applies to that version", async () => {
    const sent = stockServiceHoldingChangedRow();
    typeInto("stock-quantity", "60");
    save();
    await vi.waitFor(() => expect(formAlert()).toContain("Your change was not saved"));

    save();

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ quantity: 60, version: 7 });
    expect(sent.at(-1)?.headers["if-match"]).toBe('"6"');
  });
});
