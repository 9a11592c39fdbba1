import { ArnFormat, DefaultStackSynthesizer, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { appServiceKeys, type ResourceNames } from "../config/resource-names.ts";

/** The four image repositories of one stage, as the Registry stack names them. */
export function imageRepositoryNames(names: ResourceNames): string[] {
  return [
    ...appServiceKeys.map((key) => names.appServices[key].repository),
    names.postgresRepository,
  ];
}

export interface StageDeployPolicyProps {
  /** The stage deployed, or a pattern of stages (`pr-*`). */
  readonly stage: string;
  /** Every CloudFormation stack of the stage starts with this (SST: `<stage>-<app>-`). */
  readonly stackNamePrefix: string;
  /** Key of the stage's object in SST's bootstrap bucket (`appMetadata/app.<app>/stage.<stage>.json`). */
  readonly sstMetadataKey: string;
  /**
   * A Fargate stage: its image repositories, the stages whose images it copies, its ECS service.
   * @default none (a serverless stage: nothing to push or roll out)
   */
  readonly fargate?: {
    readonly names: ResourceNames;
    readonly pullsImagesFrom: readonly ResourceNames[];
  };
  /** The pipeline removes the stage (`sst remove`): SST then deletes its metadata. @default false */
  readonly removable?: boolean;
  /** Qualifier of the CDK bootstrap resources. @default DefaultStackSynthesizer.DEFAULT_QUALIFIER */
  readonly cdkQualifier?: string;
}

const ecrPull = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
];
const ecrPush = [
  ...ecrPull,
  "ecr:InitiateLayerUpload",
  "ecr:UploadLayerPart",
  "ecr:CompleteLayerUpload",
  "ecr:PutImage",
];

/**
 * What one stage's pipeline does with the role's own credentials, and nothing
 * more. `sst deploy` (SST 2.x) calls CloudFormation itself, passing the CDK
 * execution role; only asset uploads and the bootstrap-version check go
 * through the CDK bootstrap roles (node_modules/sst/stacks/deploy.js). The
 * rest is what the workflows run beside it: docker push, the rollout wait, the
 * load balancer's address.
 */
export class StageDeployPolicy extends Construct {
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StageDeployPolicyProps) {
    super(scope, id);
    const { stackNamePrefix, fargate } = props;
    if (!/^[a-z0-9-]+\*?-[a-z0-9-]*-$/.test(stackNamePrefix)) {
      throw new Error(`stackNamePrefix must end with "-": ${stackNamePrefix}`);
    }
    const stack = Stack.of(this);
    const qualifier = props.cdkQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const { account, region } = stack;
    const arn = (service: string, resource: string, resourceName: string, global = false) =>
      stack.formatArn({
        service,
        resource,
        resourceName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        ...(global ? { region: "" } : {}),
      });
    const bucketObjects = (bucket: string, key: string) =>
      stack.formatArn({
        service: "s3",
        region: "",
        account: "",
        resource: bucket,
        resourceName: key,
      });
    const bootstrapRole = (kind: string) =>
      arn("iam", "role", `cdk-${qualifier}-${kind}-${account}-${region}`, true);
    const stageStacks = arn("cloudformation", "stack", `${stackNamePrefix}*/*`);

    const statements = [
      // toolkit-lib assumes the deploy role to check the bootstrap version, and cdk-assets the
      // file-publishing role to upload Lambda code and templates. No stack has a Docker image
      // asset or a context lookup, so the image-publishing and lookup roles stay out.
      new iam.PolicyStatement({
        sid: "AssumeCdkBootstrapRoles",
        actions: ["sts:AssumeRole"],
        resources: [bootstrapRole("deploy-role"), bootstrapRole("file-publishing-role")],
      }),
      // SST creates and updates the stacks with the caller's credentials, handing CloudFormation
      // the CDK execution role; that role, not this one, changes the resources.
      new iam.PolicyStatement({
        sid: "PassCdkExecutionRole",
        actions: ["iam:PassRole"],
        resources: [bootstrapRole("cfn-exec-role")],
        conditions: { StringEquals: { "iam:PassedToService": "cloudformation.amazonaws.com" } },
      }),
      // sst deploy: read (status, outputs, events), create, update, and delete a stack that a failed
      // first create left in ROLLBACK_COMPLETE. TagResource: the calls carry SST's stack tags
      // (sst:app, sst:stage), in case CloudFormation authorizes tag-on-create separately.
      new iam.PolicyStatement({
        sid: "DeployStageStacks",
        actions: [
          "cloudformation:DescribeStacks",
          "cloudformation:DescribeStackEvents",
          "cloudformation:DescribeStackResources",
          "cloudformation:CreateStack",
          "cloudformation:UpdateStack",
          "cloudformation:DeleteStack",
          "cloudformation:TagResource",
        ],
        resources: [stageStacks],
      }),
      // Before dropping an export, SST asks which stacks still import it; the action has no resource.
      new iam.PolicyStatement({
        sid: "ListExportImports",
        actions: ["cloudformation:ListImports"],
        resources: ["*"],
      }),
      // SST reads both bootstrap stacks before every deploy (it never updates them with this role).
      new iam.PolicyStatement({
        sid: "ReadBootstrapStacks",
        actions: ["cloudformation:DescribeStacks"],
        resources: [
          arn("cloudformation", "stack", "CDKToolkit/*"),
          arn("cloudformation", "stack", "SSTBootstrap/*"),
        ],
      }),
      // Each template's BootstrapVersion parameter is an SSM parameter, resolved with the caller's
      // credentials when CloudFormation creates or updates the stack.
      new iam.PolicyStatement({
        sid: "ReadCdkBootstrapVersion",
        actions: ["ssm:GetParameter", "ssm:GetParameters"],
        resources: [arn("ssm", "parameter", `cdk-bootstrap/${qualifier}/version`)],
      }),
      // CloudFormation fetches the TemplateURL (uploaded by cdk-assets) with the caller's credentials.
      new iam.PolicyStatement({
        sid: "ReadStackTemplates",
        actions: ["s3:GetObject"],
        resources: [bucketObjects(`cdk-${qualifier}-assets-${account}-${region}`, "*")],
      }),
      // SST keeps the stage's last mode (deploy/dev) in its bootstrap bucket, whose name
      // CloudFormation generated (sstbootstrap-<id>-<suffix>); only this stage's object, which
      // `sst remove` deletes.
      new iam.PolicyStatement({
        sid: "SstStageMetadata",
        actions: ["s3:GetObject", "s3:PutObject", ...(props.removable ? ["s3:DeleteObject"] : [])],
        resources: [bucketObjects("sstbootstrap-*", props.sstMetadataKey)],
      }),
      ...(fargate ? this.fargateStatements(fargate, arn) : []),
    ];
    this.policy = new iam.ManagedPolicy(this, "Policy", {
      description: `What the StockWiz ${props.stage} pipeline may do in AWS`,
      statements,
    });
    NagSuppressions.addResourceSuppressions(this.policy, [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Only wildcards IAM leaves no way around: ListImports, GetAuthorizationToken and DescribeLoadBalancers take no resource; stack ARNs end in a generated id; template keys are content hashes; CloudFormation named SST's bucket; a preview role's stages are pr-<number>",
        appliesTo: [
          "Resource::*",
          `Resource::arn:<AWS::Partition>:cloudformation:${region}:${account}:stack/${stackNamePrefix}*/*`,
          `Resource::arn:<AWS::Partition>:cloudformation:${region}:${account}:stack/CDKToolkit/*`,
          `Resource::arn:<AWS::Partition>:cloudformation:${region}:${account}:stack/SSTBootstrap/*`,
          `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*`,
          `Resource::arn:<AWS::Partition>:s3:::sstbootstrap-*/${props.sstMetadataKey}`,
        ],
      },
    ]);
  }

  /** Images pushed or copied, and the ECS rollout the workflows follow. */
  private fargateStatements(
    fargate: NonNullable<StageDeployPolicyProps["fargate"]>,
    arn: (service: string, resource: string, resourceName: string) => string,
  ): iam.PolicyStatement[] {
    const { names } = fargate;
    const repositories = (stage: ResourceNames) =>
      imageRepositoryNames(stage).map((name) => arn("ecr", "repository", name));
    return [
      // docker login (aws-actions/amazon-ecr-login); the token is account-wide by design.
      new iam.PolicyStatement({
        sid: "EcrLogin",
        actions: ["ecr:GetAuthorizationToken"],
        resources: ["*"],
      }),
      // The images jobs (dev) and the promotion (prod) push the stage's four images, after
      // `aws ecr describe-images` found the commit's tag missing (tags are immutable).
      new iam.PolicyStatement({
        sid: "PushStageImages",
        actions: [...ecrPush, "ecr:DescribeImages"],
        resources: repositories(names),
      }),
      ...fargate.pullsImagesFrom.map(
        (source, index) =>
          // deploy-prod.yml copies the commit's images from the source stage; it never writes there.
          new iam.PolicyStatement({
            sid: `PullPromotedImages${index}`,
            actions: ecrPull,
            resources: repositories(source),
          }),
      ),
      // `npm run deploy -- wait|status` read the rollout; `redeploy` forces a new deployment.
      new iam.PolicyStatement({
        sid: "WatchStageService",
        actions: ["ecs:DescribeServices", "ecs:UpdateService"],
        resources: [arn("ecs", "service", `${names.cluster}/${names.service}`)],
      }),
      // The workflows look the ALB's DNS name up by name; ELB's Describe calls take no resource.
      new iam.PolicyStatement({
        sid: "FindLoadBalancer",
        actions: ["elasticloadbalancing:DescribeLoadBalancers"],
        resources: ["*"],
      }),
    ];
  }
}
