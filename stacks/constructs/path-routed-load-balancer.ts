import { Duration } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { Construct } from "constructs";
import type { ListenerRoute } from "../config/resource-names.ts";
import type { TargetHealthCheckConfig } from "../config/stage-config.ts";
import { AccessLogBucket } from "./access-log-bucket.ts";

export interface RoutedTarget {
  readonly targetGroupName: string;
  /** The container port of an `ip` target; a Lambda target has none. */
  readonly port?: number;
  /** Absent: this target group is the listener's default action. */
  readonly route?: ListenerRoute;
}

export interface PathRoutedLoadBalancerProps {
  readonly loadBalancerName: string;
  readonly vpc: ec2.IVpc;
  /** Declared by the network; the load balancer adds no rules of its own. */
  readonly securityGroup: ec2.ISecurityGroup;
  /** Exactly one target has no route: it takes everything else. */
  readonly targets: Readonly<Record<string, RoutedTarget>>;
  /**
   * "ip": Fargate tasks, health-checked, drained on deregistration. "lambda": functions, not
   * health-checked (each check would be an invocation, and keep a pausing database awake).
   * @default "ip"
   */
  readonly targetType?: "ip" | "lambda";
  /** Required for `ip` targets. */
  readonly healthCheck?: TargetHealthCheckConfig;
  /** Required for `ip` targets. */
  readonly deregistrationDelaySeconds?: number;
  /** With a certificate the rules live on HTTPS 443 and HTTP 80 only redirects. */
  readonly certificateArn?: string;
  readonly accessLogRetentionDays: number;
  /** What becomes of the access logs with the stack. @default "retain" */
  readonly accessLogRemoval?: "retain" | "destroy";
}

/**
 * An internet-facing ALB with one target group per service (`ip` for tasks, `lambda` for
 * functions) and the path rules of CONTRACT.md §1 (priority order), default to the gateway.
 */
export class PathRoutedLoadBalancer extends Construct {
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  public readonly targetGroups: Readonly<Record<string, elbv2.ApplicationTargetGroup>>;
  /** The listener that holds the path rules (HTTPS when a certificate is given, else HTTP). */
  public readonly routingListener: elbv2.ApplicationListener;

  constructor(scope: Construct, id: string, props: PathRoutedLoadBalancerProps) {
    super(scope, id);
    const entries = Object.entries(props.targets);
    const defaults = entries.filter(([, target]) => !target.route);
    if (defaults.length !== 1) throw new Error("Exactly one target must be the default (no route)");
    const priorities = entries.flatMap(([, target]) =>
      target.route ? [target.route.priority] : [],
    );
    if (new Set(priorities).size !== priorities.length)
      throw new Error("Route priorities must be unique");
    const targetType = props.targetType ?? "ip";
    if (
      targetType === "ip" &&
      (!props.healthCheck || props.deregistrationDelaySeconds === undefined)
    )
      throw new Error("ip targets need a health check and a deregistration delay");
    if (entries.some(([, target]) => (target.port === undefined) !== (targetType === "lambda")))
      throw new Error("Every ip target needs a port, and no lambda target has one");

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      loadBalancerName: props.loadBalancerName,
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnets: props.vpc.publicSubnets },
      securityGroup: props.securityGroup,
      http2Enabled: true,
      dropInvalidHeaderFields: true,
    });
    const logs = new AccessLogBucket(this, "AccessLogs", {
      retentionDays: props.accessLogRetentionDays,
      removal: props.accessLogRemoval,
    });
    this.loadBalancer.logAccessLogs(logs.bucket, props.loadBalancerName);

    const targetGroups: Record<string, elbv2.ApplicationTargetGroup> = {};
    for (const [key, target] of entries) {
      targetGroups[key] = new elbv2.ApplicationTargetGroup(
        this,
        `${key}TargetGroup`,
        targetType === "lambda"
          ? {
              targetGroupName: target.targetGroupName,
              targetType: elbv2.TargetType.LAMBDA,
              healthCheck: { enabled: false },
            }
          : this.ipTargetGroupProps(props, target),
      );
    }
    this.targetGroups = targetGroups;

    this.routingListener = this.addRoutingListener(props, defaults[0]?.[0] ?? "");
    for (const [key, target] of entries) {
      if (!target.route) continue;
      this.routingListener.addAction(`${key}Route`, {
        priority: target.route.priority,
        conditions: [elbv2.ListenerCondition.pathPatterns([...target.route.pathPatterns])],
        action: elbv2.ListenerAction.forward([targetGroups[key] as elbv2.ApplicationTargetGroup]),
      });
    }
  }

  private ipTargetGroupProps(
    props: PathRoutedLoadBalancerProps,
    target: RoutedTarget,
  ): elbv2.ApplicationTargetGroupProps {
    const healthCheck = props.healthCheck as TargetHealthCheckConfig;
    return {
      targetGroupName: target.targetGroupName,
      vpc: props.vpc,
      targetType: elbv2.TargetType.IP,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: target.port,
      deregistrationDelay: Duration.seconds(props.deregistrationDelaySeconds ?? 0),
      healthCheck: {
        path: healthCheck.path,
        protocol: elbv2.Protocol.HTTP,
        healthyHttpCodes: "200",
        interval: Duration.seconds(healthCheck.intervalSeconds),
        timeout: Duration.seconds(healthCheck.timeoutSeconds),
        healthyThresholdCount: healthCheck.healthyThreshold,
        unhealthyThresholdCount: healthCheck.unhealthyThreshold,
      },
    };
  }

  private addRoutingListener(props: PathRoutedLoadBalancerProps, defaultKey: string) {
    const defaultAction = elbv2.ListenerAction.forward([
      this.targetGroups[defaultKey] as elbv2.ApplicationTargetGroup,
    ]);
    if (!props.certificateArn) {
      return this.loadBalancer.addListener("Http", {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction,
      });
    }
    this.loadBalancer.addListener("Http", {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({
        protocol: "HTTPS",
        port: "443",
        permanent: true,
      }),
    });
    return this.loadBalancer.addListener("Https", {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      open: false,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      defaultAction,
    });
  }
}
