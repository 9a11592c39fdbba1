import { ApiError } from "./api-error.ts";
import { readProblemDetails } from "./problem-details.ts";

interface ClientResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError holding the problem details sent instead. */
export async function answerOf<Data>(call: Promise<ClientResult<Data>>): Promise<Data> {
  const { data, error, response } = await call;
  if (response.ok) return data as Data;
  const problem = readProblemDetails(error);
  const reason = problem?.detail ?? problem?.title ?? response.statusText;
  throw new ApiError(response.status, problem, reason || `HTTP ${response.status}`);
}
