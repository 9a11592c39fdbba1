import * as lambda from "aws-cdk-lib/aws-lambda";
import type { App } from "sst/constructs";
import { Stack } from "sst/constructs";

/** The Node.js every StockWiz function runs, SST's own bookkeeping function included. */
export const lambdaRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * SST adds a `CustomResourceHandler` function to every stack and pins it to Node 22. Its
 * code is plain ESM that uses only what every Lambda Node.js runtime provides, so it runs on
 * the runtime the rest of StockWiz runs.
 */
export function runSstCustomResourceHandlersOnLambdaRuntime(app: App): void {
  for (const stack of app.node.children) {
    if (!(stack instanceof Stack)) continue;
    const handler = stack.node.tryFindChild("CustomResourceHandler");
    if (!(handler instanceof lambda.Function)) continue;
    (handler.node.defaultChild as lambda.CfnFunction).runtime = lambdaRuntime.name;
  }
}
