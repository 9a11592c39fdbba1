import type { PricingContext } from "./cost-report.ts";
import type { StageResource } from "./stage-index.ts";

/** An Aurora cluster with its instances, as billing sees it. */
export interface AuroraCluster {
  readonly cluster: StageResource;
  readonly serverless: readonly StageResource[];
  readonly provisioned: readonly StageResource[];
  readonly minAcu: number;
  readonly pauseSeconds: number;
  readonly ioOptimized: boolean;
}

export function auroraClusters({ stage, assume }: PricingContext): AuroraCluster[] {
  return stage.ofType("AWS::RDS::DBCluster").map((cluster) => {
    const instances = stage
      .ofType("AWS::RDS::DBInstance")
      .filter(
        (instance) =>
          stage.referenced(instance.properties.DBClusterIdentifier, instance) === cluster,
      );
    const scaling = cluster.properties.ServerlessV2ScalingConfiguration ?? {};
    return {
      cluster,
      serverless: instances.filter((i) => i.properties.DBInstanceClass === "db.serverless"),
      provisioned: instances.filter((i) => i.properties.DBInstanceClass !== "db.serverless"),
      minAcu: Number(scaling.MinCapacity ?? 0.5),
      pauseSeconds: Number(
        scaling.SecondsUntilAutoPause ?? assume.auroraDefaultAutoPauseSeconds.value,
      ),
      ioOptimized: cluster.properties.StorageType === "aurora-iopt1",
    };
  });
}
