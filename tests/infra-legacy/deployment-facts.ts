/**
 * What both descriptions of the dev deployment must agree on, in one shape.
 * Records are keyed by the name a thing carries in AWS, so a difference reads
 * as a path such as `targetGroups.dev-product-svc-tg.healthCheck.path`.
 */
export interface DeploymentFacts {
  readonly network: {
    readonly vpcCidr: string;
    /** `"public us-east-1a" → "10.0.1.0/24"` */
    readonly subnets: Readonly<Record<string, string>>;
    /** Group name → rules as `"tcp 8000-8002 from dev-alb-sg"`, sorted. */
    readonly securityGroups: Readonly<Record<string, SecurityGroupFacts>>;
    readonly natGateways: number;
    readonly flowLogs: { readonly trafficType: string; readonly retentionDays: number };
  };
  readonly loadBalancer: {
    readonly name: string;
    readonly scheme: string;
    readonly http2: boolean;
    readonly accessLogs: {
      readonly enabled: boolean;
      readonly prefix: string;
      readonly retentionDays: number;
      readonly encryption: string;
    };
  };
  readonly listener: {
    readonly port: number;
    readonly protocol: string;
    readonly defaultTargetGroup: string;
  };
  /** Target group name → the rule that forwards to it. */
  readonly listenerRules: Readonly<Record<string, ListenerRuleFacts>>;
  readonly targetGroups: Readonly<Record<string, TargetGroupFacts>>;
  readonly task: {
    readonly family: string;
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly containers: Readonly<Record<string, ContainerFacts>>;
  };
  readonly cluster: { readonly name: string; readonly containerInsights: string };
  readonly service: ServiceFacts;
  readonly logGroup: { readonly name: string; readonly retentionDays: number };
  /** Alarm name → its metric and threshold, for alarms on AWS metrics (see `isComparedAlarm`). */
  readonly alarms: Readonly<Record<string, AlarmFacts>>;
  readonly alertsTopic: string;
  readonly dashboard: string;
  readonly repositories: Readonly<Record<string, RepositoryFacts>>;
}

export interface SecurityGroupFacts {
  readonly ingress: readonly string[];
  readonly egress: readonly string[];
}

export interface ListenerRuleFacts {
  readonly priority: number;
  readonly pathPatterns: readonly string[];
}

export interface TargetGroupFacts {
  readonly port: number;
  readonly protocol: string;
  readonly targetType: string;
  readonly deregistrationDelaySeconds: number;
  readonly healthCheck: {
    readonly path: string;
    readonly protocol: string;
    readonly matcher: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthyThreshold: number;
    readonly unhealthyThreshold: number;
  };
}

export interface ContainerFacts {
  readonly port: number;
  readonly essential: boolean;
  readonly logStreamPrefix: string;
  /** `"postgres HEALTHY"`, sorted. */
  readonly dependsOn: readonly string[];
  /**
   * Every variable the container gets: `"plain"` for the environment (values may
   * be apply-time hosts), `"secret:<json key>"` for a Secrets Manager `valueFrom`.
   */
  readonly variables: Readonly<Record<string, string>>;
  readonly healthCheck: {
    readonly command: readonly string[];
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly retries: number;
    readonly startPeriodSeconds: number;
  };
}

export interface ServiceFacts {
  readonly name: string;
  readonly cluster: string;
  readonly desiredCount: number;
  readonly launchType: string;
  readonly healthCheckGracePeriodSeconds: number;
  readonly minimumHealthyPercent: number;
  readonly maximumPercent: number;
  readonly circuitBreaker: { readonly enable: boolean; readonly rollback: boolean };
  readonly assignPublicIp: boolean;
  /** Container name → the container port registered with the load balancer. */
  readonly loadBalancerTargets: Readonly<Record<string, number>>;
  readonly autoscaling: {
    readonly minCapacity: number;
    readonly maxCapacity: number;
    /** Predefined metric → target value. */
    readonly targets: Readonly<Record<string, number>>;
  };
}

export interface AlarmFacts {
  readonly namespace: string;
  readonly metric: string;
  readonly statistic: string;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparison: string;
  readonly treatMissingData: string;
  /** Dimension names, sorted (their values are apply-time ids). */
  readonly dimensions: readonly string[];
}

export interface RepositoryFacts {
  readonly scanOnPush: boolean;
  readonly encryption: string;
  readonly tagMutability: string;
}

/**
 * Alarms on AWS metrics are compared. The SST stacks also alarm on their
 * synthetic check's custom metric (`StockWiz/<stage>`), which watches a Lambda
 * the Terraform stack does not run; the same rule applies to both sides.
 */
export const isComparedAlarm = (namespace: unknown): boolean =>
  String(namespace).startsWith("AWS/");

export interface FactDifference {
  readonly path: string;
  readonly terraform: unknown;
  readonly sst: unknown;
}

/** Every leaf where the two sides disagree, including keys present on one side only. */
export function compareFacts(terraform: unknown, sst: unknown, path = ""): FactDifference[] {
  if (Array.isArray(terraform) && Array.isArray(sst)) {
    const length = Math.max(terraform.length, sst.length);
    return Array.from({ length }, (_, i) =>
      compareFacts(terraform[i], sst[i], `${path}[${i}]`),
    ).flat();
  }
  if (isRecord(terraform) && isRecord(sst)) {
    const keys = [...new Set([...Object.keys(terraform), ...Object.keys(sst)])].sort();
    return keys.flatMap((key) =>
      compareFacts(terraform[key], sst[key], path ? `${path}.${key}` : key),
    );
  }
  return Object.is(terraform, sst) ? [] : [{ path, terraform, sst }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
