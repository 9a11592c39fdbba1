import type { StageIndex, StageResource } from "./stage-index.ts";
import type { PriceTable } from "./us-east-1-prices.ts";
import type { UsageAssumptions } from "./usage-assumptions.ts";

/** One row of the idle bill: what, how many, what it costs a month with no user traffic. */
export interface LineItem {
  /** Stable name of the priced thing, for tests and grouping: "alb", "nat-gateway"… */
  readonly kind: string;
  readonly item: string;
  readonly quantity: number;
  /** What `quantity` counts, e.g. "addresses × 730 h". */
  readonly unit: string;
  readonly monthlyUsd: number;
  /** Present when the amount rests on an estimate (a usage assumption or an uncertain price). */
  readonly estimate?: string;
  readonly resources: readonly string[];
}

/** What one million more requests add, and on what assumption. */
export interface MarginalItem {
  readonly kind: string;
  readonly item: string;
  readonly perMillionUsd: number;
  readonly assumption: string;
}

/** Resources no line prices: free by nature, or of a type or class the table lacks. */
export interface UnpricedGroup {
  readonly type: string;
  readonly count: number;
  readonly reason: string;
  /** True for a type that costs nothing; false for one the table cannot price. */
  readonly free: boolean;
}

export interface CostReport {
  readonly stage: string;
  readonly asOf: string;
  readonly hoursPerMonth: number;
  readonly items: readonly LineItem[];
  readonly marginal: readonly MarginalItem[];
  readonly unpriced: readonly UnpricedGroup[];
  readonly warnings: readonly string[];
  readonly idleMonthlyUsd: number;
  readonly perMillionRequestsUsd: number;
}

/** Something that recurs without user traffic: a schedule, or a health check of a Lambda target. */
export interface PeriodicInvocation {
  readonly function: StageResource;
  readonly source: StageResource;
  readonly runsPerMonth: number;
  /** Load balancers the function's configuration names: it sends its requests through them. */
  readonly callsLoadBalancers: readonly StageResource[];
}

export interface PricingContext {
  readonly stage: StageIndex;
  readonly prices: PriceTable;
  readonly assume: UsageAssumptions;
  readonly periodic: readonly PeriodicInvocation[];
  /** Dollars a month for something billed by the hour, all month. */
  readonly monthly: (hourlyUsd: number) => number;
}

/** A resource a pricer recognised by type yet could not price (an unknown class, say). */
export interface UnpricedResource {
  readonly resource: StageResource;
  readonly reason: string;
}

export interface Priced {
  readonly items?: readonly LineItem[];
  readonly marginal?: readonly MarginalItem[];
  readonly warnings?: readonly string[];
  readonly unpriced?: readonly UnpricedResource[];
}

/** Prices the resources of the types it names; a type no pricer names is "not priced". */
export interface Pricer {
  readonly types: readonly string[];
  readonly price: (context: PricingContext) => Priced;
}

export const keysOf = (resources: readonly StageResource[]): string[] =>
  resources.map((resource) => resource.key);
