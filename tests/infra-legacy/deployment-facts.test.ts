import { describe, expect, it } from "vitest";
import { compareFacts, isComparedAlarm } from "./deployment-facts.ts";

// The comparison both parity directions rely on: every leaf, named by its path.
describe("compareFacts", () => {
  it("when both sides are equal then there is no difference", () => {
    const facts = { listener: { port: 80 }, rules: { tg: { paths: ["/a/*"] } } };
    expect(compareFacts(facts, structuredClone(facts))).toEqual([]);
  });

  it("when a nested leaf differs then its dotted path and both values are reported", () => {
    expect(compareFacts({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } })).toEqual([
      { path: "a.c", terraform: 2, sst: 3 },
    ]);
  });

  it("when a key exists on one side only then it is reported with undefined on the other", () => {
    expect(compareFacts({ alarms: { x: 1 } }, { alarms: { x: 1, y: 2 } })).toEqual([
      { path: "alarms.y", terraform: undefined, sst: 2 },
    ]);
  });

  it("when lists differ in length then the missing items are reported by index", () => {
    expect(compareFacts({ p: ["/a", "/b"] }, { p: ["/a"] })).toEqual([
      { path: "p[1]", terraform: "/b", sst: undefined },
    ]);
  });

  it("when a number meets its string form then they differ (no coercion)", () => {
    expect(compareFacts({ cpu: 2048 }, { cpu: "2048" })).toEqual([
      { path: "cpu", terraform: 2048, sst: "2048" },
    ]);
  });
});

describe("isComparedAlarm", () => {
  it.each([
    ["AWS/ECS", true],
    ["AWS/ApplicationELB", true],
    ["StockWiz/dev", false],
  ])("when the namespace is %s then compared is %s", (namespace, compared) => {
    expect(isComparedAlarm(namespace)).toBe(compared);
  });
});
