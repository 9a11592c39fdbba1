import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { githubOidcAudience, githubOidcIssuer } from "./github-oidc-provider.ts";

export interface GithubOidcDeployRoleProps {
  /** The account's provider for GitHub Actions' tokens. */
  readonly provider: iam.IOidcProvider;
  /** `owner/name` of the repository whose workflows may assume the role. */
  readonly repository: string;
  /** The GitHub environment the assuming jobs run in; no other job, branch or tag gets in. */
  readonly githubEnvironment: string;
  readonly roleName: string;
  readonly description?: string;
  /** What the role may do. */
  readonly policies: readonly iam.IManagedPolicy[];
  /** Longest session a job may ask for. @default 2 hours (the deploy jobs ask for 7200 s) */
  readonly maxSessionDuration?: Duration;
}

const repositoryPattern = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const environmentPattern = /^[A-Za-z0-9._-]+$/;

/**
 * A role only GitHub Actions jobs of one repository and one GitHub environment
 * can assume: the token's audience must be STS and its subject exactly
 * `repo:<owner>/<name>:environment:<environment>` (GitHub's default subject for
 * a job that names an environment).
 */
export class GithubOidcDeployRole extends Construct {
  public readonly role: iam.Role;
  /** The `sub` claim the trust policy requires. */
  public readonly subject: string;

  constructor(scope: Construct, id: string, props: GithubOidcDeployRoleProps) {
    super(scope, id);
    // StringEquals treats `*` literally, but a slash or wildcard here is still a mistake to stop.
    if (!repositoryPattern.test(props.repository)) {
      throw new Error(`repository must be owner/name, not ${props.repository}`);
    }
    if (!environmentPattern.test(props.githubEnvironment)) {
      throw new Error(`githubEnvironment must be a plain name, not ${props.githubEnvironment}`);
    }
    if (props.policies.length === 0) throw new Error("A deploy role needs at least one policy");
    this.subject = `repo:${props.repository}:environment:${props.githubEnvironment}`;
    this.role = new iam.Role(this, "Role", {
      roleName: props.roleName,
      description: props.description,
      maxSessionDuration: props.maxSessionDuration ?? Duration.hours(2),
      assumedBy: new iam.WebIdentityPrincipal(props.provider.oidcProviderArn, {
        StringEquals: {
          [`${githubOidcIssuer}:aud`]: githubOidcAudience,
          [`${githubOidcIssuer}:sub`]: this.subject,
        },
      }),
      managedPolicies: [...props.policies],
    });
  }
}
