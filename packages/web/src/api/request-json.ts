import { ApiError, NO_RESPONSE } from "./api-error.ts";
import { savedApiKey } from "./api-key-store.ts";
import { readProblemDetails } from "./problem-details.ts";

/**
 * Calls the page's own origin and returns the parsed JSON body, or throws an
 * ApiError holding the problem details of a failed answer.
 */
export async function requestJson<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    ...extraHeaders,
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  // Writes may need an API key (the server answers 401 when it does); reads never do.
  const apiKey = method === "GET" ? undefined : savedApiKey();
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(NO_RESPONSE, undefined, "The StockWiz gateway cannot be reached.");
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = readProblemDetails(payload);
    const reason = problem?.detail ?? problem?.title ?? response.statusText;
    throw new ApiError(response.status, problem, reason || `HTTP ${response.status}`);
  }
  return payload as T;
}
