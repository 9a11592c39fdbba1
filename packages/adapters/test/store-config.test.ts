import { describe, expect, it } from "vitest";
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
