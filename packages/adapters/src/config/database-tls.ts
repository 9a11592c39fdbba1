import { readFileSync } from "node:fs";

/**
 * The libpq sslmode values node-postgres can honour. `allow` and `prefer` fall back between TLS
 * and a plain connection, which node-postgres cannot do: they are refused rather than mimicked.
 */
export const sslModes = ["disable", "require", "verify-ca", "verify-full"] as const;
export type SslMode = (typeof sslModes)[number];

/** How the connection to PostgreSQL is secured, resolved as libpq resolves sslmode/sslrootcert. */
export interface DatabaseTls {
  mode: SslMode;
  /** PEM bundle the server's chain must lead to; absent: Node's bundled trust store. */
  ca?: string;
  /** Where `ca` came from, for messages: `PGSSLROOTCERT=/path` or `sslrootcert=/path`. */
  caSource?: string;
}

export interface TlsVariables {
  DATABASE_URL?: string | undefined;
  PGSSLMODE?: string | undefined;
  PGSSLROOTCERT?: string | undefined;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type TlsResolution = { tls: DatabaseTls } | { problems: ConfigProblem[] };

// Parameters node-postgres would act on by itself, with meanings of its own.
const unsupportedUrlParameters: Record<string, string> = {
  ssl: "is node-postgres' own parameter; use sslmode",
  sslcert: "(a client certificate) is not supported",
  sslkey: "(a client key) is not supported",
};

interface Setting {
  value: string;
  /** The variable a message names: DATABASE_URL for a URL parameter. */
  variable: "DATABASE_URL" | "PGSSLMODE" | "PGSSLROOTCERT";
  /** `sslmode`, `PGSSLROOTCERT`, ... */
  name: string;
}

/** A URL parameter wins over its environment variable, as in libpq. */
function settingOf(
  params: URLSearchParams | undefined,
  parameter: "sslmode" | "sslrootcert",
  variable: "PGSSLMODE" | "PGSSLROOTCERT",
  envValue: string | undefined,
): Setting | undefined {
  const fromUrl = params?.get(parameter);
  if (typeof fromUrl === "string")
    return { value: fromUrl, variable: "DATABASE_URL", name: parameter };
  return envValue === undefined ? undefined : { value: envValue, variable, name: variable };
}

const refuse = (variable: string, message: string): TlsResolution => ({
  problems: [{ variable, message }],
});

/** A URL parameter's problem is reported under DATABASE_URL, so it says which parameter. */
const problemWith = (setting: Setting, message: string): TlsResolution =>
  refuse(
    setting.variable,
    setting.variable === "DATABASE_URL" ? `${setting.name}: ${message}` : message,
  );

const isSslMode = (value: string): value is SslMode =>
  (sslModes as readonly string[]).includes(value);

function modeProblem(value: string): string {
  if (value === "allow" || value === "prefer") {
    return `"${value}" is not supported: node-postgres cannot fall back between TLS and a plain connection; use require, verify-ca or verify-full for TLS, or disable`;
  }
  return `must be one of ${sslModes.join(", ")} (got "${value}")`;
}

function readCaBundle(path: string): { pem: string } | { error: string } {
  try {
    const pem = readFileSync(path, "utf8");
    if (pem.includes("-----BEGIN CERTIFICATE-----")) return { pem };
    return { error: `${path} holds no PEM certificate` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { error: `cannot read the CA bundle ${path} (${code})` };
  }
}

/**
 * sslmode and sslrootcert from DATABASE_URL, else PGSSLMODE and PGSSLROOTCERT; no mode at all
 * means `disable` (libpq's default, prefer, cannot be honoured: see `sslModes`). The CA bundle is
 * read here, once, so a missing file stops the process at start and names where it was set.
 */
export function resolveDatabaseTls(env: TlsVariables): TlsResolution {
  const params =
    env.DATABASE_URL === undefined ? undefined : new URL(env.DATABASE_URL).searchParams;
  const unsupported = Object.keys(unsupportedUrlParameters).filter((name) => params?.has(name));
  if (unsupported.length > 0) {
    return {
      problems: unsupported.map((name) => ({
        variable: "DATABASE_URL",
        message: `${name} ${unsupportedUrlParameters[name]}`,
      })),
    };
  }
  const modeSetting = settingOf(params, "sslmode", "PGSSLMODE", env.PGSSLMODE);
  const rootCert = settingOf(params, "sslrootcert", "PGSSLROOTCERT", env.PGSSLROOTCERT);
  if (modeSetting !== undefined && !isSslMode(modeSetting.value)) {
    return problemWith(modeSetting, modeProblem(modeSetting.value));
  }
  const configuredMode = modeSetting?.value as SslMode | undefined;

  // libpq 16+: sslrootcert=system trusts the TLS library's roots, and only with verify-full.
  if (rootCert?.value === "system") {
    const mode = configuredMode ?? "verify-full";
    if (mode !== "verify-full") {
      return problemWith(rootCert, `"system" needs sslmode verify-full, not ${mode}`);
    }
    return { tls: { mode, caSource: `${rootCert.name}=system` } };
  }
  if (configuredMode === undefined && rootCert !== undefined) {
    return refuse(
      "PGSSLMODE",
      `must be set (or sslmode in DATABASE_URL) when ${rootCert.name} is: libpq's default, prefer, cannot be honoured`,
    );
  }
  const mode = configuredMode ?? "disable";
  // As libpq: with TLS off the root certificate is never read.
  if (mode === "disable") return { tls: { mode } };
  if (rootCert === undefined) {
    if (mode !== "verify-ca") return { tls: { mode } };
    return refuse(
      "PGSSLROOTCERT",
      "is required with sslmode verify-ca: a chain checked against the public CAs without the host name would accept any server they certified (use verify-full for that)",
    );
  }
  const bundle = readCaBundle(rootCert.value);
  if ("error" in bundle) return problemWith(rootCert, bundle.error);
  return { tls: { mode, ca: bundle.pem, caSource: `${rootCert.name}=${rootCert.value}` } };
}
