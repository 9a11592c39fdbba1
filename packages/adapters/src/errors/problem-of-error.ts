import { AppError, type ProblemDetails, problemDetails, problemOfAppError } from "@stockwiz/core";
import { isDatabaseUnavailable } from "../database/database-availability.ts";

export interface DescribedError {
  status: number;
  problem: ProblemDetails;
  /** A fault of ours, to be logged with its stack; never shown to the client. */
  unexpected: boolean;
  headers?: Record<string, string>;
}

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
};

/** Turns anything thrown into problem details; client mistakes are 4xx, never 500. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof AppError) {
    return {
      status: error.status,
      problem: problemOfAppError(error),
      unexpected: false,
      headers: error.headers,
    };
  }
  if (isDatabaseUnavailable(error)) {
    const problem = problemDetails(503, "The database is unavailable; try again shortly", {
      code: "database_unavailable",
    });
    return { status: 503, problem, unexpected: false };
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    // Framework errors for malformed requests: their messages are safe and say what is wrong.
    const detail =
      error instanceof SyntaxError
        ? "The request body is not valid JSON"
        : (error as Error).message;
    return { status, problem: problemDetails(status, detail), unexpected: false };
  }
  const problem = problemDetails(500, "An unexpected error occurred");
  return { status: 500, problem, unexpected: true };
}
