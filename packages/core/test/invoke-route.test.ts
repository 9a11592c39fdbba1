import { describe, expect, it } from "vitest";
import * as z from "zod";
import { AppError, defineRoute, invokeRoute } from "../src/index.ts";

const route = defineRoute<{ tag: string }, { id: number }, unknown, { name: string }>({
  method: "PUT",
  path: "/things/:id",
  operationId: "updateThing",
  summary: "test",
  tag: "test",
  params: z.object({ id: z.string().regex(/^\d+$/).transform(Number) }),
  body: z.object({ name: z.string() }),
  response: { status: 200, description: "ok" },
  handle: async ({ params, body, requestId }, deps) => ({
    status: 200,
    body: { id: params.id, name: body.name, requestId, tag: deps.tag },
  }),
});

const raw = (params: Record<string, string>, body: unknown) => ({
  params,
  query: {},
  body,
  headers: {},
  requestId: "req-1",
});

describe("invokeRoute", () => {
  it("when params and body are valid then the handler gets them parsed, with its deps", async () => {
    const response = await invokeRoute(route, raw({ id: "5" }, { name: "n" }), { tag: "t" });
    expect(response.body).toEqual({ id: 5, name: "n", requestId: "req-1", tag: "t" });
  });

  it("when a path parameter is invalid then it is a 400 naming the parameter", async () => {
    const error = await invokeRoute(route, raw({ id: "x" }, { name: "n" }), { tag: "t" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, errors: [{ path: "id" }] });
  });

  it("when the body is invalid then it is a 422 with field errors", async () => {
    const error = await invokeRoute(route, raw({ id: "1" }, { name: 3 }), { tag: "t" }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 422, errors: [{ path: "name" }] });
  });
});
