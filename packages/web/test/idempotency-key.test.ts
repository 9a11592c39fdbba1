import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../src/api/idempotency-key.ts";

describe("newIdempotencyKey", () => {
  it("when called twice, then gives two different 32-character hex keys the API accepts", () => {
    const first = newIdempotencyKey();
    const second = newIdempotencyKey();

    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });
});
