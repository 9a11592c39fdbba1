import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSecureContext } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServices } from "../../scripts/bundle-services.ts";
import { freePorts } from "../kit/free-ports.ts";
import { type LaunchedProcess, launchNode } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";

// What the image's CMD runs: `node index.mjs` alone in a folder, no node_modules anywhere above it.

let bundleFile: string;
let caBundleFile: string;
let database: ScratchDatabase;
let service: LaunchedProcess;
let baseUrl: string;

beforeAll(async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "stockwiz-image-"));
  [bundleFile, caBundleFile] = (await bundleServices(["product-service"], outDir)) as [
    string,
    string,
  ];
  database = await createScratchDatabase();
  const [port] = await freePorts(1);
  baseUrl = `http://127.0.0.1:${port}`;
  service = launchNode("index.mjs", {
    name: "product-service bundle",
    cwd: path.dirname(bundleFile),
    env: { NODE_ENV: "production", DATABASE_URL: database.url, PORT: String(port) },
  });
});

afterAll(async () => {
  await service?.stop();
  await database?.drop();
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
    // Its first answer, whatever it is: readiness, not a timing guess.
    const answer = await waitForHealth(service, baseUrl, { ready: () => true });
    expect(answer.status, service.output()).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      status: "healthy",
      service: "product-service",
    });
  });

  it("when sent SIGTERM then it drains and exits 0 by itself", async () => {
    const { code } = await service.stop();
    expect(code, service.output()).toBe(0);
  });
});
