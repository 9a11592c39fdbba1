import { CfnDeletionPolicy, CfnResource, type IAspect } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Whatever CDK keeps by default (KMS keys, log groups) is kept except when its stack's first
 * create rolls back: a failed first deploy then leaves nothing behind, and its retry starts
 * clean. Resources a stage chooses to destroy are left as they are.
 */
export class RetainExceptOnCreate implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource)) return;
    if (node.cfnOptions.deletionPolicy === CfnDeletionPolicy.RETAIN) {
      node.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE;
    }
  }
}
