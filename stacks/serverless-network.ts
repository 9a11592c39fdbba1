import type { StackContext } from "sst/constructs";
import { useServerlessConfig } from "./config/stack-settings.ts";
import { FunctionSecurityGroups } from "./constructs/function-security-groups.ts";
import { TwoTierVpc } from "./constructs/two-tier-vpc.ts";

/**
 * A serverless stage's network: public subnets for the ALB, isolated private subnets for the
 * database and the functions that reach it. No NAT gateway and no interface endpoint: nothing in
 * the private tier calls an AWS API (IAM database tokens are signed locally; logs leave through
 * Lambda itself), so the VPC costs nothing while idle.
 */
export function ServerlessNetwork({ stack, app }: StackContext) {
  const config = useServerlessConfig(app);
  const { network, names } = config;
  const { vpc } = new TwoTierVpc(stack, "Network", { vpcName: names.vpc, ...network });
  const securityGroups = new FunctionSecurityGroups(stack, "SecurityGroups", {
    vpc,
    namePrefix: config.stage,
    listenerPorts: [80, 443],
  });
  return { vpc, privateSubnets: vpc.isolatedSubnets, securityGroups };
}
