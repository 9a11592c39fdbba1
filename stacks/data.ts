import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { NagSuppressions } from "cdk-nag";
import { type StackContext, use } from "sst/constructs";
import { useFargateConfig } from "./config/stack-settings.ts";
import { ManagedPostgres } from "./constructs/managed-postgres.ts";
import { ManagedRedis } from "./constructs/managed-redis.ts";
import { removalPolicyOf } from "./constructs/removal-policy.ts";
import { StockEventsTopic } from "./constructs/stock-events-topic.ts";
import { Network } from "./network.ts";

/** How the services reach the database; the secret holds `username` and `password`. */
export interface DatabaseConnection {
  readonly host: string;
  readonly port: string;
  readonly name: string;
  readonly secret: secretsmanager.ISecret;
  /** libpq's PGSSLMODE; absent: the database is on the task's localhost, without TLS. */
  readonly sslMode?: "verify-full";
}

export interface DataStores {
  /** "sidecars": PostgreSQL and Redis run as containers in the task, on localhost. */
  readonly kind: "sidecars" | "managed";
  readonly database: DatabaseConnection;
  readonly redisUrl: string;
  /** Present where writes need an API key (`API_KEYS`). */
  readonly apiKeys?: secretsmanager.ISecret;
  /** Kept apart from the services: its subscriptions outlive every deploy of them. */
  readonly stockEvents: StockEventsTopic;
}

/** Stateful pieces and their secrets, apart from the services that come and go. */
export function Data({ stack, app }: StackContext): DataStores {
  const config = useFargateConfig(app);
  const { data, names } = config;
  const apiKeys = config.requireApiKeys
    ? new secretsmanager.Secret(stack, "ApiKeys", {
        secretName: names.apiKeysSecret,
        description: "Comma-separated API keys accepted for writes (API_KEYS)",
        generateSecretString: { passwordLength: 40, excludePunctuation: true },
        removalPolicy: removalPolicyOf(config.statefulRemoval),
      })
    : undefined;
  if (apiKeys) {
    NagSuppressions.addResourceSuppressions(apiKeys, [
      {
        id: "AwsSolutions-SMG4",
        reason: "Clients hold these keys; they change by hand, with the clients",
      },
    ]);
  }

  const stockEvents = new StockEventsTopic(stack, "StockEvents", {
    topicName: names.stockEventsTopic,
  });

  if (data.kind === "sidecars") {
    // Legacy wrote this password into the task definition; now it is generated and injected.
    const secret = new secretsmanager.Secret(stack, "DatabaseCredentials", {
      secretName: names.databaseSecret,
      description: "PostgreSQL credentials of the task's database container",
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: data.databaseUser }),
        generateStringKey: "password",
        passwordLength: 32,
        excludePunctuation: true,
      },
      removalPolicy: removalPolicyOf(config.statefulRemoval),
    });
    NagSuppressions.addResourceSuppressions(secret, [
      {
        id: "AwsSolutions-SMG4",
        reason:
          "The database container takes its password at creation; rotation would lock the services out",
      },
    ]);
    return {
      kind: "sidecars",
      database: { host: "localhost", port: "5432", name: data.databaseName, secret },
      redisUrl: "redis://localhost:6379",
      apiKeys,
      stockEvents,
    };
  }

  const { vpc, securityGroups } = use(Network);
  const postgres = new ManagedPostgres(stack, "Postgres", {
    vpc,
    clientSecurityGroup: securityGroups.tasks,
    databaseName: data.databaseName,
    username: data.databaseUser,
    secretName: names.databaseSecret,
    instanceType: data.databaseInstanceType,
    allocatedStorageGiB: data.allocatedStorageGiB,
    backupRetentionDays: data.backupRetentionDays,
  });
  const redis = new ManagedRedis(stack, "Redis", {
    vpc,
    clientSecurityGroup: securityGroups.tasks,
    replicationGroupId: `${config.stage}-stockwiz-cache`,
    nodeType: data.cacheNodeType,
    snapshotRetentionDays: data.backupRetentionDays,
  });
  return {
    kind: "managed",
    database: {
      host: postgres.instance.dbInstanceEndpointAddress,
      port: postgres.instance.dbInstanceEndpointPort,
      name: data.databaseName,
      secret: postgres.secret,
      sslMode: data.sslMode,
    },
    redisUrl: redis.url,
    apiKeys,
    stockEvents,
  };
}
