import { auroraClusters } from "./aurora-clusters.ts";
import { priceWakeUps } from "./aurora-wake-ups.ts";
import type {
  LineItem,
  MarginalItem,
  Pricer,
  PricingContext,
  UnpricedResource,
} from "./cost-report.ts";

/** Aurora: ACU-hours of Serverless v2 instances (none while paused), instance hours, storage. */
export const priceAurora: Pricer = {
  types: ["AWS::RDS::DBCluster"],
  price: (context) => {
    const { prices, assume, monthly } = context;
    const a = prices.aurora;
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const warnings: string[] = [];
    for (const aurora of auroraClusters(context)) {
      const { cluster, serverless, provisioned, minAcu, ioOptimized } = aurora;
      const name = cluster.properties.DBClusterIdentifier ?? cluster.logicalId;
      if (
        !String(cluster.properties.Engine).startsWith("aurora") ||
        cluster.properties.EngineMode === "serverless"
      ) {
        unpriced.push({
          resource: cluster,
          reason: "only Aurora provisioned-mode clusters are in the price table",
        });
        continue;
      }
      const acuHour = (ioOptimized ? a.serverlessAcuHourIoOptimized : a.serverlessAcuHour).usd;
      if (serverless.length > 0) {
        items.push({
          kind: "aurora-serverless",
          item: `Aurora Serverless v2 ${name}: ${minAcu === 0 ? "paused at idle (min 0 ACU)" : `min ${minAcu} ACU`}`,
          quantity: serverless.length * minAcu,
          unit: `ACU (${serverless.length} db.serverless × min ${minAcu}) × ${prices.hoursPerMonth} h`,
          monthlyUsd: serverless.length * minAcu * monthly(acuHour),
          resources: [cluster.key, ...serverless.map((i) => i.key)],
        });
      }
      for (const instance of provisioned) {
        const hourly = a.postgresInstanceHour[instance.properties.DBInstanceClass];
        if (hourly === undefined || cluster.properties.Engine !== "aurora-postgresql") {
          unpriced.push({
            resource: instance,
            reason: `Aurora ${instance.properties.DBInstanceClass} is not in the price table`,
          });
          continue;
        }
        items.push({
          kind: "aurora-instance",
          item: `Aurora PostgreSQL ${instance.properties.DBInstanceClass} (${instance.logicalId})`,
          quantity: 1,
          unit: `instance × ${prices.hoursPerMonth} h`,
          monthlyUsd: monthly(hourly.usd),
          ...(hourly.estimate ? { estimate: hourly.estimate } : {}),
          resources: [instance.key],
        });
      }
      const gb = assume.auroraStorageGb.value;
      items.push({
        kind: "aurora-storage",
        item: `Aurora storage of ${name}, billed paused or not (backups within its size: no charge)`,
        quantity: gb,
        unit: "GB-month",
        monthlyUsd: gb * (ioOptimized ? a.storageGbMonthIoOptimized : a.storageGbMonth).usd,
        estimate: assume.auroraStorageGb.basis,
        resources: [cluster.key],
      });
      const wakeUps = priceWakeUps(context, aurora, acuHour);
      items.push(...wakeUps.items);
      warnings.push(...wakeUps.warnings);
    }
    return { items, unpriced, warnings, marginal: auroraMarginal(context) };
  },
};

function auroraMarginal(context: PricingContext): MarginalItem[] {
  const { prices, assume } = context;
  const clusters = auroraClusters(context).filter((aurora) => aurora.serverless.length > 0);
  if (clusters.length === 0) return [];
  const acuHour = prices.aurora.serverlessAcuHour.usd;
  const acu = (1e6 * assume.auroraAcuSecondsPerRequest.value * acuHour) / 3_600;
  const io = assume.auroraIoPerRequest.value * prices.aurora.ioMillion.usd;
  return [
    {
      kind: "aurora-requests",
      item: "Aurora Serverless v2 capacity and I/O",
      perMillionUsd: acu + io,
      assumption: `${assume.auroraAcuSecondsPerRequest.basis}; ${assume.auroraIoPerRequest.value} I/Os; awake at least 0.5 ACU while requests come`,
    },
  ];
}
