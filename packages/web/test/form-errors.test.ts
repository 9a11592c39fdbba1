import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/api-error.ts";
import { fieldOfPath, toFormErrors } from "../src/api/form-errors.ts";
import { readProblemDetails } from "../src/api/problem-details.ts";

const productFields = ["name", "description", "price", "category"];

function validationError(errors: unknown): ApiError {
  const problem = readProblemDetails({
    type: "about:blank",
    title: "Unprocessable Content",
    status: 422,
    detail: "The product is not valid",
    errors,
  });
  return new ApiError(422, problem, "The product is not valid");
}

describe("toFormErrors", () => {
  it("when the API names fields of the form, then each message goes next to its field", () => {
    const error = validationError([
      { path: "price", message: "Price must be greater than 0" },
      { path: "name", message: "Name is required" },
    ]);
    expect(toFormErrors(error, productFields)).toEqual({
      fields: { price: "Price must be greater than 0", name: "Name is required" },
      general: [],
    });
  });

  it("when one field has two messages, then both are shown", () => {
    const error = validationError([
      { path: "/name", message: "Too long." },
      { path: "/name", message: "Bad characters." },
    ]);
    expect(toFormErrors(error, productFields).fields.name).toBe("Too long. Bad characters.");
  });

  it("when a path names no field of the form, then the message is shown for the whole form", () => {
    const error = validationError([{ path: "sku", message: "Unknown field" }]);
    expect(toFormErrors(error, productFields)).toEqual({
      fields: {},
      general: ["sku: Unknown field"],
    });
  });

  it("when the problem has no field errors, then its detail is shown for the whole form", () => {
    const problem = readProblemDetails({
      status: 409,
      title: "Conflict",
      detail: "Product 3 already has stock",
    });
    const error = new ApiError(409, problem, "Product 3 already has stock");
    expect(toFormErrors(error, productFields)).toEqual({
      fields: {},
      general: ["Product 3 already has stock"],
    });
  });

  it("when the server wants an API key (401), then says where to set one", () => {
    const problem = readProblemDetails({
      status: 401,
      detail: "Writes need an API key: Authorization: Bearer <key>",
    });
    const error = new ApiError(401, problem, "Writes need an API key: Authorization: Bearer <key>");
    expect(toFormErrors(error, productFields).general[0]).toContain(
      "set one with “API key” at the top of the page",
    );
  });

  it("when the failure is not an API error, then a generic message is shown", () => {
    expect(toFormErrors(new TypeError("boom"), productFields).general).toEqual([
      "Something went wrong. Please try again.",
    ]);
  });
});

describe("fieldOfPath", () => {
  it.each([
    ["price", "price"],
    ["/price", "price"],
    ["body.price", "price"],
    ["/body/price", "price"],
    ["items[0].name", "items"],
    ["", ""],
  ])("when the path is %j, then the field is %j", (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});

describe("readProblemDetails", () => {
  it("when field errors are malformed, then only the well-formed ones are kept", () => {
    const problem = readProblemDetails({
      status: 422,
      errors: [{ path: "price", message: "Required" }, { path: 3 }, "oops", null],
    });
    expect(problem?.errors).toEqual([{ path: "price", message: "Required" }]);
  });

  it("when the body is not an object, then there are no problem details", () => {
    expect(readProblemDetails("Bad Gateway")).toBeUndefined();
  });
});
