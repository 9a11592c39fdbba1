import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as rds from "aws-cdk-lib/aws-rds";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

export interface ManagedPostgresProps {
  readonly vpc: ec2.IVpc;
  /** The only group allowed to connect on 5432 (the tasks). */
  readonly clientSecurityGroup: ec2.ISecurityGroup;
  readonly databaseName: string;
  readonly username: string;
  /** Name of the generated credentials secret (JSON with `username` and `password`). */
  readonly secretName: string;
  /** e.g. `t4g.medium`. */
  readonly instanceType: string;
  readonly allocatedStorageGiB: number;
  readonly backupRetentionDays: number;
}

/**
 * PostgreSQL 15 on RDS, Multi-AZ, encrypted, backed up and protected from
 * deletion; the password is generated into Secrets Manager, never seen in code.
 */
export class ManagedPostgres extends Construct {
  public readonly instance: rds.DatabaseInstance;
  public readonly secret: secretsmanager.ISecret;
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ManagedPostgresProps) {
    super(scope, id);
    if (props.backupRetentionDays < 1) throw new Error("backupRetentionDays must be at least 1");
    this.securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      description: "PostgreSQL: 5432 from the StockWiz tasks only",
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(5432),
      "Tasks to PostgreSQL",
    );

    this.instance = new rds.DatabaseInstance(this, "Instance", {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_15 }),
      instanceType: new ec2.InstanceType(props.instanceType),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      multiAz: true,
      databaseName: props.databaseName,
      credentials: rds.Credentials.fromGeneratedSecret(props.username, {
        secretName: props.secretName,
        // Keep the password safe to embed in a connection URL.
        excludeCharacters: " %+~`#$&*()|[]{}:;<>?!'/@\"\\",
      }),
      allocatedStorage: props.allocatedStorageGiB,
      maxAllocatedStorage: props.allocatedStorageGiB * 4,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      backupRetention: Duration.days(props.backupRetentionDays),
      deleteAutomatedBackups: false,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      autoMinorVersionUpgrade: true,
      enablePerformanceInsights: true,
      cloudwatchLogsExports: ["postgresql"],
    });
    this.secret = this.instance.secret as secretsmanager.ISecret;
    // Children included: the generated credentials secret lives under the instance.
    NagSuppressions.addResourceSuppressions(
      this.instance,
      [
        {
          id: "AwsSolutions-RDS11",
          reason: "Services and runbooks use 5432; only the task group may connect",
        },
        {
          id: "AwsSolutions-SMG4",
          reason: "Tasks read the password at start; rotate with a forced redeploy, not a schedule",
        },
      ],
      true,
    );
  }
}
