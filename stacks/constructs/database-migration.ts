import { createHash } from "node:crypto";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { Script } from "sst/constructs";
import type { StockwizFunction } from "./stockwiz-function.ts";

export interface DatabaseMigrationProps {
  /** The function that applies the pending migrations (packages/adapters' migrate handler). */
  readonly migrate: StockwizFunction;
  /** The migrations the deployed code carries, in order. */
  readonly migrationNames: readonly string[];
  /** Changes when the database is replaced, so the new one is migrated too. */
  readonly databaseIdentity: string;
}

/**
 * Runs the migrations once per deploy that brings new ones (and on a stage's first deploy), as
 * an SST Script: CloudFormation waits for it, and a failed migration fails the deploy before the
 * functions that need the new schema are updated. Its version is the migration list, not a
 * timestamp, so a deploy without new migrations does not wake a paused database, and the same
 * commit always gives the same template.
 */
export class DatabaseMigration extends Construct {
  public readonly script: Script;

  constructor(scope: Construct, id: string, props: DatabaseMigrationProps) {
    super(scope, id);
    if (props.migrationNames.length === 0) throw new Error("migrationNames must not be empty");
    const version = createHash("sha256").update(props.migrationNames.join("\n")).digest("hex");
    this.script = new Script(this, "Script", {
      onCreate: props.migrate.function,
      onUpdate: props.migrate.function,
      version: version.slice(0, 16),
      params: { database: props.databaseIdentity },
    });
    NagSuppressions.addResourceSuppressions(
      this.script,
      [
        {
          id: "AwsSolutions-IAM4",
          reason: "SST's Script handler logs through AWSLambdaBasicExecutionRole",
          appliesTo: [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          ],
        },
        {
          id: "AwsSolutions-IAM5",
          reason:
            "SST's Script handler may invoke the migrate function's versions (grantInvoke adds <arn>:*), and nothing else",
          appliesTo: [{ regex: "/^Resource::<.+\\.Arn>:\\*$/" }],
        },
      ],
      true,
    );
  }
}
