import { RemovalPolicy } from "aws-cdk-lib";
import { type StackContext, use } from "sst/constructs";
import { migrationNames } from "../packages/core/src/db/migrate-to-latest.ts";
import type { FunctionDatabase } from "./config/function-environment.ts";
import { databaseFunctionEnvironment } from "./config/function-environment.ts";
import { functionFiles } from "./config/function-files.ts";
import { useServerlessConfig, useStackSettings } from "./config/stack-settings.ts";
import { DatabaseMigration } from "./constructs/database-migration.ts";
import { ServerlessPostgres } from "./constructs/serverless-postgres.ts";
import { StockwizFunction } from "./constructs/stockwiz-function.ts";
import { ServerlessNetwork } from "./serverless-network.ts";

/**
 * A serverless stage's database, migrated: Aurora Serverless v2 that pauses when idle, its
 * IAM-only app user, and the migration step every deploy runs before the functions change.
 */
export function ServerlessData({ stack, app }: StackContext) {
  const config = useServerlessConfig(app);
  const { rootDir } = useStackSettings(app);
  const { data, names, functions } = config;
  const { vpc, privateSubnets, securityGroups } = use(ServerlessNetwork);
  const postgres = new ServerlessPostgres(stack, "Postgres", {
    vpc,
    subnets: privateSubnets,
    clientSecurityGroup: securityGroups.functions,
    databaseName: data.databaseName,
    masterUser: data.masterUser,
    appUser: data.appUser,
    engineVersion: data.engineVersion,
    minCapacityAcu: data.minCapacityAcu,
    maxCapacityAcu: data.maxCapacityAcu,
    autoPauseMinutes: data.autoPauseMinutes,
    backupRetentionDays: data.backupRetentionDays,
    removalPolicy:
      config.statefulRemoval === "retain" ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
  });
  const database: FunctionDatabase = {
    host: postgres.cluster.clusterEndpoint.hostname,
    port: String(postgres.cluster.clusterEndpoint.port),
    name: data.databaseName,
    user: data.appUser,
    sslMode: data.sslMode,
  };

  const migrate = new StockwizFunction(stack, "Migrate", {
    functionName: names.migrateFunction,
    handler: "packages/adapters/src/database/migrate-handler.handler",
    rootDir,
    description: `Applies StockWiz's migrations to ${config.stage}'s database, once per deploy`,
    memoryMiB: 512,
    // Waits for a paused cluster to resume, then migrates.
    timeoutSeconds: 300,
    logRetentionDays: functions.logRetentionDays,
    environment: { ...databaseFunctionEnvironment(database, functions), DB_POOL_MAX: "1" },
    network: { vpc, subnets: privateSubnets, securityGroup: securityGroups.functions },
    files: functionFiles.migrate,
    liveDevelopment: false,
  });
  postgres.grantConnect(migrate.function);
  migrate.node.addDependency(postgres.appUserReady);
  const migration = new DatabaseMigration(stack, "Migration", {
    migrate,
    migrationNames,
    databaseIdentity: postgres.cluster.clusterResourceIdentifier,
  });
  migration.node.addDependency(postgres.appUserReady);

  return { postgres, database };
}
