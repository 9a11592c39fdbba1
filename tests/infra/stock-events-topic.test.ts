import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { containerNamed, environmentOf } from "./cloudformation.ts";
import { type SynthesizedStage, synthesizeStage } from "./synthesize-stage.ts";

// Issue 17: each stage has a stock events topic, encrypted, which the inventory service is told
// of and may publish to.
let dev: SynthesizedStage;
let data: Template;
let service: Template;

beforeAll(async () => {
  dev = await synthesizeStage("dev");
  data = dev.template("Data");
  service = dev.template("Service");
});

describe("stock events topic on dev", () => {
  it("when synthesized then dev-stock-events is encrypted with its own rotated key and HTTPS only", () => {
    data.hasResourceProperties("AWS::SNS::Topic", {
      TopicName: "dev-stock-events",
      KmsMasterKeyId: Match.objectLike({ "Fn::GetAtt": [Match.anyValue(), "Arn"] }),
    });
    data.hasResourceProperties("AWS::KMS::Key", {
      Description: "Encrypts the dev-stock-events topic",
      EnableKeyRotation: true,
    });
    data.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });

  it("when synthesized then only the inventory container is given the topic's ARN", () => {
    const arnOf = (container: string) =>
      environmentOf(containerNamed(service, container)).STOCK_EVENTS_TOPIC_ARN;

    expect(arnOf("inventory-service")).toBeDefined();
    expect(arnOf("product-service")).toBeUndefined();
    expect(arnOf("api-gateway")).toBeUndefined();
  });

  it("when synthesized then the task role may publish to the topic and use its key", () => {
    service.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: "sns:Publish", Effect: "Allow" }),
          Match.objectLike({
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Effect: "Allow",
          }),
        ]),
      },
      Roles: Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp("TaskRole") })]),
    });
  });

  it("when synthesized then cdk-nag finds nothing left unsuppressed", () => {
    expect(dev.nagErrors()).toEqual([]);
  });
});
