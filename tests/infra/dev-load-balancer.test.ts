import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { onlyResourceOfType, referencedLogicalId, resourcesOfType } from "./cloudformation.ts";
import { synthesizeStage } from "./synthesize-stage.ts";

// INFRA.md "Load balancer" and CONTRACT.md §1, stage dev.
let service: Template;
let network: Template;

beforeAll(async () => {
  const dev = await synthesizeStage("dev");
  service = dev.template("Service");
  network = dev.template("Network");
});

const targetGroupId = (name: string) =>
  resourcesOfType(service, "AWS::ElasticLoadBalancingV2::TargetGroup").find(
    (group) => group.properties.Name === name,
  )?.logicalId;

describe("dev load balancer", () => {
  it("when synthesized then dev-alb is internet-facing with HTTP/2 on, in the public subnets", () => {
    const alb = onlyResourceOfType(service, "AWS::ElasticLoadBalancingV2::LoadBalancer").properties;
    expect(alb.Name).toBe("dev-alb");
    expect(alb.Scheme).toBe("internet-facing");
    expect(alb.LoadBalancerAttributes).toContainEqual({
      Key: "routing.http2.enabled",
      Value: "true",
    });
    const subnetCidrs = alb.Subnets.map((subnet: unknown) => {
      const id = referencedLogicalId(subnet, network);
      return network.toJSON().Resources[id as string].Properties.CidrBlock;
    });
    expect(subnetCidrs).toEqual(["10.0.1.0/24", "10.0.2.0/24"]);
  });

  it("when synthesized then one listener on 80/HTTP forwards by default to dev-api-gw-tg", () => {
    const listener = onlyResourceOfType(
      service,
      "AWS::ElasticLoadBalancingV2::Listener",
    ).properties;
    expect(listener).toMatchObject({ Port: 80, Protocol: "HTTP" });
    expect(listener.DefaultActions).toEqual([
      { Type: "forward", TargetGroupArn: { Ref: targetGroupId("dev-api-gw-tg") } },
    ]);
  });

  it("when synthesized then the path rules are CONTRACT.md §1's, with their priorities", () => {
    const rules = resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule")
      .map((rule) => ({
        priority: rule.properties.Priority,
        paths: rule.properties.Conditions[0].PathPatternConfig.Values,
        target: rule.properties.Actions[0].TargetGroupArn.Ref,
      }))
      .sort((a, b) => a.priority - b.priority);
    expect(rules).toEqual([
      {
        priority: 100,
        paths: ["/products/*", "/api/products/*"],
        target: targetGroupId("dev-product-svc-tg"),
      },
      {
        priority: 200,
        paths: ["/inventory/*", "/api/inventory/*"],
        target: targetGroupId("dev-inventory-svc-tg"),
      },
    ]);
  });

  it.each([
    ["dev-api-gw-tg", 8000],
    ["dev-product-svc-tg", 8001],
    ["dev-inventory-svc-tg", 8002],
  ])(
    "when synthesized then target group %s is ip/HTTP on %i with the legacy health check",
    (name, port) => {
      service.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
        Name: name,
        TargetType: "ip",
        Protocol: "HTTP",
        Port: port,
        HealthCheckPath: "/health",
        HealthCheckProtocol: "HTTP",
        Matcher: { HttpCode: "200" },
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 3,
        HealthCheckTimeoutSeconds: 10,
      });
    },
  );

  it("when synthesized then health checks run at most every 60 s (legacy), here every 30 s", () => {
    for (const group of resourcesOfType(service, "AWS::ElasticLoadBalancingV2::TargetGroup")) {
      expect(group.properties.HealthCheckIntervalSeconds).toBe(30);
    }
  });

  it("when synthesized then the ALB writes access logs to a private, TLS-only bucket", () => {
    const alb = onlyResourceOfType(service, "AWS::ElasticLoadBalancingV2::LoadBalancer").properties;
    expect(alb.LoadBalancerAttributes).toContainEqual({
      Key: "access_logs.s3.enabled",
      Value: "true",
    });
    service.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it("when synthesized then dev has no WAF and no HTTPS listener (no certificate configured)", () => {
    service.resourceCountIs("AWS::WAFv2::WebACL", 0);
    service.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
  });
});
