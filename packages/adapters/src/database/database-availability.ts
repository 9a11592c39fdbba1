// What node-postgres raises when the server cannot be reached or goes away mid-flight.
const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
]);
const unreachableMessages = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Query read timeout",
  "Client has encountered a connection error",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (unreachableCodes.has(code) || code.startsWith("08")))
    return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return unreachableMessages.some((message) => error.message.includes(message));
}
