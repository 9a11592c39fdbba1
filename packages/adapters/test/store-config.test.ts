import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  databaseTarget,
  describeDatabaseTarget,
  parseEnv,
  storeEnvSchema,
} from "../src/index.ts";

const target = (env: NodeJS.ProcessEnv) => databaseTarget(parseEnv(storeEnvSchema, env));

describe("store configuration", () => {
  it("when nothing is configured then the embedded database in ./.data is used", () => {
    expect(target({})).toEqual({ kind: "embedded", dataDir: "./.data" });
  });

  it("when DATABASE_URL is set then it wins", () => {
    expect(
      target({ DATABASE_URL: "postgres://u:p@db:5432/x", DB_HOST: "other", DB_PASSWORD: "p" }),
    ).toMatchObject({
      kind: "postgres",
      connectionString: "postgres://u:p@db:5432/x",
    });
  });

  it("when the legacy DB_* variables are set then they make the URL, with legacy defaults", () => {
    expect(target({ DB_HOST: "localhost", DB_PASSWORD: "s3cr#t" })).toMatchObject({
      kind: "postgres",
      connectionString: "postgres://admin:s3cr%23t@localhost:5432/microservices_db",
    });
  });

  it("when DB_HOST is set without a password then the error names DB_PASSWORD", () => {
    expect(() => target({ DB_HOST: "localhost" })).toThrow(/DB_PASSWORD/);
  });

  it("when a value is wrong then a ConfigError names the variable", () => {
    expect(() => parseEnv(storeEnvSchema, { DB_PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseEnv(storeEnvSchema, { DB_PORT: "eighty" })).toThrow(/DB_PORT/);
    expect(() => parseEnv(storeEnvSchema, { DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("when REDIS_URL is a bare host:port as legacy allowed then it becomes a redis URL", () => {
    expect(parseEnv(storeEnvSchema, { REDIS_URL: "cache:6379" }).REDIS_URL).toBe(
      "redis://cache:6379",
    );
    expect(parseEnv(storeEnvSchema, { REDIS_URL: "redis://cache:6380" }).REDIS_URL).toBe(
      "redis://cache:6380",
    );
  });

  it("when the target is described for a log then the password is masked", () => {
    const described = describeDatabaseTarget(target({ DATABASE_URL: "postgres://u:hunter2@db/x" }));
    expect(described).not.toContain("hunter2");
    expect(described).toContain("db");
  });
});

describe("store configuration: TLS to PostgreSQL", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stockwiz-tls-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
  const caFile = path.join(dir, "ca.pem");
  const otherCaFile = path.join(dir, "other-ca.pem");
  const notPem = path.join(dir, "not-a-certificate.txt");
  writeFileSync(caFile, pem);
  writeFileSync(otherCaFile, pem.replace("fake", "other"));
  writeFileSync(notPem, "hello\n");
  const missing = path.join(dir, "missing.pem");

  const legacy = { DB_HOST: "db", DB_PASSWORD: "hunter2" };
  const url = (query: string) => `postgres://u:hunter2@db:5432/x${query}`;
  const tlsOf = (env: NodeJS.ProcessEnv) => {
    const resolved = target(env);
    if (resolved.kind !== "postgres") throw new Error("expected PostgreSQL");
    return resolved.tls;
  };
  const configError = (env: NodeJS.ProcessEnv) => {
    try {
      target(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain("hunter2");
      return (error as Error).message;
    }
    throw new Error("expected a ConfigError");
  };

  it("when nothing says otherwise then no TLS, as before", () => {
    expect(tlsOf(legacy)).toEqual({ mode: "disable" });
    expect(tlsOf({ DATABASE_URL: url("") })).toEqual({ mode: "disable" });
  });

  it("when PGSSLMODE is set on the DB_* form then it is used, and PGSSLROOTCERT is read", () => {
    expect(tlsOf({ ...legacy, PGSSLMODE: "require" })).toEqual({ mode: "require" });
    expect(tlsOf({ ...legacy, PGSSLMODE: "verify-full" })).toEqual({ mode: "verify-full" });
    expect(tlsOf({ ...legacy, PGSSLMODE: "verify-ca", PGSSLROOTCERT: caFile })).toEqual({
      mode: "verify-ca",
      ca: pem,
      caSource: `PGSSLROOTCERT=${caFile}`,
    });
  });

  it("when PGSSLMODE is not a libpq mode then the ConfigError names PGSSLMODE and the modes", () => {
    const message = configError({ ...legacy, PGSSLMODE: "on" });
    expect(message).toMatch(/PGSSLMODE: must be one of disable, require, verify-ca, verify-full/);
  });

  it.each(["allow", "prefer"])(
    "when PGSSLMODE is %s then it is refused: node-postgres cannot fall back to plain",
    (mode) => {
      expect(configError({ ...legacy, PGSSLMODE: mode })).toMatch(
        new RegExp(`PGSSLMODE: "${mode}" is not supported: .*cannot fall back`),
      );
    },
  );

  it("when DATABASE_URL has sslmode then it wins over PGSSLMODE, as in libpq", () => {
    expect(tlsOf({ DATABASE_URL: url("?sslmode=require"), PGSSLMODE: "disable" })).toEqual({
      mode: "require",
    });
    expect(tlsOf({ DATABASE_URL: url("?sslmode=disable"), PGSSLMODE: "verify-full" })).toEqual({
      mode: "disable",
    });
  });

  it("when DATABASE_URL lacks a TLS parameter then its PGSSL* variable fills in, one by one", () => {
    expect(tlsOf({ DATABASE_URL: url(""), PGSSLMODE: "require" })).toEqual({ mode: "require" });
    expect(
      tlsOf({ DATABASE_URL: url("?sslmode=verify-full"), PGSSLROOTCERT: caFile }),
    ).toMatchObject({ mode: "verify-full", caSource: `PGSSLROOTCERT=${caFile}` });
    expect(
      tlsOf({ DATABASE_URL: url(`?sslrootcert=${caFile}`), PGSSLMODE: "verify-ca" }),
    ).toMatchObject({ mode: "verify-ca", caSource: `sslrootcert=${caFile}` });
  });

  it("when DATABASE_URL has sslrootcert then it wins over PGSSLROOTCERT", () => {
    const tls = tlsOf({
      DATABASE_URL: url(`?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`),
      PGSSLROOTCERT: otherCaFile,
    });
    expect(tls).toEqual({ mode: "verify-full", ca: pem, caSource: `sslrootcert=${caFile}` });
  });

  it("when DATABASE_URL's sslmode is wrong then the error names DATABASE_URL and sslmode", () => {
    expect(configError({ DATABASE_URL: url("?sslmode=prefer") })).toMatch(
      /DATABASE_URL: sslmode: "prefer" is not supported/,
    );
    expect(configError({ DATABASE_URL: url("?sslmode=verify") })).toMatch(
      /DATABASE_URL: sslmode: must be one of/,
    );
  });

  it("when the root certificate file is missing then the error names the variable and the path", () => {
    expect(configError({ ...legacy, PGSSLMODE: "verify-full", PGSSLROOTCERT: missing })).toContain(
      `PGSSLROOTCERT: cannot read the CA bundle ${missing} (ENOENT)`,
    );
    expect(
      configError({ DATABASE_URL: url(`?sslmode=verify-full&sslrootcert=${missing}`) }),
    ).toContain(`DATABASE_URL: sslrootcert: cannot read the CA bundle ${missing} (ENOENT)`);
    expect(configError({ ...legacy, PGSSLMODE: "require", PGSSLROOTCERT: notPem })).toContain(
      `PGSSLROOTCERT: ${notPem} holds no PEM certificate`,
    );
  });

  it("when TLS is disabled then the root certificate is not read, as in libpq", () => {
    expect(tlsOf({ ...legacy, PGSSLMODE: "disable", PGSSLROOTCERT: missing })).toEqual({
      mode: "disable",
    });
  });

  it("when verify-ca has no root certificate then PGSSLROOTCERT is asked for", () => {
    expect(configError({ ...legacy, PGSSLMODE: "verify-ca" })).toMatch(
      /PGSSLROOTCERT: is required with sslmode verify-ca/,
    );
  });

  it("when a root certificate comes without a mode then PGSSLMODE is asked for", () => {
    expect(configError({ ...legacy, PGSSLROOTCERT: caFile })).toMatch(/PGSSLMODE: must be set/);
  });

  it("when sslrootcert is system then Node's CAs are trusted, with verify-full only", () => {
    expect(tlsOf({ ...legacy, PGSSLROOTCERT: "system" })).toEqual({
      mode: "verify-full",
      caSource: "PGSSLROOTCERT=system",
    });
    expect(configError({ DATABASE_URL: url("?sslmode=require&sslrootcert=system") })).toMatch(
      /DATABASE_URL: sslrootcert: "system" needs sslmode verify-full/,
    );
  });

  it("when DATABASE_URL has node-postgres' own TLS parameters then they are refused", () => {
    expect(configError({ DATABASE_URL: url("?ssl=true") })).toMatch(/DATABASE_URL: ssl /);
    expect(configError({ DATABASE_URL: url(`?sslmode=require&sslcert=${caFile}`) })).toMatch(
      /DATABASE_URL: sslcert .*not supported/,
    );
  });

  it("when the embedded database is used then the TLS variables are not looked at", () => {
    expect(target({ PGSSLMODE: "prefer" })).toEqual({ kind: "embedded", dataDir: "./.data" });
  });
});
