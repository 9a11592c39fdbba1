import type { ALBEvent } from "aws-lambda";

/** The target group ARN of AWS's documented example, renamed to one of ours. */
export const exampleTargetGroupArn =
  "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/dev-product-svc-tg/6d0ecf831eec9f09";

/** The headers of AWS's example event ("Receive events from the load balancer"). */
export const exampleHeaders: Record<string, string> = {
  accept: "text/html,application/xhtml+xml",
  "accept-language": "en-US,en;q=0.8",
  host: "lambda-846800462-us-east-2.elb.amazonaws.com",
  "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6)",
  "x-amzn-trace-id": "Root=1-5bdb40ca-556d8b0c50dc66f0511bf520",
  "x-forwarded-for": "72.21.198.66",
  "x-forwarded-port": "443",
  "x-forwarded-proto": "https",
};

export interface ExampleRequest {
  method?: string;
  path: string;
  /** Names and values as the ALB passes them: still URL-encoded. */
  query?: Record<string, string[]>;
  headers?: Record<string, string[]>;
  body?: string;
  isBase64Encoded?: boolean;
}

/** AWS's example event, multi-value headers off: one value per header and per parameter. */
export function singleValueEvent(request: ExampleRequest): ALBEvent {
  const last = (values: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(values).map(([name, all]) => [name, all.at(-1) ?? ""]));
  return {
    requestContext: { elb: { targetGroupArn: exampleTargetGroupArn } },
    httpMethod: request.method ?? "GET",
    path: request.path,
    queryStringParameters: last(request.query ?? {}),
    headers: { ...exampleHeaders, ...last(request.headers ?? {}) },
    isBase64Encoded: request.isBase64Encoded ?? false,
    body: request.body ?? "",
  };
}

/** The same with multi-value headers on: every field an array, repeated names kept. */
export function multiValueEvent(request: ExampleRequest): ALBEvent {
  const lists = Object.fromEntries(
    Object.entries(exampleHeaders).map(([name, value]) => [name, [value]]),
  );
  return {
    requestContext: { elb: { targetGroupArn: exampleTargetGroupArn } },
    httpMethod: request.method ?? "GET",
    path: request.path,
    multiValueQueryStringParameters: request.query ?? {},
    multiValueHeaders: { ...lists, ...request.headers },
    isBase64Encoded: request.isBase64Encoded ?? false,
    body: request.body ?? "",
  };
}
