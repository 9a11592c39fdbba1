import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elasticache from "aws-cdk-lib/aws-elasticache";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

export interface ManagedRedisProps {
  readonly vpc: ec2.IVpc;
  /** The only group allowed to connect on 6379 (the tasks). */
  readonly clientSecurityGroup: ec2.ISecurityGroup;
  readonly replicationGroupId: string;
  /** e.g. `cache.t4g.small`. */
  readonly nodeType: string;
  /** @default "7.1" */
  readonly engineVersion?: string;
  /** @default 1 */
  readonly snapshotRetentionDays?: number;
}

const redisPort = 6379;

/**
 * ElastiCache Redis with a replica in the other AZ and automatic failover,
 * encrypted at rest and in transit (hence the `rediss://` URL).
 */
export class ManagedRedis extends Construct {
  public readonly replicationGroup: elasticache.CfnReplicationGroup;
  public readonly securityGroup: ec2.SecurityGroup;
  /** What the services read as REDIS_URL. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: ManagedRedisProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      description: "Redis: 6379 from the StockWiz tasks only",
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(redisPort),
      "Tasks to Redis",
    );

    const privateSubnets = props.vpc.selectSubnets({
      subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS,
    });
    const subnetGroup = new elasticache.CfnSubnetGroup(this, "SubnetGroup", {
      description: "StockWiz Redis private subnets",
      subnetIds: privateSubnets.subnetIds,
    });
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, "ReplicationGroup", {
      replicationGroupId: props.replicationGroupId,
      replicationGroupDescription: "StockWiz cache",
      engine: "redis",
      engineVersion: props.engineVersion ?? "7.1",
      cacheNodeType: props.nodeType,
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      port: redisPort,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      snapshotRetentionLimit: props.snapshotRetentionDays ?? 1,
      autoMinorVersionUpgrade: true,
    });
    NagSuppressions.addResourceSuppressions(this.replicationGroup, [
      {
        id: "AwsSolutions-AEC5",
        reason: "The services' REDIS_URL contract uses 6379; only the task group may connect",
      },
      {
        id: "AwsSolutions-AEC6",
        reason:
          "REDIS_URL is a plain env value by contract; TLS and the task-only group guard the cache",
      },
    ]);
    this.url = `rediss://${this.replicationGroup.attrPrimaryEndPointAddress}:${redisPort}`;
  }
}
