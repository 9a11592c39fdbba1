import type { LineItem, MarginalItem, Pricer, UnpricedResource } from "./cost-report.ts";
import type { CfnValue } from "./stage-index.ts";

/** Managed rule groups with a subscription and per-request fee of their own. */
const paidRuleGroups = new Set([
  "AWSManagedRulesBotControlRuleSet",
  "AWSManagedRulesATPRuleSet",
  "AWSManagedRulesACFPRuleSet",
  "AWSManagedRulesAntiDDoSRuleSet",
]);

/** WAF: a month per web ACL and per rule (a rule group counts as one), then per request. */
export const priceWebAcls: Pricer = {
  types: ["AWS::WAFv2::WebACL", "AWS::WAFv2::WebACLAssociation"],
  price: ({ stage, prices }) => {
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const acls = stage.ofType("AWS::WAFv2::WebACL");
    for (const acl of acls) {
      const rules: CfnValue[] = acl.properties.Rules ?? [];
      const name = acl.properties.Name ?? acl.logicalId;
      items.push({
        kind: "waf",
        item: `WAF web ACL ${name}, ${rules.length} rules`,
        quantity: 1,
        unit: `web ACL-month + ${rules.length} rules`,
        monthlyUsd: prices.waf.webAclMonth.usd + rules.length * prices.waf.ruleMonth.usd,
        resources: [acl.key],
      });
      for (const rule of rules) {
        const group = rule.Statement?.ManagedRuleGroupStatement?.Name;
        if (paidRuleGroups.has(group)) {
          unpriced.push({ resource: acl, reason: `${group} has fees the table does not hold` });
        }
      }
    }
    const marginal: MarginalItem[] =
      acls.length === 0
        ? []
        : [
            {
              kind: "waf-requests",
              item: "WAF requests inspected",
              perMillionUsd: prices.waf.requestsMillion.usd,
              assumption: "every request passes the web ACL",
            },
          ];
    return { items, unpriced, marginal };
  },
};
