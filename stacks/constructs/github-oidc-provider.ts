import { Arn, ArnFormat, Stack, Token } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";

/** Issuer of GitHub Actions' OIDC tokens; the `iss` claim and the prefix of its condition keys. */
export const githubOidcIssuer = "token.actions.githubusercontent.com";
/** The audience aws-actions/configure-aws-credentials asks GitHub for. */
export const githubOidcAudience = "sts.amazonaws.com";

export interface GithubOidcProviderProps {
  /**
   * The account's existing provider for the issuer: IAM holds one provider per
   * URL, so a second stack creating it would fail.
   * @default - the provider is created here
   */
  readonly existingProviderArn?: string;
}

/** The IAM OIDC provider that lets GitHub Actions jobs exchange their token for a role. */
export class GithubOidcProvider extends Construct {
  public readonly provider: iam.IOidcProvider;

  constructor(scope: Construct, id: string, props: GithubOidcProviderProps = {}) {
    super(scope, id);
    const { existingProviderArn } = props;
    if (existingProviderArn === undefined) {
      // No thumbprints: IAM checks GitHub's certificate against its own trusted CAs.
      this.provider = new iam.OidcProviderNative(this, "Provider", {
        url: `https://${githubOidcIssuer}`,
        clientIds: [githubOidcAudience],
      });
      return;
    }
    checkProviderArn(Stack.of(this), existingProviderArn);
    this.provider = iam.OidcProviderNative.fromOidcProviderArn(
      this,
      "Provider",
      existingProviderArn,
    );
  }
}

function checkProviderArn(stack: Stack, arn: string): void {
  const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  if (parts.service !== "iam" || parts.resource !== "oidc-provider") {
    throw new Error(`${arn} is not an IAM OIDC provider`);
  }
  if (parts.resourceName !== githubOidcIssuer) {
    throw new Error(`${arn} is not the provider for ${githubOidcIssuer}`);
  }
  if (!Token.isUnresolved(stack.account) && parts.account !== stack.account) {
    throw new Error(`${arn} belongs to another account than ${stack.account}`);
  }
}
