import * as z from "zod";
import { type DatabaseTls, resolveDatabaseTls } from "./database-tls.ts";

/** A TCP port to listen on or connect to. */
export const portSchema = z.coerce.number().int().min(1).max(65_535);

/** pino's levels; every process reads LOG_LEVEL with this. */
export const logLevelSchema = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
  .default("info");
export type LogLevel = z.infer<typeof logLevelSchema>;

/** REDIS_URL as legacy took it: `redis://host:6379` or a bare `host:6379`. */
const redisUrl = z
  .string()
  .min(1)
  .transform((value) => (/^rediss?:\/\//.test(value) ? value : `redis://${value}`))
  .pipe(z.url({ protocol: /^rediss?$/ }));

/** The shared cache; unset REDIS_URL means no shared cache. */
export const cacheEnvSchema = z.object({
  REDIS_URL: redisUrl.optional(),
  /** Namespaces the keys, so several StockWiz deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default("stockwiz:"),
});
export type CacheEnv = z.infer<typeof cacheEnvSchema>;

/** The stores a service talks to, from DATABASE_URL or the legacy DB_* variables. */
export const storeEnvSchema = z
  .object({
    ...cacheEnvSchema.shape,
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DB_USER: z.string().min(1).default("admin"),
    DB_PASSWORD: z.string().optional(),
    DB_HOST: z.string().min(1).optional(),
    DB_PORT: portSchema.default(5432),
    DB_NAME: z.string().min(1).default("microservices_db"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** How long a new connection may take: an auto-paused Aurora needs ~15 s to resume. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(2_000),
    /**
     * RDS IAM authentication: each connection's password is a token signed with the process's
     * AWS credentials for DB_USER at DB_HOST:DB_PORT, in AWS_REGION. Needs TLS; no DB_PASSWORD.
     */
    DB_IAM_AUTH: z.stringbool().default(false),
    /**
     * Apply pending migrations when the service opens the database (a container, `npm start`).
     * Off where a deploy step migrates once (the Lambda stages): no cold start migrates.
     */
    DB_MIGRATE_ON_START: z.stringbool().default(true),
    AWS_REGION: z.string().min(1).optional(),
    /** libpq's TLS variables; sslmode/sslrootcert in DATABASE_URL win over them. */
    PGSSLMODE: z.string().optional(),
    PGSSLROOTCERT: z.string().optional(),
    STOCKWIZ_DATA_DIR: z.string().min(1).default("./.data"),
  })
  .superRefine((env, ctx) => {
    if (env.DB_IAM_AUTH) {
      for (const problem of iamAuthProblems(env)) ctx.addIssue({ code: "custom", ...problem });
      return;
    }
    if (env.DATABASE_URL === undefined && env.DB_HOST !== undefined && !env.DB_PASSWORD) {
      ctx.addIssue({
        code: "custom",
        path: ["DB_PASSWORD"],
        message: "is required when DB_HOST is set and DATABASE_URL is not",
      });
    }
  })
  .transform((env, ctx): typeof env & { databaseTls?: DatabaseTls } => {
    // The embedded database has no TLS: the variables are only checked when PostgreSQL is used.
    if (env.DATABASE_URL === undefined && env.DB_HOST === undefined) return env;
    const resolved = resolveDatabaseTls(env);
    if ("tls" in resolved && env.DB_IAM_AUTH && resolved.tls.mode === "disable") {
      ctx.addIssue({
        code: "custom",
        path: ["PGSSLMODE"],
        message: "must enable TLS with DB_IAM_AUTH: RDS accepts IAM tokens only over TLS",
      });
      return z.NEVER;
    }
    if ("tls" in resolved) return { ...env, databaseTls: resolved.tls };
    for (const { variable, message } of resolved.problems) {
      ctx.addIssue({ code: "custom", path: [variable], message });
    }
    return z.NEVER;
  });
export type StoreEnv = z.infer<typeof storeEnvSchema>;

/** The variables DB_IAM_AUTH needs, and those it rules out. */
function iamAuthProblems(env: {
  DATABASE_URL?: string | undefined;
  DB_HOST?: string | undefined;
  DB_PASSWORD?: string | undefined;
  AWS_REGION?: string | undefined;
}): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  if (env.DATABASE_URL !== undefined) {
    problems.push({
      path: ["DATABASE_URL"],
      message:
        "must be unset with DB_IAM_AUTH: the token is signed for DB_HOST, DB_PORT and DB_USER",
    });
  }
  if (env.DB_HOST === undefined) {
    problems.push({ path: ["DB_HOST"], message: "is required with DB_IAM_AUTH" });
  }
  if (env.DB_PASSWORD) {
    problems.push({
      path: ["DB_PASSWORD"],
      message: "must be unset with DB_IAM_AUTH: the password is a signed token",
    });
  }
  if (env.AWS_REGION === undefined) {
    problems.push({
      path: ["AWS_REGION"],
      message: "is required with DB_IAM_AUTH: the token is signed for the database's region",
    });
  }
  return problems;
}

export type DatabaseTarget =
  | {
      kind: "postgres";
      connectionString: string;
      poolMax: number;
      /** Absent: no TLS. TLS parameters inside `connectionString` are ignored, this decides. */
      tls?: DatabaseTls;
      /** Bound on opening a connection. @default 2 s */
      connectTimeoutMs?: number;
      /** Present: each connection's password is an RDS IAM token signed for this region. */
      iamAuth?: { region: string };
      /** False where a deploy step applies the migrations instead. @default true */
      migrateOnStart?: boolean;
    }
  | { kind: "embedded"; dataDir: string };

/** With no database configured, StockWiz runs on embedded PostgreSQL (PGlite) on local disk. */
export function databaseTarget(env: StoreEnv): DatabaseTarget {
  const postgres = {
    kind: "postgres" as const,
    poolMax: env.DB_POOL_MAX,
    tls: env.databaseTls,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    migrateOnStart: env.DB_MIGRATE_ON_START,
  };
  if (env.DATABASE_URL !== undefined) {
    return { ...postgres, connectionString: env.DATABASE_URL };
  }
  if (env.DB_HOST !== undefined) {
    const url = new URL("postgres://placeholder");
    url.username = env.DB_USER;
    url.password = env.DB_IAM_AUTH ? "" : (env.DB_PASSWORD ?? "");
    url.hostname = env.DB_HOST;
    url.port = String(env.DB_PORT);
    url.pathname = `/${env.DB_NAME}`;
    const iamAuth =
      env.DB_IAM_AUTH && env.AWS_REGION !== undefined ? { region: env.AWS_REGION } : undefined;
    return { ...postgres, connectionString: url.toString(), ...(iamAuth ? { iamAuth } : {}) };
  }
  return { kind: "embedded", dataDir: env.STOCKWIZ_DATA_DIR };
}

export const serviceEnvSchema = (defaultPort: number) =>
  z.object({
    PORT: portSchema.default(defaultPort),
    HOST: z.string().min(1).default("0.0.0.0"),
    LOG_LEVEL: logLevelSchema,
    /**
     * Share of fast successful requests that get a request line (0..1). Every one by default, as
     * a developer expects; the stacks lower it, as the ALB's access log already holds each request.
     */
    LOG_SUCCESS_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(1),
    /** A request slower than this (ms) always gets its line, as a failure does. */
    LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
    /**
     * Processes that serve the port together (see `serveInProcesses`): one by default; the
     * stacks decide how many a container runs, from what the bench measured on its CPU share.
     */
    SERVER_PROCESSES: z.coerce.number().int().min(1).max(16).default(1),
  });

/** Which requests get a line: failures and slow ones always, successes sampled. */
export interface RequestLogSettings {
  successSampleRate: number;
  slowRequestMs: number;
}

export const requestLogSettingsOf = (env: {
  LOG_SUCCESS_SAMPLE_RATE: number;
  LOG_SLOW_REQUEST_MS: number;
}): RequestLogSettings => ({
  successSampleRate: env.LOG_SUCCESS_SAMPLE_RATE,
  slowRequestMs: env.LOG_SLOW_REQUEST_MS,
});

/** Safe to log: the password is masked. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded PostgreSQL in ${target.dataDir}`;
  const url = new URL(target.connectionString);
  if (url.password) url.password = "****";
  return url.toString();
}
