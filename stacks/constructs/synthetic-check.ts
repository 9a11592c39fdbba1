import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { lambdaRuntime } from "../aspects/sst-handler-runtime.ts";

export interface SyntheticCheckProps {
  /** Bundle exporting `handler` from `index.js` (packages/synthetic-check). */
  readonly code: lambda.Code;
  /** Where clients reach StockWiz, e.g. `http://<alb dns>`. */
  readonly baseUrl: string;
  /** `StockWiz/<stage>`. */
  readonly namespace: string;
  readonly everyMinutes: number;
  /** Per-probe timeout. @default 10 */
  readonly probeTimeoutSeconds?: number;
}

/**
 * Calls the public endpoints on a schedule, like a client would, and
 * publishes `HealthCheck-HTTP` (1/0) and `ResponseTime-HTTP` (ms).
 */
export class SyntheticCheck extends Construct {
  public readonly function: lambda.Function;
  public readonly healthMetric: cloudwatch.Metric;
  public readonly responseTimeMetric: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: SyntheticCheckProps) {
    super(scope, id);
    if (props.everyMinutes < 1) throw new Error("everyMinutes must be at least 1");
    const probeTimeoutSeconds = props.probeTimeoutSeconds ?? 10;
    const logGroup = new logs.LogGroup(this, "LogGroup", {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: "Synthetic check: write its logs, publish its metrics in one namespace",
    });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["cloudwatch:PutMetricData"],
        resources: ["*"],
        conditions: { StringEquals: { "cloudwatch:namespace": props.namespace } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: "AwsSolutions-IAM5",
          reason:
            "PutMetricData has no resource-level permissions; the namespace condition narrows it",
          appliesTo: ["Resource::*"],
        },
      ],
      true,
    );
    this.function = new lambda.Function(this, "Function", {
      description: `Synthetic check of ${props.namespace}: GET /health and /api/products`,
      runtime: lambdaRuntime,
      architecture: lambda.Architecture.ARM_64,
      code: props.code,
      handler: "index.handler",
      role,
      logGroup,
      memorySize: 256,
      // Two sequential probes, each bounded, plus the metric call.
      timeout: Duration.seconds(probeTimeoutSeconds * 2 + 10),
      environment: {
        CHECK_BASE_URL: props.baseUrl,
        METRIC_NAMESPACE: props.namespace,
        CHECK_TIMEOUT_MS: String(probeTimeoutSeconds * 1000),
      },
    });
    new events.Rule(this, "Schedule", {
      description: `Run the ${props.namespace} synthetic check`,
      schedule: events.Schedule.rate(Duration.minutes(props.everyMinutes)),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 0 })],
    });
    const period = Duration.minutes(props.everyMinutes);
    this.healthMetric = new cloudwatch.Metric({
      namespace: props.namespace,
      metricName: "HealthCheck-HTTP",
      statistic: cloudwatch.Stats.MINIMUM,
      period,
    });
    this.responseTimeMetric = new cloudwatch.Metric({
      namespace: props.namespace,
      metricName: "ResponseTime-HTTP",
      statistic: cloudwatch.Stats.MAXIMUM,
      period,
    });
  }
}
