import type { ConnectionOptions } from "node:tls";
import type { DatabaseTls } from "../config/database-tls.ts";

/**
 * node-postgres' `ssl` option with libpq's meaning of each sslmode:
 * - disable: no TLS;
 * - require: TLS, nothing verified; with a root certificate the chain is verified, as libpq does;
 * - verify-ca: the chain must lead to the root certificate; any host name is accepted;
 * - verify-full: the chain, and the host name (pg hands tls.connect the host it dialled).
 * verify-full without a root certificate trusts Node's bundled public CAs: libpq would look for
 * ~/.postgresql/root.crt, which no container has, and the public roots are what libpq's
 * sslrootcert=system means.
 */
export function sslOptionsOf(tls: DatabaseTls = { mode: "disable" }): false | ConnectionOptions {
  switch (tls.mode) {
    case "disable":
      return false;
    case "require":
      if (tls.ca === undefined) return { rejectUnauthorized: false };
      return { rejectUnauthorized: true, ca: tls.ca, checkServerIdentity: () => undefined };
    case "verify-ca":
      return { rejectUnauthorized: true, ca: tls.ca, checkServerIdentity: () => undefined };
    case "verify-full":
      return tls.ca === undefined
        ? { rejectUnauthorized: true }
        : { rejectUnauthorized: true, ca: tls.ca };
  }
}

// pg-connection-string reads these itself (and the files they name) with node-postgres' meaning,
// and what it parses overrides the pool's `ssl` option: they must not reach it.
const tlsParameters = ["sslmode", "sslrootcert", "sslcert", "sslkey", "ssl", "uselibpqcompat"];

/** The connection string without its TLS parameters, so `sslOptionsOf` alone decides. */
export function withoutTlsParameters(connectionString: string): string {
  const url = new URL(connectionString);
  const present = tlsParameters.filter((name) => url.searchParams.has(name));
  if (present.length === 0) return connectionString;
  for (const name of present) url.searchParams.delete(name);
  return url.toString();
}

/** Node's codes for a certificate that failed verification (the tls module's X509 error codes). */
const certificateErrorCodes = new Set([
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID",
  "CERT_HAS_EXPIRED",
  "ERROR_IN_CERT_NOT_BEFORE_FIELD",
  "ERROR_IN_CERT_NOT_AFTER_FIELD",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "CERT_CHAIN_TOO_LONG",
  "CERT_REVOKED",
  "INVALID_CA",
  "PATH_LENGTH_EXCEEDED",
  "INVALID_PURPOSE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "HOSTNAME_MISMATCH",
]);

// What node-postgres says when the server answers the TLS request with anything but yes.
const refusedTlsMessages = [
  "The server does not support SSL connections",
  "There was an error establishing an SSL connection",
];

/** Whether connecting failed in TLS: a certificate refused, a handshake failed, TLS declined. */
export function isTlsFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === "string") {
    if (certificateErrorCodes.has(code)) return true;
    if (code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_")) return true;
  }
  return refusedTlsMessages.includes(error.message);
}

/** The server's pg_hba refused a plain connection: it wants TLS (RDS with rds.force_ssl does). */
export function isPlainConnectionRefused(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === "28000" &&
    error.message.includes("no encryption")
  );
}
