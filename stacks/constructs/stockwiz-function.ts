import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { RemovalPolicy } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { type App, Function as SstFunction } from "sst/constructs";
import { lambdaRuntime } from "../aspects/sst-handler-runtime.ts";
import {
  functionBundleFile,
  functionEsbuildOptions,
  functionHandler,
} from "../config/function-bundle.ts";
import { type FunctionFiles, writeFunctionFiles } from "../config/function-files.ts";
import { retentionDays } from "./retention-days.ts";

export interface StockwizFunctionProps {
  /** `<stage>-stockwiz-<name>`; its logs go to `/aws/lambda/<functionName>`. */
  readonly functionName: string;
  /** `path/to/file.export`, relative to the repository root (as SST resolves it). */
  readonly handler: string;
  /** Repository root: esbuild's working directory, and where `files` are copied from. */
  readonly rootDir: string;
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
  /** What the function reads beside its bundle (functionFiles). @default nothing */
  readonly files?: FunctionFiles;
  /** Makes what `files` copies (e.g. builds the dashboard), before SST bundles. @default none */
  readonly beforeBuild?: () => Promise<void>;
  /** Under `sst dev`, run in the developer's process. @default true */
  readonly liveDevelopment?: boolean;
}

/**
 * One StockWiz handler as an SST Function: Node.js 24 on Graviton, no X-Ray, a log group of
 * bounded retention that goes with the stage. Deployed, its code is the folder
 * `npm run bundle:lambda` writes, byte for byte: SST's esbuild run takes the functions' options
 * (functionEsbuildOptions; no source maps, none for SST to upload, so `sst build` and the offline
 * synth agree), and the folder is then index.mjs with its files, as Lambda loads it
 * (`index.handler`). Under `sst dev` it is Live Lambda: invocations run on the developer's machine,
 * from SST's own layout, unminified and with SST's source maps, for the debugger.
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
    if (!path.isAbsolute(props.rootDir)) throw new Error("rootDir must be an absolute path");
    // Named as Lambda names a function's group, so the SST console and `aws logs tail` find it;
    // created before the function, so Lambda never creates it first.
    this.logGroup = new logs.LogGroup(this, "LogGroup", {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: retentionDays(props.logRetentionDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const live = (this.node.root as App).mode === "dev" && (props.liveDevelopment ?? true);
    const esbuild = functionEsbuildOptions(props.rootDir);
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
      nodejs: {
        format: "esm",
        sourcemap: false,
        esbuild: live ? { ...esbuild, minify: false } : esbuild,
      },
      hooks: live
        ? undefined
        : {
            beforeBuild: async () => await props.beforeBuild?.(),
            afterBuild: async (_props, out) => {
              await keepOnlyTheBundle(out, props.handler);
              if (props.files) await writeFunctionFiles(out, props.files, props.rootDir);
            },
          },
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
    if (!live) {
      // SST names the handler after the source's path; the folder now holds index.mjs.
      const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
      cfnFunction.addPropertyOverride("Handler", functionHandler);
    }
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

/**
 * SST writes the bundle at its source's path (`packages/x/src/lambda.mjs` for handler
 * `packages/x/src/lambda.handler`), beside the package.json and lock of its install of the
 * packages it always keeps external (none of which StockWiz imports: both are empty). The folder
 * becomes the bundle alone, as index.mjs.
 */
async function keepOnlyTheBundle(out: string, handler: string): Promise<void> {
  const source = path.posix.parse(handler);
  await rename(
    path.join(out, source.dir, `${source.name}.mjs`),
    path.join(out, functionBundleFile),
  );
  for (const entry of await readdir(out)) {
    if (entry !== functionBundleFile) await rm(path.join(out, entry), { recursive: true });
  }
}
