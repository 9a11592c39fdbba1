import type { LineItem, Pricer, UnpricedResource } from "./cost-report.ts";
import type { StageResource } from "./stage-index.ts";

/** Nodes of a replication group: its cache clusters, or shards × (replicas + primary). */
function nodeCount(group: StageResource): number {
  const { NumCacheClusters, NumNodeGroups, ReplicasPerNodeGroup } = group.properties;
  if (NumCacheClusters !== undefined) return Number(NumCacheClusters);
  if (NumNodeGroups !== undefined)
    return Number(NumNodeGroups) * (Number(ReplicasPerNodeGroup ?? 0) + 1);
  return 1;
}

/** ElastiCache: node hours of node-based clusters, the stored-data floor of serverless caches. */
export const priceCaches: Pricer = {
  types: [
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ServerlessCache",
  ],
  price: ({ stage, prices, monthly }) => {
    const e = prices.elastiCache;
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const nodeBased = [
      ...stage.ofType("AWS::ElastiCache::ReplicationGroup").map((group) => ({
        resource: group,
        nodes: nodeCount(group),
      })),
      // A cache cluster that joins a replication group is one of the group's nodes.
      ...stage
        .ofType("AWS::ElastiCache::CacheCluster")
        .filter((cluster) => cluster.properties.ReplicationGroupId === undefined)
        .map((cluster) => ({
          resource: cluster,
          nodes: Number(cluster.properties.NumCacheNodes ?? 1),
        })),
    ];
    for (const { resource, nodes } of nodeBased) {
      const { CacheNodeType, Engine } = resource.properties;
      const redisPrice = e.redisNodeHour[CacheNodeType];
      if (redisPrice === undefined || !["redis", "valkey"].includes(Engine ?? "redis")) {
        unpriced.push({ resource, reason: `${Engine} ${CacheNodeType} is not in the price table` });
        continue;
      }
      const hourly = redisPrice.usd * (Engine === "valkey" ? 1 - e.valkeyDiscount : 1);
      items.push({
        kind: "elasticache-nodes",
        item: `ElastiCache ${Engine ?? "redis"} ${CacheNodeType} (${resource.logicalId})`,
        quantity: nodes,
        unit: `node × ${prices.hoursPerMonth} h`,
        monthlyUsd: nodes * monthly(hourly),
        resources: [resource.key],
      });
    }
    for (const cache of stage.ofType("AWS::ElastiCache::ServerlessCache")) {
      const valkey = cache.properties.Engine === "valkey";
      const minimumGb = valkey ? 0.1 : 1;
      const rate = valkey ? e.serverlessValkeyGbHour : e.serverlessRedisGbHour;
      items.push({
        kind: "elasticache-serverless",
        item: `ElastiCache Serverless ${cache.properties.Engine} (billed for ${minimumGb} GB even empty)`,
        quantity: minimumGb,
        unit: `GB × ${prices.hoursPerMonth} h`,
        monthlyUsd: minimumGb * monthly(rate.usd),
        ...(rate.estimate ? { estimate: rate.estimate } : {}),
        resources: [cache.key],
      });
    }
    return { items, unpriced };
  },
};
