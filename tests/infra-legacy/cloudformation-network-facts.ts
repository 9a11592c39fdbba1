import type { CfnValue } from "../infra/cloudformation.ts";
import { ofType, propsOf, refId } from "./cloudformation-resources.ts";
import type { SecurityGroupFacts } from "./deployment-facts.ts";

/** Inline and standalone rules of every named group, peers by group name, as in the HCL facts. */
export function securityGroups(network: CfnValue): Record<string, SecurityGroupFacts> {
  const groups = ofType(network, "AWS::EC2::SecurityGroup");
  const nameOf = (value: CfnValue) => propsOf(network, refId(value)).GroupName as string;
  const describe = (rule: CfnValue, direction: "from" | "to", peer: string) =>
    rule.IpProtocol === "-1"
      ? `all ${direction} ${peer}`
      : `${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort} ${direction} ${peer}`;
  const facts: Record<string, { ingress: string[]; egress: string[] }> = {};
  for (const { props } of groups) {
    facts[props.GroupName] = {
      ingress: (props.SecurityGroupIngress ?? []).map((r: CfnValue) =>
        describe(r, "from", r.CidrIp),
      ),
      egress: (props.SecurityGroupEgress ?? []).map((r: CfnValue) => describe(r, "to", r.CidrIp)),
    };
  }
  for (const { props } of ofType(network, "AWS::EC2::SecurityGroupIngress")) {
    facts[nameOf(props.GroupId)]?.ingress.push(
      describe(props, "from", nameOf(props.SourceSecurityGroupId)),
    );
  }
  for (const { props } of ofType(network, "AWS::EC2::SecurityGroupEgress")) {
    facts[nameOf(props.GroupId)]?.egress.push(
      describe(props, "to", nameOf(props.DestinationSecurityGroupId)),
    );
  }
  return Object.fromEntries(
    Object.entries(facts).map(([name, g]) => [
      name,
      { ingress: g.ingress.sort(), egress: g.egress.sort() },
    ]),
  );
}
