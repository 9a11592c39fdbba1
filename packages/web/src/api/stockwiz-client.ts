import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, NO_RESPONSE } from "./api-error.ts";
import { savedApiKey } from "./api-key-store.ts";
import type { paths } from "./schema.d.ts";

// Writes may need an API key (the server answers 401 when it does); reads never do.
const apiKeyOnWrites: Middleware = {
  onRequest({ request }) {
    const apiKey = request.method === "GET" ? undefined : savedApiKey();
    if (apiKey) request.headers.set("Authorization", `Bearer ${apiKey}`);
  },
};

// No answer at all (network down, gateway gone) is told apart from an answer that refuses.
const noAnswer: Middleware = {
  onError: () => new ApiError(NO_RESPONSE, undefined, "The StockWiz gateway cannot be reached."),
};

/**
 * The StockWiz API at the page's own origin, typed by the API description: paths, parameters,
 * bodies and answers are checked against the routes' schemas at build time.
 */
export const stockwizClient = createClient<paths>({
  baseUrl: globalThis.location?.origin,
  headers: { Accept: "application/json, application/problem+json" },
  // Looked up per call, so that a fetch replaced after this module loaded (tests) is used.
  fetch: (request) => globalThis.fetch(request),
});
stockwizClient.use(apiKeyOnWrites, noAnswer);
