import { describe, expect, it } from "vitest";
import { albEventOf, type IncomingHttpRequest } from "../src/alb-event.ts";
import { traceIdFor } from "../src/trace-id.ts";

const arn = "arn:aws:elasticloadbalancing:local:000000000000:targetgroup/dev-product-svc-tg/1";

const request = (overrides: Partial<IncomingHttpRequest> = {}): IncomingHttpRequest => ({
  method: "GET",
  url: "/products?name=caf%C3%A9&x=a%20b&x=c+d&flag",
  rawHeaders: [
    "Host",
    "alb.local",
    "Accept",
    "a/b",
    "accept",
    "c/d",
    "X-Forwarded-For",
    "203.0.113.9",
  ],
  body: Buffer.alloc(0),
  clientAddress: "198.51.100.7",
  listenerPort: 8000,
  ...overrides,
});

describe("the event a target group with multi-value headers off receives", () => {
  const event = albEventOf(request(), { arn, multiValueHeaders: false });

  it("when the request has a query then its values stay URL-encoded, the last of a repeated one kept", () => {
    expect(event).toMatchObject({
      requestContext: { elb: { targetGroupArn: arn } },
      httpMethod: "GET",
      path: "/products",
      queryStringParameters: { name: "caf%C3%A9", x: "c+d", flag: "" },
      body: "",
      isBase64Encoded: false,
    });
    expect(event.multiValueHeaders).toBeUndefined();
  });

  it("when a header is repeated then the last value is passed, names lower-cased, and the ALB's own are added", () => {
    expect(event.headers).toMatchObject({
      host: "alb.local",
      accept: "c/d",
      "x-forwarded-for": "203.0.113.9, 198.51.100.7",
      "x-forwarded-proto": "http",
      "x-forwarded-port": "8000",
      "x-amzn-trace-id": expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
    });
  });
});

describe("the event a target group with multi-value headers on receives", () => {
  it("when headers and parameters repeat then every value is kept in order", () => {
    const event = albEventOf(request(), { arn, multiValueHeaders: true });

    expect(event.headers).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.multiValueQueryStringParameters).toEqual({
      name: ["caf%C3%A9"],
      x: ["a%20b", "c+d"],
      flag: [""],
    });
    expect(event.multiValueHeaders).toMatchObject({ accept: ["a/b", "c/d"], host: ["alb.local"] });
  });
});

describe("bodies", () => {
  it.each([
    { type: "application/json; charset=utf-8", base64: false },
    { type: "text/plain", base64: false },
    { type: "application/xml", base64: false },
    { type: "application/javascript", base64: false },
    { type: "application/octet-stream", base64: true },
    { type: "application/problem+json", base64: true },
    { type: "image/png", base64: true },
  ])("when the content type is $type then base64 is $base64", ({ type, base64 }) => {
    const body = Buffer.from('{"a":1}');

    const event = albEventOf(
      request({ method: "POST", rawHeaders: ["Content-Type", type], body }),
      {
        arn,
        multiValueHeaders: false,
      },
    );

    expect(event.isBase64Encoded).toBe(base64);
    expect(Buffer.from(event.body ?? "", base64 ? "base64" : "utf8")).toEqual(body);
  });
});

describe("X-Amzn-Trace-Id", () => {
  it("when the request carries a Root then a Self field for this hop goes in front, an older Self replaced", () => {
    const traced = traceIdFor(
      "Self=1-00000000-000000000000000000000000;Root=1-5bdb40ca-556d8b0c50dc66f0511bf520;Sampled=1",
    );

    expect(traced).toMatch(
      /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5bdb40ca-556d8b0c50dc66f0511bf520;Sampled=1$/,
    );
  });
});
