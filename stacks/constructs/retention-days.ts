import * as logs from "aws-cdk-lib/aws-logs";

const allowed = new Set<number>(
  Object.values(logs.RetentionDays).filter((value): value is number => typeof value === "number"),
);

/** CloudWatch accepts only certain retention periods; a config typo fails at synth, not deploy. */
export function retentionDays(days: number): logs.RetentionDays {
  if (!allowed.has(days)) throw new Error(`${days} days is not a CloudWatch Logs retention period`);
  return days as logs.RetentionDays;
}
