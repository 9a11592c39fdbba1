import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { Stack } from "sst/constructs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import sstConfig from "../../sst.config.ts";
import {
  bootstrapStage,
  prerequisiteSettingsFromEnv,
} from "../../stacks/config/prerequisites-config.ts";
import { resourceNames } from "../../stacks/config/resource-names.ts";
import { stageConfigFor } from "../../stacks/config/stage-config.ts";
import { imageRepositoryNames } from "../../stacks/constructs/stage-deploy-policy.ts";
import { registerStacks } from "../../stacks/register-stacks.ts";
import { type CfnValue, onlyResourceOfType, resourcesOfType } from "./cloudformation.ts";
import { arnText, bootstrapApp, synthesizeBootstrap } from "./synthesize-bootstrap.ts";
import {
  fakeAccount,
  repositoryRoot,
  type SynthesizedStage,
  synthesizeStage,
  testSettings,
} from "./synthesize-stage.ts";

const repository = "octo-org/stockwiz";
const existingProviderArn = `arn:aws:iam::${fakeAccount}:oidc-provider/token.actions.githubusercontent.com`;
const stages = [
  { stage: "dev", roleName: "stockwiz-github-deploy-dev", environment: "dev", output: "Dev" },
  {
    stage: "prod",
    roleName: "stockwiz-github-deploy-prod",
    environment: "production",
    output: "Prod",
  },
] as const;

/** Every pull request's serverless stage, `pr-<number>` (preview.yml). */
const preview = {
  stage: "pr-*",
  roleName: "stockwiz-github-deploy-preview",
  environment: "preview",
  output: "Preview",
} as const;

let template: Template;
let nagErrors: string[];

beforeAll(async () => {
  ({ template, nagErrors } = await synthesizeBootstrap({ githubRepository: repository }));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function roleNamed(roleName: string, from: Template = template): CfnValue {
  const role = resourcesOfType(from, "AWS::IAM::Role").find(
    (r) => r.properties.RoleName === roleName,
  );
  if (!role) throw new Error(`No role ${roleName}`);
  return role;
}

/** The statements of every managed policy attached to the role. */
function statementsOf(roleName: string): CfnValue[] {
  const role = roleNamed(roleName);
  const policyIds = role.properties.ManagedPolicyArns.map((arn: CfnValue) => arn.Ref);
  return resourcesOfType(template, "AWS::IAM::ManagedPolicy")
    .filter((policy) => policyIds.includes(policy.logicalId))
    .flatMap((policy) => policy.properties.PolicyDocument.Statement);
}

const listOf = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const actionsOf = (statement: CfnValue): string[] => listOf(statement.Action);
const resourcesOf = (statement: CfnValue): string[] => listOf(statement.Resource).map(arnText);

/** Evaluates a trust policy the way STS does for AssumeRoleWithWebIdentity (the operators used). */
function trustAdmits(trust: CfnValue, claims: { aud: string; sub: string }): boolean {
  const claim = (key: string) => claims[key.split(":").pop() as "aud" | "sub"];
  const glob = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    );
  return trust.Statement.some(
    (statement: CfnValue) =>
      statement.Effect === "Allow" &&
      statement.Action === "sts:AssumeRoleWithWebIdentity" &&
      Object.entries<Record<string, string>>(statement.Condition ?? {}).every(([operator, keys]) =>
        Object.entries(keys).every(([key, expected]) => {
          if (operator === "StringEquals") return claim(key) === expected;
          if (operator === "StringLike") return glob(expected).test(claim(key));
          throw new Error(`Unexpected condition operator ${operator}`);
        }),
      ),
  );
}

interface WorkflowJob {
  readonly file: string;
  readonly environment?: string;
  readonly assumesRole: boolean;
  readonly roleDurationSeconds?: number;
  /** What its steps run, for the AWS calls made outside sst deploy. */
  readonly scripts: string;
}

interface JobYaml {
  readonly environment?: string | { readonly name: string };
  readonly steps?: { readonly run?: string; readonly with?: Record<string, unknown> }[];
}

function workflowJobs(): WorkflowJob[] {
  const folder = path.join(repositoryRoot, ".github/workflows");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".yml"))
    .flatMap((file) => {
      const jobs = (parse(readFileSync(path.join(folder, file), "utf8")).jobs ?? {}) as Record<
        string,
        JobYaml
      >;
      return Object.values(jobs).map((job) => {
        const credentials = (job.steps ?? []).find((step) => step.with?.["role-to-assume"]);
        const environment =
          typeof job.environment === "string" ? job.environment : job.environment?.name;
        const duration = credentials?.with?.["role-duration-seconds"];
        return {
          file,
          environment,
          assumesRole: credentials !== undefined,
          roleDurationSeconds: duration === undefined ? undefined : Number(duration),
          scripts: (job.steps ?? []).map((step) => step.run ?? "").join("\n"),
        };
      });
    });
}

/** The IAM actions behind `aws <service> <command>` and `npm run deploy -- <command>` in a script. */
function awsActionsIn(script: string): string[] {
  const prefixes: Record<string, string> = { elbv2: "elasticloadbalancing" };
  const pascal = (command: string) =>
    command.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
  const cli = [...script.matchAll(/\baws\s+([a-z0-9]+)\s+([a-z0-9-]+)/g)].map(
    ([, service, command]) =>
      `${prefixes[service as string] ?? service}:${pascal(command as string)}`,
  );
  const deployTool = [...script.matchAll(/npm run (?:--silent )?deploy -- (\w+)/g)].flatMap(
    ([, command]) =>
      command === "redeploy"
        ? ["ecs:DescribeServices", "ecs:UpdateService"]
        : ["ecs:DescribeServices"],
  );
  return [...cli, ...deployTool];
}

describe("the bootstrap stage", () => {
  it("when sst.config.ts runs for stage bootstrap then only the Prerequisites stack is registered, without the app's settings", async () => {
    vi.stubEnv("STOCKWIZ_ALERT_EMAIL", undefined);
    vi.stubEnv("STOCKWIZ_IMAGE_TAG", undefined);
    vi.stubEnv("STOCKWIZ_GITHUB_REPOSITORY", repository);
    const app = await bootstrapApp();

    await sstConfig.stacks(app);

    const stackIds = app.node.children
      .filter((child) => child instanceof Stack)
      .map((child) => child.node.id);
    expect(stackIds).toEqual(["bootstrap-stockwiz-Prerequisites"]);
  });

  it("when the app's stacks are registered for stage bootstrap then registration refuses", async () => {
    const app = await bootstrapApp();
    const config = stageConfigFor(bootstrapStage, testSettings);
    expect(() => registerStacks(app, { config, rootDir: repositoryRoot })).toThrow(
      /only the account prerequisites/,
    );
  });

  it("when the bootstrap stage is started with sst dev then registration refuses", async () => {
    vi.stubEnv("STOCKWIZ_GITHUB_REPOSITORY", repository);
    const app = await bootstrapApp("dev");
    expect(() => sstConfig.stacks(app)).toThrow(/never sst dev/);
  });

  it.each([
    "",
    "octo-org",
    "octo-org/*",
    "*/*",
    "octo-org/stockwiz/extra",
    "octo-org/..",
    "https://github.com/octo-org/stockwiz",
  ])("when STOCKWIZ_GITHUB_REPOSITORY is %j then the settings are refused", (value) => {
    expect(() => prerequisiteSettingsFromEnv({ STOCKWIZ_GITHUB_REPOSITORY: value })).toThrow(
      /owner\/name/,
    );
  });

  it("when an existing provider ARN is not GitHub's then the settings are refused", () => {
    expect(() =>
      prerequisiteSettingsFromEnv({
        STOCKWIZ_GITHUB_REPOSITORY: repository,
        STOCKWIZ_GITHUB_OIDC_PROVIDER_ARN: `arn:aws:iam::${fakeAccount}:oidc-provider/gitlab.com`,
      }),
    ).toThrow(/STOCKWIZ_GITHUB_OIDC_PROVIDER_ARN/);
  });
});

describe("the GitHub OIDC provider", () => {
  it("when no provider exists then one is created for GitHub's issuer and STS audience, without thumbprints", () => {
    const provider = onlyResourceOfType(template, "AWS::IAM::OIDCProvider").properties;
    expect(provider.Url).toBe("https://token.actions.githubusercontent.com");
    expect(provider.ClientIdList).toEqual(["sts.amazonaws.com"]);
    // IAM verifies token.actions.githubusercontent.com against its own trusted CAs.
    expect(provider.ThumbprintList).toBeUndefined();
  });

  it("when an existing provider is imported then none is created and both roles trust it", async () => {
    const imported = await synthesizeBootstrap({
      githubRepository: repository,
      existingOidcProviderArn: existingProviderArn,
    });
    imported.template.resourceCountIs("AWS::IAM::OIDCProvider", 0);
    for (const { roleName } of stages) {
      const trust = roleNamed(roleName, imported.template).properties.AssumeRolePolicyDocument;
      expect(trust.Statement[0].Principal).toEqual({ Federated: existingProviderArn });
    }
    expect(imported.nagErrors).toEqual([]);
  });

  it("when the imported provider belongs to another account then synthesis refuses", async () => {
    await expect(
      synthesizeBootstrap({
        githubRepository: repository,
        existingOidcProviderArn: existingProviderArn.replace(fakeAccount, "210987654321"),
      }),
    ).rejects.toThrow(/another account/);
  });
});

describe.each(stages)("the $stage deploy role", ({ stage, roleName, environment, output }) => {
  const trust = () => roleNamed(roleName).properties.AssumeRolePolicyDocument;
  const sub = (suffix: string) => `repo:${repository}:${suffix}`;

  it("when GitHub presents a token then the role requires audience sts.amazonaws.com and the exact environment subject", () => {
    const provider = onlyResourceOfType(template, "AWS::IAM::OIDCProvider");
    expect(trust().Statement).toEqual([
      {
        Effect: "Allow",
        Action: "sts:AssumeRoleWithWebIdentity",
        Principal: { Federated: { Ref: provider.logicalId } },
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": sub(`environment:${environment}`),
          },
        },
      },
    ]);
  });

  it("when the token comes from a branch, a tag, a pull request, another environment or another repository then the role refuses it", () => {
    const aud = "sts.amazonaws.com";
    expect(trustAdmits(trust(), { aud, sub: sub(`environment:${environment}`) })).toBe(true);
    for (const other of [
      sub("ref:refs/heads/main"),
      sub("ref:refs/tags/v1.0.0"),
      sub("pull_request"),
      sub(`environment:${environment === "dev" ? "production" : "dev"}`),
      `repo:octo-org/stockwiz-fork:environment:${environment}`,
      `repo:${repository}:environment:${environment}-preview`,
    ]) {
      expect(trustAdmits(trust(), { aud, sub: other }), other).toBe(false);
    }
    expect(
      trustAdmits(trust(), {
        aud: "https://github.com/octo-org",
        sub: sub(`environment:${environment}`),
      }),
    ).toBe(false);
  });

  it("when a deploy job asks for a two-hour session then the role allows it, under a fixed name the outputs give", () => {
    const role = roleNamed(roleName);
    expect(role.properties.MaxSessionDuration).toBe(7200);
    template.hasOutput(`${output}DeployRoleArn`, {
      Value: { "Fn::GetAtt": [role.logicalId, "Arn"] },
    });
  });

  it("when its policy is read then no action is a wildcard and only resource-less actions are on *", () => {
    const statements = statementsOf(roleName);
    expect(statements.flatMap(actionsOf).filter((action) => action.includes("*"))).toEqual([]);
    expect(statements.every((statement) => statement.Effect === "Allow")).toBe(true);
    const onEverything = statements
      .filter((statement) => resourcesOf(statement).includes("*"))
      .flatMap(actionsOf);
    expect(onEverything.sort()).toEqual([
      "cloudformation:ListImports",
      "ecr:GetAuthorizationToken",
      "elasticloadbalancing:DescribeLoadBalancers",
    ]);
  });

  it("when roles are assumed or passed then they are only the CDK bootstrap roles of this account and region", () => {
    const statements = statementsOf(roleName);
    const assumed = statements
      .filter((statement) => actionsOf(statement).includes("sts:AssumeRole"))
      .flatMap(resourcesOf);
    expect(assumed.sort()).toEqual([
      `arn:aws:iam::${fakeAccount}:role/cdk-hnb659fds-deploy-role-${fakeAccount}-us-east-1`,
      `arn:aws:iam::${fakeAccount}:role/cdk-hnb659fds-file-publishing-role-${fakeAccount}-us-east-1`,
    ]);
    const passRole = statements.filter((statement) =>
      actionsOf(statement).includes("iam:PassRole"),
    );
    expect(passRole.flatMap(resourcesOf)).toEqual([
      `arn:aws:iam::${fakeAccount}:role/cdk-hnb659fds-cfn-exec-role-${fakeAccount}-us-east-1`,
    ]);
    expect(passRole[0].Condition).toEqual({
      StringEquals: { "iam:PassedToService": "cloudformation.amazonaws.com" },
    });
  });

  it("when it changes stacks, images or the service then only those of its own stage", () => {
    const statements = statementsOf(roleName);
    const writes = statements.filter((statement) =>
      actionsOf(statement).some((action) =>
        /^(cloudformation:(Create|Update|Delete)Stack|ecr:PutImage|ecs:UpdateService)$/.test(
          action,
        ),
      ),
    );
    const names = resourceNames(stage);
    expect(writes.flatMap(resourcesOf).sort()).toEqual(
      [
        `arn:aws:cloudformation:us-east-1:${fakeAccount}:stack/${stage}-stockwiz-*/*`,
        `arn:aws:ecs:us-east-1:${fakeAccount}:service/${names.cluster}/${names.service}`,
        ...imageRepositoryNames(names).map(
          (name) => `arn:aws:ecr:us-east-1:${fakeAccount}:repository/${name}`,
        ),
      ].sort(),
    );
  });
});

describe("the preview deploy role", () => {
  const trust = () => roleNamed(preview.roleName).properties.AssumeRolePolicyDocument;
  const sub = (suffix: string) => `repo:${repository}:${suffix}`;
  const aud = "sts.amazonaws.com";

  it("when GitHub presents a token then only a job of this repository in environment preview gets in, not a bare pull_request job", () => {
    expect(trustAdmits(trust(), { aud, sub: sub("environment:preview") })).toBe(true);
    for (const other of [
      sub("pull_request"),
      sub("ref:refs/heads/main"),
      sub("environment:dev"),
      sub("environment:production"),
      `repo:octo-org/stockwiz-fork:environment:preview`,
    ]) {
      expect(trustAdmits(trust(), { aud, sub: other }), other).toBe(false);
    }
    template.hasOutput("PreviewDeployRoleArn", {
      Value: { "Fn::GetAtt": [roleNamed(preview.roleName).logicalId, "Arn"] },
    });
  });

  it("when it deploys or removes then only pr-<number> stacks and their SST metadata, and no image or ECS service", () => {
    const statements = statementsOf(preview.roleName);
    const writes = statements
      .filter((statement) =>
        actionsOf(statement).some((action) =>
          /^cloudformation:(Create|Update|Delete)Stack$/.test(action),
        ),
      )
      .flatMap(resourcesOf);
    expect(writes).toEqual([
      `arn:aws:cloudformation:us-east-1:${fakeAccount}:stack/pr-*-stockwiz-*/*`,
    ]);
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((action) => /^(ecr|ecs|elasticloadbalancing):/.test(action))).toEqual([]);
    const metadata = statements.find((statement) => statement.Sid === "SstStageMetadata");
    expect(actionsOf(metadata)).toContain("s3:DeleteObject");
    expect(resourcesOf(metadata)).toEqual([
      "arn:aws:s3:::sstbootstrap-*/appMetadata/app.stockwiz/stage.pr-*.json",
    ]);
    const onEverything = statements
      .filter((statement) => resourcesOf(statement).includes("*"))
      .flatMap(actionsOf);
    expect(onEverything).toEqual(["cloudformation:ListImports"]);
  });

  it("when dev's or prod's roles are read then neither may delete its stage's SST metadata", () => {
    for (const { roleName } of stages) {
      const metadata = statementsOf(roleName).find((s) => s.Sid === "SstStageMetadata");
      expect(actionsOf(metadata)).not.toContain("s3:DeleteObject");
    }
  });
});

describe("promotion from dev to prod", () => {
  const devRepositories = imageRepositoryNames(resourceNames("dev")).map(
    (name) => `arn:aws:ecr:us-east-1:${fakeAccount}:repository/${name}`,
  );

  it("when prod's pipeline copies dev's images then its role can pull from dev's repositories but never push to them", () => {
    const onDev = statementsOf("stockwiz-github-deploy-prod").filter((statement) =>
      resourcesOf(statement).some((arn) => devRepositories.includes(arn)),
    );
    expect(onDev.flatMap(resourcesOf).sort()).toEqual([...devRepositories].sort());
    expect(onDev.flatMap(actionsOf).sort()).toEqual([
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]);
  });

  it("when dev's role is read then nothing of prod appears in it", () => {
    const devResources = statementsOf("stockwiz-github-deploy-dev").flatMap(resourcesOf);
    expect(devResources.filter((arn) => /[/:]prod-/.test(arn))).toEqual([]);
  });
});

describe("the roles against the workflows and the app they deploy", () => {
  let apps: Record<"dev" | "prod" | "pr-42", SynthesizedStage>;

  beforeAll(async () => {
    apps = {
      dev: await synthesizeStage("dev"),
      prod: await synthesizeStage("prod"),
      "pr-42": await synthesizeStage("pr-42"),
    };
  });

  it("when a workflow job assumes AWS_DEPLOY_ROLE_ARN then it runs in a GitHub environment a deploy role trusts", () => {
    const assuming = workflowJobs().filter((job) => job.assumesRole);
    expect(assuming.length).toBeGreaterThan(0);
    expect(assuming.filter((job) => job.environment === undefined)).toEqual([]);
    expect([...new Set(assuming.map((job) => job.environment))].sort()).toEqual(
      [...stages.map((s) => s.environment), preview.environment].sort(),
    );
    expect(workflowJobs().filter((job) => job.file === "ci.yml" && job.assumesRole)).toEqual([]);
    for (const job of assuming) expect(job.roleDurationSeconds ?? 3600).toBeLessThanOrEqual(7200);
  });

  it.each([...stages, preview])(
    "when a $environment job calls AWS beside sst deploy then the $stage role allows that action",
    ({ environment, roleName }) => {
      const allowed = new Set(statementsOf(roleName).flatMap(actionsOf));
      const called = workflowJobs()
        .filter((job) => job.assumesRole && job.environment === environment)
        .flatMap((job) => awsActionsIn(job.scripts));
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((action) => !allowed.has(action))).toEqual([]);
    },
  );

  it.each(stages)(
    "when the $stage role pushes images then its repositories are exactly those the Registry stack creates",
    ({ stage, roleName }) => {
      const created = resourcesOfType(apps[stage].template("Registry"), "AWS::ECR::Repository").map(
        (repository) => repository.properties.RepositoryName,
      );
      const pushed = statementsOf(roleName)
        .filter((statement) => actionsOf(statement).includes("ecr:PutImage"))
        .flatMap(resourcesOf)
        .map((arn) => arn.split("repository/")[1]);
      expect(pushed.sort()).toEqual(created.sort());
    },
  );

  it.each([...stages, { ...preview, stage: "pr-42" as const }])(
    "when SST deploys $stage then every bootstrap role, stack, template bucket and version parameter it uses is allowed",
    ({ stage, roleName }) => {
      const manifest = JSON.parse(
        readFileSync(path.join(apps[stage].assemblyDir, "manifest.json"), "utf8"),
      );
      // The manifest's ARNs carry CloudFormation's partition placeholder.
      const resolve = (arn: string) => arn.replace(/\$\{AWS::Partition\}/, "aws");
      const statements = statementsOf(roleName);
      const allowed = (action: string) =>
        statements.filter((s) => actionsOf(s).includes(action)).flatMap(resourcesOf);
      const matches = (patterns: string[], arn: string) =>
        patterns.some((p) =>
          new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(arn),
        );

      const artifacts = Object.entries<CfnValue>(manifest.artifacts);
      const stacks = artifacts.filter(([, a]) => a.type === "aws:cloudformation:stack");
      for (const [name, artifact] of stacks) {
        const stackArn = `arn:aws:cloudformation:us-east-1:${fakeAccount}:stack/${name}/0000`;
        expect(matches(allowed("cloudformation:UpdateStack"), stackArn), name).toBe(true);
        expect(allowed("sts:AssumeRole")).toContain(resolve(artifact.properties.assumeRoleArn));
        expect(allowed("iam:PassRole")).toContain(
          resolve(artifact.properties.cloudFormationExecutionRoleArn),
        );
        const [, bucket, key] =
          artifact.properties.stackTemplateAssetObjectUrl.match(/^s3:\/\/([^/]+)\/(.+)$/);
        expect(matches(allowed("s3:GetObject"), `arn:aws:s3:::${bucket}/${key}`)).toBe(true);
        const parameter = artifact.properties.bootstrapStackVersionSsmParameter;
        expect(allowed("ssm:GetParameters")).toContain(
          `arn:aws:ssm:us-east-1:${fakeAccount}:parameter${parameter}`,
        );
      }
      // No Docker image asset and no lookup: the image-publishing and lookup roles are not needed.
      for (const [, artifact] of artifacts.filter(([, a]) => a.type === "cdk:asset-manifest")) {
        const assets = JSON.parse(
          readFileSync(path.join(apps[stage].assemblyDir, artifact.properties.file), "utf8"),
        );
        expect(Object.keys(assets.dockerImages ?? {})).toEqual([]);
        for (const file of Object.values<CfnValue>(assets.files ?? {})) {
          for (const destination of Object.values<CfnValue>(file.destinations)) {
            expect(allowed("sts:AssumeRole")).toContain(resolve(destination.assumeRoleArn));
          }
        }
      }
      expect(apps[stage].missingContext).toEqual([]);
    },
  );
});

describe("cdk-nag", () => {
  it("when the AwsSolutions pack runs on the bootstrap stage then no error is left unsuppressed", () => {
    expect(nagErrors).toEqual([]);
  });

  it("when a finding is suppressed then it names the rule, the wildcard it allows and a reason", () => {
    const suppressed = Object.values<CfnValue>(template.toJSON().Resources).flatMap(
      (resource) => resource.Metadata?.cdk_nag?.rules_to_suppress ?? [],
    );
    for (const rule of suppressed) {
      expect(rule.id).toMatch(/^AwsSolutions-[A-Z]+\d+$/);
      expect(rule.reason.length).toBeGreaterThan(20);
    }
    template.hasResource("AWS::IAM::ManagedPolicy", {
      Metadata: {
        cdk_nag: {
          rules_to_suppress: [
            Match.objectLike({
              id: "AwsSolutions-IAM5",
              applies_to: Match.arrayWith(["Resource::*"]),
            }),
          ],
        },
      },
    });
  });
});
