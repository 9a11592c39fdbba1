import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { resourcesOfType } from "./cloudformation.ts";
import { synthesizeStage, testSettings } from "./synthesize-stage.ts";

const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-test";
let service: Template;
let monitoring: Template;

beforeAll(async () => {
  const prod = await synthesizeStage("prod", {
    ...testSettings,
    certificateArn,
    publicHostname: "stockwiz.example.test",
  });
  service = prod.template("Service");
  monitoring = prod.template("Monitoring");
});

const listenerOnPort = (port: number) =>
  resourcesOfType(service, "AWS::ElasticLoadBalancingV2::Listener").find(
    (l) => l.properties.Port === port,
  );

describe("prod with a certificate", () => {
  it("when a certificate ARN is configured then an HTTPS listener on 443 uses it with a TLS 1.2+ policy", () => {
    const https = listenerOnPort(443)?.properties;
    expect(https).toMatchObject({
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: certificateArn }],
    });
    expect(https.SslPolicy).toMatch(/TLS13|TLS-1-2/);
  });

  it("when a certificate ARN is configured then HTTP 80 only redirects to HTTPS permanently", () => {
    expect(listenerOnPort(80)?.properties.DefaultActions).toEqual([
      {
        Type: "redirect",
        RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" },
      },
    ]);
  });

  it("when a certificate ARN is configured then the path rules and the default live on the HTTPS listener", () => {
    const https = listenerOnPort(443);
    const rules = resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule");
    expect(rules.map((rule) => rule.properties.Priority).sort()).toEqual([100, 200]);
    for (const rule of rules)
      expect(rule.properties.ListenerArn).toEqual({ Ref: https?.logicalId });
    expect(https?.properties.DefaultActions[0].Type).toBe("forward");
  });

  it("when a certificate ARN is configured then the synthetic check calls the public HTTPS host", () => {
    const check = resourcesOfType(monitoring, "AWS::Lambda::Function").find((f) =>
      String(f.properties.Description).startsWith("Synthetic check"),
    );
    expect(check?.properties.Environment.Variables.CHECK_BASE_URL).toBe(
      "https://stockwiz.example.test",
    );
  });
});
