import type { CfnValue, StackTemplate } from "../../scripts/cost/stage-index.ts";

/**
 * Hand-made templates of the serverless stage shape (issue 14): an internet-facing ALB in two
 * AZs with three Lambda target groups (arm64, Node 24), Aurora Serverless v2 PostgreSQL that
 * pauses (min 0 ACU) with IAM authentication, no NAT, no Redis, no secret. Options add the
 * things that would break the budget, one at a time.
 */
export interface ServerlessStageOptions {
  readonly stage?: string;
  /** An interface endpoint (Secrets Manager) in this many of the isolated subnets. */
  readonly interfaceEndpointAzs?: 1 | 2;
  readonly natGateway?: boolean;
  readonly dashboard?: boolean;
  /** Health checks on the Lambda target groups (ALB default interval, 35 s). */
  readonly lambdaHealthChecks?: boolean;
  /** A synthetic check through the ALB on this schedule, e.g. "rate(5 minutes)". */
  readonly syntheticCheckSchedule?: string;
  /**
   * The inventory service's scheduled function on this schedule, e.g. "rate(12 hours)": in the
   * VPC, outside the load balancer, signing in to the database with IAM (`rds-db:connect`).
   */
  readonly periodicTasksSchedule?: string;
  readonly rdsProxy?: boolean;
  readonly provisionedConcurrency?: number;
  /** Extra resources, by logical id, in the Service stack (e.g. a type the table lacks). */
  readonly extraServiceResources?: Record<string, CfnValue>;
}

const routes = ["api", "products", "inventory"] as const;
const ref = (logicalId: string) => ({ Ref: logicalId });
const arnOf = (logicalId: string) => ({ "Fn::GetAtt": [logicalId, "Arn"] });
const role = { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: {} } };

export function serverlessStage(options: ServerlessStageOptions = {}): StackTemplate[] {
  const stage = options.stage ?? "pr-42";
  const exported = (stack: string, name: string) => ({
    "Fn::ImportValue": `${stage}-${stack}:${name}`,
  });
  const output = (stack: string, name: string, value: CfnValue) => ({
    [name]: { Value: value, Export: { Name: `${stage}-${stack}:${name}` } },
  });
  const subnet = (zone: string, cidr: string) => ({
    Type: "AWS::EC2::Subnet",
    Properties: { VpcId: ref("Vpc"), AvailabilityZone: `us-east-1${zone}`, CidrBlock: cidr },
  });

  const network = {
    Resources: {
      Vpc: { Type: "AWS::EC2::VPC", Properties: { CidrBlock: "10.0.0.0/16" } },
      PublicA: subnet("a", "10.0.1.0/24"),
      PublicB: subnet("b", "10.0.2.0/24"),
      IsolatedA: subnet("a", "10.0.11.0/24"),
      IsolatedB: subnet("b", "10.0.12.0/24"),
      Gateway: { Type: "AWS::EC2::InternetGateway", Properties: {} },
      GatewayAttachment: {
        Type: "AWS::EC2::VPCGatewayAttachment",
        Properties: { VpcId: ref("Vpc"), InternetGatewayId: ref("Gateway") },
      },
      PublicRoutes: { Type: "AWS::EC2::RouteTable", Properties: { VpcId: ref("Vpc") } },
      DefaultRoute: {
        Type: "AWS::EC2::Route",
        Properties: { RouteTableId: ref("PublicRoutes"), GatewayId: ref("Gateway") },
      },
      FunctionsSecurityGroup: {
        Type: "AWS::EC2::SecurityGroup",
        Properties: { VpcId: ref("Vpc") },
      },
      ...(options.interfaceEndpointAzs === undefined
        ? {}
        : {
            SecretsEndpoint: {
              Type: "AWS::EC2::VPCEndpoint",
              Properties: {
                VpcId: ref("Vpc"),
                ServiceName: "com.amazonaws.us-east-1.secretsmanager",
                VpcEndpointType: "Interface",
                SubnetIds: [ref("IsolatedA"), ref("IsolatedB")].slice(
                  0,
                  options.interfaceEndpointAzs,
                ),
              },
            },
          }),
      ...(options.natGateway
        ? {
            NatAddress: { Type: "AWS::EC2::EIP", Properties: { Domain: "vpc" } },
            Nat: {
              Type: "AWS::EC2::NatGateway",
              Properties: {
                SubnetId: ref("PublicA"),
                AllocationId: { "Fn::GetAtt": ["NatAddress", "AllocationId"] },
              },
            },
          }
        : {}),
    },
    Outputs: {
      ...output("Network", "PublicA", ref("PublicA")),
      ...output("Network", "PublicB", ref("PublicB")),
      ...output("Network", "IsolatedA", ref("IsolatedA")),
      ...output("Network", "Vpc", ref("Vpc")),
    },
  };

  const data = {
    Resources: {
      DatabaseSubnets: {
        Type: "AWS::RDS::DBSubnetGroup",
        Properties: {
          SubnetIds: [exported("Network", "IsolatedA")],
          DBSubnetGroupDescription: "db",
        },
      },
      Database: {
        Type: "AWS::RDS::DBCluster",
        Properties: {
          Engine: "aurora-postgresql",
          EngineVersion: "16.6",
          EnableIAMDatabaseAuthentication: true,
          StorageEncrypted: true,
          ServerlessV2ScalingConfiguration: {
            MinCapacity: 0,
            MaxCapacity: 2,
            SecondsUntilAutoPause: 300,
          },
          DBSubnetGroupName: ref("DatabaseSubnets"),
        },
      },
      DatabaseWriter: {
        Type: "AWS::RDS::DBInstance",
        Properties: {
          DBClusterIdentifier: ref("Database"),
          DBInstanceClass: "db.serverless",
          Engine: "aurora-postgresql",
        },
      },
      ...(options.rdsProxy
        ? {
            Proxy: {
              Type: "AWS::RDS::DBProxy",
              Properties: { DBProxyName: `${stage}-proxy`, EngineFamily: "POSTGRESQL" },
            },
            ProxyTargets: {
              Type: "AWS::RDS::DBProxyTargetGroup",
              Properties: {
                DBProxyName: ref("Proxy"),
                TargetGroupName: "default",
                DBClusterIdentifiers: [ref("Database")],
              },
            },
          }
        : {}),
    },
  };

  const functionId = (route: string) => `${route}Function`;
  const service = {
    Resources: {
      LoadBalancer: {
        Type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
        Properties: {
          Name: `${stage}-alb`,
          Scheme: "internet-facing",
          Type: "application",
          Subnets: [exported("Network", "PublicA"), exported("Network", "PublicB")],
        },
      },
      Listener: {
        Type: "AWS::ElasticLoadBalancingV2::Listener",
        Properties: {
          LoadBalancerArn: ref("LoadBalancer"),
          Port: 80,
          Protocol: "HTTP",
          DefaultActions: [{ Type: "forward", TargetGroupArn: ref("apiTargets") }],
        },
      },
      ...Object.fromEntries(
        routes.flatMap((route, index) => [
          [
            functionId(route),
            {
              Type: "AWS::Lambda::Function",
              Properties: {
                FunctionName: `${stage}-${route}`,
                Runtime: "nodejs24.x",
                Architectures: ["arm64"],
                MemorySize: 1024,
                Handler: "index.handler",
                Role: arnOf("FunctionRole"),
                VpcConfig: { SubnetIds: [exported("Network", "IsolatedA")] },
              },
            },
          ],
          [`${route}Logs`, { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 7 } }],
          [
            `${route}Invoke`,
            {
              Type: "AWS::Lambda::Permission",
              Properties: {
                Action: "lambda:InvokeFunction",
                FunctionName: arnOf(functionId(route)),
                Principal: "elasticloadbalancing.amazonaws.com",
              },
            },
          ],
          [
            `${route}Targets`,
            {
              Type: "AWS::ElasticLoadBalancingV2::TargetGroup",
              Properties: {
                TargetType: "lambda",
                HealthCheckEnabled: options.lambdaHealthChecks ?? false,
                Targets: [{ Id: arnOf(functionId(route)) }],
              },
            },
          ],
          ...(index === 0
            ? []
            : [
                [
                  `${route}Rule`,
                  {
                    Type: "AWS::ElasticLoadBalancingV2::ListenerRule",
                    Properties: {
                      ListenerArn: ref("Listener"),
                      Priority: index * 100,
                      Conditions: [
                        { Field: "path-pattern", PathPatternConfig: { Values: [`/${route}/*`] } },
                      ],
                      Actions: [{ Type: "forward", TargetGroupArn: ref(`${route}Targets`) }],
                    },
                  },
                ],
              ]),
        ]),
      ),
      FunctionRole: role,
      ...(options.periodicTasksSchedule === undefined
        ? {}
        : {
            PeriodicRole: role,
            PeriodicRoleConnect: {
              Type: "AWS::IAM::Policy",
              Properties: {
                Roles: [ref("PeriodicRole")],
                PolicyDocument: {
                  Statement: [{ Effect: "Allow", Action: "rds-db:connect", Resource: "*" }],
                },
              },
            },
            Periodic: {
              Type: "AWS::Lambda::Function",
              Properties: {
                Architectures: ["arm64"],
                MemorySize: 1024,
                Runtime: "nodejs24.x",
                Handler: "index.handler",
                Role: arnOf("PeriodicRole"),
              },
            },
            PeriodicSchedule: {
              Type: "AWS::Events::Rule",
              Properties: {
                ScheduleExpression: options.periodicTasksSchedule,
                Targets: [{ Arn: arnOf("Periodic"), Id: "Target0" }],
              },
            },
          }),
      ...(options.provisionedConcurrency
        ? {
            apiLive: {
              Type: "AWS::Lambda::Alias",
              Properties: {
                FunctionName: ref(functionId("api")),
                FunctionVersion: "1",
                Name: "live",
                ProvisionedConcurrencyConfig: {
                  ProvisionedConcurrentExecutions: options.provisionedConcurrency,
                },
              },
            },
          }
        : {}),
      ...options.extraServiceResources,
    },
    Outputs: {
      ...output("Service", "LoadBalancerDns", { "Fn::GetAtt": ["LoadBalancer", "DNSName"] }),
      ...output("Service", "LoadBalancerFullName", {
        "Fn::GetAtt": ["LoadBalancer", "LoadBalancerFullName"],
      }),
    },
  };

  const alarm = (metric: string) => ({
    Type: "AWS::CloudWatch::Alarm",
    Properties: {
      Namespace: "AWS/ApplicationELB",
      MetricName: metric,
      Dimensions: [{ Name: "LoadBalancer", Value: exported("Service", "LoadBalancerFullName") }],
      Period: 300,
      EvaluationPeriods: 2,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: [ref("Alerts")],
    },
  });
  const monitoring = {
    Resources: {
      Alerts: { Type: "AWS::SNS::Topic", Properties: { TopicName: `${stage}-alerts` } },
      AlertsByEmail: {
        Type: "AWS::SNS::Subscription",
        Properties: { TopicArn: ref("Alerts"), Protocol: "email", Endpoint: "oncall@example.test" },
      },
      Target5xx: alarm("HTTPCode_Target_5XX_Count"),
      Elb5xx: alarm("HTTPCode_ELB_5XX_Count"),
      LambdaErrors: alarm("LambdaUserError"),
      ...(options.dashboard
        ? {
            Dashboard: {
              Type: "AWS::CloudWatch::Dashboard",
              Properties: { DashboardBody: '{"widgets":[]}' },
            },
          }
        : {}),
      ...(options.syntheticCheckSchedule === undefined
        ? {}
        : {
            CheckRole: role,
            Check: {
              Type: "AWS::Lambda::Function",
              Properties: {
                Architectures: ["arm64"],
                MemorySize: 256,
                Runtime: "nodejs24.x",
                Handler: "index.handler",
                Role: arnOf("CheckRole"),
                Environment: {
                  Variables: {
                    CHECK_BASE_URL: {
                      "Fn::Join": ["", ["http://", exported("Service", "LoadBalancerDns")]],
                    },
                  },
                },
              },
            },
            CheckSchedule: {
              Type: "AWS::Events::Rule",
              Properties: {
                ScheduleExpression: options.syntheticCheckSchedule,
                Targets: [{ Arn: arnOf("Check"), Id: "Target0" }],
              },
            },
          }),
    },
  };

  return [
    { stackName: `${stage}-stockwiz-Network`, template: network },
    { stackName: `${stage}-stockwiz-Data`, template: data },
    { stackName: `${stage}-stockwiz-Service`, template: service },
    { stackName: `${stage}-stockwiz-Monitoring`, template: monitoring },
  ];
}
