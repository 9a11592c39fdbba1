type Headers = Record<string, string | string[] | undefined>;

// Per-connection headers (RFC 9110 §7.6.1) and those the gateway recomputes itself.
const notForwarded = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  // the gateway compresses for the client; services answer plainly on the inside
  "accept-encoding",
  "content-encoding",
  "date",
  // each hop names the request it serves; the gateway sets its own on both sides
  "x-request-id",
]);

/** Copies end-to-end headers only, flattening repeats as HTTP allows. */
export function endToEndHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || notForwarded.has(name.toLowerCase())) continue;
    kept[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return kept;
}
