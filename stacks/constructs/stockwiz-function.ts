import { RemovalPolicy } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as logs from "aws-cdk-lib/aws-logs";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { type App, type FunctionProps, Function as SstFunction } from "sst/constructs";
import { lambdaRuntime } from "../aspects/sst-handler-runtime.ts";
import { retentionDays } from "./retention-days.ts";

/** Loaded by dynamic import in embedded mode only; pg-native is pg's optional native driver. */
const externalModules = ["@electric-sql/pglite", "kysely-pglite-dialect", "pg-native"];

export interface StockwizFunctionProps {
  /** `<stage>-stockwiz-<name>`; its logs go to `/aws/lambda/<functionName>`. */
  readonly functionName: string;
  /** `path/to/file.export`, relative to the repository root (as SST resolves it). */
  readonly handler: string;
  readonly description: string;
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Most instances at once. @default no reservation */
  readonly reservedConcurrency?: number;
  /** Present: the function runs in these subnets of the VPC with this security group. */
  readonly network?: {
    readonly vpc: ec2.IVpc;
    readonly subnets: readonly ec2.ISubnet[];
    readonly securityGroup: ec2.ISecurityGroup;
  };
  /** A public function URL (auth NONE), for callers that are not the ALB. @default none */
  readonly url?: boolean;
  /** Files to put into the bundle. @default none */
  readonly copyFiles?: FunctionProps["copyFiles"];
  /** Build steps around SST's bundling. @default none */
  readonly hooks?: FunctionProps["hooks"];
  /** Under `sst dev`, run in the developer's process. @default true */
  readonly liveDevelopment?: boolean;
}

/**
 * One StockWiz handler as an SST Function: Node.js 24 on Graviton, ESM bundle without source maps
 * (readable, unminified stack traces; none for SST to upload, so `sst build` and the offline synth
 * agree), no X-Ray, a log group of bounded retention that goes with the stage. Under `sst dev` it
 * is Live Lambda: invocations run on the developer's machine.
 */
export class StockwizFunction extends Construct {
  public readonly function: SstFunction;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: StockwizFunctionProps) {
    super(scope, id);
    if (props.reservedConcurrency !== undefined && props.reservedConcurrency < 1) {
      throw new Error("reservedConcurrency must be at least 1");
    }
    if (props.timeoutSeconds < 1 || props.timeoutSeconds > 900) {
      throw new Error("timeoutSeconds must be between 1 and 900");
    }
    // Named as Lambda names a function's group, so the SST console and `aws logs tail` find it;
    // created before the function, so Lambda never creates it first.
    this.logGroup = new logs.LogGroup(this, "LogGroup", {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: retentionDays(props.logRetentionDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // SST wants its constructs' ids unique in a stack; the console lists the function by this one.
    this.function = new SstFunction(this, id, {
      functionName: props.functionName,
      description: props.description,
      handler: props.handler,
      runtime: lambdaRuntime.name as "nodejs24.x",
      architecture: "arm_64",
      memorySize: props.memoryMiB,
      timeout: props.timeoutSeconds,
      tracing: "disabled",
      environment: { ...props.environment },
      reservedConcurrentExecutions: props.reservedConcurrency,
      nodejs: { format: "esm", sourcemap: false, esbuild: { external: externalModules } },
      copyFiles: props.copyFiles,
      hooks: props.hooks,
      enableLiveDev: props.liveDevelopment ?? true,
      url: props.url ? { authorizer: "none", cors: false } : undefined,
      ...(props.network
        ? {
            vpc: props.network.vpc,
            vpcSubnets: { subnets: [...props.network.subnets] },
            securityGroups: [props.network.securityGroup],
          }
        : {}),
    });
    this.function.node.addDependency(this.logGroup);
    const managedPolicies = [
      "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      ...(props.network
        ? [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
          ]
        : []),
    ];
    NagSuppressions.addResourceSuppressions(
      this.function,
      [
        {
          id: "AwsSolutions-IAM4",
          reason:
            "AWS's managed Lambda policies: write the function's own logs, and (in a VPC) manage its network interfaces",
          appliesTo: managedPolicies,
        },
      ],
      true,
    );
    if ((this.node.root as App).mode === "dev" && (props.liveDevelopment ?? true)) {
      NagSuppressions.addResourceSuppressions(
        this.function,
        [
          {
            id: "AwsSolutions-IAM5",
            reason:
              "sst dev only: SST's Live Lambda bridge talks to the developer's machine over AWS IoT and passes large payloads through SST's bootstrap bucket",
            appliesTo: [
              "Action::iot:*",
              "Action::s3:*",
              "Resource::*",
              { regex: "/^Resource::arn:<AWS::Partition>:s3:::.+\\/\\*$/" },
            ],
          },
        ],
        true,
      );
    }
  }
}
