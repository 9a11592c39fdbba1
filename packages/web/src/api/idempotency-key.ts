/**
 * A fresh `Idempotency-Key` value. Built from getRandomValues because
 * crypto.randomUUID needs a secure context, and the page may be served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
