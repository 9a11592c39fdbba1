import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { describe, expect, it } from "vitest";
import { FunctionSchedule } from "../../stacks/constructs/function-schedule.ts";

function stackWithFunction() {
  const stack = new Stack(new App(), "Test");
  const fn = new lambda.Function(stack, "Fn", {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline("export const handler = async () => {};"),
  });
  return { stack, fn };
}

describe("FunctionSchedule", () => {
  it("when given every 720 minutes then one rule invokes the function at rate(12 hours), without retries, and may invoke it", () => {
    const { stack, fn } = stackWithFunction();

    new FunctionSchedule(stack, "Schedule", {
      function: fn,
      everyMinutes: 720,
      description: "periodic tasks",
    });

    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::Events::Rule", 1);
    template.hasResourceProperties("AWS::Events::Rule", {
      Description: "periodic tasks",
      ScheduleExpression: "rate(12 hours)",
      State: "ENABLED",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [Match.stringLikeRegexp("^Fn"), "Arn"] },
          RetryPolicy: { MaximumRetryAttempts: 0 },
        }),
      ],
    });
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
    });
  });

  it.each([0, 1.5])(
    "when everyMinutes is %s then it refuses it before building",
    (everyMinutes) => {
      const { stack, fn } = stackWithFunction();

      expect(
        () =>
          new FunctionSchedule(stack, "Schedule", { function: fn, everyMinutes, description: "x" }),
      ).toThrow(/everyMinutes must be a whole number of at least 1/);
    },
  );
});
