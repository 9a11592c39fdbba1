import { Duration } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as logs from "aws-cdk-lib/aws-logs";
import { type StackContext, use } from "sst/constructs";
import { appServiceKeys } from "./config/resource-names.ts";
import { serviceEnvironment } from "./config/service-environment.ts";
import { useFargateConfig } from "./config/stack-settings.ts";
import { PathRoutedLoadBalancer } from "./constructs/path-routed-load-balancer.ts";
import { RegionalWebAcl } from "./constructs/regional-web-acl.ts";
import { removalPolicyOf } from "./constructs/removal-policy.ts";
import { retentionDays } from "./constructs/retention-days.ts";
import { StockwizTaskDefinition } from "./constructs/stockwiz-task-definition.ts";
import { Data } from "./data.ts";
import { Network } from "./network.ts";
import { Registry } from "./registry.ts";

/**
 * Every deploy names the commit its images were built from. `sst remove` synthesizes the
 * stacks only to find their names, so it needs no tag.
 */
function imageTagFor(mode: string, imageTag: string | undefined): string {
  if (imageTag) return imageTag;
  if (mode === "remove") return "not-deployed";
  throw new Error(
    "STOCKWIZ_IMAGE_TAG must name the image tag to run: the commit SHA the images were built from",
  );
}

/** The ECS cluster, the `<stage>-stockwiz` service and the load balancer in front of it. */
export function Service({ stack, app }: StackContext) {
  const config = useFargateConfig(app);
  const { names, service: settings } = config;
  const { vpc, securityGroups } = use(Network);
  const registry = use(Registry);
  const data = use(Data);

  // Imported read-only: CDK would otherwise add per-port rules beside the range Network declares.
  const readOnly = (id: string, group: ec2.ISecurityGroup) =>
    ec2.SecurityGroup.fromSecurityGroupId(stack, id, group.securityGroupId, { mutable: false });
  const loadBalancerGroup = readOnly("LoadBalancerGroup", securityGroups.loadBalancer);
  const taskGroup = readOnly("TaskGroup", securityGroups.tasks);

  const cluster = new ecs.Cluster(stack, "Cluster", {
    clusterName: names.cluster,
    vpc,
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
  });
  const logGroup = new logs.LogGroup(stack, "LogGroup", {
    logGroupName: names.logGroup,
    retention: retentionDays(settings.logRetentionDays),
    removalPolicy: removalPolicyOf(config.statefulRemoval),
  });
  const imageTag = imageTagFor(app.mode, settings.imageTag);

  const secret = (key: string) => ecs.Secret.fromSecretsManager(data.database.secret, key);
  const task = new StockwizTaskDefinition(stack, "Task", {
    family: names.taskFamily,
    cpu: settings.cpu,
    memoryMiB: settings.memoryMiB,
    logGroup,
    stopTimeoutSeconds: settings.stopTimeoutSeconds,
    cpuArchitecture: settings.cpuArchitecture,
    appContainers: appServiceKeys.map((key) => ({
      name: names.appServices[key].container,
      port: names.appServices[key].port,
      image: ecs.ContainerImage.fromEcrRepository(registry.repositories[key], imageTag),
      environment: {
        ...serviceEnvironment(config, key, { database: data.database, redisUrl: data.redisUrl }),
        // Only the inventory service changes levels, so only it publishes stock events.
        ...(key === "inventoryService"
          ? { STOCK_EVENTS_TOPIC_ARN: data.stockEvents.topic.topicArn }
          : {}),
      },
    })),
    appSecrets: {
      DB_USER: secret("username"),
      DB_PASSWORD: secret("password"),
      ...(data.apiKeys ? { API_KEYS: ecs.Secret.fromSecretsManager(data.apiKeys) } : {}),
    },
    sidecars:
      config.data.kind === "sidecars"
        ? {
            postgresImage: ecs.ContainerImage.fromEcrRepository(registry.postgres, imageTag),
            redisImage: ecs.ContainerImage.fromRegistry(config.data.redisImage),
            databaseName: config.data.databaseName,
            databaseUser: config.data.databaseUser,
            databasePassword: secret("password"),
          }
        : undefined,
  });
  // The inventory container publishes stock events with the task's role.
  data.stockEvents.grantPublish(task.taskRole);

  const edge = new PathRoutedLoadBalancer(stack, "Edge", {
    loadBalancerName: names.loadBalancer,
    vpc,
    securityGroup: loadBalancerGroup,
    targets: Object.fromEntries(
      appServiceKeys.map((key) => {
        const { targetGroup, port, route } = names.appServices[key];
        return [key, { targetGroupName: targetGroup, port, route }];
      }),
    ),
    healthCheck: settings.targetHealthCheck,
    deregistrationDelaySeconds: settings.deregistrationDelaySeconds,
    certificateArn: config.edge.certificateArn,
    accessLogRetentionDays: config.edge.accessLogRetentionDays,
  });

  const service = new ecs.FargateService(stack, "Service", {
    serviceName: names.service,
    cluster,
    taskDefinition: task.taskDefinition,
    desiredCount: settings.desiredCount,
    vpcSubnets: { subnets: vpc.privateSubnets },
    securityGroups: [taskGroup],
    assignPublicIp: false,
    healthCheckGracePeriod: Duration.seconds(settings.healthCheckGracePeriodSeconds),
    minHealthyPercent: settings.minHealthyPercent,
    maxHealthyPercent: settings.maxHealthyPercent,
    circuitBreaker: { enable: true, rollback: true },
    propagateTags: ecs.PropagatedTagSource.SERVICE,
  });
  for (const key of appServiceKeys) {
    const { container, port } = names.appServices[key];
    edge.targetGroups[key]?.addTarget(
      service.loadBalancerTarget({ containerName: container, containerPort: port }),
    );
  }

  const scaling = service.autoScaleTaskCount({
    minCapacity: settings.minCapacity,
    maxCapacity: settings.maxCapacity,
  });
  scaling.scaleOnCpuUtilization("CpuScaling", {
    targetUtilizationPercent: settings.cpuTargetPercent,
  });
  scaling.scaleOnMemoryUtilization("MemoryScaling", {
    targetUtilizationPercent: settings.memoryTargetPercent,
  });

  if (config.edge.waf) {
    new RegionalWebAcl(stack, "Waf", {
      name: `${config.stage}-stockwiz-waf`,
      resourceArn: edge.loadBalancer.loadBalancerArn,
      requestsPerFiveMinutesPerIp: config.edge.waf.requestsPerFiveMinutesPerIp,
    });
  }

  const publicUrl =
    config.edge.certificateArn && config.edge.publicHostname
      ? `https://${config.edge.publicHostname}`
      : `http://${edge.loadBalancer.loadBalancerDnsName}`;
  stack.addOutputs({
    PublicUrl: publicUrl,
    ClusterName: cluster.clusterName,
    ServiceName: service.serviceName,
  });

  return {
    cluster,
    service,
    task,
    loadBalancer: edge.loadBalancer,
    targetGroups: edge.targetGroups,
    publicUrl,
  };
}
