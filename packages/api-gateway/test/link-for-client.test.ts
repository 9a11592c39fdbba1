import { describe, expect, it } from "vitest";
import { linkForClient } from "../src/upstream/link-for-client.ts";

describe("linkForClient", () => {
  it("when the service links under its own prefix then the client gets the prefix it asked under", () => {
    expect(
      linkForClient('</products?limit=2&cursor=Mw>; rel="next"', "/products", "/api/products"),
    ).toBe('</api/products?limit=2&cursor=Mw>; rel="next"');
  });

  it("when a link only starts with the same letters then it is left alone", () => {
    const link = '</products-full?x=1>; rel="next", </inventory?limit=1>; rel="other"';
    expect(linkForClient(link, "/products", "/api/products")).toBe(link);
  });
});
