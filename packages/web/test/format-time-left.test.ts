import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "../src/format/format-time-left.ts";

describe("formatTimeLeft", () => {
  it("when under an hour is left, then shows minutes and seconds, rounded up", () => {
    expect(formatTimeLeft(15 * 60_000)).toBe("15:00");
    expect(formatTimeLeft(61_001)).toBe("1:02");
    expect(formatTimeLeft(1)).toBe("0:01");
  });

  it("when an hour or more is left, then shows hours too", () => {
    expect(formatTimeLeft(3_600_000 + 5 * 60_000 + 9_000)).toBe("1:05:09");
  });

  it("when the deadline is reached or passed, then says expired", () => {
    expect(formatTimeLeft(0)).toBe("expired");
    expect(formatTimeLeft(-5_000)).toBe("expired");
  });
});
