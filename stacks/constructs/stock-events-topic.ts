import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";

export interface StockEventsTopicProps {
  readonly topicName: string;
}

/**
 * The stage's stock events (issue 17): levels that ran low, ran out or were restocked, published
 * by the inventory service, subscribed to by whoever restocks. Encrypted with its own key, HTTPS
 * only. A standard topic: a consumer orders a level's events by `sequence` and drops repeated ids.
 */
export class StockEventsTopic extends Construct {
  public readonly topic: sns.Topic;
  private readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: StockEventsTopicProps) {
    super(scope, id);
    if (props.topicName.length === 0 || props.topicName.length > 256) {
      throw new Error("topicName must be 1 to 256 characters");
    }
    this.key = new kms.Key(this, "Key", {
      description: `Encrypts the ${props.topicName} topic`,
      enableKeyRotation: true,
    });
    this.topic = new sns.Topic(this, "Topic", {
      topicName: props.topicName,
      masterKey: this.key,
      enforceSSL: true,
    });
  }

  /**
   * Lets `grantee` publish: the topic, and its key to encrypt what it sends. Stated here rather
   * than with topic.grantPublish, whose key grant is a wildcard action (kms:GenerateDataKey*).
   */
  grantPublish(grantee: iam.IGrantable): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ["sns:Publish"],
      resourceArns: [this.topic.topicArn],
    });
    this.key.grant(grantee, "kms:Decrypt", "kms:GenerateDataKey");
  }
}
