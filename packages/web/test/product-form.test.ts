// @vitest-environment happy-dom
import { h, render } from "preact";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Product } from "../src/api/api-schemas.ts";
import { ProductForm } from "../src/products/product-form.tsx";
import { fakeApi, jsonAnswer } from "./fake-api.ts";
import { typeInto } from "./form-input.ts";
import { mountedRoot } from "./mounted-root.ts";

const laptop: Product = {
  id: 1,
  name: "Laptop Dell XPS 13",
  description: "Ultrabook potente y ligera",
  price: 1299.99,
  category: "Electronics",
};

/** Answers every request alike; records method, path and body. */
function answerWith(status: number, payload: unknown) {
  const sent = fakeApi(() => jsonAnswer(status, payload));
  return {
    sent: () => sent.map(({ method, path, body }) => ({ method, path, body })),
  };
}

function submitForm() {
  document.querySelector("form")?.requestSubmit();
}

describe("ProductForm", () => {
  const root = mountedRoot();
  const onSaved = vi.fn();

  beforeEach(() => {
    onSaved.mockReset();
  });

  it("when the API refuses the price, then its message appears under the Price field, tied to it", async () => {
    const api = answerWith(422, {
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "Request validation failed",
      errors: [{ path: "price", message: "must be greater than 0" }],
    });
    render(h(ProductForm, { onSaved, onCancel: () => {} }), root());

    typeInto("product-name", "Desk mat");
    typeInto("product-price", "-5");
    submitForm();

    await vi.waitFor(() => expect(document.getElementById("product-price-error")).not.toBeNull());
    expect(document.getElementById("product-price-error")?.textContent).toBe(
      "must be greater than 0",
    );
    const price = document.getElementById("product-price");
    expect(price?.getAttribute("aria-invalid")).toBe("true");
    expect(price?.getAttribute("aria-describedby")).toBe("product-price-error");
    expect(document.getElementById("product-name-error")).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(api.sent()).toEqual([
      { method: "POST", path: "/api/products", body: { name: "Desk mat", price: -5 } },
    ]);
  });

  it("when editing, then only the changed fields are sent", async () => {
    const api = answerWith(200, { ...laptop, price: 1199 });
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    typeInto("product-price", "1199");
    submitForm();

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith({ ...laptop, price: 1199 }));
    expect(api.sent()).toEqual([{ method: "PUT", path: "/api/products/1", body: { price: 1199 } }]);
  });

  it("when an optional field is cleared while editing, then it is sent as null", async () => {
    const api = answerWith(200, { ...laptop, category: null });
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    typeInto("product-category", "  ");
    submitForm();

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.sent()[0]?.body).toEqual({ category: null });
  });

  it("when nothing was changed, then nothing is sent and the form says so", async () => {
    const api = answerWith(200, laptop);
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    submitForm();

    await vi.waitFor(() =>
      expect(root().querySelector("[role=alert]")?.textContent).toContain("Nothing to save"),
    );
    expect(api.sent()).toEqual([]);
  });

  it("when the price is not a number, then the form says so next to Price and sends nothing", async () => {
    const api = answerWith(201, laptop);
    render(h(ProductForm, { onSaved, onCancel: () => {} }), root());

    typeInto("product-name", "Desk mat");
    typeInto("product-price", "cheap");
    submitForm();

    await vi.waitFor(() => expect(document.getElementById("product-price-error")).not.toBeNull());
    expect(api.sent()).toEqual([]);
  });
});
