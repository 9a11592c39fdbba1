import type { DeploySettings } from "./deploy-settings.ts";
import { type ResourceNames, resourceNames } from "./resource-names.ts";

export interface NetworkConfig {
  readonly vpcCidr: string;
  readonly availabilityZones: readonly [string, string];
  /** One per AZ, in the order of `availabilityZones`. */
  readonly publicSubnetCidrs: readonly [string, string];
  readonly privateSubnetCidrs: readonly [string, string];
  /** 1 shares a NAT across AZs (legacy dev); 2 keeps each AZ's egress alive on its own. */
  readonly natGateways: 1 | 2;
  readonly flowLogRetentionDays: number;
}

export interface TargetHealthCheckConfig {
  readonly path: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
}

export interface ServiceConfig {
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly cpuTargetPercent: number;
  readonly memoryTargetPercent: number;
  readonly healthCheckGracePeriodSeconds: number;
  readonly minHealthyPercent: number;
  readonly maxHealthyPercent: number;
  /** SIGTERM → SIGKILL: the services drain within 10 s, plus a margin. */
  readonly stopTimeoutSeconds: number;
  /** In-flight requests get this long after a target leaves the ALB, before ECS sends SIGTERM. */
  readonly deregistrationDelaySeconds: number;
  readonly targetHealthCheck: TargetHealthCheckConfig;
  /** The commit SHA the images were built from; absent: only `sst dev` and `sst remove` can run. */
  readonly imageTag?: string;
  /** Graviton: about 20 % cheaper than x86 per vCPU-hour; every image is built for it. */
  readonly cpuArchitecture: "arm64";
  readonly logRetentionDays: number;
}

/**
 * What happens to named, stateful resources (image repositories, the log group, secrets,
 * databases) when their stack is deleted. "destroy": a stage can be removed and deployed again
 * under the same names. "retain": kept on delete and on replacement, but never after a failed
 * first create (CloudFormation's RetainExceptOnCreate), so a rolled-back first deploy retries.
 */
export type StatefulRemoval = "destroy" | "retain";

export interface RegistryConfig {
  readonly removal: StatefulRemoval;
  /**
   * Which tagged images stay (ECR allows one rule over every tag). By age: prod promotes a dev
   * SHA by copying its images, so this is how old a commit prod can still be given. By count:
   * the rollback targets of a stage whose images arrive only by promotion.
   */
  readonly keep: { readonly pushedWithinDays: number } | { readonly newestImages: number };
  /** Untagged manifests (left by interrupted pushes) expire after this many days. */
  readonly untaggedExpiryDays: number;
}

/** dev keeps legacy's shape: PostgreSQL and Redis as containers inside the task. */
export interface SidecarDataConfig {
  readonly kind: "sidecars";
  readonly databaseName: string;
  readonly databaseUser: string;
  readonly redisImage: string;
}

/** prod: RDS PostgreSQL Multi-AZ and ElastiCache Redis; the task runs only the services. */
export interface ManagedDataConfig {
  readonly kind: "managed";
  /** libpq's PGSSLMODE for the services: RDS forces TLS, and only the RDS CA is trusted. */
  readonly sslMode: "verify-full";
  readonly databaseName: string;
  readonly databaseUser: string;
  readonly postgresVersion: "15";
  readonly databaseInstanceType: string;
  readonly allocatedStorageGiB: number;
  readonly backupRetentionDays: number;
  readonly cacheNodeType: string;
}

export type DataConfig = SidecarDataConfig | ManagedDataConfig;

export interface EdgeConfig {
  /** WAF web ACL with AWS's common rule set and a per-IP rate rule; absent: no WAF. */
  readonly waf?: { readonly requestsPerFiveMinutesPerIp: number };
  readonly certificateArn?: string;
  readonly publicHostname?: string;
  readonly accessLogRetentionDays: number;
}

export interface AlarmConfig {
  readonly cpuPercent: number;
  readonly memoryPercent: number;
  readonly unhealthyHosts: number;
  readonly target5xxCount: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

export interface MonitoringConfig {
  readonly alertEmail: string;
  readonly alarms: AlarmConfig;
  readonly syntheticCheckEveryMinutes: number;
}

/** `sst dev`: the services run on the developer's machine against local stores. */
export interface LocalDevelopmentConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

export interface StageConfig {
  readonly stage: string;
  readonly region: string;
  readonly names: ResourceNames;
  readonly network: NetworkConfig;
  readonly registry: RegistryConfig;
  readonly service: ServiceConfig;
  /** The log group, secrets and database on stack deletion (see StatefulRemoval). */
  readonly statefulRemoval: StatefulRemoval;
  readonly data: DataConfig;
  readonly edge: EdgeConfig;
  readonly monitoring: MonitoringConfig;
  /** Writes need an API key from Secrets Manager (`API_KEYS`). */
  readonly requireApiKeys: boolean;
  /** Absent: the stage cannot run under `sst dev` (prod). */
  readonly localDevelopment?: LocalDevelopmentConfig;
}

const drainSeconds = 10;
const shutdownMarginSeconds = 5;

const legacyNetwork = (availabilityZones: readonly [string, string]): NetworkConfig => ({
  vpcCidr: "10.0.0.0/16",
  availabilityZones,
  publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
  privateSubnetCidrs: ["10.0.11.0/24", "10.0.12.0/24"],
  natGateways: 1,
  flowLogRetentionDays: 30,
});

const legacyService: Omit<ServiceConfig, "imageTag"> = {
  cpuArchitecture: "arm64",
  cpu: 2048,
  memoryMiB: 4096,
  desiredCount: 1,
  minCapacity: 1,
  // Legacy parity. With sidecar stores every extra task brings its own empty database, so
  // scaled-out dev tasks disagree; prod's managed stores are the fix, not a lower ceiling here.
  maxCapacity: 4,
  cpuTargetPercent: 70,
  memoryTargetPercent: 80,
  healthCheckGracePeriodSeconds: 300,
  minHealthyPercent: 100,
  maxHealthyPercent: 200,
  stopTimeoutSeconds: drainSeconds + shutdownMarginSeconds,
  deregistrationDelaySeconds: drainSeconds + shutdownMarginSeconds,
  // Legacy polled every 60 s; 30 s finds a dead target twice as fast at no cost.
  targetHealthCheck: {
    path: "/health",
    intervalSeconds: 30,
    timeoutSeconds: 10,
    healthyThreshold: 2,
    unhealthyThreshold: 3,
  },
  logRetentionDays: 7,
};

const legacyAlarms: AlarmConfig = {
  cpuPercent: 80,
  memoryPercent: 80,
  unhealthyHosts: 0,
  target5xxCount: 10,
  periodSeconds: 300,
  evaluationPeriods: 2,
};

/** dev reproduces the legacy deployment; so does any personal stage used with `sst dev`. */
function devLikeConfig(stage: string, settings: DeploySettings): StageConfig {
  const { region } = settings;
  return {
    stage,
    region,
    names: resourceNames(stage),
    network: legacyNetwork(settings.availabilityZones ?? [`${region}a`, `${region}b`]),
    // A dev image is promotable to prod for 90 days; nothing else is kept once the stage goes.
    registry: { removal: "destroy", keep: { pushedWithinDays: 90 }, untaggedExpiryDays: 1 },
    service: { ...legacyService, imageTag: settings.imageTag },
    statefulRemoval: "destroy",
    data: {
      kind: "sidecars",
      databaseName: "microservices_db",
      databaseUser: "postgres",
      // ECR Public's copy of Docker Hub's official image: no anonymous Docker Hub pull limit
      // shared by every task behind one NAT address.
      redisImage: "public.ecr.aws/docker/library/redis:7.4-alpine",
    },
    edge: {
      certificateArn: settings.certificateArn,
      publicHostname: settings.publicHostname,
      accessLogRetentionDays: 30,
    },
    monitoring: {
      alertEmail: settings.alertEmail,
      alarms: legacyAlarms,
      syntheticCheckEveryMinutes: 5,
    },
    requireApiKeys: false,
    // The stores the legacy task ran beside the services, here on the developer's machine.
    localDevelopment: {
      databaseUrl: "postgres://postgres@localhost:5432/microservices_db",
      redisUrl: "redis://localhost:6379",
    },
  };
}

function prodConfig(settings: DeploySettings): StageConfig {
  const dev = devLikeConfig("prod", settings);
  return {
    ...dev,
    network: { ...dev.network, natGateways: 2, flowLogRetentionDays: 90 },
    // prod's images arrive only by promotion: the last 100 are what a rollback can return to.
    registry: { removal: "retain", keep: { newestImages: 100 }, untaggedExpiryDays: 1 },
    service: { ...dev.service, desiredCount: 2, minCapacity: 2, maxCapacity: 8 },
    statefulRemoval: "retain",
    data: {
      kind: "managed",
      sslMode: "verify-full",
      databaseName: "microservices_db",
      databaseUser: "stockwiz",
      postgresVersion: "15",
      databaseInstanceType: "t4g.medium",
      allocatedStorageGiB: 50,
      backupRetentionDays: 14,
      cacheNodeType: "cache.t4g.small",
    },
    edge: { ...dev.edge, waf: { requestsPerFiveMinutesPerIp: 2000 }, accessLogRetentionDays: 90 },
    requireApiKeys: true,
    localDevelopment: undefined,
  };
}

/** The one place stage names map to settings. */
export function stageConfigFor(stage: string, settings: DeploySettings): StageConfig {
  return stage === "prod" ? prodConfig(settings) : devLikeConfig(stage, settings);
}
