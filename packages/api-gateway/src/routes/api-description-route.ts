import { defineRoute, jsonTextResponse } from "@stockwiz/core";
import * as z from "zod";

export interface ApiDescriptionDeps {
  /** The document as JSON text. */
  apiDescription: () => string;
}

/** `GET /openapi.json`: the description of every route here, this one included. */
export const apiDescriptionRoute = defineRoute<ApiDescriptionDeps>({
  method: "GET",
  path: "/openapi.json",
  operationId: "getApiDescription",
  summary: "This API's description (OpenAPI 3.1), from which clients are generated",
  tag: "documentation",
  response: {
    status: 200,
    description: "The OpenAPI document",
    schema: z.record(z.string(), z.unknown()),
  },
  handle: async (_request, { apiDescription }) => jsonTextResponse(200, apiDescription()),
});
