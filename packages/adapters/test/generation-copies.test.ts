import { describe, expect, it } from "vitest";
import { GenerationCopies } from "../src/cache/generation-copies.ts";

const copiesOfText = (maxBytes = 1_000) =>
  new GenerationCopies<string>({ maxBytes, ttlMs: 60_000, bytesOf: (text) => text.length });

describe("GenerationCopies", () => {
  it("when the generation read is the one a copy was kept under then the copy is handed out", () => {
    const copies = copiesOfText();
    copies.set("product:1", "v1", "7");

    expect(copies.get("product:1", "7")).toBe("v1");
  });

  it("when the generation has moved then the copy is not handed out", () => {
    const copies = copiesOfText();
    copies.set("product:1", "v1", "7");

    expect(copies.get("product:1", "8")).toBeUndefined();
  });

  it("when cleared or deleted then nothing is left to hand out", () => {
    const copies = copiesOfText();
    copies.set("a", "1", "7");
    copies.set("b", "2", "7");

    copies.delete("a");
    expect(copies.get("a", "7")).toBeUndefined();
    copies.clear();
    expect(copies.get("b", "7")).toBeUndefined();
  });

  it("when more bytes are kept than allowed then the least recently used copy goes", () => {
    const copies = copiesOfText(10);
    copies.set("a", "1234", "7");
    copies.set("b", "1234", "7");
    copies.get("a", "7");

    copies.set("c", "1234", "7");

    expect(copies.get("a", "7")).toBe("1234");
    expect(copies.get("b", "7")).toBeUndefined();
  });
});
