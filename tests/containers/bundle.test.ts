import { type ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createSecureContext } from "node:tls";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServices } from "../../scripts/bundle-services.ts";

// What the image's CMD runs: `node index.mjs` alone in a folder, no node_modules anywhere above it.
const databaseUrl = "postgres://postgres@127.0.0.1:5432/test";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

async function ensureDatabaseExists(): Promise<void> {
  const client = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = 'test'");
    if (found.rowCount === 0) await client.query("create database test");
  } finally {
    await client.end();
  }
}

/** Polls until the server answers or the process dies; readiness, not a timing guess. */
async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await delay(100);
    }
  }
  throw new Error("service never answered");
}

let bundleFile: string;
let caBundleFile: string;
let child: ChildProcess;
let port: number;
let output = "";

beforeAll(async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "stockwiz-image-"));
  [bundleFile, caBundleFile] = (await bundleServices(["product-service"], outDir)) as [
    string,
    string,
  ];
  await ensureDatabaseExists();
  port = await freePort();
  child = spawn(process.execPath, ["index.mjs"], {
    cwd: path.dirname(bundleFile),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
});

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
});

describe("product-service container bundle", () => {
  it("when bundled then the embedded database stays out: PGlite is only imported dynamically", () => {
    const bundle = readFileSync(bundleFile, "utf8");
    expect(bundle).not.toMatch(/from\s+["']@electric-sql\/pglite["']/);
    expect(bundle).toMatch(/import\(\s*["']@electric-sql\/pglite["']\s*\)/);
  });

  it("when bundled then certs/rds-ca-bundle.pem holds the RDS CAs, one PEM file Node can load", () => {
    expect(path.relative(path.dirname(path.dirname(bundleFile)), caBundleFile)).toBe(
      path.join("certs", "rds-ca-bundle.pem"),
    );
    const pem = readFileSync(caBundleFile, "utf8");
    const certificates =
      pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    expect(certificates.length).toBeGreaterThan(10);
    expect(pem.endsWith("-----END CERTIFICATE-----\n")).toBe(true);
    const subjects = certificates.map((certificate) => new X509Certificate(certificate).subject);
    expect(subjects.some((subject) => subject.includes("Amazon RDS"))).toBe(true);
    expect(() => createSecureContext({ ca: pem })).not.toThrow();
  });

  it("when started like the image's CMD then GET /health answers 200 healthy", async () => {
    const response = await waitForHealth(`http://127.0.0.1:${port}/health`, child);
    expect(response.status, output).toBe(200);
    expect(await response.json()).toMatchObject({ status: "healthy", service: "product-service" });
  });

  it("when sent SIGTERM then it drains and exits 0 by itself", async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
  });
});
