import type { PricingContext } from "./cost-report.ts";
import type { CfnValue, StageResource } from "./stage-index.ts";

export const isFargate = (service: StageResource) =>
  service.properties.LaunchType === "FARGATE" ||
  (service.properties.CapacityProviderStrategy ?? []).some((strategy: CfnValue) =>
    String(strategy.CapacityProvider).startsWith("FARGATE"),
  );

/** Tasks running with no traffic: the desired count, or the scaling floor if higher. */
export function idleTaskCount(service: StageResource, { stage }: PricingContext): number {
  const floors = stage
    .ofType("AWS::ApplicationAutoScaling::ScalableTarget")
    .filter((target) =>
      stage.referencedWithin(target.properties.ResourceId, target).includes(service),
    )
    .map((target) => Number(target.properties.MinCapacity ?? 0));
  return Math.max(Number(service.properties.DesiredCount ?? 1), ...floors);
}
