import { NagSuppressions } from "cdk-nag";
import type { App } from "sst/constructs";
import { Stack } from "sst/constructs";

/**
 * SST adds a `CustomResourceHandler` function to every stack for its own
 * bookkeeping; its shape is SST's, not ours, so its findings are waived here,
 * on that function only.
 */
export function suppressSstCustomResourceHandlers(app: App): void {
  for (const stack of app.node.children) {
    if (!(stack instanceof Stack)) continue;
    const handler = stack.node.tryFindChild("CustomResourceHandler");
    if (!handler) continue;
    NagSuppressions.addResourceSuppressions(
      handler,
      [
        {
          id: "AwsSolutions-IAM4",
          reason: "SST's own handler logs through AWSLambdaBasicExecutionRole",
          appliesTo: [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          ],
        },
      ],
      true,
    );
  }
}
