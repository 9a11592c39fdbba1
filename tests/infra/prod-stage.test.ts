import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import {
  containerDefinitions,
  containerNamed,
  environmentOf,
  onlyResourceOfType,
  referencedLogicalId,
  resolveImport,
  resourcesOfType,
  secretsOf,
} from "./cloudformation.ts";
import { synthesizeStage } from "./synthesize-stage.ts";

// prod: where users outgrow one task (managed stores, 2+ tasks, NAT per AZ, WAF, API keys).
let network: Template;
let data: Template;
let service: Template;

beforeAll(async () => {
  const prod = await synthesizeStage("prod");
  network = prod.template("Network");
  data = prod.template("Data");
  service = prod.template("Service");
});

const taskGroupId = () =>
  resourcesOfType(network, "AWS::EC2::SecurityGroup").find(
    (group) => group.properties.GroupName === "prod-ecs-tasks-sg",
  )?.logicalId;

describe("prod network", () => {
  it("when synthesized then the legacy VPC layout is kept with a NAT gateway in each AZ", () => {
    network.hasResourceProperties("AWS::EC2::VPC", { CidrBlock: "10.0.0.0/16" });
    const cidrs = resourcesOfType(network, "AWS::EC2::Subnet").map((s) => s.properties.CidrBlock);
    expect(cidrs.sort()).toEqual(["10.0.1.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.2.0/24"]);
    network.resourceCountIs("AWS::EC2::NatGateway", 2);
  });
});

describe("prod service", () => {
  it("when synthesized then at least 2 tasks run, spread over the private subnets of both AZs", () => {
    const props = onlyResourceOfType(service, "AWS::ECS::Service").properties;
    expect(props.ServiceName).toBe("prod-stockwiz");
    expect(props.DesiredCount).toBeGreaterThanOrEqual(2);
    const zones = props.NetworkConfiguration.AwsvpcConfiguration.Subnets.map(
      (subnet: unknown) =>
        network.toJSON().Resources[referencedLogicalId(subnet, network) as string].Properties
          .AvailabilityZone,
    );
    expect(zones).toEqual(["us-east-1a", "us-east-1b"]);
    const scaling = onlyResourceOfType(
      service,
      "AWS::ApplicationAutoScaling::ScalableTarget",
    ).properties;
    expect(scaling.MinCapacity).toBeGreaterThanOrEqual(2);
  });

  it("when synthesized then the task runs only the three services: no database or cache containers", () => {
    expect(containerDefinitions(service).map((c) => c.Name)).toEqual([
      "api-gateway",
      "product-service",
      "inventory-service",
    ]);
    expect(containerNamed(service, "api-gateway").DependsOn).toBeUndefined();
  });

  it("when synthesized then the services get the RDS endpoint, the TLS Redis endpoint and the RDS secret", () => {
    const instanceId = onlyResourceOfType(data, "AWS::RDS::DBInstance").logicalId;
    const cacheId = onlyResourceOfType(data, "AWS::ElastiCache::ReplicationGroup").logicalId;
    const env = environmentOf(containerNamed(service, "product-service"));
    expect(referencedLogicalId(env.DB_HOST, data)).toBe(instanceId);
    expect(env.DB_NAME).toBe("microservices_db");
    const [scheme, host, port] = env.REDIS_URL["Fn::Join"][1];
    expect([scheme, port]).toEqual(["rediss://", ":6379"]);
    expect(resolveImport(host, data)).toEqual({
      "Fn::GetAtt": [cacheId, "PrimaryEndPoint.Address"],
    });
    const [secretRef, field] = secretsOf(containerNamed(service, "product-service")).DB_PASSWORD[
      "Fn::Join"
    ][1];
    const attachment = onlyResourceOfType(data, "AWS::SecretsManager::SecretTargetAttachment");
    expect(referencedLogicalId(secretRef, data)).toBe(attachment.logicalId);
    expect(field).toBe(":password::");
  });

  it.each(["api-gateway", "product-service", "inventory-service"])(
    "when synthesized then %s reads API_KEYS for writes from the api-keys secret",
    (name) => {
      const apiKeysSecretId = resourcesOfType(data, "AWS::SecretsManager::Secret").find(
        (secret) => secret.properties.Name === "prod/stockwiz/api-keys",
      )?.logicalId;
      const valueFrom = secretsOf(containerNamed(service, name)).API_KEYS;
      expect(apiKeysSecretId).toBeDefined();
      expect(referencedLogicalId(valueFrom, data)).toBe(apiKeysSecretId);
      expect(environmentOf(containerNamed(service, name)).API_KEYS).toBeUndefined();
    },
  );

  it("when synthesized then WAF guards the ALB with AWS's common rule set and a per-IP rate rule", () => {
    const acl = onlyResourceOfType(service, "AWS::WAFv2::WebACL").properties;
    expect(acl.Scope).toBe("REGIONAL");
    const statements = acl.Rules.map((rule: { Statement: object }) => rule.Statement);
    expect(statements).toContainEqual({
      ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" },
    });
    expect(statements).toContainEqual({
      RateBasedStatement: { Limit: 2000, AggregateKeyType: "IP" },
    });
    const association = onlyResourceOfType(service, "AWS::WAFv2::WebACLAssociation").properties;
    expect(association.ResourceArn).toEqual({
      Ref: onlyResourceOfType(service, "AWS::ElasticLoadBalancingV2::LoadBalancer").logicalId,
    });
  });

  it("when no certificate is configured then the rules stay on HTTP 80", () => {
    const listener = onlyResourceOfType(
      service,
      "AWS::ElasticLoadBalancingV2::Listener",
    ).properties;
    expect(listener).toMatchObject({ Port: 80, Protocol: "HTTP" });
    service.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 2);
  });
});

describe("prod data stores", () => {
  it("when synthesized then PostgreSQL 15 runs on RDS Multi-AZ, encrypted, with deletion protection and backups", () => {
    data.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      EngineVersion: "15",
      MultiAZ: true,
      DBName: "microservices_db",
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 14,
    });
    const instance = onlyResourceOfType(data, "AWS::RDS::DBInstance").raw;
    expect(instance.DeletionPolicy).toBe("Snapshot");
  });

  it("when synthesized then the database password is generated in Secrets Manager", () => {
    const secret = resourcesOfType(data, "AWS::SecretsManager::Secret").find(
      (s) => s.properties.Name === "prod/stockwiz/database",
    );
    expect(secret?.properties.GenerateSecretString).toMatchObject({
      GenerateStringKey: "password",
    });
    expect(
      JSON.stringify(
        onlyResourceOfType(data, "AWS::RDS::DBInstance").properties.MasterUserPassword,
      ),
    ).toContain("resolve:secretsmanager");
  });

  it("when synthesized then Redis runs on ElastiCache with a replica in the other AZ and encryption", () => {
    data.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
      Engine: "redis",
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      Port: 6379,
    });
  });

  it.each(["AWS::RDS::DBSubnetGroup", "AWS::ElastiCache::SubnetGroup"])(
    "when synthesized then %s places the store in the two private subnets",
    (type) => {
      const subnetIds = onlyResourceOfType(data, type).properties.SubnetIds;
      const cidrs = subnetIds.map(
        (subnet: unknown) =>
          network.toJSON().Resources[referencedLogicalId(subnet, network) as string].Properties
            .CidrBlock,
      );
      expect(cidrs).toEqual(["10.0.11.0/24", "10.0.12.0/24"]);
    },
  );

  it.each([
    ["AWS::RDS::DBInstance", 5432, "VPCSecurityGroups"],
    ["AWS::ElastiCache::ReplicationGroup", 6379, "SecurityGroupIds"],
  ])(
    "when synthesized then %s accepts %i only from the task group",
    (type, port, groupsProperty) => {
      const groupIds = onlyResourceOfType(data, type).properties[groupsProperty].map((g: unknown) =>
        referencedLogicalId(g),
      );
      const rules = resourcesOfType(data, "AWS::EC2::SecurityGroup")
        .filter((group) => groupIds.includes(group.logicalId))
        .flatMap((group) => group.properties.SecurityGroupIngress ?? [])
        .concat(
          resourcesOfType(data, "AWS::EC2::SecurityGroupIngress")
            .filter((rule) => groupIds.includes(referencedLogicalId(rule.properties.GroupId)))
            .map((rule) => rule.properties),
        );
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({ FromPort: port, ToPort: port, IpProtocol: "tcp" });
      expect(referencedLogicalId(rules[0].SourceSecurityGroupId, network)).toBe(taskGroupId());
    },
  );
});
