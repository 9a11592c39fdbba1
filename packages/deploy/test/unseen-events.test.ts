import { describe, expect, it } from "vitest";
import { takeUnseenEvents } from "../src/unseen-events.ts";

const event = (id: string) => ({ id, at: undefined, message: id });

describe("takeUnseenEvents", () => {
  it("when ECS lists newest first then new events come back oldest first, each only once", () => {
    const seen = new Set<string>();

    expect(takeUnseenEvents([event("b"), event("a")], seen).map((e) => e.id)).toEqual(["a", "b"]);
    expect(takeUnseenEvents([event("c"), event("b"), event("a")], seen).map((e) => e.id)).toEqual([
      "c",
    ]);
    expect(takeUnseenEvents([event("c"), event("b")], seen)).toEqual([]);
  });
});
