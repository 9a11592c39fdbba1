import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../src/config/parse-env.ts";
import { databaseTarget, storeEnvSchema } from "../src/config/store-config.ts";
import { connectPostgres } from "../src/database/connect-postgres.ts";
import { rdsAuthToken } from "../src/database/rds-auth-token.ts";
import { createLogger } from "../src/logger.ts";

// RDS IAM authentication (issue 14): the serverless stages' functions sign a token per connection.
const silent = createLogger({ level: "silent", name: "test" });
const target = (env: NodeJS.ProcessEnv) => databaseTarget(parseEnv(storeEnvSchema, env));
const iamEnv = {
  DB_IAM_AUTH: "true",
  DB_HOST: "db.cluster-abc.us-east-1.rds.amazonaws.com",
  DB_USER: "stockwiz_app",
  PGSSLMODE: "require",
  AWS_REGION: "us-east-1",
};

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Fake credentials: signing is local arithmetic, no AWS call is made. */
function stubCredentials() {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  vi.stubEnv("AWS_SESSION_TOKEN", "");
}

describe("IAM authentication settings", () => {
  it("when DB_IAM_AUTH is on then the target signs for the region and carries no password", () => {
    const iam = target(iamEnv);
    expect(iam).toMatchObject({ kind: "postgres", iamAuth: { region: "us-east-1" } });
    if (iam.kind !== "postgres") throw new Error("postgres expected");
    expect(new URL(iam.connectionString).password).toBe("");
    expect(new URL(iam.connectionString).username).toBe("stockwiz_app");
  });

  it("when DB_IAM_AUTH is on then DB_HOST and AWS_REGION are required and DB_PASSWORD and DATABASE_URL refused", () => {
    const { DB_HOST: _host, AWS_REGION: _region, ...bare } = iamEnv;
    expect(() => target(bare)).toThrow(/DB_HOST: is required[\s\S]*AWS_REGION: is required/);
    expect(() => target({ ...iamEnv, DB_PASSWORD: "hunter2" })).toThrow(
      /DB_PASSWORD: must be unset/,
    );
    expect(() => target({ ...iamEnv, DATABASE_URL: "postgres://u@db/x" })).toThrow(
      /DATABASE_URL: must be unset/,
    );
  });

  it("when DB_IAM_AUTH is on without TLS then the settings are refused: RDS takes tokens over TLS only", () => {
    expect(() => target({ ...iamEnv, PGSSLMODE: "disable" })).toThrow(/PGSSLMODE: must enable TLS/);
    const { PGSSLMODE: _mode, ...withoutMode } = iamEnv;
    expect(() => target(withoutMode)).toThrow(/PGSSLMODE/);
  });

  it("when nothing says otherwise then a service migrates on start and waits 2 s for a connection", () => {
    expect(target({ DB_HOST: "db", DB_PASSWORD: "p" })).toMatchObject({
      migrateOnStart: true,
      connectTimeoutMs: 2_000,
    });
    expect(
      target({
        DB_HOST: "db",
        DB_PASSWORD: "p",
        DB_MIGRATE_ON_START: "false",
        DB_CONNECT_TIMEOUT_MS: "20000",
      }),
    ).toMatchObject({ migrateOnStart: false, connectTimeoutMs: 20_000 });
    expect(() => target({ DB_IAM_AUTH: "maybe" })).toThrow(/DB_IAM_AUTH/);
  });
});

describe("the signed token", () => {
  it("when a token is signed then it is a SigV4 presigned rds-db connect request for that user, host and region", async () => {
    stubCredentials();
    const token = await rdsAuthToken({
      hostname: iamEnv.DB_HOST,
      port: 5432,
      username: "stockwiz_app",
      region: "us-east-1",
    })();
    expect(token.startsWith(`${iamEnv.DB_HOST}:5432/?`)).toBe(true);
    const query = new URLSearchParams(token.slice(token.indexOf("?") + 1));
    expect(query.get("Action")).toBe("connect");
    expect(query.get("DBUser")).toBe("stockwiz_app");
    expect(query.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(query.get("X-Amz-Expires")).toBe("900");
    expect(query.get("X-Amz-Credential")).toMatch(
      /^AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/rds-db\/aws4_request$/,
    );
    expect(query.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });
});

/**
 * Speaks just enough of PostgreSQL's protocol to ask for a cleartext password and record it,
 * then refuses the login: what the pool sends on the wire, without an AWS account.
 */
async function startPasswordRecorder(): Promise<{
  server: Server;
  port: number;
  passwords: string[];
}> {
  const passwords: string[] = [];
  const server = createServer((socket: Socket) => {
    let buffered = Buffer.alloc(0);
    let started = false;
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!started && buffered.length >= 4 && buffered.length >= buffered.readInt32BE(0)) {
        buffered = buffered.subarray(buffered.readInt32BE(0));
        started = true;
        // AuthenticationCleartextPassword
        socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
      }
      if (started && buffered.length >= 5 && buffered[0] === 0x70) {
        const length = buffered.readInt32BE(1);
        if (buffered.length < length + 1) return;
        passwords.push(buffered.subarray(5, length).toString("utf8").replace(/\0$/, ""));
        const fields = Buffer.from("SFATAL\0C28P01\0Mrecorded\0\0");
        const error = Buffer.alloc(5);
        error.write("E");
        error.writeInt32BE(fields.length + 4, 1);
        socket.end(Buffer.concat([error, fields]));
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, passwords };
}

describe("connections with IAM authentication", () => {
  it("when the pool opens connections then each one sends a freshly signed token as its password", async () => {
    stubCredentials();
    const recorder = await startPasswordRecorder();
    const db = connectPostgres(
      {
        connectionString: `postgres://stockwiz_app@127.0.0.1:${recorder.port}/microservices_db`,
        poolMax: 1,
        iamAuth: { region: "us-east-1" },
      },
      silent,
    );
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await expect(sql`select 1`.execute(db)).rejects.toThrow(/recorded/);
      }
    } finally {
      await db.destroy();
      recorder.server.close();
    }
    expect(recorder.passwords).toHaveLength(2);
    for (const password of recorder.passwords) {
      expect(password).toMatch(/^127\.0\.0\.1:\d+\/\?Action=connect&DBUser=stockwiz_app&/);
    }
  });
});
