import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";

export interface FunctionScheduleProps {
  /** The function each run invokes (asynchronously, with an empty scheduled event). */
  readonly function: lambda.IFunction;
  readonly everyMinutes: number;
  readonly description: string;
}

/**
 * Invokes a function at a fixed rate (an EventBridge rule). EventBridge does not retry a run it
 * could not hand over: the next one does the same work.
 */
export class FunctionSchedule extends Construct {
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: FunctionScheduleProps) {
    super(scope, id);
    if (!Number.isInteger(props.everyMinutes) || props.everyMinutes < 1) {
      throw new Error("everyMinutes must be a whole number of at least 1");
    }
    this.rule = new events.Rule(this, "Rule", {
      description: props.description,
      schedule: events.Schedule.rate(Duration.minutes(props.everyMinutes)),
      targets: [new targets.LambdaFunction(props.function, { retryAttempts: 0 })],
    });
  }
}
