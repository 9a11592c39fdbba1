import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

export interface AlertTopicProps {
  readonly topicName: string;
  /** Who is told; a setting, never a literal in code. */
  readonly emailAddress: string;
}

/**
 * The alerts topic, encrypted with its own key: CloudWatch alarms cannot
 * publish to a topic under the AWS-managed SNS key, so the key lets them in.
 */
export class AlertTopic extends Construct {
  public readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    if (!props.emailAddress.includes("@"))
      throw new Error("emailAddress must be an e-mail address");
    const key = new kms.Key(this, "Key", {
      description: `Encrypts the ${props.topicName} topic`,
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
      }),
    );
    this.topic = new sns.Topic(this, "Topic", {
      topicName: props.topicName,
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.emailAddress));
  }
}
