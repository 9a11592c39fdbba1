import * as ec2 from "aws-cdk-lib/aws-ec2";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

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
    if (props.listenerPorts.length === 0) throw new Error("listenerPorts must name a port");
    this.loadBalancer = new ec2.SecurityGroup(this, "LoadBalancer", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-alb-sg`,
      description: "Public load balancer: HTTP/HTTPS in; Lambda targets need no outbound rule",
      allowAllOutbound: false,
    });
    for (const port of props.listenerPorts) {
      this.loadBalancer.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(port), `Listener ${port}`);
    }
    NagSuppressions.addResourceSuppressions(this.loadBalancer, [
      {
        id: "AwsSolutions-EC23",
        reason: "Internet-facing ALB: 80 and 443 are open to every client by design",
      },
    ]);
    // Outbound is open, but the subnets are isolated: only the VPC (the database) is reachable.
    this.functions = new ec2.SecurityGroup(this, "Functions", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-functions-sg`,
      description: "StockWiz functions in the VPC: nothing inbound",
      allowAllOutbound: true,
    });
  }
}
