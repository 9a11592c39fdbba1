import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";

export interface AccessLogBucketProps {
  readonly retentionDays: number;
  /** "destroy": emptied and deleted with its stack (short-lived stages). @default "retain" */
  readonly removal?: "retain" | "destroy";
}

/** Private, TLS-only bucket for load balancer access logs (ALB logs require SSE-S3). */
export class AccessLogBucket extends Construct {
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    if (props.retentionDays < 1) throw new Error("retentionDays must be at least 1");
    this.bucket = new s3.Bucket(this, "Bucket", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.retentionDays) }],
      // Logs outlive the stack (a bucket holding objects cannot be deleted anyway), but an empty
      // one left by a rolled-back first create goes with it.
      ...(props.removal === "destroy"
        ? { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }
        : { removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE }),
    });
    NagSuppressions.addResourceSuppressions(this.bucket, [
      {
        id: "AwsSolutions-S1",
        reason: "This bucket is the access-log destination; logging it would recurse",
      },
    ]);
  }
}
