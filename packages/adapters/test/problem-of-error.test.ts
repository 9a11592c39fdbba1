import { AppError } from "@stockwiz/core";
import { describe, expect, it } from "vitest";
import { describeError } from "../src/index.ts";

describe("describeError", () => {
  it("when an AppError is thrown then its status, detail and errors are kept", () => {
    const error = new AppError("validation", "Request validation failed", {
      errors: [{ path: "price", message: "must be greater than 0" }],
    });
    expect(describeError(error)).toEqual({
      status: 422,
      unexpected: false,
      problem: {
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
        detail: "Request validation failed",
        errors: [{ path: "price", message: "must be greater than 0" }],
      },
    });
  });

  it("when the database cannot be reached then it is a 503", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
    });
    expect(describeError(refused).status).toBe(503);
    expect(describeError(new Error("timeout exceeded when trying to connect")).status).toBe(503);
    expect(describeError(Object.assign(new Error("terminating"), { code: "57P01" })).status).toBe(
      503,
    );
  });

  it("when the framework rejects a malformed request then its 4xx is kept", () => {
    const badJson = Object.assign(new SyntaxError("Unexpected token"), { statusCode: 400 });
    expect(describeError(badJson).problem.detail).toBe("The request body is not valid JSON");
    const tooLarge = Object.assign(new Error("Request body is too large"), { statusCode: 413 });
    expect(describeError(tooLarge)).toMatchObject({ status: 413, unexpected: false });
  });

  it("when anything else is thrown then it is a 500 that reveals nothing", () => {
    const described = describeError(new Error("relation secret_table does not exist"));
    expect(described).toMatchObject({ status: 500, unexpected: true });
    expect(JSON.stringify(described.problem)).not.toContain("secret_table");
  });
});
