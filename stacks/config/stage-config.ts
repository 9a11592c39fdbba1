import type { DeploySettings } from "./deploy-settings.ts";
import { type AppServiceKey, type ResourceNames, resourceNames } from "./resource-names.ts";

export interface NetworkConfig {
  readonly vpcCidr: string;
  readonly availabilityZones: readonly [string, string];
  /** One per AZ, in the order of `availabilityZones`. */
  readonly publicSubnetCidrs: readonly [string, string];
  readonly privateSubnetCidrs: readonly [string, string];
  /**
   * 1 shares a NAT across AZs (legacy dev); 2 keeps each AZ's egress alive on its own. 0: none,
   * and the private subnets are isolated (the serverless stages: nothing there calls out).
   */
  readonly natGateways: 0 | 1 | 2;
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
  readonly requestLog: RequestLogConfig;
  /**
   * Processes each container serves its port from (`SERVER_PROCESSES`). One each: the three
   * containers share the task's two vCPUs, and a second gateway process measured no faster on
   * the merged read (0.62 against 0.59 of `node:http`, within the host's noise) for half as much
   * CPU again per request and twice the memory (`npm run bench` keeps the comparison row).
   */
  readonly serverProcesses: Readonly<Record<AppServiceKey, number>>;
}

/**
 * Which requests the services write a line for. The ALB already writes an access log of every
 * request to S3, so a line per success would only cost CPU (about a fifth of a merged read's)
 * and CloudWatch ingestion; failures and slow requests are what an operator looks for.
 */
export interface RequestLogConfig {
  /** Share of fast successful requests logged (0..1): `LOG_SUCCESS_SAMPLE_RATE`. */
  readonly successSampleRate: number;
  /** A request slower than this is always logged: `LOG_SLOW_REQUEST_MS`. */
  readonly slowRequestMs: number;
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

/**
 * The serverless stages: Aurora Serverless v2 PostgreSQL that pauses when idle. The functions
 * sign in as `appUser` with RDS IAM tokens; the master password stays in Secrets Manager and
 * only the RDS Data API, at deploy, uses it (to create `appUser`).
 */
export interface ServerlessDataConfig {
  readonly kind: "aurora-serverless";
  readonly sslMode: "verify-full";
  readonly databaseName: string;
  readonly masterUser: string;
  readonly appUser: string;
  /** Aurora PostgreSQL 15, the major version prod runs, at a release that can auto-pause. */
  readonly engineVersion: "15.13";
  /** 0: the cluster pauses (no compute billed) after `autoPauseMinutes` without a connection. */
  readonly minCapacityAcu: number;
  readonly maxCapacityAcu: number;
  readonly autoPauseMinutes: number;
  readonly backupRetentionDays: number;
}

export type DataConfig = SidecarDataConfig | ManagedDataConfig;

/** The three handlers as Lambda functions behind the ALB (serverless stages). */
export interface FunctionsConfig {
  /** Graviton, as the Fargate tasks. */
  readonly architecture: "arm64";
  readonly memoryMiB: number;
  /** Long enough for a cold start that waits for the database to resume (~15 s). */
  readonly timeoutSeconds: number;
  /**
   * Per function: the most instances that run at once. With `dbPoolMax` connections each, it
   * bounds what the database sees (2 functions × 10 × 2 = 40 connections, below what one ACU
   * allows) without RDS Proxy, which is billed while idle.
   */
  readonly reservedConcurrency: number;
  /** Connections per instance: one request at a time, plus one for a query beside a transaction. */
  readonly dbPoolMax: number;
  /** A paused cluster takes ~15 s to resume; the first connection waits for it. */
  readonly dbConnectTimeoutMs: number;
  /** The gateway's wait for a service function (cold start and database resume included). */
  readonly upstreamTimeoutMs: number;
  readonly logRetentionDays: number;
  /**
   * How often the scheduled function runs the inventory service's periodic tasks (the sweep of
   * lapsed reservations, stock-event delivery) for the quiet stretches no write covers. Each run
   * connects, so it resumes a paused Aurora for its 5-minute pause delay (~$0.005): every minute
   * would keep it awake for good (+$43.80 a month, over the $25 idle budget).
   */
  readonly periodicTasksEveryMinutes: number;
}

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

/**
 * `sst dev` (Live Lambda): the functions run in the developer's process against the developer's
 * PostgreSQL. Not the embedded database: each function is its own process, and PGlite's data
 * folder belongs to one process at a time.
 */
export interface LocalDevelopmentConfig {
  readonly databaseUrl: string;
}

interface StageConfigBase {
  readonly stage: string;
  readonly region: string;
  readonly names: ResourceNames;
  readonly network: NetworkConfig;
  /** The log group, secrets and database on stack deletion (see StatefulRemoval). */
  readonly statefulRemoval: StatefulRemoval;
  readonly edge: EdgeConfig;
  /** Writes need an API key from Secrets Manager (`API_KEYS`). */
  readonly requireApiKeys: boolean;
}

/** dev and prod: the legacy shape, ECS Fargate behind the ALB, deployed by the pipeline. */
export interface FargateStageConfig extends StageConfigBase {
  readonly shape: "fargate";
  readonly registry: RegistryConfig;
  readonly service: ServiceConfig;
  readonly data: DataConfig;
  readonly monitoring: MonitoringConfig;
}

/**
 * Every other stage (a developer's own, a pull request's `pr-<n>`): the same handlers as Lambda
 * targets of the same listener rules, a database that pauses, no NAT: cheap to leave running.
 */
export interface ServerlessStageConfig extends StageConfigBase {
  readonly shape: "serverless";
  readonly data: ServerlessDataConfig;
  readonly functions: FunctionsConfig;
  readonly localDevelopment: LocalDevelopmentConfig;
}

export type StageConfig = FargateStageConfig | ServerlessStageConfig;

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
  requestLog: { successSampleRate: 0.01, slowRequestMs: 1_000 },
  serverProcesses: { apiGateway: 1, productService: 1, inventoryService: 1 },
};

const legacyAlarms: AlarmConfig = {
  cpuPercent: 80,
  memoryPercent: 80,
  unhealthyHosts: 0,
  target5xxCount: 10,
  periodSeconds: 300,
  evaluationPeriods: 2,
};

/** dev reproduces the legacy deployment. */
function devConfig(stage: string, settings: DeploySettings): FargateStageConfig {
  const { region } = settings;
  return {
    shape: "fargate",
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
  };
}

function prodConfig(settings: DeploySettings): FargateStageConfig {
  const dev = devConfig("prod", settings);
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
  };
}

function serverlessConfig(stage: string, settings: DeploySettings): ServerlessStageConfig {
  const { region } = settings;
  return {
    shape: "serverless",
    stage,
    region,
    names: resourceNames(stage),
    // The legacy CIDRs, without NAT: nothing in the private subnets calls out of the VPC.
    network: {
      ...legacyNetwork(settings.availabilityZones ?? [`${region}a`, `${region}b`]),
      natGateways: 0,
    },
    statefulRemoval: "destroy",
    data: {
      kind: "aurora-serverless",
      sslMode: "verify-full",
      databaseName: "microservices_db",
      masterUser: "postgres",
      appUser: "stockwiz_app",
      engineVersion: "15.13",
      minCapacityAcu: 0,
      maxCapacityAcu: 2,
      autoPauseMinutes: 5,
      backupRetentionDays: 1,
    },
    functions: {
      architecture: "arm64",
      memoryMiB: 1024,
      timeoutSeconds: 30,
      reservedConcurrency: 10,
      dbPoolMax: 2,
      dbConnectTimeoutMs: 20_000,
      upstreamTimeoutMs: 25_000,
      logRetentionDays: 7,
      // Twice a day: ~$0.30 a month of Aurora wake-ups (npm run cost).
      periodicTasksEveryMinutes: 720,
    },
    edge: { accessLogRetentionDays: 7 },
    requireApiKeys: false,
    localDevelopment: {
      databaseUrl: settings.devDatabaseUrl ?? "postgres://postgres@localhost:5432/microservices_db",
    },
  };
}

/** The one place stage names map to settings: dev and prod on Fargate, every other stage serverless. */
export function stageConfigFor(stage: "dev" | "prod", settings: DeploySettings): FargateStageConfig;
export function stageConfigFor(stage: string, settings: DeploySettings): StageConfig;
export function stageConfigFor(stage: string, settings: DeploySettings): StageConfig {
  if (stage === "prod") return prodConfig(settings);
  if (stage === "dev") return devConfig(stage, settings);
  return serverlessConfig(stage, settings);
}
