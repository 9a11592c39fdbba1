import type { CostReport, Pricer, PricingContext, UnpricedGroup } from "./cost-report.ts";
import { freeReason } from "./free-resource-types.ts";
import { findPeriodicInvocations } from "./periodic-invocations.ts";
import { priceAurora } from "./price-aurora.ts";
import { priceCaches } from "./price-caches.ts";
import { priceContainerInsights } from "./price-container-insights.ts";
import { priceFargate } from "./price-fargate.ts";
import { priceLambda } from "./price-lambda.ts";
import { priceLoadBalancers } from "./price-load-balancers.ts";
import { priceMonitoring } from "./price-monitoring.ts";
import { priceNetwork } from "./price-network.ts";
import { priceRdsInstances } from "./price-rds-instances.ts";
import { priceSecretsAndStorage } from "./price-secrets-and-storage.ts";
import { priceWebAcls } from "./price-web-acl.ts";
import { indexStage, type StackTemplate } from "./stage-index.ts";
import { type PriceTable, usEast1Prices } from "./us-east-1-prices.ts";
import { type UsageAssumptions, usageAssumptions } from "./usage-assumptions.ts";

export const pricers: readonly Pricer[] = [
  priceLoadBalancers,
  priceNetwork,
  priceFargate,
  priceContainerInsights,
  priceLambda,
  priceAurora,
  priceRdsInstances,
  priceCaches,
  priceWebAcls,
  priceSecretsAndStorage,
  priceMonitoring,
];

/**
 * The idle monthly cost of a stage's templates and the cost of a million requests on top.
 * Idle means no user traffic: what the templates schedule or health-check still runs.
 */
export function priceStage(
  stageName: string,
  stacks: readonly StackTemplate[],
  prices: PriceTable = usEast1Prices,
  assume: UsageAssumptions = usageAssumptions,
): CostReport {
  const stage = indexStage(stacks);
  const periodic = findPeriodicInvocations(stage, assume, prices.hoursPerMonth);
  const context: PricingContext = {
    stage,
    prices,
    assume,
    periodic: periodic.invocations,
    monthly: (hourlyUsd) => hourlyUsd * prices.hoursPerMonth,
  };
  const results = pricers.map((pricer) => pricer.price(context));
  const items = results.flatMap((result) => result.items ?? []);
  const marginal = results.flatMap((result) => result.marginal ?? []);
  const warnings = [
    ...periodic.unreadable.map(
      (source) => `${source.key}: schedule not understood, its runs are not priced`,
    ),
    ...results.flatMap((result) => result.warnings ?? []),
  ];

  // Every resource is priced by a pricer, free by nature, or listed as not priced.
  const pricedTypes = new Set(pricers.flatMap((pricer) => pricer.types));
  const groups = new Map<string, UnpricedGroup>();
  const count = (type: string, reason: string, free: boolean) => {
    const key = `${type}\n${reason}`;
    const group = groups.get(key);
    groups.set(key, { type, reason, free, count: (group?.count ?? 0) + 1 });
  };
  for (const resource of stage.all) {
    if (pricedTypes.has(resource.type)) continue;
    const reason = freeReason(resource.type);
    count(resource.type, reason ?? "type not in the price table", reason !== undefined);
  }
  for (const { resource, reason } of results.flatMap((result) => result.unpriced ?? [])) {
    count(resource.type, reason, false);
  }
  const unpriced = [...groups.values()].sort((a, b) => a.type.localeCompare(b.type));
  const unknown = unpriced.filter((group) => !group.free);
  if (unknown.length > 0) {
    warnings.push(
      `${unknown.reduce((sum, g) => sum + g.count, 0)} resources are not priced: the total is low by their cost`,
    );
  }
  return {
    stage: stageName,
    asOf: prices.asOf,
    hoursPerMonth: prices.hoursPerMonth,
    items,
    marginal,
    unpriced,
    warnings,
    idleMonthlyUsd: items.reduce((sum, item) => sum + item.monthlyUsd, 0),
    perMillionRequestsUsd: marginal.reduce((sum, item) => sum + item.perMillionUsd, 0),
  };
}
