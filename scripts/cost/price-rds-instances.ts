import type { LineItem, Pricer, UnpricedResource } from "./cost-report.ts";

/** RDS instances outside Aurora (instance hours, storage), and RDS Proxy. */
export const priceRdsInstances: Pricer = {
  types: ["AWS::RDS::DBInstance", "AWS::RDS::DBProxy", "AWS::RDS::DBProxyTargetGroup"],
  price: ({ stage, prices, monthly }) => {
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const warnings: string[] = [];
    const rds = prices.rds;
    // Aurora instances belong to their cluster's line (price-aurora.ts).
    const standalone = stage
      .ofType("AWS::RDS::DBInstance")
      .filter((instance) => instance.properties.DBClusterIdentifier === undefined);
    for (const instance of standalone) {
      const { DBInstanceClass, Engine, MultiAZ, AllocatedStorage, StorageType } =
        instance.properties;
      const multiAz = MultiAZ === true || MultiAZ === "true";
      const hourly = (multiAz ? rds.postgresMultiAzHour : rds.postgresSingleAzHour)[
        DBInstanceClass
      ];
      if (Engine !== "postgres" || hourly === undefined) {
        unpriced.push({
          resource: instance,
          reason: `${Engine} ${DBInstanceClass} is not in the price table`,
        });
        continue;
      }
      const deployment = multiAz ? "Multi-AZ" : "Single-AZ";
      items.push({
        kind: "rds-instance",
        item: `RDS PostgreSQL ${DBInstanceClass} ${deployment} (${instance.logicalId})`,
        quantity: 1,
        unit: `instance × ${prices.hoursPerMonth} h`,
        monthlyUsd: monthly(hourly.usd),
        resources: [instance.key],
      });
      const storageType = StorageType ?? "gp2";
      if (storageType !== "gp2" && storageType !== "gp3") {
        unpriced.push({
          resource: instance,
          reason: `${storageType} storage is not in the price table`,
        });
      } else {
        const gb = Number(AllocatedStorage ?? 20);
        const rate = multiAz ? rds.gpStorageMultiAzGbMonth : rds.gpStorageSingleAzGbMonth;
        items.push({
          kind: "rds-storage",
          item: `RDS ${storageType} storage, ${deployment} (backups within its size: no charge)`,
          quantity: gb,
          unit: "GB-month",
          monthlyUsd: gb * rate.usd,
          resources: [instance.key],
        });
      }
      if (Number(instance.properties.PerformanceInsightsRetentionPeriod ?? 7) > 7) {
        warnings.push(
          `${instance.key}: Performance Insights beyond 7 days is billed and not priced here`,
        );
      }
    }

    for (const proxy of stage.ofType("AWS::RDS::DBProxy")) {
      const groups = stage
        .ofType("AWS::RDS::DBProxyTargetGroup")
        .filter((group) => stage.referenced(group.properties.DBProxyName, group) === proxy);
      const targets = groups.flatMap((group) =>
        [
          ...(group.properties.DBClusterIdentifiers ?? []),
          ...(group.properties.DBInstanceIdentifiers ?? []),
        ]
          .map((id) => stage.referenced(id, group))
          .filter((target) => target !== undefined),
      );
      const serverless = targets.some(
        (target) => target.properties.ServerlessV2ScalingConfiguration,
      );
      const vcpus = targets.reduce(
        (sum, target) => sum + (rds.vcpus[target.properties.DBInstanceClass] ?? 0),
        0,
      );
      const units = serverless ? 8 : Math.max(2, vcpus);
      const rate = serverless ? rds.proxyAcuHour : rds.proxyVcpuHour;
      items.push({
        kind: "rds-proxy",
        item: `RDS Proxy ${proxy.properties.DBProxyName ?? proxy.logicalId} (billed on its targets' capacity)`,
        quantity: units,
        unit: `${serverless ? "ACU (the Serverless v2 minimum)" : "vCPU"} × ${prices.hoursPerMonth} h`,
        monthlyUsd: units * monthly(rate.usd),
        resources: [proxy.key, ...groups.map((group) => group.key)],
      });
    }
    return { items, unpriced, warnings };
  },
};
