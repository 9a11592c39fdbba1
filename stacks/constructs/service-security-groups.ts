import * as ec2 from "aws-cdk-lib/aws-ec2";
import { Construct } from "constructs";
import { PublicLoadBalancerSecurityGroup } from "./public-load-balancer-security-group.ts";

export interface ServiceSecurityGroupsProps {
  readonly vpc: ec2.IVpc;
  readonly namePrefix: string;
  /** Ports the public load balancer listens on (from anywhere). */
  readonly listenerPorts: readonly number[];
  /** Lowest and highest container port the load balancer forwards to. */
  readonly containerPortRange: { readonly from: number; readonly to: number };
}

/**
 * The two groups legacy had, narrowed: the tasks accept only the container
 * ports and only from the load balancer's group (legacy opened 0–65535).
 */
export class ServiceSecurityGroups extends Construct {
  public readonly loadBalancer: ec2.SecurityGroup;
  public readonly tasks: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ServiceSecurityGroupsProps) {
    super(scope, id);
    const { from, to } = props.containerPortRange;
    if (from > to) throw new Error("containerPortRange.from must not exceed containerPortRange.to");
    const containerPorts = ec2.Port.tcpRange(from, to);

    this.loadBalancer = new PublicLoadBalancerSecurityGroup(this, "LoadBalancer", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-alb-sg`,
      description: "Public load balancer: HTTP/HTTPS in, container ports out",
      listenerPorts: props.listenerPorts,
    });

    this.tasks = new ec2.SecurityGroup(this, "Tasks", {
      vpc: props.vpc,
      securityGroupName: `${props.namePrefix}-ecs-tasks-sg`,
      description: "StockWiz tasks: container ports from the load balancer only",
      allowAllOutbound: true,
    });
    this.tasks.addIngressRule(this.loadBalancer, containerPorts, "Container ports from the ALB");
    this.loadBalancer.addEgressRule(this.tasks, containerPorts, "Forward to the containers");
  }
}
