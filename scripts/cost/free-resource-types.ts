/**
 * Resource types that cost nothing of their own, each with the reason. Whatever they drive is
 * priced where it is billed (a rule's invocations on its target, a listener's traffic as LCUs).
 * A type neither here nor named by a pricer is reported "not priced": never silently ignored.
 */
export const freeResourceTypes: Readonly<Record<string, string>> = {
  "AWS::IAM::Role": "IAM is free",
  "AWS::IAM::Policy": "IAM is free",
  "AWS::IAM::ManagedPolicy": "IAM is free",
  "AWS::IAM::InstanceProfile": "IAM is free",
  "AWS::IAM::OIDCProvider": "IAM is free",
  "AWS::EC2::VPC": "a VPC is free; its NAT gateways, endpoints and addresses are priced",
  "AWS::EC2::Subnet": "subnets are free",
  "AWS::EC2::RouteTable": "routing is free",
  "AWS::EC2::Route": "routing is free",
  "AWS::EC2::SubnetRouteTableAssociation": "routing is free",
  "AWS::EC2::InternetGateway": "an internet gateway is free (data out is priced per request)",
  "AWS::EC2::VPCGatewayAttachment": "attaching a gateway is free",
  "AWS::EC2::EgressOnlyInternetGateway": "an egress-only gateway is free",
  "AWS::EC2::SecurityGroup": "security groups are free",
  "AWS::EC2::SecurityGroupIngress": "security group rules are free",
  "AWS::EC2::SecurityGroupEgress": "security group rules are free",
  "AWS::EC2::NetworkAcl": "network ACLs are free",
  "AWS::EC2::NetworkAclEntry": "network ACLs are free",
  "AWS::EC2::SubnetNetworkAclAssociation": "network ACLs are free",
  "AWS::Lambda::Permission": "a resource policy statement is free",
  "AWS::Lambda::EventInvokeConfig": "invocation settings are free",
  "AWS::Lambda::Url": "function URLs are free (invocations are priced)",
  "AWS::Lambda::LayerVersion": "layers count toward the free 75 GB of code storage",
  "AWS::Events::Rule":
    "schedule triggers are free; the invocations they make are priced on the target",
  "AWS::ElasticLoadBalancingV2::ListenerCertificate": "attaching a certificate is free",
  "AWS::CertificateManager::Certificate": "public ACM certificates are free",
  "AWS::Route53::RecordSet": "records are free; alias queries to AWS resources are free",
  "AWS::Route53::RecordSetGroup": "records are free; alias queries to AWS resources are free",
  "AWS::S3::BucketPolicy": "a bucket policy is free",
  "AWS::SNS::Subscription": "subscriptions are free; notifications are priced by delivery",
  "AWS::SNS::TopicPolicy": "a topic policy is free",
  "AWS::SNS::TopicInlinePolicy": "a topic policy is free",
  "AWS::KMS::Alias": "aliases are free",
  "AWS::SecretsManager::SecretTargetAttachment": "attaching a secret to a database is free",
  "AWS::SecretsManager::ResourcePolicy": "a secret's policy is free",
  "AWS::SecretsManager::RotationSchedule": "rotation is free; its function's runs are negligible",
  "AWS::RDS::DBSubnetGroup": "subnet groups are free",
  "AWS::RDS::DBParameterGroup": "parameter groups are free",
  "AWS::RDS::DBClusterParameterGroup": "parameter groups are free",
  "AWS::ElastiCache::SubnetGroup": "subnet groups are free",
  "AWS::ElastiCache::ParameterGroup": "parameter groups are free",
  "AWS::ECS::ClusterCapacityProviderAssociations": "capacity provider settings are free",
  "AWS::Logs::LogStream": "streams are free; ingestion is priced at its source",
  "AWS::Logs::ResourcePolicy": "a log resource policy is free",
  "AWS::Logs::SubscriptionFilter": "the filter is free; its destination is priced",
  "AWS::SSM::Parameter": "standard parameters are free",
  "AWS::CDK::Metadata": "CDK's version report is not a resource",
  "AWS::CloudFormation::CustomResource": "runs once per deploy, never idle",
  "AWS::CloudFormation::WaitConditionHandle": "a CloudFormation signal is free",
};

/** Custom resources (`Custom::*`) run their function at deploy time only. */
export function freeReason(type: string): string | undefined {
  if (type.startsWith("Custom::")) return "a custom resource runs once per deploy, never idle";
  return freeResourceTypes[type];
}
