import * as ec2 from "aws-cdk-lib/aws-ec2";
import { Construct } from "constructs";
import { PublicLoadBalancerSecurityGroup } from "./public-load-balancer-security-group.ts";

export interface FunctionSecurityGroupsProps {
  readonly vpc: ec2.IVpc;
  readonly namePrefix: string;
  /** Ports the public load balancer listens on (from anywhere). */
  readonly listenerPorts: readonly number[];
}

/**
 * The groups of a stage whose targets are Lambda functions. The load balancer needs no outbound
 * rule (it invokes functions through Lambda, not through the VPC); the functions accept nothing
 * inbound, and the database admits them by this group.
 */
export class FunctionSecurityGroups extends Construct {
  public readonly loadBalancer: ec2.SecurityGroup;
  public readonly functions: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: FunctionSecurityGroupsProps) {
    super(scope, id);
    this.loadBalancer = new PublicLoadBalancerSecurityGroup(this, "LoadBalancer", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-alb-sg`,
      description: "Public load balancer: HTTP/HTTPS in; Lambda targets need no outbound rule",
      listenerPorts: props.listenerPorts,
    });
    // Outbound is open, but the subnets are isolated: only the VPC (the database) is reachable.
    this.functions = new ec2.SecurityGroup(this, "Functions", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-functions-sg`,
      description: "StockWiz functions in the VPC: nothing inbound",
      allowAllOutbound: true,
    });
  }
}
