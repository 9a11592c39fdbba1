// @vitest-environment happy-dom
import { h, render } from "preact";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StockRow } from "../src/api/api-schemas.ts";
import { AdjustStockForm } from "../src/inventory/adjust-stock-form.tsx";
import { fakeApi, jsonAnswer, problemAnswer } from "./fake-api.ts";
import { typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const row: StockRow = {
  id: 7,
  product_id: 7,
  quantity: 12,
  warehouse: "Warehouse C",
  last_updated: "2025-01-01T00:00:00Z",
  version: 3,
};

interface SentAdjustment {
  body: unknown;
  idempotencyKey: string | undefined;
}

/** Answers each adjust request with the next status in line; records body and key. */
function adjustAnswers(...statuses: number[]): SentAdjustment[] {
  const sent: SentAdjustment[] = [];
  fakeApi((request) => {
    sent.push({ body: request.body, idempotencyKey: request.headers["idempotency-key"] });
    const status = statuses.shift() ?? 200;
    return status === 200
      ? jsonAnswer(200, { ...row, quantity: 52, version: 4 })
      : problemAnswer(status, `HTTP ${status}`);
  });
  return sent;
}

function press(label: string) {
  const button = [...document.querySelectorAll("button")].find((candidate) =>
    candidate.textContent?.includes(label),
  );
  document.querySelector("form")?.requestSubmit(button);
}

describe("AdjustStockForm", () => {
  const root = mountedRoot();
  const onSaved = vi.fn();

  beforeEach(() => {
    onSaved.mockReset();
    render(h(AdjustStockForm, { row, onSaved, onCancel: () => {} }), root());
  });

  const formAlert = () => root().querySelector(".form-alert")?.textContent ?? "";

  it("when Remove units is pressed, then sends a negative delta with the reason", async () => {
    const sent = adjustAnswers(200);
    typeInto("adjust-amount", "5");
    typeInto("adjust-reason", "damaged");

    press("Remove units");

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]?.body).toEqual({ delta: -5, reason: "damaged" });
  });

  it("when the amount is not a whole number above 0, then says so next to Units and sends nothing", async () => {
    const sent = adjustAnswers();
    typeInto("adjust-amount", "2.5");

    press("Add units");

    await vi.waitFor(() => expect(document.getElementById("adjust-amount-error")).not.toBeNull());
    expect(sent).toEqual([]);
  });

  it("when the gateway gave no verdict (502), then the retry carries the same idempotency key", async () => {
    const sent = adjustAnswers(502, 200);
    typeInto("adjust-amount", "40");

    press("Add units");
    await vi.waitFor(() => expect(formAlert()).toContain("HTTP 502"));
    press("Add units");

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveLength(2);
    expect(sent[1]?.idempotencyKey).toBe(sent[0]?.idempotencyKey);
  });

  it("when the request is changed after a gateway failure, then it goes with a new key (the old one names another body)", async () => {
    const sent = adjustAnswers(502, 200);
    typeInto("adjust-amount", "40");
    press("Add units");
    await vi.waitFor(() => expect(formAlert()).toContain("HTTP 502"));

    typeInto("adjust-amount", "41");
    press("Add units");

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[1]?.body).toEqual({ delta: 41 });
    expect(sent[1]?.idempotencyKey).not.toBe(sent[0]?.idempotencyKey);
  });

  it("when the API refused the attempt (409), then the next attempt is a new one with a new key", async () => {
    const sent = adjustAnswers(409, 200);
    typeInto("adjust-amount", "40");

    press("Remove units");
    await vi.waitFor(() => expect(formAlert()).toContain("HTTP 409"));
    press("Add units");

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[1]?.idempotencyKey).not.toBe(sent[0]?.idempotencyKey);
  });
});
