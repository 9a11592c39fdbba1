/**
 * On-demand list prices of US East (N. Virginia), the region StockWiz deploys to, for the
 * resource types its stages synthesize. Data, not code: change a figure here, with its page.
 *
 * `asOf` is the date the figures are held valid for. They were written from the pricing pages
 * named per entry, offline (no network while writing), and cross-checked against 2026 write-ups
 * that quote those pages; an entry carrying `estimate` says what is uncertain about it.
 * No free tier is applied anywhere: the account's free allowances (3 dashboards, 10 alarms,
 * 10 custom metrics, 1M Lambda requests…) are shared by every stage of the account, so the
 * cost of one more stage is the price without them.
 */
export interface ListPrice {
  /** US dollars per `unit`. */
  readonly usd: number;
  readonly unit: string;
  /** The AWS pricing page the figure is read from. */
  readonly source: string;
  /** Present when the figure is not a list price read off the page: what is uncertain. */
  readonly estimate?: string;
}

const pages = {
  elb: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  vpc: "https://aws.amazon.com/vpc/pricing/",
  privateLink: "https://aws.amazon.com/privatelink/pricing/",
  fargate: "https://aws.amazon.com/fargate/pricing/",
  lambda: "https://aws.amazon.com/lambda/pricing/",
  aurora: "https://aws.amazon.com/rds/aurora/pricing/",
  rdsPostgres: "https://aws.amazon.com/rds/postgresql/pricing/",
  rdsProxy: "https://aws.amazon.com/rds/proxy/pricing/",
  elastiCache: "https://aws.amazon.com/elasticache/pricing/",
  secrets: "https://aws.amazon.com/secrets-manager/pricing/",
  kms: "https://aws.amazon.com/kms/pricing/",
  cloudWatch: "https://aws.amazon.com/cloudwatch/pricing/",
  waf: "https://aws.amazon.com/waf/pricing/",
  ecr: "https://aws.amazon.com/ecr/pricing/",
  s3: "https://aws.amazon.com/s3/pricing/",
  sns: "https://aws.amazon.com/sns/pricing/",
  eventBridge: "https://aws.amazon.com/eventbridge/pricing/",
  route53: "https://aws.amazon.com/route53/pricing/",
  ec2: "https://aws.amazon.com/ec2/pricing/on-demand/",
} as const;

const price = (usd: number, unit: string, source: string, estimate?: string): ListPrice =>
  estimate === undefined ? { usd, unit, source } : { usd, unit, source, estimate };

/** RDS and ElastiCache price classes; a class missing here is reported "not priced". */
export type InstancePrices = Readonly<Record<string, ListPrice>>;

export const usEast1Prices = {
  region: "us-east-1",
  asOf: "2026-06-01",
  /** AWS's own calculator month: 365 × 24 / 12. */
  hoursPerMonth: 730,
  loadBalancing: {
    albHour: price(0.0225, "ALB-hour", pages.elb),
    albLcuHour: price(0.008, "LCU-hour", pages.elb),
    nlbHour: price(0.0225, "NLB-hour", pages.elb),
  },
  network: {
    // Every public IPv4 address, in use or idle, since 2024-02-01: ALB nodes, NAT EIPs, tasks.
    publicIpv4Hour: price(0.005, "public IPv4 address-hour", pages.vpc),
    natGatewayHour: price(0.045, "NAT gateway-hour", pages.vpc),
    natGatewayGb: price(0.045, "GB processed", pages.vpc),
    interfaceEndpointAzHour: price(0.01, "endpoint ENI (AZ)-hour", pages.privateLink),
    interfaceEndpointGb: price(0.01, "GB processed (first PB)", pages.privateLink),
    internetEgressGb: price(0.09, "GB out to the internet (first 10 TB)", pages.ec2),
    hostedZoneMonth: price(0.5, "hosted zone-month (first 25)", pages.route53),
  },
  fargate: {
    x86VcpuHour: price(0.04048, "vCPU-hour (Linux/x86)", pages.fargate),
    x86GbHour: price(0.004445, "GB-hour (Linux/x86)", pages.fargate),
    armVcpuHour: price(0.03238, "vCPU-hour (Linux/ARM, Graviton)", pages.fargate),
    armGbHour: price(0.00356, "GB-hour (Linux/ARM, Graviton)", pages.fargate),
    ephemeralGbHour: price(0.000111, "GB-hour of ephemeral storage above 20 GB", pages.fargate),
  },
  lambda: {
    x86GbSecond: price(0.0000166667, "GB-second (x86, first 6B)", pages.lambda),
    armGbSecond: price(0.0000133334, "GB-second (arm64, first 7.5B)", pages.lambda),
    requestsMillion: price(0.2, "million requests", pages.lambda),
    x86ProvisionedGbSecond: price(0.0000041667, "provisioned GB-second (x86)", pages.lambda),
    armProvisionedGbSecond: price(
      0.0000033334,
      "provisioned GB-second (arm64)",
      pages.lambda,
      "recalled as x86's rate less 20%, as for duration",
    ),
  },
  aurora: {
    serverlessAcuHour: price(0.12, "ACU-hour (Aurora Standard)", pages.aurora),
    serverlessAcuHourIoOptimized: price(0.156, "ACU-hour (Aurora I/O-Optimized)", pages.aurora),
    storageGbMonth: price(0.1, "GB-month (Aurora Standard)", pages.aurora),
    storageGbMonthIoOptimized: price(0.225, "GB-month (Aurora I/O-Optimized)", pages.aurora),
    ioMillion: price(0.2, "million I/O requests (Aurora Standard)", pages.aurora),
    /** Provisioned Aurora PostgreSQL instances, per instance-hour. */
    postgresInstanceHour: {
      "db.t4g.medium": price(0.073, "instance-hour", pages.aurora, "recalled, not re-read"),
    } as InstancePrices,
  },
  rds: {
    /** RDS for PostgreSQL, per instance-hour; Multi-AZ (one standby) is twice Single-AZ. */
    postgresSingleAzHour: {
      "db.t4g.micro": price(0.016, "instance-hour (Single-AZ)", pages.rdsPostgres),
      "db.t4g.small": price(0.032, "instance-hour (Single-AZ)", pages.rdsPostgres),
      "db.t4g.medium": price(0.065, "instance-hour (Single-AZ)", pages.rdsPostgres),
    } as InstancePrices,
    postgresMultiAzHour: {
      "db.t4g.micro": price(0.032, "instance-hour (Multi-AZ)", pages.rdsPostgres),
      "db.t4g.small": price(0.064, "instance-hour (Multi-AZ)", pages.rdsPostgres),
      "db.t4g.medium": price(0.13, "instance-hour (Multi-AZ)", pages.rdsPostgres),
    } as InstancePrices,
    /** vCPUs per class, what RDS Proxy bills on for provisioned instances. */
    vcpus: { "db.t4g.micro": 2, "db.t4g.small": 2, "db.t4g.medium": 2 } as Readonly<
      Record<string, number>
    >,
    gpStorageSingleAzGbMonth: price(0.115, "GB-month gp2/gp3 (Single-AZ)", pages.rdsPostgres),
    gpStorageMultiAzGbMonth: price(0.23, "GB-month gp2/gp3 (Multi-AZ)", pages.rdsPostgres),
    proxyVcpuHour: price(0.015, "vCPU-hour (minimum 2 vCPUs)", pages.rdsProxy),
    proxyAcuHour: price(0.015, "ACU-hour (Aurora Serverless v2, minimum 8 ACUs)", pages.rdsProxy),
  },
  elastiCache: {
    /** Node-based Redis OSS, per node-hour; Valkey nodes list 20% lower. */
    redisNodeHour: {
      "cache.t4g.micro": price(0.016, "node-hour (Redis OSS)", pages.elastiCache),
      "cache.t4g.small": price(0.032, "node-hour (Redis OSS)", pages.elastiCache),
      "cache.t4g.medium": price(0.065, "node-hour (Redis OSS)", pages.elastiCache),
    } as InstancePrices,
    valkeyDiscount: 0.2,
    serverlessRedisGbHour: price(
      0.125,
      "GB-hour stored (Redis OSS serverless, 1 GB minimum)",
      pages.elastiCache,
      "recalled, not re-read",
    ),
    serverlessValkeyGbHour: price(
      0.084,
      "GB-hour stored (Valkey serverless, 100 MB minimum)",
      pages.elastiCache,
      "recalled, not re-read",
    ),
  },
  secretsManager: {
    secretMonth: price(0.4, "secret-month", pages.secrets),
    apiCallsTenThousand: price(0.05, "10,000 API calls", pages.secrets),
  },
  kms: {
    // Automatic rotation adds $1/month for each of the first two rotations (year 2, year 3).
    customerKeyMonth: price(1, "customer managed key-month (first year)", pages.kms),
  },
  cloudWatch: {
    standardAlarmMonth: price(0.1, "standard-resolution alarm metric-month", pages.cloudWatch),
    highResolutionAlarmMonth: price(0.3, "high-resolution alarm metric-month", pages.cloudWatch),
    compositeAlarmMonth: price(0.5, "composite alarm-month", pages.cloudWatch),
    dashboardMonth: price(
      3,
      "dashboard-month (the 3 free per account not applied)",
      pages.cloudWatch,
    ),
    customMetricMonth: price(0.3, "custom metric-month (first 10,000)", pages.cloudWatch),
    metricApiThousand: price(0.01, "1,000 metric API requests (PutMetricData)", pages.cloudWatch),
    logsIngestGb: price(0.5, "GB ingested (Standard log class)", pages.cloudWatch),
    logsStorageGbMonth: price(0.03, "GB-month archived", pages.cloudWatch),
    vendedLogsIngestGb: price(
      0.5,
      "GB of vended logs (VPC flow logs), first 10 TB",
      pages.cloudWatch,
    ),
  },
  waf: {
    webAclMonth: price(5, "web ACL-month", pages.waf),
    ruleMonth: price(1, "rule (or rule group)-month", pages.waf),
    requestsMillion: price(0.6, "million requests inspected", pages.waf),
  },
  storage: {
    ecrGbMonth: price(0.1, "GB-month stored", pages.ecr),
    s3StandardGbMonth: price(0.023, "GB-month (S3 Standard, first 50 TB)", pages.s3),
    s3PutThousand: price(0.005, "1,000 PUT requests", pages.s3),
  },
  messaging: {
    snsPublishesMillion: price(0.5, "million publishes (after the first million)", pages.sns),
    eventBridgeScheduledRule: price(
      0,
      "scheduled rule invocation on the default bus",
      pages.eventBridge,
      "the page charges custom events, not schedule triggers; none found for schedules",
    ),
    schedulerInvocationsMillion: price(
      1,
      "million EventBridge Scheduler invocations",
      pages.eventBridge,
    ),
  },
} as const;

export type PriceTable = typeof usEast1Prices;
