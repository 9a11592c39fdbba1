export { describeAwsError, isTransientAwsError } from "./aws-error.ts";
export { type Clock, systemClock } from "./clock.ts";
export { type EcsServiceApi, ecsServiceApi, ServiceNotFoundError } from "./ecs-service-api.ts";
export { formatProgress, formatStatus } from "./format-rollout.ts";
export { type RolloutSnapshot, snapshotOf } from "./rollout-snapshot.ts";
export { judgeRollout, type RolloutVerdict } from "./rollout-verdict.ts";
export { runDeployCommand } from "./run-deploy-command.ts";
export { type WaitOutcome, waitForRollout } from "./wait-for-rollout.ts";
