import { CfnResource, type IAspect } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import type { IConstruct } from "constructs";

/** The Node.js every StockWiz function runs, SST's own bookkeeping function included. */
export const lambdaRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * Functions StockWiz does not write pin older Node.js runtimes: SST's `CustomResourceHandler`,
 * its Script handler and Live Lambda bridge, CDK's AwsCustomResource and bucket auto-delete
 * providers. Their code is plain JavaScript that uses only what every Lambda Node.js runtime
 * provides, so they run on the runtime the rest of StockWiz runs. Added as a mutating aspect, it
 * runs before cdk-nag looks.
 */
export class NodeFunctionsOnLambdaRuntime implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      if (typeof node.runtime === "string" && node.runtime.startsWith("nodejs")) {
        node.runtime = lambdaRuntime.name;
      }
      return;
    }
    // CDK's CustomResourceProvider functions are plain CfnResources.
    if (node instanceof CfnResource && node.cfnResourceType === "AWS::Lambda::Function") {
      const runtime = (node as unknown as { _cfnProperties?: { Runtime?: unknown } })._cfnProperties
        ?.Runtime;
      if (typeof runtime === "string" && runtime.startsWith("nodejs")) {
        node.addPropertyOverride("Runtime", lambdaRuntime.name);
      }
    }
  }
}
