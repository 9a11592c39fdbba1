import { ApiError } from "./api-error.ts";

/** One sentence a person can act on, for a failed write. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.status === 401) {
    return "Changing data needs an API key: set one with “API key” at the top of the page, then try again.";
  }
  if (error.status === 412) {
    return "Someone else changed this after you opened it, so your change was not saved. Refresh to see the current figures, then try again.";
  }
  return error.message;
}
