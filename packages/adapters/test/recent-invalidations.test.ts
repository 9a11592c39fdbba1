import { describe, expect, it } from "vitest";
import { RecentInvalidations } from "../src/cache/recent-invalidations.ts";

const entry = (generation: number, ...stale: string[]) => ({ generation, stale });

describe("RecentInvalidations", () => {
  it("when generations follow on then it answers the keys staled between two of them", () => {
    const record = new RecentInvalidations(8);
    record.restartAt("10");
    record.extend([entry(11, "a"), entry(12, "b", "c"), entry(13, "d")], "13");

    expect(record.staleBetween("10", "12")).toEqual(new Set(["a", "b", "c"]));
    expect(record.staleBetween("12", "13")).toEqual(new Set(["d"]));
    expect(record.staleBetween("13", "13")).toBe("none");
    expect(record.staleBetween("13", "11")).toBe("none");
  });

  it("when a namespace was cleared in between then everything is stale", () => {
    const record = new RecentInvalidations(8);
    record.restartAt("10");
    record.extend([entry(11, "a"), { generation: 12, stale: "all" }], "12");

    expect(record.staleBetween("10", "12")).toBe("all");
    expect(record.staleBetween("10", "11")).toEqual(new Set(["a"]));
  });

  it("when a generation lies before what it keeps or after what it learnt then it cannot say", () => {
    const record = new RecentInvalidations(2);
    record.restartAt("10");
    record.extend([entry(11, "a"), entry(12, "b"), entry(13, "c")], "13");

    expect(record.staleBetween("10", "13")).toBe("all");
    expect(record.staleBetween("11", "13")).toEqual(new Set(["b", "c"]));
    expect(record.staleBetween("13", "14")).toBe("all");
  });

  it("when the entries leave a hole or end short of the generation then it starts over there", () => {
    const record = new RecentInvalidations(8);
    record.restartAt("10");
    record.extend([entry(12, "b")], "12");

    expect(record.latest).toBe("12");
    expect(record.staleBetween("10", "12")).toBe("all");

    record.extend([entry(13, "c")], "14");
    expect(record.latest).toBe("14");
    expect(record.staleBetween("13", "14")).toBe("all");
  });

  it("when forgotten then it knows no generation until it learns one", () => {
    const record = new RecentInvalidations(8);
    record.restartAt("10");
    record.forget();

    expect(record.knows("10")).toBe(false);
    expect(record.latest).toBeUndefined();
    record.extend([entry(11, "a")], "11");
    expect(record.latest).toBe("11");
    expect(record.staleBetween("10", "11")).toBe("all");
  });
});
