import type * as ec2 from "aws-cdk-lib/aws-ec2";

export interface FixedSubnetCidrsProps {
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  /** For each subnet type, one CIDR per availability zone, in the same order. */
  readonly subnetCidrs: Readonly<Partial<Record<ec2.SubnetType, readonly string[]>>>;
}

/**
 * Hands the VPC the exact legacy subnet CIDRs (10.0.1.0/24, 10.0.11.0/24, …)
 * instead of CDK's sequential carving of the VPC range.
 */
export class FixedSubnetCidrs implements ec2.IIpAddresses {
  constructor(private readonly props: FixedSubnetCidrsProps) {
    for (const [type, cidrs] of Object.entries(props.subnetCidrs)) {
      if (cidrs?.length !== props.availabilityZones.length) {
        throw new Error(`${type} subnets need one CIDR per availability zone`);
      }
    }
  }

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.props.vpcCidr };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const allocatedSubnets = input.requestedSubnets.map((subnet) => {
      const zoneIndex = this.props.availabilityZones.indexOf(subnet.availabilityZone);
      const cidr = this.props.subnetCidrs[subnet.configuration.subnetType]?.[zoneIndex];
      if (!cidr) {
        throw new Error(
          `No CIDR for a ${subnet.configuration.subnetType} subnet in ${subnet.availabilityZone}`,
        );
      }
      return { cidr };
    });
    return { allocatedSubnets };
  }
}
