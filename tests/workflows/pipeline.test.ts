import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stageConfigFor } from "../../stacks/config/stage-config.ts";
import { testSettings } from "../infra/synthesize-stage.ts";

// What the workflows must agree on with the stacks and the Dockerfiles (issue 13).
const root = path.resolve(import.meta.dirname, "../..");
const folder = path.join(root, ".github/workflows");

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly if?: string;
  readonly environment?: string | { readonly name: string };
  readonly steps?: Step[];
}

const workflows = readdirSync(folder)
  .filter((file) => file.endsWith(".yml"))
  .map((file) => {
    const text = readFileSync(path.join(folder, file), "utf8");
    return { file, text, jobs: (parse(text).jobs ?? {}) as Record<string, Job> };
  });
const stepsOf = (file: string, job: string): Step[] =>
  workflows.find((workflow) => workflow.file === file)?.jobs[job]?.steps ?? [];
const everyStep = workflows.flatMap(({ file, jobs }) =>
  Object.values(jobs).flatMap((job) => (job.steps ?? []).map((step) => ({ file, step }))),
);

describe("the pipeline's workflows", () => {
  it("when read then there are the four workflows", () => {
    expect(workflows.map((workflow) => workflow.file).sort()).toEqual([
      "ci.yml",
      "deploy-dev.yml",
      "deploy-prod.yml",
      "preview.yml",
    ]);
  });

  it("when Node.js is set up then it is the version of .nvmrc, the one the images and Lambdas ship", () => {
    const setups = everyStep.filter(({ step }) => step.uses?.startsWith("actions/setup-node@"));
    expect(setups.length).toBeGreaterThan(0);
    for (const { step } of setups) {
      expect(step.with?.["node-version-file"]).toBe(".nvmrc");
      expect(step.with?.["node-version"]).toBeUndefined();
    }
  });

  it("when an image is built then it is for the task's CPU architecture", () => {
    const architecture = stageConfigFor("dev", testSettings).service.cpuArchitecture;
    const builds = everyStep.filter(({ step }) =>
      step.uses?.startsWith("docker/build-push-action@"),
    );
    expect(builds.map(({ file }) => file).sort()).toEqual(["ci.yml", "deploy-dev.yml"]);
    for (const { step } of builds) expect(step.with?.platforms).toBe(`linux/${architecture}`);
  });

  it("when images are tagged then no workflow names `latest`: tags are immutable commit SHAs", () => {
    for (const { text } of workflows) expect(text).not.toMatch(/:latest\b|\blatest`/);
    const push = stepsOf("deploy-dev.yml", "images").find((step) =>
      step.uses?.startsWith("docker/build-push-action@"),
    );
    expect(push?.with?.tags).toMatch(/:\$\{\{ env\.IMAGE_TAG \}\}$/);
  });

  it("when a deploy is re-run for the same commit then an image already pushed is not pushed again", () => {
    const steps = stepsOf("deploy-dev.yml", "images");
    const check = steps.find((step) => step.id === "pushed");
    expect(check?.run).toContain('aws ecr describe-images --repository-name "$REPOSITORY"');
    for (const uses of ["docker/setup-buildx-action@", "docker/build-push-action@"]) {
      const step = steps.find((candidate) => candidate.uses?.startsWith(uses));
      expect(step?.if).toContain("steps.pushed.outputs.exists != 'true'");
    }
    const copy = stepsOf("deploy-prod.yml", "promote").find((step) => step.id === "images");
    expect(copy?.run).toMatch(/describe-images[\s\S]*continue[\s\S]*imagetools create/);
  });

  it("when the first deploy of a stage runs then the repositories exist before any image is pushed", () => {
    const deployDev = workflows.find((workflow) => workflow.file === "deploy-dev.yml");
    const images = deployDev?.jobs.images as Job & { needs?: string };
    expect(images.needs).toBe("registry");
    expect(stepsOf("deploy-dev.yml", "registry").map((step) => step.run)).toContain(
      'npx sst deploy --stage "$STAGE" Registry',
    );
  });
});

describe("preview stages per pull request (issue 14, item 5)", () => {
  const preview = workflows.find((workflow) => workflow.file === "preview.yml");
  const document = parse(preview?.text ?? "");
  const jobs = preview?.jobs ?? {};
  const runOf = (job: string) => stepsOf("preview.yml", job).map((step) => step.run ?? "");
  /** A GitHub Actions expression, as the YAML spells it. */
  const expression = (inner: string) => `\${{ ${inner} }}`;
  const prNumber = expression("github.event.pull_request.number");

  it("when a pull request opens, is pushed to, reopens or closes then the workflow runs, one run per pull request at a time", () => {
    expect(document.on.pull_request.types).toEqual(["opened", "synchronize", "reopened", "closed"]);
    expect(document.concurrency).toEqual({
      group: `preview-${prNumber}`,
      "cancel-in-progress": false,
    });
    expect(document.env.STAGE).toBe(`pr-${prNumber}`);
  });

  it("when the pull request comes from a fork then nothing is deployed or removed: it gets no OIDC token", () => {
    for (const job of Object.values(jobs)) {
      expect(job.if).toContain(
        "github.event.pull_request.head.repo.full_name == github.repository",
      );
    }
    expect(jobs.deploy?.if).toContain("github.event.action != 'closed'");
    expect(jobs.remove?.if).toContain("github.event.action == 'closed'");
  });

  it("when a job talks to AWS then it runs in GitHub environment preview, and checks the stage name first", () => {
    for (const name of ["deploy", "remove"]) {
      const job = jobs[name] as Job;
      const environment =
        typeof job.environment === "string" ? job.environment : job.environment?.name;
      expect(environment).toBe("preview");
      const steps = job.steps ?? [];
      const check = steps.findIndex((step) => step.run?.includes("scripts/check-stage-name.ts"));
      const credentials = steps.findIndex((step) =>
        step.uses?.startsWith("aws-actions/configure-aws-credentials@"),
      );
      expect(check).toBeGreaterThanOrEqual(0);
      expect(check).toBeLessThan(credentials);
    }
  });

  it("when deployed then the URL is posted, the Postman suite runs against it, and on close the stage is removed", () => {
    const deploy = runOf("deploy").join("\n");
    expect(deploy).toContain('npx sst deploy --stage "$STAGE"');
    expect(deploy).toMatch(/gh pr comment[\s\S]*\$BASE_URL/);
    expect(deploy).toMatch(/npx newman run tests\/postman\/stockwiz\.postman_collection\.json/);
    expect(runOf("remove")).toContain('npx sst remove --stage "$STAGE"');
  });
});
