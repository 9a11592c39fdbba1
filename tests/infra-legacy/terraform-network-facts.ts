import type { SecurityGroupFacts } from "./deployment-facts.ts";
import { number, text } from "./plan-time-values.ts";
import { type Scope, Unresolved } from "./terraform-expressions.ts";
import { type HclNode, resourceInstance } from "./terraform-module.ts";

/** Ingress and egress of every group, sources and destinations by group name. */
export function securityGroups(network: Scope): Record<string, SecurityGroupFacts> {
  const groupName = (reference: unknown) => {
    const address = reference instanceof Unresolved ? reference.expression : "";
    const local = /^aws_security_group\.([\w-]+)\.id$/.exec(address)?.[1];
    if (!local)
      throw new Error(`Expected a security group reference, got ${JSON.stringify(reference)}`);
    return text(resourceInstance(network, "aws_security_group", local).known("name"));
  };
  const rules = (type: string, direction: "from" | "to") =>
    Object.keys(network.body.resource?.[type] ?? {}).map((name) => {
      const rule = resourceInstance(network, type, name);
      const peer =
        "cidr_ipv4" in rule.body
          ? text(rule.known("cidr_ipv4"))
          : groupName(rule.value("referenced_security_group_id"));
      return {
        group: groupName(rule.value("security_group_id")),
        rule: describeRule(rule, direction, peer),
      };
    });
  const groups: Record<string, { ingress: string[]; egress: string[] }> = {};
  for (const [kind, type, direction] of [
    ["ingress", "aws_vpc_security_group_ingress_rule", "from"],
    ["egress", "aws_vpc_security_group_egress_rule", "to"],
  ] as const) {
    for (const { group, rule } of rules(type, direction)) {
      groups[group] ??= { ingress: [], egress: [] };
      groups[group][kind].push(rule);
    }
  }
  return Object.fromEntries(
    Object.entries(groups).map(([name, g]) => [
      name,
      { ingress: g.ingress.sort(), egress: g.egress.sort() },
    ]),
  );
}

function describeRule(rule: HclNode, direction: "from" | "to", peer: string): string {
  const protocol = text(rule.known("ip_protocol"));
  if (protocol === "-1") return `all ${direction} ${peer}`;
  return `${protocol} ${number(rule.known("from_port"))}-${number(rule.known("to_port"))} ${direction} ${peer}`;
}
