import { readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser, type Flag, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { resourceNames } from "../../stacks/config/resource-names.ts";
import { rdsCaBundleInImage } from "../../stacks/config/service-environment.ts";

const root = path.resolve(import.meta.dirname, "../..");
const read = (relative: string) => readFileSync(path.join(root, relative), "utf8");

/** Instructions grouped by build stage (each FROM starts one). */
function stagesOf(content: string): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    if (instruction.getKeyword() === "FROM") stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const argumentsOf = (instruction: Instruction | undefined) =>
  instruction?.getArgumentsContent() ?? "";

/** `--name=value` flags (COPY --from, HEALTHCHECK --interval…), which the arguments leave out. */
function flagsOf(instruction: Instruction | undefined): Record<string, string | null> {
  const withFlags = instruction as (Instruction & { getFlags?: () => Flag[] }) | undefined;
  return Object.fromEntries(
    (withFlags?.getFlags?.() ?? []).map((flag) => [flag.getName(), flag.getValue()]),
  );
}
const find = (stage: Instruction[], keyword: string) =>
  stage.filter((i) => i.getKeyword() === keyword);

/** `image:1.2.3…` or a digest: a rebuild next month gets the same base. */
const pinnedImage =
  /^[a-z0-9./-]+:(\d+\.\d+(\.\d+)?(-[a-z0-9.-]+)?)(\s+AS\s+\w+)?$|@sha256:[a-f0-9]{64}/i;

const services = Object.values(resourceNames("dev").appServices);

/** The one Node.js version StockWiz ships (CI and the workflows read the same file). */
const nodeVersion = read(".nvmrc").trim();

describe.each(services)("packages/$container/Dockerfile", ({ container, port }) => {
  const content = read(`packages/${container}/Dockerfile`);
  const stages = stagesOf(content);
  const runtime = stages.at(-1) ?? [];

  it("when linted then dockerfile-utils finds no problem", () => {
    expect(validate(content)).toEqual([]);
  });

  it("when parsed then it is multi-stage and every base image is pinned to a version", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(argumentsOf(stage[0])).toMatch(pinnedImage);
  });

  it("when built then every stage runs the Node.js of .nvmrc, the build stage on the builder's own platform", () => {
    expect(nodeVersion).toMatch(/^24\.\d+\.\d+$/);
    for (const stage of stages) {
      expect(argumentsOf(stage[0])).toMatch(new RegExp(`^node:${nodeVersion}-bookworm-slim `));
    }
    // Only the runtime stage is built for the task's platform: it copies files and runs nothing.
    for (const stage of stages.slice(0, -1)) {
      expect(flagsOf(stage[0])).toEqual({ platform: "$BUILDPLATFORM" });
    }
    expect(flagsOf(runtime[0])).toEqual({});
    expect(find(runtime, "RUN")).toEqual([]);
  });

  it("when built then the build stage bundles this service with scripts/bundle-services.ts", () => {
    const runs = stages.slice(0, -1).flatMap((stage) => find(stage, "RUN").map(argumentsOf));
    expect(runs).toContain(`npx tsx scripts/bundle-services.ts ${container}`);
  });

  it("when built then the build stage holds every repository file the bundle script imports", async () => {
    const { metafile } = await build({
      entryPoints: ["scripts/bundle-services.ts"],
      absWorkingDir: root,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const copies = stages
      .slice(0, -1)
      .flatMap((stage) => find(stage, "COPY"))
      .filter((copy) => flagsOf(copy).from === undefined)
      .flatMap((copy) => {
        const [dest = "", ...sources] = copy
          .getArguments()
          .map((arg) => arg.getValue())
          .reverse();
        return sources.map((source) => ({ source, dest }));
      });
    const copied = (file: string) =>
      copies.some(({ source, dest }) =>
        source.endsWith("/")
          ? dest === source && file.startsWith(source)
          : path.posix.join(dest, path.posix.basename(source)) === file,
      );
    expect(Object.keys(metafile.inputs).filter((file) => !copied(file))).toEqual([]);
  });

  it("when run then the image holds the single bundled file and runs it as a non-root user", () => {
    const copies = find(runtime, "COPY");
    // The gateway also ships the built dashboard and Swagger UI's files, served as they are.
    // Every service ships the RDS CA bundle where the stacks' PGSSLROOTCERT points.
    expect(argumentsOf(find(runtime, "WORKDIR").at(-1))).toBe("/app");
    const caBundle = `/repo/dist/certs/rds-ca-bundle.pem ./${path.posix.relative("/app", rdsCaBundleInImage)}`;
    const shipped =
      container === "api-gateway"
        ? [
            caBundle,
            `/repo/dist/${container}/index.mjs ./index.mjs`,
            "/repo/packages/web/dist ./web",
            "/repo/node_modules/swagger-ui-dist ./node_modules/swagger-ui-dist",
          ]
        : [caBundle, `/repo/dist/${container}/index.mjs ./index.mjs`];
    expect(copies.map(argumentsOf)).toEqual(shipped);
    for (const copy of copies)
      expect(flagsOf(copy)).toMatchObject({ from: "build", chown: "node:node" });
    const user = argumentsOf(find(runtime, "USER").at(-1));
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(user).not.toBe("");
  });

  it("when run then node is PID 1 (exec-form CMD) on the contract port", () => {
    expect(argumentsOf(find(runtime, "CMD").at(-1))).toBe('["node", "index.mjs"]');
    expect(find(runtime, "ENTRYPOINT")).toEqual([]);
    expect(find(runtime, "EXPOSE").map(argumentsOf)).toEqual([String(port)]);
  });

  it("when running then the HEALTHCHECK probes the service's own /health", () => {
    const healthcheck = find(runtime, "HEALTHCHECK").at(-1);
    expect(argumentsOf(healthcheck)).toMatch(/^CMD \["node", "-e", ".*\/health/);
    expect(flagsOf(healthcheck)).toMatchObject({ interval: "15s", timeout: "5s", retries: "3" });
  });
});

describe("packages/postgres-image/Dockerfile", () => {
  const content = read("packages/postgres-image/Dockerfile");
  const [stage = []] = stagesOf(content);

  it("when linted then dockerfile-utils finds no problem", () => {
    expect(validate(content)).toEqual([]);
  });

  it("when built then it is PostgreSQL 15, pinned, creating microservices_db", () => {
    expect(argumentsOf(stage[0])).toMatch(/^postgres:15\.\d+/);
    expect(argumentsOf(stage[0])).toMatch(pinnedImage);
    expect(find(stage, "ENV").map(argumentsOf)).toContain("POSTGRES_DB=microservices_db");
  });

  it("when running then it runs unprivileged and reports readiness with pg_isready over TCP, not the init-time socket", () => {
    expect(argumentsOf(find(stage, "USER").at(-1))).toBe("postgres");
    expect(argumentsOf(find(stage, "HEALTHCHECK").at(-1))).toContain("pg_isready -h 127.0.0.1 ");
  });
});
