import { describeAwsError, isTransientAwsError } from "./aws-error.ts";
import type { Clock } from "./clock.ts";
import type { EcsServiceApi } from "./ecs-service-api.ts";
import { formatEvent, formatProgress } from "./format-rollout.ts";
import { primaryDeployment, type RolloutSnapshot, snapshotOf } from "./rollout-snapshot.ts";
import { judgeRollout } from "./rollout-verdict.ts";
import { takeUnseenEvents } from "./unseen-events.ts";

export interface WaitForRolloutOptions {
  readonly api: EcsServiceApi;
  readonly clock: Clock;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
  readonly report: (line: string) => void;
  /** The deployment to follow; by default the one that is PRIMARY at the first look. */
  readonly deploymentId?: string;
}

export type WaitOutcome =
  | { readonly ok: true; readonly deploymentId: string; readonly snapshot: RolloutSnapshot }
  | { readonly ok: false; readonly reason: string };

/** How many of the events already there at the first look are shown, for context. */
const eventsShownAtStart = 3;

export async function waitForRollout(options: WaitForRolloutOptions): Promise<WaitOutcome> {
  const { api, clock, report } = options;
  const startedAt = clock.now();
  const seenEvents = new Set<string>();
  let deploymentId = options.deploymentId;
  let firstLook = true;

  for (;;) {
    const elapsed = clock.now() - startedAt;
    try {
      const snapshot = snapshotOf(await api.describe());
      deploymentId ??= primaryDeployment(snapshot)?.id;
      if (deploymentId === undefined) return { ok: false, reason: "the service has no deployment" };

      const fresh = takeUnseenEvents(snapshot.events, seenEvents);
      for (const event of firstLook ? fresh.slice(-eventsShownAtStart) : fresh) {
        report(`  event ${formatEvent(event)}`);
      }
      firstLook = false;
      report(formatProgress(snapshot, deploymentId, elapsed));

      const verdict = judgeRollout(snapshot, deploymentId);
      if (verdict.state === "completed") return { ok: true, deploymentId, snapshot };
      if (verdict.state === "failed") return { ok: false, reason: verdict.reason };
    } catch (error) {
      if (!isTransientAwsError(error)) return { ok: false, reason: describeAwsError(error) };
      report(`  ECS did not answer this time (${describeAwsError(error)}); asking again`);
    }

    const remaining = options.timeoutMs - (clock.now() - startedAt);
    if (remaining <= 0) {
      const what = deploymentId ?? "the deployment";
      return {
        ok: false,
        reason: `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${what} to complete`,
      };
    }
    await clock.sleep(Math.min(options.pollIntervalMs, remaining));
  }
}
