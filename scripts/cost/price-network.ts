import type { LineItem, Pricer, UnpricedResource } from "./cost-report.ts";
import { listLength } from "./stage-index.ts";

/** NAT gateways, Elastic IPs, VPC endpoints, flow logs, hosted zones. */
export const priceNetwork: Pricer = {
  types: [
    "AWS::EC2::NatGateway",
    "AWS::EC2::EIP",
    "AWS::EC2::VPCEndpoint",
    "AWS::EC2::FlowLog",
    "AWS::Route53::HostedZone",
  ],
  price: ({ stage, prices, assume, monthly }) => {
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const hours = `× ${prices.hoursPerMonth} h`;

    const natGateways = stage.ofType("AWS::EC2::NatGateway");
    if (natGateways.length > 0) {
      items.push({
        kind: "nat-gateway",
        item: "NAT gateways (no data processed at idle)",
        quantity: natGateways.length,
        unit: `NAT gateway ${hours}`,
        monthlyUsd: natGateways.length * monthly(prices.network.natGatewayHour.usd),
        resources: natGateways.map((nat) => nat.key),
      });
    }
    // A NAT gateway's public address is its EIP: priced here, once.
    const eips = stage.ofType("AWS::EC2::EIP");
    if (eips.length > 0) {
      items.push({
        kind: "elastic-ip",
        item: "Elastic IPs (public IPv4, e.g. the NAT gateways')",
        quantity: eips.length,
        unit: `public IPv4 address ${hours}`,
        monthlyUsd: eips.length * monthly(prices.network.publicIpv4Hour.usd),
        resources: eips.map((eip) => eip.key),
      });
    }

    for (const endpoint of stage.ofType("AWS::EC2::VPCEndpoint")) {
      const type = endpoint.properties.VpcEndpointType ?? "Gateway";
      const service = JSON.stringify(endpoint.properties.ServiceName ?? endpoint.logicalId);
      if (type === "Gateway") {
        items.push({
          kind: "gateway-endpoint",
          item: `Gateway VPC endpoint ${service} (no charge)`,
          quantity: 1,
          unit: "endpoint",
          monthlyUsd: 0,
          resources: [endpoint.key],
        });
      } else if (type === "Interface") {
        const zones = listLength(endpoint.properties.SubnetIds) ?? assume.defaultAzCount.value;
        items.push({
          kind: "interface-endpoint",
          item: `Interface VPC endpoint ${service}`,
          quantity: zones,
          unit: `AZ ${hours}`,
          monthlyUsd: zones * monthly(prices.network.interfaceEndpointAzHour.usd),
          resources: [endpoint.key],
        });
      } else {
        unpriced.push({
          resource: endpoint,
          reason: `${type} endpoints are not in the price table`,
        });
      }
    }

    for (const flowLog of stage.ofType("AWS::EC2::FlowLog")) {
      const allTraffic = flowLog.properties.TrafficType === "ALL";
      const gb = (allTraffic ? assume.flowLogAllGbMonth : assume.flowLogRejectGbMonth).value;
      items.push({
        kind: "flow-log",
        item: `VPC flow log (${flowLog.properties.TrafficType ?? "ALL"}), vended-log ingestion`,
        quantity: gb,
        unit: "GB a month",
        monthlyUsd: gb * prices.cloudWatch.vendedLogsIngestGb.usd,
        estimate: (allTraffic ? assume.flowLogAllGbMonth : assume.flowLogRejectGbMonth).basis,
        resources: [flowLog.key],
      });
    }

    const zones = stage.ofType("AWS::Route53::HostedZone");
    if (zones.length > 0) {
      items.push({
        kind: "hosted-zone",
        item: "Route 53 hosted zones",
        quantity: zones.length,
        unit: "hosted zone-month",
        monthlyUsd: zones.length * prices.network.hostedZoneMonth.usd,
        resources: zones.map((zone) => zone.key),
      });
    }
    return { items, unpriced };
  },
};
