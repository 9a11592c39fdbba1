import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambdas } from "../../scripts/bundle-services.ts";
import { resourceNames } from "../../stacks/config/resource-names.ts";
import {
  bootstrappedStacks,
  type LocalAwsStub,
  type RecordedCall,
  startLocalAwsStub,
} from "./aws-stub/local-aws-stub.ts";

// GitHub issue 13: `sst build` (the real CLI, as `sst deploy` builds) and `npm run synth` (offline,
// fake account) must write the same templates, for the same stage and settings.
const repositoryRoot = path.resolve(import.meta.dirname, "../..");
/** The account scripts/synth.ts gives its App; the stub's STS answers the same one. */
const fakeAccount = "123456789012";
const region = "us-east-1";
const settings = {
  STOCKWIZ_ALERT_EMAIL: "oncall@example.test",
  STOCKWIZ_IMAGE_TAG: "0123abc",
  STOCKWIZ_GITHUB_REPOSITORY: "octo-org/stockwiz",
};
const run = promisify(execFile);
const bin = (name: string) => path.join(repositoryRoot, "node_modules", ".bin", name);
// The bootstrap stage (the account's prerequisites) is chosen in sst.config.ts and scripts/synth.ts
// alike; pr-42 is a serverless stage, whose SST Functions SST bundles itself (issue 14).
const stages = ["dev", "prod", "bootstrap", "pr-42"] as const;
// Bundling and synthesis in a child process: on a busy 2-core machine that outlasts vitest's default.
const childProcessTimeoutMs = 300_000;

/** What sst build asks AWS before synthesizing: who am I, and are CDK and SST bootstrapped. */
const expectedCalls: RecordedCall[] = [
  { service: "cloudformation", action: "DescribeStacks", params: { StackName: "CDKToolkit" } },
  { service: "cloudformation", action: "DescribeStacks", params: { StackName: "SSTBootstrap" } },
  { service: "sts", action: "GetCallerIdentity", params: {} },
];

let stub: LocalAwsStub;
/** This file's scratch folder: a HOME, and one cloud assembly per path and stage. */
let workDir: string;

/**
 * The same inputs for both paths: the machine's environment stripped of whatever steers AWS,
 * CDK, SST or StockWiz, then the region and settings under test, no credential files, and a
 * fresh HOME (no ~/.cdk.json context, no telemetry id written). NODE_ENV goes too: vitest sets
 * it to "test", which makes SST skip its bootstrap lookup.
 */
function sharedEnvironment(): NodeJS.ProcessEnv {
  const steering = /^(AWS_|CDK_|SST_|STOCKWIZ_|NODE_ENV$|XDG_CONFIG_HOME$)/;
  const home = path.join(workDir, "home");
  mkdirSync(home, { recursive: true });
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !steering.test(key))),
    ...settings,
    AWS_REGION: region,
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    SST_TELEMETRY_DISABLED: "1",
    HOME: home,
  };
}

/** Static fake credentials; every AWS endpoint, not only STS and CloudFormation, is the stub. */
function cliEnvironment(): NodeJS.ProcessEnv {
  return {
    ...sharedEnvironment(),
    AWS_ACCESS_KEY_ID: "AKIAOFFLINESTUBKEY00",
    AWS_SECRET_ACCESS_KEY: "offline-stub-secret",
    AWS_ENDPOINT_URL: stub.url,
    AWS_ENDPOINT_URL_STS: stub.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: stub.url,
  };
}

/** A cloud assembly's templates (or asset manifests: suffix ".assets.json"), parsed, by file name. */
function assemblyDocuments(dir: string, suffix = ".template.json"): Record<string, unknown> {
  const files = readdirSync(dir).filter((file) => file.endsWith(suffix));
  return Object.fromEntries(
    files.sort().map((file) => [file, JSON.parse(readFileSync(path.join(dir, file), "utf8"))]),
  );
}

// SST asks for both bootstrap stacks at once, in no fixed order: compare the calls as a set.
const canonicalOrder = (a: RecordedCall, b: RecordedCall) =>
  JSON.stringify(a).localeCompare(JSON.stringify(b));

interface CliBuild {
  readonly exitCode: number;
  readonly output: string;
  /** The AWS calls it made. */
  readonly calls: readonly RecordedCall[];
  /** The cloud assembly it wrote. */
  readonly assemblyDir: string;
}

const cliBuilds = new Map<string, Promise<CliBuild>>();

/**
 * `sst build --stage <stage>`, once per stage whichever test asks first. SST always writes its
 * types and log under <root>/.sst; the assembly goes to its own folder.
 */
function sstBuild(stage: string): Promise<CliBuild> {
  const started =
    cliBuilds.get(stage) ??
    (async () => {
      const assemblyDir = path.join(workDir, "sst-build", stage);
      const firstCall = stub.calls.length;
      const result = await run(bin("sst"), ["build", "--stage", stage, "--to", assemblyDir], {
        cwd: repositoryRoot,
        env: cliEnvironment(),
      }).then(
        ({ stdout, stderr }) => ({ exitCode: 0, output: stdout + stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          exitCode: error.code ?? 1,
          output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
        }),
      );
      return { ...result, calls: stub.calls.slice(firstCall), assemblyDir };
    })();
  cliBuilds.set(stage, started);
  return started;
}

const sha256Of = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every file under a folder, by its path inside it, as a SHA-256 of its bytes. */
function fileDigests(folder: string): Record<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
  return Object.fromEntries(files.sort().map((file) => [file, sha256Of(path.join(folder, file))]));
}

/**
 * The folder a deploy zips and uploads as a function's code: the template's `Code.S3Key` names
 * the asset, the stack's asset manifest says where it lies in the assembly.
 */
function functionCodeFolder(assemblyDir: string, stackName: string, functionName: string) {
  const template = JSON.parse(
    readFileSync(path.join(assemblyDir, `${stackName}.template.json`), "utf8"),
  ) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  const fn = Object.values(template.Resources).find(
    (resource) =>
      resource.Type === "AWS::Lambda::Function" &&
      resource.Properties.FunctionName === functionName,
  );
  if (!fn) throw new Error(`${stackName} has no function ${functionName}`);
  const code = fn.Properties.Code as { S3Key: string };
  const manifest = JSON.parse(
    readFileSync(path.join(assemblyDir, `${stackName}.assets.json`), "utf8"),
  ) as { files: Record<string, { source: { path: string; packaging: string } }> };
  const asset = manifest.files[code.S3Key.replace(/\.zip$/, "")];
  if (asset?.source.packaging !== "zip") throw new Error(`${code.S3Key}: no zipped folder`);
  return { handler: fn.Properties.Handler, folder: path.join(assemblyDir, asset.source.path) };
}

beforeAll(async () => {
  stub = await startLocalAwsStub({
    account: fakeAccount,
    region,
    stacks: bootstrappedStacks(fakeAccount, region),
  });
  workDir = mkdtempSync(path.join(tmpdir(), "stockwiz-sst-cli-build-"));
  await run(bin("tsx"), ["scripts/synth.ts", ...stages, "--out", path.join(workDir, "synth")], {
    cwd: repositoryRoot,
    env: sharedEnvironment(),
  });
}, childProcessTimeoutMs);

afterAll(async () => {
  await stub?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("sst build, the real CLI against a local AWS stub", () => {
  it.each(stages)(
    "when sst build --stage %s runs then its templates equal npm run synth's",
    async (stage) => {
      const result = await sstBuild(stage);
      const cliOut = result.assemblyDir;

      expect([...result.calls].sort(canonicalOrder)).toEqual(
        [...expectedCalls].sort(canonicalOrder),
      );
      expect(result.exitCode, result.output).toBe(0);
      const synthDir = path.join(workDir, "synth", stage);
      const built = assemblyDocuments(cliOut);
      const synthesized = assemblyDocuments(synthDir);
      expect(Object.keys(built)).not.toEqual([]);
      expect(Object.keys(built)).toEqual(Object.keys(synthesized));
      for (const [file, template] of Object.entries(built)) {
        expect(template, file).toEqual(synthesized[file]);
      }
      // Templates first, for the readable difference; then what a deploy would upload.
      expect(assemblyDocuments(cliOut, ".assets.json")).toEqual(
        assemblyDocuments(synthDir, ".assets.json"),
      );
    },
    childProcessTimeoutMs,
  );
});

// GitHub issue 14: the local ALB, the tests and the bench run what npm run bundle:lambda writes;
// AWS runs what SST bundled. Both take the functions' esbuild options and the same esbuild, and
// the same files beside the bundle: the folders must be the same, file for file, byte for byte.
describe("the functions sst build deploys to a serverless stage", () => {
  const stage = "pr-42";

  it(
    "when sst build --stage pr-42 bundles the ALB's three targets and the scheduled function then each one's code is the folder npm run bundle:lambda writes, byte for byte",
    async () => {
      const built = await sstBuild(stage);
      expect(built.exitCode, built.output).toBe(0);
      // After the CLI: the two would otherwise both build the dashboard when it is stale.
      const bundledDir = path.join(workDir, "bundle-lambda");
      await bundleLambdas(undefined, bundledDir);

      const names = resourceNames(stage);
      const functions = [
        ...Object.values(names.appServices).map(({ container, function: functionName }) => ({
          folder: container,
          functionName,
        })),
        { folder: "inventory-periodic", functionName: names.inventoryPeriodicFunction },
      ];
      expect(functions.map(({ folder }) => folder).sort()).toEqual(
        readdirSync(path.join(bundledDir, "lambda")).sort(),
      );
      for (const { folder, functionName } of functions) {
        const deployed = functionCodeFolder(
          built.assemblyDir,
          `${stage}-stockwiz-Service`,
          functionName,
        );
        const bundled = fileDigests(path.join(bundledDir, "lambda", folder));
        expect(deployed.handler, functionName).toBe("index.handler");
        expect(Object.keys(bundled), folder).toContain("index.mjs");
        expect(fileDigests(deployed.folder), functionName).toEqual(bundled);
      }
    },
    childProcessTimeoutMs,
  );
});
