import { DatabaseStartError, openStores, parseEnv, storeEnvSchema } from "@stockwiz/adapters";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../kit/stores/test-stores.ts";
import { startTlsPostgres, type TlsPostgres } from "../kit/stores/tls-postgres.ts";

// libpq's sslmode semantics against a real PostgreSQL that accepts TLS only, through the path a
// service starts by: its environment, parsed, then openStores. The server's certificate comes
// from a private CA and names `localhost` only, so 127.0.0.1 is a host name it does not hold.

let server: TlsPostgres;

beforeAll(async () => {
  server = await startTlsPostgres();
});
afterAll(async () => {
  await server?.stop();
});

/** The legacy DB_* form, with a password the server never asks for (trust), to see it masked. */
const legacyEnv = (host: string, tls: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  DB_HOST: host,
  DB_PORT: String(server.port),
  DB_USER: "postgres",
  DB_PASSWORD: "hunter2",
  DB_NAME: "postgres",
  DB_POOL_MAX: "1",
  ...tls,
});
const urlEnv = (host: string, query: string): NodeJS.ProcessEnv => ({
  DATABASE_URL: `postgres://postgres:hunter2@${host}:${server.port}/postgres${query}`,
  DB_POOL_MAX: "1",
});

/** Starts as a service does; answers whether the session it got is encrypted. */
async function sessionIsTls(env: NodeJS.ProcessEnv): Promise<boolean> {
  const stores = await openStores(parseEnv(storeEnvSchema, env), silentLogger);
  try {
    const { rows } = await sql<{ ssl: boolean }>`
      select ssl from pg_stat_ssl where pid = pg_backend_pid()`.execute(stores.deps.db);
    return rows[0]?.ssl === true;
  } finally {
    await stores.close();
  }
}

/** Starts as a service does, expecting the start to fail; answers the error. */
async function startFailure(env: NodeJS.ProcessEnv): Promise<Error> {
  const error = await openStores(parseEnv(storeEnvSchema, env), silentLogger).then(
    async (stores) => {
      await stores.close();
      throw new Error("the service started");
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DatabaseStartError);
  expect((error as Error).message).not.toContain("hunter2");
  return error as Error;
}

describe("PGSSLMODE on the DB_* form, against a server that takes TLS only", () => {
  it("when disable then the server refuses the plain connection, and the message says it wants TLS", async () => {
    const error = await startFailure(legacyEnv("localhost", { PGSSLMODE: "disable" }));
    expect(error.message).toContain("no encryption");
    expect(error.message).toContain("the server wants TLS: set PGSSLMODE");
    expect(error.message).toContain(`postgres://postgres:****@localhost:${server.port}/postgres`);
  });

  it("when require then it connects over TLS though the server's CA is known to nobody", async () => {
    expect(await sessionIsTls(legacyEnv("localhost", { PGSSLMODE: "require" }))).toBe(true);
  });

  it("when verify-ca with the server's CA then it connects over TLS", async () => {
    const env = legacyEnv("localhost", { PGSSLMODE: "verify-ca", PGSSLROOTCERT: server.caFile });
    expect(await sessionIsTls(env)).toBe(true);
  });

  it("when verify-full with the server's CA and the host name on its certificate then it connects", async () => {
    const env = legacyEnv("localhost", { PGSSLMODE: "verify-full", PGSSLROOTCERT: server.caFile });
    expect(await sessionIsTls(env)).toBe(true);
  });

  it("when verify-full with a host name the certificate does not hold then it is refused as TLS", async () => {
    const env = legacyEnv("127.0.0.1", { PGSSLMODE: "verify-full", PGSSLROOTCERT: server.caFile });
    const error = await startFailure(env);
    expect(error.message).toMatch(/^TLS to the database failed: .*127\.0\.0\.1/);
    expect(error.message).toContain(`postgres://postgres:****@127.0.0.1:${server.port}/postgres`);
    expect(error.message).toContain(`sslmode verify-full, CA from PGSSLROOTCERT=${server.caFile}`);
  });

  it("when verify-ca with that same host name then it connects: only the chain is checked", async () => {
    const env = legacyEnv("127.0.0.1", { PGSSLMODE: "verify-ca", PGSSLROOTCERT: server.caFile });
    expect(await sessionIsTls(env)).toBe(true);
  });

  it("when the root certificate is another CA then the start fails naming TLS and the database", async () => {
    const env = legacyEnv("localhost", {
      PGSSLMODE: "verify-full",
      PGSSLROOTCERT: server.otherCaFile,
    });
    const error = await startFailure(env);
    expect(error.message).toMatch(/^TLS to the database failed: /);
    expect(error.message).toContain(`postgres://postgres:****@localhost:${server.port}/postgres`);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("when require comes with another CA's root certificate then the chain is checked, as libpq does", async () => {
    const env = legacyEnv("localhost", { PGSSLMODE: "require", PGSSLROOTCERT: server.otherCaFile });
    expect((await startFailure(env)).message).toMatch(/^TLS to the database failed: /);
  });
});

describe("sslmode and sslrootcert in DATABASE_URL", () => {
  it("when verify-full with the server's CA then it connects over TLS", async () => {
    const env = urlEnv("localhost", `?sslmode=verify-full&sslrootcert=${server.caFile}`);
    expect(await sessionIsTls(env)).toBe(true);
  });

  it("when verify-full with another CA then the start fails naming TLS and the masked URL", async () => {
    const query = `?sslmode=verify-full&sslrootcert=${server.otherCaFile}`;
    const error = await startFailure(urlEnv("localhost", query));
    expect(error.message).toMatch(/^TLS to the database failed: /);
    expect(error.message).toContain(`postgres://postgres:****@localhost:${server.port}/postgres`);
    expect(error.message).toContain(`CA from sslrootcert=${server.otherCaFile}`);
  });

  it("when require with no CA then it connects: libpq's meaning, not node-postgres' own verify", async () => {
    expect(await sessionIsTls(urlEnv("localhost", "?sslmode=require"))).toBe(true);
  });

  it("when the URL says verify-ca and PGSSLMODE says disable then the URL wins, over TLS", async () => {
    const env = {
      ...urlEnv("127.0.0.1", `?sslmode=verify-ca&sslrootcert=${server.caFile}`),
      PGSSLMODE: "disable",
    };
    expect(await sessionIsTls(env)).toBe(true);
  });
});
