import type { StackContext } from "sst/constructs";
import { useFargateConfig } from "./config/stack-settings.ts";
import { ServiceSecurityGroups } from "./constructs/service-security-groups.ts";
import { TwoTierVpc } from "./constructs/two-tier-vpc.ts";

/** The VPC, its subnets and NAT, and the security groups between the ALB and the tasks. */
export function Network({ stack, app }: StackContext) {
  const config = useFargateConfig(app);
  const { network, names } = config;
  const { vpc } = new TwoTierVpc(stack, "Network", { vpcName: names.vpc, ...network });
  const ports = Object.values(names.appServices).map((service) => service.port);
  const securityGroups = new ServiceSecurityGroups(stack, "SecurityGroups", {
    vpc,
    namePrefix: config.stage,
    listenerPorts: [80, 443],
    containerPortRange: { from: Math.min(...ports), to: Math.max(...ports) },
  });
  return { vpc, securityGroups };
}
