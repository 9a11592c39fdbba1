import type {
  LineItem,
  MarginalItem,
  Pricer,
  PricingContext,
  UnpricedResource,
} from "./cost-report.ts";
import { zoneCount } from "./load-balancer-topology.ts";
import type { StageResource } from "./stage-index.ts";

const isInternetFacing = (lb: StageResource) =>
  (lb.properties.Scheme ?? "internet-facing") === "internet-facing" &&
  lb.properties.IpAddressType !== "dualstack-without-public-ipv4";

const attribute = (lb: StageResource, key: string): unknown =>
  (lb.properties.LoadBalancerAttributes ?? []).find((a: { Key: string }) => a.Key === key)?.Value;

/** Load balancers: the hour, a public IPv4 per AZ node when internet-facing, access-log files. */
export const priceLoadBalancers: Pricer = {
  types: [
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule",
    "AWS::ElasticLoadBalancingV2::TargetGroup",
  ],
  price: (context) => {
    const { stage, prices, assume, monthly } = context;
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const hours = `× ${prices.hoursPerMonth} h`;
    for (const lb of stage.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      const type = lb.properties.Type ?? "application";
      const name = lb.properties.Name ?? lb.logicalId;
      if (type !== "application" && type !== "network") {
        unpriced.push({
          resource: lb,
          reason: `${type} load balancers are not in the price table`,
        });
        continue;
      }
      const hourly =
        type === "application" ? prices.loadBalancing.albHour : prices.loadBalancing.nlbHour;
      const label = type === "application" ? "ALB" : "NLB";
      items.push({
        kind: type === "application" ? "alb" : "nlb",
        item: `${label} ${name} (no LCU at idle)`,
        quantity: 1,
        unit: `load balancer ${hours}`,
        monthlyUsd: monthly(hourly.usd),
        resources: [lb.key],
      });
      const zones = zoneCount(lb, assume);
      if (isInternetFacing(lb)) {
        items.push({
          kind: "load-balancer-public-ipv4",
          item: `Public IPv4 of ${name}, one per AZ node`,
          quantity: zones,
          unit: `public IPv4 address ${hours}`,
          monthlyUsd: zones * monthly(prices.network.publicIpv4Hour.usd),
          resources: [lb.key],
        });
      }
      if (String(attribute(lb, "access_logs.s3.enabled")) === "true") {
        const puts = zones * assume.albLogFilesPerNodeHour.value * prices.hoursPerMonth;
        items.push({
          kind: "alb-access-logs",
          item: `Access-log files of ${name} (S3 PUTs)`,
          quantity: puts,
          unit: "S3 PUT a month",
          monthlyUsd: (puts / 1_000) * prices.storage.s3PutThousand.usd,
          estimate: assume.albLogFilesPerNodeHour.basis,
          resources: [lb.key],
        });
      }
    }
    return { items, unpriced, marginal: loadBalancerMarginal(context) };
  },
};

function loadBalancerMarginal(context: PricingContext): MarginalItem[] {
  const { stage, prices, assume } = context;
  const loadBalancers = stage.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer");
  if (loadBalancers.length === 0) return [];
  const lambdaTargets = stage
    .ofType("AWS::ElasticLoadBalancingV2::TargetGroup")
    .some((group) => group.properties.TargetType === "lambda");
  // One LCU: 25 new connections/s, 1 GB/h processed (0.4 GB/h to Lambda), 1,000 rule evaluations/s.
  const gbPerLcuHour = lambdaTargets ? 0.4 : 1;
  const requests = 1_000_000;
  const rulesPerListener = Math.max(
    0,
    ...stage
      .ofType("AWS::ElasticLoadBalancingV2::Listener")
      .map(
        (listener) =>
          stage
            .ofType("AWS::ElasticLoadBalancingV2::ListenerRule")
            .filter((rule) => stage.referenced(rule.properties.ListenerArn, rule) === listener)
            .length,
      ),
  );
  const lcuHours = Math.max(
    (requests * assume.newConnectionsPerRequest.value) / (25 * 3_600),
    (requests * (assume.requestBytes.value + assume.responseBytes.value)) / 1e9 / gbPerLcuHour,
    (Math.max(0, rulesPerListener - 10) * requests) / (1_000 * 3_600),
  );
  const marginal: MarginalItem[] = [
    {
      kind: "alb-lcu",
      item: "Load balancer LCUs (the largest of the four dimensions)",
      perMillionUsd: lcuHours * prices.loadBalancing.albLcuHour.usd,
      assumption: `${lcuHours.toFixed(1)} LCU-h: ${assume.newConnectionsPerRequest.basis}; ${lambdaTargets ? "Lambda targets, 0.4 GB" : "1 GB"} per LCU-hour`,
    },
  ];
  if (loadBalancers.some(isInternetFacing)) {
    const gb = (requests * assume.responseBytes.value) / 1e9;
    marginal.push({
      kind: "internet-egress",
      item: "Data transfer out to the internet",
      perMillionUsd: gb * prices.network.internetEgressGb.usd,
      assumption: `${gb.toFixed(2)} GB: ${assume.responseBytes.basis}, ${assume.responseBytes.value} B`,
    });
  }
  return marginal;
}
