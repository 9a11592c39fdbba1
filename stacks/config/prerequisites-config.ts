import { DefaultStackSynthesizer } from "aws-cdk-lib";
import type { App } from "sst/constructs";
import { type ResourceNames, resourceNames } from "./resource-names.ts";
import { previewStagePrefix } from "./stage-name.ts";

/**
 * The stage reserved for the account's one-time prerequisites (GitHub OIDC
 * provider, one deploy role per environment): `npx sst deploy --stage bootstrap`
 * with admin credentials registers only the Prerequisites stack.
 */
export const bootstrapStage = "bootstrap";

/** Per-account settings of the bootstrap stage, read once from the environment in sst.config.ts. */
export interface PrerequisiteSettings {
  /** `owner/name` of the GitHub repository whose workflows deploy StockWiz. */
  readonly githubRepository: string;
  /** The account's existing provider for token.actions.githubusercontent.com; absent: create one. */
  readonly existingOidcProviderArn?: string;
}

const repositoryPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
const providerArnPattern =
  /^arn:aws(?:-[a-z]+)*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;

export function prerequisiteSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): PrerequisiteSettings {
  const githubRepository = env.STOCKWIZ_GITHUB_REPOSITORY ?? "";
  // A wildcard or a stray slash here would widen who may assume the deploy roles.
  if (!repositoryPattern.test(githubRepository)) {
    throw new Error("STOCKWIZ_GITHUB_REPOSITORY must be the repository as owner/name");
  }
  const existingOidcProviderArn = env.STOCKWIZ_GITHUB_OIDC_PROVIDER_ARN || undefined;
  if (existingOidcProviderArn !== undefined && !providerArnPattern.test(existingOidcProviderArn)) {
    throw new Error(
      "STOCKWIZ_GITHUB_OIDC_PROVIDER_ARN must be an IAM OIDC provider ARN for token.actions.githubusercontent.com",
    );
  }
  return { githubRepository, existingOidcProviderArn };
}

/** A Fargate stage's images and service, which its pipeline pushes and rolls out. */
export interface FargateDeployTarget {
  readonly names: ResourceNames;
  /** Stages whose images this stage's pipeline copies: prod promotes dev's (deploy-prod.yml). */
  readonly pullsImagesFrom: readonly ResourceNames[];
}

/** One stage (or family of stages) the pipeline deploys, and who may deploy it. */
export interface DeployTarget {
  /** Names the role's constructs and its `<id>DeployRoleArn` output. */
  readonly id: string;
  /** The stage, or a pattern of stages (`pr-*`: every pull request's preview). */
  readonly stage: string;
  /** The GitHub environment its jobs run in (`environment:` in the workflows). */
  readonly githubEnvironment: string;
  /** Fixed, so it can be written into the GitHub environment's AWS_DEPLOY_ROLE_ARN once. */
  readonly roleName: string;
  /** Absent for serverless stages: no image to push, no service to roll out. */
  readonly fargate?: FargateDeployTarget;
  /** The workflows remove these stages (`sst remove` when a pull request closes). */
  readonly removable: boolean;
}

/** The roles are scoped to the region of the bootstrap deploy: the app's region (AWS_REGION). */
export interface PrerequisitesConfig extends PrerequisiteSettings {
  /** Qualifier of the CDK bootstrap roles and bucket; sst.config.ts sets none, so CDK's default. */
  readonly cdkQualifier: string;
  readonly targets: readonly DeployTarget[];
}

export function prerequisitesConfigFor(settings: PrerequisiteSettings): PrerequisitesConfig {
  const dev = resourceNames("dev");
  return {
    ...settings,
    cdkQualifier: DefaultStackSynthesizer.DEFAULT_QUALIFIER,
    targets: [
      {
        id: "Dev",
        stage: "dev",
        githubEnvironment: "dev",
        roleName: "stockwiz-github-deploy-dev",
        fargate: { names: dev, pullsImagesFrom: [] },
        removable: false,
      },
      {
        id: "Prod",
        stage: "prod",
        githubEnvironment: "production",
        roleName: "stockwiz-github-deploy-prod",
        fargate: { names: resourceNames("prod"), pullsImagesFrom: [dev] },
        removable: false,
      },
      // Pull requests' serverless stages (preview.yml). Trusted by GitHub environment `preview`
      // rather than by the `pull_request` subject: an environment can require reviewers and
      // holds the variables, and a job must name it to get the token the role accepts.
      {
        id: "Preview",
        stage: `${previewStagePrefix}*`,
        githubEnvironment: "preview",
        roleName: "stockwiz-github-deploy-preview",
        removable: true,
      },
    ],
  };
}

// SST stack functions receive only { app, stack }: the config travels with the app.
const configByApp = new WeakMap<App, PrerequisitesConfig>();

export function providePrerequisitesConfig(app: App, config: PrerequisitesConfig): void {
  configByApp.set(app, config);
}

export function usePrerequisitesConfig(app: App): PrerequisitesConfig {
  const config = configByApp.get(app);
  if (!config) throw new Error("Register the bootstrap stage with registerPrerequisites()");
  return config;
}
