import { describe, expect, it } from "vitest";
import { formatPrice } from "../src/format/format-price.ts";

describe("formatPrice", () => {
  it("when given a price with cents, then shows dollars with two decimals and a thousands separator", () => {
    expect(formatPrice(1299.99)).toBe("$1,299.99");
  });

  it("when given a whole price, then still shows the cents", () => {
    expect(formatPrice(80)).toBe("$80.00");
  });

  it("when given more than two decimals, then rounds to the cent", () => {
    expect(formatPrice(19.995)).toBe("$20.00");
  });

  it("when given another locale, then uses its separators", () => {
    expect(formatPrice(1299.99, "de-DE")).toBe("1.299,99\u00a0$");
  });

  it("when the price is not a finite number, then shows a dash rather than NaN", () => {
    expect(formatPrice(Number.NaN)).toBe("—");
  });
});
