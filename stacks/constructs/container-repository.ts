import { Duration } from "aws-cdk-lib";
import * as ecr from "aws-cdk-lib/aws-ecr";
import { Construct } from "constructs";
import type { RegistryConfig } from "../config/stage-config.ts";
import { removalPolicyOf } from "./removal-policy.ts";

export interface ContainerRepositoryProps extends RegistryConfig {
  readonly repositoryName: string;
}

/**
 * An ECR repository as the pipeline needs it: scanned on push, AES256 at rest, immutable
 * tags (an image is named by the commit SHA it was built from, and a tag never moves), and
 * lifecycle rules so storage does not grow forever (legacy had none).
 */
export class ContainerRepository extends Construct {
  public readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: ContainerRepositoryProps) {
    super(scope, id);
    const { keep, untaggedExpiryDays } = props;
    const figures = [
      untaggedExpiryDays,
      "newestImages" in keep ? keep.newestImages : keep.pushedWithinDays,
    ];
    if (figures.some((value) => !Number.isInteger(value) || value < 1)) {
      throw new Error("image retention figures must be whole numbers of at least 1");
    }
    const lifecycleRules: ecr.LifecycleRule[] = [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${untaggedExpiryDays} days`,
        tagStatus: ecr.TagStatus.UNTAGGED,
        maxImageAge: Duration.days(untaggedExpiryDays),
      },
      "newestImages" in keep
        ? {
            rulePriority: 2,
            description: `Keep the ${keep.newestImages} most recent images`,
            tagStatus: ecr.TagStatus.ANY,
            maxImageCount: keep.newestImages,
          }
        : {
            rulePriority: 2,
            description: `Expire images pushed more than ${keep.pushedWithinDays} days ago`,
            tagStatus: ecr.TagStatus.ANY,
            maxImageAge: Duration.days(keep.pushedWithinDays),
          },
    ];
    this.repository = new ecr.Repository(this, "Repository", {
      repositoryName: props.repositoryName,
      imageScanOnPush: true,
      encryption: ecr.RepositoryEncryption.AES_256,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      removalPolicy: removalPolicyOf(props.removal),
      // A removed stage leaves no repository behind to collide with its next deploy.
      emptyOnDelete: props.removal === "destroy",
      lifecycleRules,
    });
    // CDK leaves AES256 implicit (it is ECR's default); state it so the template says what we mean.
    const cfnRepository = this.repository.node.defaultChild as ecr.CfnRepository;
    cfnRepository.encryptionConfiguration = { encryptionType: "AES256" };
  }
}
