import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { FixedSubnetCidrs } from "./fixed-subnet-cidrs.ts";
import { retentionDays } from "./retention-days.ts";

export interface TwoTierVpcProps {
  readonly vpcName: string;
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  /** Public subnets (load balancer, NAT), one per AZ. */
  readonly publicSubnetCidrs: readonly string[];
  /** Private subnets (tasks, functions, data stores), one per AZ; NAT egress unless natGateways is 0. */
  readonly privateSubnetCidrs: readonly string[];
  /** NAT gateways; fewer than the AZ count shares one across AZs; 0 isolates the private tier. */
  readonly natGateways: number;
  /** Retention of the VPC flow logs, in days. */
  readonly flowLogRetentionDays: number;
}

/** A public tier for the load balancer and a private tier for everything else, with flow logs. */
export class TwoTierVpc extends Construct {
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: TwoTierVpcProps) {
    super(scope, id);
    if (props.natGateways < 0 || props.natGateways > props.availabilityZones.length) {
      throw new Error("natGateways must be between 0 and the number of availability zones");
    }
    const privateType =
      props.natGateways === 0
        ? ec2.SubnetType.PRIVATE_ISOLATED
        : ec2.SubnetType.PRIVATE_WITH_EGRESS;
    this.vpc = new ec2.Vpc(this, "Vpc", {
      vpcName: props.vpcName,
      availabilityZones: [...props.availabilityZones],
      ipAddresses: new FixedSubnetCidrs({
        vpcCidr: props.vpcCidr,
        availabilityZones: props.availabilityZones,
        subnetCidrs: {
          [ec2.SubnetType.PUBLIC]: props.publicSubnetCidrs,
          [privateType]: props.privateSubnetCidrs,
        },
      }),
      enableDnsHostnames: true,
      enableDnsSupport: true,
      natGateways: props.natGateways,
      subnetConfiguration: [
        // Nothing in the public tier needs an automatic public IP: the ALB and NAT bring their own.
        { name: "public", subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
        { name: "private", subnetType: privateType },
      ],
    });
    const flowLogGroup = new logs.LogGroup(this, "FlowLogGroup", {
      retention: retentionDays(props.flowLogRetentionDays),
    });
    this.vpc.addFlowLog("FlowLog", {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }
}
