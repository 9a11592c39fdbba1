/** Error names AWS uses when a caller is asking too fast; worth asking again later. */
const throttlingNames = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
]);

/** Error names meaning the credentials themselves are wrong, expired or not allowed. */
const credentialNames = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "AccessDeniedException",
  "CredentialsProviderError",
]);

interface AwsErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Throttling and AWS-side 5xx errors pass; the next poll may succeed. */
export function isTransientAwsError(error: unknown): boolean {
  const { name, $metadata } = shapeOf(error);
  return throttlingNames.has(String(name)) || ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** A sentence for the log, with a hint where the fix is obvious. */
export function describeAwsError(error: unknown): string {
  const { name, message } = shapeOf(error);
  const what = `${String(name ?? "Error")}: ${String(message ?? error)}`;
  if (credentialNames.has(String(name))) {
    return `AWS refused the credentials (${what}); check the role assumed through OIDC and its ECS permissions`;
  }
  return what;
}

function shapeOf(error: unknown): AwsErrorShape {
  return typeof error === "object" && error !== null ? (error as AwsErrorShape) : {};
}
