import { RemovalPolicy } from "aws-cdk-lib";
import type { StatefulRemoval } from "../config/stage-config.ts";

/**
 * "retain" is RetainExceptOnCreate: a resource whose stack's first create rolls back is
 * deleted with it, so the retry does not fail on a name that is still taken.
 */
export function removalPolicyOf(removal: StatefulRemoval): RemovalPolicy {
  return removal === "retain" ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;
}
