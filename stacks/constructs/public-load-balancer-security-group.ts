import * as ec2 from "aws-cdk-lib/aws-ec2";
import { NagSuppressions } from "cdk-nag";
import type { Construct } from "constructs";

export interface PublicLoadBalancerSecurityGroupProps {
  readonly vpc: ec2.IVpc;
  readonly securityGroupName: string;
  readonly description: string;
  /** Ports the load balancer listens on, open to every IPv4 client. */
  readonly listenerPorts: readonly number[];
}

/**
 * An internet-facing load balancer's group: its listener ports in from anywhere, nothing out
 * until the caller adds the rule its targets need (containers need one, Lambda targets none).
 */
export class PublicLoadBalancerSecurityGroup extends ec2.SecurityGroup {
  constructor(scope: Construct, id: string, props: PublicLoadBalancerSecurityGroupProps) {
    if (props.listenerPorts.length === 0) throw new Error("listenerPorts must name a port");
    super(scope, id, {
      vpc: props.vpc,
      securityGroupName: props.securityGroupName,
      description: props.description,
      allowAllOutbound: false,
    });
    for (const port of props.listenerPorts) {
      this.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(port), `Listener ${port}`);
    }
    NagSuppressions.addResourceSuppressions(this, [
      {
        id: "AwsSolutions-EC23",
        reason: "Internet-facing ALB: 80 and 443 are open to every client by design",
      },
    ]);
  }
}
