import { Duration } from "aws-cdk-lib";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as logs from "aws-cdk-lib/aws-logs";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

export interface AppContainerSpec {
  /** Container name, also its log stream prefix. */
  readonly name: string;
  readonly port: number;
  readonly image: ecs.ContainerImage;
  /** Plain, non-secret settings (PORT included). */
  readonly environment: Readonly<Record<string, string>>;
}

/** PostgreSQL and Redis inside the task, as legacy ran them (dev). */
export interface SidecarSpec {
  readonly postgresImage: ecs.ContainerImage;
  readonly redisImage: ecs.ContainerImage;
  readonly databaseName: string;
  readonly databaseUser: string;
  readonly databasePassword: ecs.Secret;
}

export interface StockwizTaskDefinitionProps {
  readonly family: string;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly logGroup: logs.ILogGroup;
  readonly appContainers: readonly AppContainerSpec[];
  /** Injected by the agent from Secrets Manager into every app container, never plain values. */
  readonly appSecrets: Readonly<Record<string, ecs.Secret>>;
  /** Absent: the task runs only the services (managed data stores). */
  readonly sidecars?: SidecarSpec;
  /** SIGTERM → SIGKILL for every container. */
  readonly stopTimeoutSeconds: number;
  /** What every image is built for; an image of another platform does not start. */
  readonly cpuArchitecture: "arm64" | "x86_64";
}

/** `node -e` probe: the service images ship no curl, but node has fetch. */
const nodeHealthProbe = (port: number) =>
  `fetch('http://127.0.0.1:${port}/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))`;

/**
 * The StockWiz task: the three services (and, in dev, their data stores),
 * all essential, each with a container health check and its own log stream.
 * The execution role pulls images, writes logs and reads the secrets; the
 * task role, what the code may call, has no permissions at all.
 */
export class StockwizTaskDefinition extends Construct {
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly executionRole: iam.Role;
  public readonly taskRole: iam.Role;
  public readonly containers: ReadonlyMap<string, ecs.ContainerDefinition>;

  constructor(scope: Construct, id: string, props: StockwizTaskDefinitionProps) {
    super(scope, id);
    if (props.appContainers.length === 0) throw new Error("appContainers must not be empty");
    if (props.stopTimeoutSeconds < 1 || props.stopTimeoutSeconds > 120) {
      throw new Error("Fargate allows a stopTimeout of 1 to 120 seconds");
    }
    this.executionRole = new iam.Role(this, "ExecutionRole", {
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
      description: `${props.family}: pull images, write logs, read the task's secrets`,
    });
    this.taskRole = new iam.Role(this, "TaskRole", {
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
      description: `${props.family}: the services call no AWS API`,
    });
    this.taskDefinition = new ecs.FargateTaskDefinition(this, "TaskDefinition", {
      family: props.family,
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      executionRole: this.executionRole,
      taskRole: this.taskRole,
      runtimePlatform: {
        cpuArchitecture:
          props.cpuArchitecture === "arm64"
            ? ecs.CpuArchitecture.ARM64
            : ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });

    const stopTimeout = Duration.seconds(props.stopTimeoutSeconds);
    const logging = (streamPrefix: string) =>
      ecs.LogDrivers.awsLogs({ logGroup: props.logGroup, streamPrefix });
    const containers = new Map<string, ecs.ContainerDefinition>();
    const sidecars = props.sidecars ? this.addSidecars(props.sidecars, stopTimeout, logging) : [];
    for (const sidecar of sidecars) containers.set(sidecar.containerName, sidecar);

    for (const spec of props.appContainers) {
      const container = this.taskDefinition.addContainer(spec.name, {
        containerName: spec.name,
        image: spec.image,
        essential: true,
        portMappings: [{ containerPort: spec.port, protocol: ecs.Protocol.TCP }],
        environment: { ...spec.environment },
        secrets: { ...props.appSecrets },
        healthCheck: {
          command: ["CMD", "node", "-e", nodeHealthProbe(spec.port)],
          interval: Duration.seconds(15),
          timeout: Duration.seconds(5),
          retries: 3,
          startPeriod: Duration.seconds(60),
        },
        stopTimeout,
        logging: logging(spec.name),
      });
      // The services migrate and connect on start: wait until the stores answer.
      for (const sidecar of sidecars) {
        container.addContainerDependencies({
          container: sidecar,
          condition: ecs.ContainerDependencyCondition.HEALTHY,
        });
      }
      containers.set(spec.name, container);
    }
    this.containers = containers;
    NagSuppressions.addResourceSuppressions(this.taskDefinition, [
      {
        id: "AwsSolutions-ECS2",
        reason: "Plain env holds only non-secret settings; credentials and keys arrive as secrets",
      },
    ]);
    NagSuppressions.addResourceSuppressions(
      this.executionRole,
      [
        {
          id: "AwsSolutions-IAM5",
          reason: "ecr:GetAuthorizationToken has no resource-level permissions",
          appliesTo: ["Resource::*"],
        },
      ],
      true,
    );
  }

  private addSidecars(
    spec: SidecarSpec,
    stopTimeout: Duration,
    logging: (streamPrefix: string) => ecs.LogDriver,
  ): ecs.ContainerDefinition[] {
    const postgres = this.taskDefinition.addContainer("postgres", {
      containerName: "postgres",
      image: spec.postgresImage,
      essential: true,
      portMappings: [{ containerPort: 5432, protocol: ecs.Protocol.TCP }],
      environment: { POSTGRES_DB: spec.databaseName, POSTGRES_USER: spec.databaseUser },
      secrets: { POSTGRES_PASSWORD: spec.databasePassword },
      healthCheck: {
        // Over TCP: during the image's first-start initialisation the server listens on its
        // socket only, and a socket probe would call it ready before the services can connect.
        command: [
          "CMD-SHELL",
          `pg_isready -h 127.0.0.1 -U ${spec.databaseUser} -d ${spec.databaseName}`,
        ],
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        retries: 5,
        startPeriod: Duration.seconds(30),
      },
      stopTimeout,
      logging: logging("postgres"),
    });
    const redis = this.taskDefinition.addContainer("redis", {
      containerName: "redis",
      image: spec.redisImage,
      essential: true,
      portMappings: [{ containerPort: 6379, protocol: ecs.Protocol.TCP }],
      healthCheck: {
        command: ["CMD", "redis-cli", "ping"],
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        retries: 5,
        startPeriod: Duration.seconds(10),
      },
      stopTimeout,
      logging: logging("redis"),
    });
    return [postgres, redis];
  }
}
