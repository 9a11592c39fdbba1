import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as iam from "aws-cdk-lib/aws-iam";
import * as rds from "aws-cdk-lib/aws-rds";
import * as cr from "aws-cdk-lib/custom-resources";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

export interface ServerlessPostgresProps {
  readonly vpc: ec2.IVpc;
  /** Isolated subnets, two zones. */
  readonly subnets: readonly ec2.ISubnet[];
  /** The only group allowed to connect on 5432 (the functions). */
  readonly clientSecurityGroup: ec2.ISecurityGroup;
  readonly databaseName: string;
  /** Owner of the database; its generated password is used only by the Data API, at deploy. */
  readonly masterUser: string;
  /** The role the functions sign in as, with RDS IAM tokens only. */
  readonly appUser: string;
  /** Aurora PostgreSQL version, e.g. `15.13` (auto-pause needs 15.7 or later). */
  readonly engineVersion: string;
  /** 0 lets the cluster pause. */
  readonly minCapacityAcu: number;
  readonly maxCapacityAcu: number;
  readonly autoPauseMinutes: number;
  readonly backupRetentionDays: number;
  /** DESTROY for stages that come and go with a branch. */
  readonly removalPolicy: RemovalPolicy;
}

const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Aurora Serverless v2 PostgreSQL that costs no compute while idle (minimum 0 ACU: it pauses and
 * resumes on the next connection, in about 15 s). TLS is forced (`rds.force_ssl`); the functions
 * sign in as `appUser` with RDS IAM tokens, which this construct creates at deploy through the
 * RDS Data API (over AWS's API, so nothing in the VPC needs a route out).
 */
export class ServerlessPostgres extends Construct {
  public readonly cluster: rds.DatabaseCluster;
  public readonly securityGroup: ec2.SecurityGroup;
  /** Done once `appUser` exists with the rds_iam role and rights on schema public. */
  public readonly appUserReady: Construct;
  public readonly appUser: string;

  constructor(scope: Construct, id: string, props: ServerlessPostgresProps) {
    super(scope, id);
    for (const [name, value] of Object.entries({
      databaseName: props.databaseName,
      masterUser: props.masterUser,
      appUser: props.appUser,
    })) {
      if (!identifierPattern.test(value)) throw new Error(`${name} must be a plain SQL identifier`);
    }
    if (props.minCapacityAcu < 0 || props.maxCapacityAcu < Math.max(props.minCapacityAcu, 1)) {
      throw new Error(
        "Capacity must satisfy 0 <= minCapacityAcu <= maxCapacityAcu, max at least 1",
      );
    }
    this.appUser = props.appUser;
    this.securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      description: "Aurora PostgreSQL: 5432 from the StockWiz functions only",
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(5432),
      "Functions to PostgreSQL",
    );

    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      version: rds.AuroraPostgresEngineVersion.of(
        props.engineVersion,
        props.engineVersion.split(".")[0] as string,
      ),
    });
    this.cluster = new rds.DatabaseCluster(this, "Cluster", {
      engine,
      parameterGroup: new rds.ParameterGroup(this, "Parameters", {
        engine,
        description: "TLS only: plain connections are refused",
        parameters: { "rds.force_ssl": "1" },
      }),
      writer: rds.ClusterInstance.serverlessV2("Writer", { autoMinorVersionUpgrade: true }),
      serverlessV2MinCapacity: props.minCapacityAcu,
      serverlessV2MaxCapacity: props.maxCapacityAcu,
      ...(props.minCapacityAcu === 0
        ? { serverlessV2AutoPauseDuration: Duration.minutes(props.autoPauseMinutes) }
        : {}),
      vpc: props.vpc,
      vpcSubnets: { subnets: [...props.subnets] },
      securityGroups: [this.securityGroup],
      defaultDatabaseName: props.databaseName,
      credentials: rds.Credentials.fromGeneratedSecret(props.masterUser, {
        excludeCharacters: " %+~`#$&*()|[]{}:;<>?!'/@\"\\",
      }),
      iamAuthentication: true,
      enableDataApi: true,
      storageEncrypted: true,
      backup: { retention: Duration.days(props.backupRetentionDays) },
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    });
    const secret = this.cluster.secret;
    if (!secret) throw new Error("The cluster has no credentials secret");

    const statement = [
      "DO $$ BEGIN",
      `IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${props.appUser}') THEN CREATE ROLE ${props.appUser} LOGIN; END IF;`,
      `GRANT rds_iam TO ${props.appUser};`,
      `GRANT ALL ON SCHEMA public TO ${props.appUser};`,
      "END $$",
    ].join(" ");
    const executeStatement: cr.AwsSdkCall = {
      service: "RDSDataService",
      action: "executeStatement",
      parameters: {
        resourceArn: this.cluster.clusterArn,
        secretArn: secret.secretArn,
        database: props.databaseName,
        sql: statement,
      },
      physicalResourceId: cr.PhysicalResourceId.of(props.appUser),
    };
    const appUser = new cr.AwsCustomResource(this, "AppUser", {
      onCreate: executeStatement,
      onUpdate: executeStatement,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: ["rds-data:ExecuteStatement"],
          resources: [this.cluster.clusterArn],
        }),
        new iam.PolicyStatement({
          actions: ["secretsmanager:GetSecretValue"],
          resources: [secret.secretArn],
        }),
      ]),
    });
    // The Data API answers once the writer instance is up, not merely the cluster.
    appUser.node.addDependency(this.cluster);
    this.appUserReady = appUser;
    this.suppressFindings();
  }

  /** Lets `grantee` sign in as the app user (rds-db:connect), and nothing else. */
  grantConnect(grantee: iam.IGrantable): iam.Grant {
    return this.cluster.grantConnect(grantee, this.appUser);
  }

  private suppressFindings(): void {
    NagSuppressions.addResourceSuppressions(
      this.cluster,
      [
        {
          id: "AwsSolutions-RDS10",
          reason:
            "A serverless stage (a developer's or a pull request's) is removed with sst remove; deletion protection would block that",
        },
        {
          id: "AwsSolutions-RDS11",
          reason: "The services and libpq use 5432; only the functions' group may connect",
        },
        {
          id: "AwsSolutions-SMG4",
          reason:
            "The master password is used only by the Data API at deploy; the functions sign in with IAM tokens, which expire by themselves",
        },
      ],
      true,
    );
    // AwsCustomResource's one provider function per stack.
    const provider = Stack.of(this).node.tryFindChild("AWS679f53fac002430cb0da5b7982bd2287");
    if (provider) {
      NagSuppressions.addResourceSuppressions(
        provider,
        [
          {
            id: "AwsSolutions-IAM4",
            reason: "CDK's AwsCustomResource provider logs through AWSLambdaBasicExecutionRole",
            appliesTo: [
              "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            ],
          },
        ],
        true,
      );
    }
  }
}
