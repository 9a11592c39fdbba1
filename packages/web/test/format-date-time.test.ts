import { describe, expect, it } from "vitest";
import { formatDateTime } from "../src/format/format-date-time.ts";

describe("formatDateTime", () => {
  it("when given an RFC 3339 timestamp, then shows a short date and 24-hour time in the chosen zone", () => {
    expect(formatDateTime("2025-03-07T16:05:00Z", { timeZone: "UTC" })).toBe("Mar 7, 2025, 16:05");
  });

  it("when the zone differs, then the same instant shows its local time", () => {
    expect(formatDateTime("2025-03-07T23:30:00Z", { timeZone: "Europe/Madrid" })).toBe(
      "Mar 8, 2025, 00:30",
    );
  });

  it("when the timestamp carries an offset, then it is read as that instant", () => {
    expect(formatDateTime("2025-03-07T18:05:00+02:00", { timeZone: "UTC" })).toBe(
      "Mar 7, 2025, 16:05",
    );
  });

  it("when the timestamp is unreadable, then shows a dash", () => {
    expect(formatDateTime("not a date", { timeZone: "UTC" })).toBe("—");
  });
});
