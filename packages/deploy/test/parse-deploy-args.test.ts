import { describe, expect, it } from "vitest";
import { parseDeployArgs } from "../src/parse-deploy-args.ts";
import { parseDuration } from "../src/parse-duration.ts";

describe("parseDuration", () => {
  it("when given a unit then it converts to milliseconds, and a bare number means seconds", () => {
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("90")).toBe(90_000);
    expect(parseDuration("15m")).toBe(900_000);
    expect(parseDuration("1h")).toBe(3_600_000);
  });

  it("when the text is not a duration then it says what it expected", () => {
    expect(() => parseDuration("soon")).toThrow(/not a duration: "soon"/);
  });
});

describe("parseDeployArgs", () => {
  it("when only the target is given then the defaults apply", () => {
    expect(
      parseDeployArgs(["wait", "--cluster", "dev-cluster", "--service", "dev-stockwiz"]),
    ).toEqual({
      command: "wait",
      cluster: "dev-cluster",
      service: "dev-stockwiz",
      timeoutMs: 1_200_000,
      pollIntervalMs: 15_000,
      region: undefined,
    });
  });

  it("when the command is unknown then it is rejected", () => {
    expect(() => parseDeployArgs(["rollback", "--cluster", "c", "--service", "s"])).toThrow(
      "unknown command: rollback",
    );
  });

  it("when an option is unknown then node's parser rejects it", () => {
    expect(() => parseDeployArgs(["wait", "--cluster", "c", "--service", "s", "--force"])).toThrow(
      /Unknown option '--force'/,
    );
  });
});
