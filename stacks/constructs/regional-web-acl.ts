import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

export interface RegionalWebAclProps {
  readonly name: string;
  /** The load balancer to protect. */
  readonly resourceArn: string;
  /** Requests one client IP may make in any 5-minute window before it is blocked. */
  readonly requestsPerFiveMinutesPerIp: number;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/** WAF in front of the ALB: AWS's common rule set, then a per-IP rate limit. */
export class RegionalWebAcl extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: RegionalWebAclProps) {
    super(scope, id);
    // WAF's own bounds for a rate-based rule.
    if (
      props.requestsPerFiveMinutesPerIp < 10 ||
      props.requestsPerFiveMinutesPerIp > 2_000_000_000
    ) {
      throw new Error("requestsPerFiveMinutesPerIp must be between 10 and 2,000,000,000");
    }
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      name: props.name,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        {
          name: "AWSManagedRulesCommonRuleSet",
          priority: 0,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" },
          },
          visibilityConfig: visibility(`${props.name}-common`),
        },
        {
          name: "RateLimitPerIp",
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.requestsPerFiveMinutesPerIp,
              aggregateKeyType: "IP",
            },
          },
          visibilityConfig: visibility(`${props.name}-rate`),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, "Association", {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
