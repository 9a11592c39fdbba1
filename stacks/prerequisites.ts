import type { StackContext } from "sst/constructs";
import { usePrerequisitesConfig } from "./config/prerequisites-config.ts";
import { GithubOidcDeployRole } from "./constructs/github-oidc-deploy-role.ts";
import { GithubOidcProvider } from "./constructs/github-oidc-provider.ts";
import { StageDeployPolicy } from "./constructs/stage-deploy-policy.ts";

/**
 * What an account needs before the pipeline can deploy: GitHub's OIDC provider
 * and, per stage, a role only that stage's GitHub environment can assume.
 * Deployed once per account with admin credentials (`--stage bootstrap`).
 */
export function Prerequisites({ stack, app }: StackContext) {
  const config = usePrerequisitesConfig(app);
  const { provider } = new GithubOidcProvider(stack, "GithubOidc", {
    existingProviderArn: config.existingOidcProviderArn,
  });
  const roles = config.targets.map((target) => {
    const { id } = target;
    const { policy } = new StageDeployPolicy(stack, `${id}DeployPolicy`, {
      stage: target.stage,
      // As SST's app.logicalPrefixedName names the stage's stacks.
      stackNamePrefix: `${target.stage}-${app.name}-`,
      sstMetadataKey: `appMetadata/app.${app.name}/stage.${target.stage}.json`,
      fargate: target.fargate,
      removable: target.removable,
      cdkQualifier: config.cdkQualifier,
    });
    const { role } = new GithubOidcDeployRole(stack, `${id}DeployRole`, {
      provider,
      repository: config.githubRepository,
      githubEnvironment: target.githubEnvironment,
      roleName: target.roleName,
      description: `GitHub Actions (${config.githubRepository}, environment ${target.githubEnvironment}) deploys StockWiz ${target.stage}`,
      policies: [policy],
    });
    return { id, role };
  });
  // What goes into each GitHub environment's AWS_DEPLOY_ROLE_ARN variable.
  stack.addOutputs(
    Object.fromEntries(roles.map(({ id, role }) => [`${id}DeployRoleArn`, role.roleArn])),
  );
  return { provider, roles: roles.map(({ role }) => role) };
}
