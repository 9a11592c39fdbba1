import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as ecr from "aws-cdk-lib/aws-ecr";
import { Construct } from "constructs";

export interface ContainerRepositoryProps {
  readonly repositoryName: string;
  /** Images kept whatever their tags; older ones expire. @default 30 */
  readonly keepImages?: number;
  /** Untagged layers left by re-pushed tags expire after this many days. @default 7 */
  readonly untaggedExpiryDays?: number;
}

/**
 * An ECR repository as the pipeline needs it: scanned on push, AES256 at rest,
 * mutable tags (`latest` moves, the commit SHA does not), and lifecycle rules
 * so storage does not grow forever (legacy had none).
 */
export class ContainerRepository extends Construct {
  public readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: ContainerRepositoryProps) {
    super(scope, id);
    const keepImages = props.keepImages ?? 30;
    const untaggedExpiryDays = props.untaggedExpiryDays ?? 7;
    if (keepImages < 1 || untaggedExpiryDays < 1) {
      throw new Error("keepImages and untaggedExpiryDays must be at least 1");
    }
    this.repository = new ecr.Repository(this, "Repository", {
      repositoryName: props.repositoryName,
      imageScanOnPush: true,
      encryption: ecr.RepositoryEncryption.AES_256,
      imageTagMutability: ecr.TagMutability.MUTABLE,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          rulePriority: 1,
          description: "Expire untagged images",
          tagStatus: ecr.TagStatus.UNTAGGED,
          maxImageAge: Duration.days(untaggedExpiryDays),
        },
        {
          rulePriority: 2,
          description: `Keep the ${keepImages} most recent images`,
          tagStatus: ecr.TagStatus.ANY,
          maxImageCount: keepImages,
        },
      ],
    });
    // CDK leaves AES256 implicit (it is ECR's default); state it so the template says what we mean.
    const cfnRepository = this.repository.node.defaultChild as ecr.CfnRepository;
    cfnRepository.encryptionConfiguration = { encryptionType: "AES256" };
  }
}
