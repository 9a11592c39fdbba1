// @vitest-environment happy-dom
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Product } from "../src/api/types.ts";
import { ProductForm } from "../src/products/product-form.tsx";
import { mountedRoot } from "./mounted-root.ts";

const laptop: Product = {
  id: 1,
  name: "Laptop Dell XPS 13",
  description: "Ultrabook potente y ligera",
  price: 1299.99,
  category: "Electronics",
};

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

function answerWith(status: number, payload: unknown): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init: RequestInit) => {
      sent.push({ method: init.method ?? "GET", path, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify(payload), {
        status,
        headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
      });
    }),
  );
  return sent;
}

// act() applies the re-render a keystroke causes before the test goes on, as time does for a person.
function typeInto(id: string, value: string) {
  act(() => {
    const field = document.getElementById(id) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
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
    const sent = answerWith(422, {
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
    expect(sent).toEqual([
      { method: "POST", path: "/api/products", body: { name: "Desk mat", price: -5 } },
    ]);
  });

  it("when editing, then only the changed fields are sent", async () => {
    const sent = answerWith(200, { ...laptop, price: 1199 });
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    typeInto("product-price", "1199");
    submitForm();

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith({ ...laptop, price: 1199 }));
    expect(sent).toEqual([{ method: "PUT", path: "/api/products/1", body: { price: 1199 } }]);
  });

  it("when an optional field is cleared while editing, then it is sent as null", async () => {
    const sent = answerWith(200, { ...laptop, category: null });
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    typeInto("product-category", "  ");
    submitForm();

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]?.body).toEqual({ category: null });
  });

  it("when nothing was changed, then nothing is sent and the form says so", async () => {
    const sent = answerWith(200, laptop);
    render(h(ProductForm, { product: laptop, onSaved, onCancel: () => {} }), root());

    submitForm();

    await vi.waitFor(() =>
      expect(root().querySelector("[role=alert]")?.textContent).toContain("Nothing to save"),
    );
    expect(sent).toEqual([]);
  });
});
