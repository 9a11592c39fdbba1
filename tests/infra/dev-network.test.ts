import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CfnResource,
  onlyResourceOfType,
  referencedLogicalId,
  resourcesOfType,
} from "./cloudformation.ts";
import { synthesizeStage } from "./synthesize-stage.ts";

// INFRA.md "Network", stage dev.
let network: Template;
let service: Template;

beforeAll(async () => {
  const dev = await synthesizeStage("dev");
  network = dev.template("Network");
  service = dev.template("Service");
});

const subnetsByCidr = (): Record<string, CfnResource> =>
  Object.fromEntries(
    resourcesOfType(network, "AWS::EC2::Subnet").map((subnet) => [
      subnet.properties.CidrBlock,
      subnet,
    ]),
  );

describe("dev network", () => {
  it("when synthesized then the VPC is 10.0.0.0/16 with DNS hostnames and support on", () => {
    network.hasResourceProperties("AWS::EC2::VPC", {
      CidrBlock: "10.0.0.0/16",
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
      Tags: Match.arrayWith([{ Key: "Name", Value: "dev-vpc" }]),
    });
  });

  it("when synthesized then exactly the four legacy subnets exist, one of each tier per AZ", () => {
    const zones = Object.fromEntries(
      Object.entries(subnetsByCidr()).map(([cidr, subnet]) => [
        cidr,
        subnet.properties.AvailabilityZone,
      ]),
    );
    expect(zones).toEqual({
      "10.0.1.0/24": "us-east-1a",
      "10.0.2.0/24": "us-east-1b",
      "10.0.11.0/24": "us-east-1a",
      "10.0.12.0/24": "us-east-1b",
    });
  });

  it("when synthesized then no subnet hands out public IPs (the private tasks get none)", () => {
    for (const subnet of Object.values(subnetsByCidr())) {
      expect(subnet.properties.MapPublicIpOnLaunch).toBe(false);
    }
  });

  it("when synthesized then public subnets route to the internet gateway and private ones to the NAT", () => {
    network.resourceCountIs("AWS::EC2::InternetGateway", 1);
    network.resourceCountIs("AWS::EC2::NatGateway", 1);
    const subnets = subnetsByCidr();
    const routeOf = (cidr: string) => {
      const subnetId = subnets[cidr]?.logicalId;
      const association = resourcesOfType(network, "AWS::EC2::SubnetRouteTableAssociation").find(
        (a) => a.properties.SubnetId.Ref === subnetId,
      );
      const tableId = association?.properties.RouteTableId.Ref;
      return resourcesOfType(network, "AWS::EC2::Route").find(
        (route) =>
          route.properties.RouteTableId.Ref === tableId &&
          route.properties.DestinationCidrBlock === "0.0.0.0/0",
      )?.properties;
    };
    const gatewayId = onlyResourceOfType(network, "AWS::EC2::InternetGateway").logicalId;
    const natId = onlyResourceOfType(network, "AWS::EC2::NatGateway").logicalId;
    for (const cidr of ["10.0.1.0/24", "10.0.2.0/24"]) {
      expect(routeOf(cidr)?.GatewayId).toEqual({ Ref: gatewayId });
    }
    for (const cidr of ["10.0.11.0/24", "10.0.12.0/24"]) {
      expect(routeOf(cidr)?.NatGatewayId).toEqual({ Ref: natId });
    }
  });

  it("when synthesized then the one NAT gateway sits in a public subnet", () => {
    const nat = onlyResourceOfType(network, "AWS::EC2::NatGateway");
    const publicIds = ["10.0.1.0/24", "10.0.2.0/24"].map(
      (cidr) => subnetsByCidr()[cidr]?.logicalId,
    );
    expect(publicIds).toContain(nat.properties.SubnetId.Ref);
  });

  it("when synthesized then rejected traffic is kept in VPC flow logs", () => {
    network.hasResourceProperties("AWS::EC2::FlowLog", {
      ResourceType: "VPC",
      TrafficType: "REJECT",
      LogDestinationType: "cloud-watch-logs",
    });
  });
});

describe("dev security groups", () => {
  const groupNamed = (name: string) =>
    resourcesOfType(network, "AWS::EC2::SecurityGroup").find(
      (g) => g.properties.GroupName === name,
    );
  const ingressRules = () => resourcesOfType(network, "AWS::EC2::SecurityGroupIngress");

  it("when synthesized then the ALB group lets 80 and 443 in from anywhere and nothing else", () => {
    const ingress = groupNamed("dev-alb-sg")?.properties.SecurityGroupIngress;
    expect(ingress).toEqual([
      expect.objectContaining({ CidrIp: "0.0.0.0/0", IpProtocol: "tcp", FromPort: 80, ToPort: 80 }),
      expect.objectContaining({
        CidrIp: "0.0.0.0/0",
        IpProtocol: "tcp",
        FromPort: 443,
        ToPort: 443,
      }),
    ]);
  });

  it("when synthesized then the task group accepts only 8000–8002 and only from the ALB group", () => {
    const tasks = groupNamed("dev-ecs-tasks-sg");
    const alb = groupNamed("dev-alb-sg");
    expect(tasks?.properties.SecurityGroupIngress).toBeUndefined();
    const intoTasks = ingressRules().filter(
      (rule) => referencedLogicalId(rule.properties.GroupId) === tasks?.logicalId,
    );
    expect(intoTasks.map((rule) => rule.properties)).toEqual([
      expect.objectContaining({ IpProtocol: "tcp", FromPort: 8000, ToPort: 8002 }),
    ]);
    expect(referencedLogicalId(intoTasks[0]?.properties.SourceSecurityGroupId)).toBe(
      alb?.logicalId,
    );
  });

  it("when synthesized then the task group may reach anything outbound", () => {
    expect(groupNamed("dev-ecs-tasks-sg")?.properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: "0.0.0.0/0", IpProtocol: "-1" }),
    ]);
  });

  it("when synthesized then nothing opens 5432 or 6379: in dev they live inside the task, on localhost", () => {
    const dataPorts = ingressRules().filter((rule) =>
      [5432, 6379].includes(rule.properties.FromPort),
    );
    expect(dataPorts).toEqual([]);
  });

  it("when the service and ALB are deployed then they use these groups, unchanged", () => {
    const serviceGroups = onlyResourceOfType(service, "AWS::ECS::Service").properties
      .NetworkConfiguration.AwsvpcConfiguration.SecurityGroups;
    const albGroups = onlyResourceOfType(service, "AWS::ElasticLoadBalancingV2::LoadBalancer")
      .properties.SecurityGroups;
    expect(serviceGroups.map((g: unknown) => referencedLogicalId(g, network))).toEqual([
      groupNamed("dev-ecs-tasks-sg")?.logicalId,
    ]);
    expect(albGroups.map((g: unknown) => referencedLogicalId(g, network))).toEqual([
      groupNamed("dev-alb-sg")?.logicalId,
    ]);
    expect(resourcesOfType(service, "AWS::EC2::SecurityGroupIngress")).toEqual([]);
  });
});
