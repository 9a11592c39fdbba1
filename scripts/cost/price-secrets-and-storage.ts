import type { LineItem, Pricer } from "./cost-report.ts";

/** Secrets (declared, or kept by RDS for a managed master password), KMS keys, ECR, S3. */
export const priceSecretsAndStorage: Pricer = {
  types: [
    "AWS::SecretsManager::Secret",
    "AWS::KMS::Key",
    "AWS::KMS::ReplicaKey",
    "AWS::ECR::Repository",
    "AWS::S3::Bucket",
  ],
  price: ({ stage, prices, assume }) => {
    const items: LineItem[] = [];
    const secrets = stage.ofType("AWS::SecretsManager::Secret");
    const managedPasswords = [
      ...stage.ofType("AWS::RDS::DBCluster"),
      ...stage.ofType("AWS::RDS::DBInstance"),
    ].filter(
      (db) =>
        db.properties.ManageMasterUserPassword === true ||
        db.properties.ManageMasterUserPassword === "true",
    );
    if (secrets.length + managedPasswords.length > 0) {
      items.push({
        kind: "secret",
        item: `Secrets Manager secrets${managedPasswords.length > 0 ? ` (${managedPasswords.length} kept by RDS)` : ""}`,
        quantity: secrets.length + managedPasswords.length,
        unit: "secret-month",
        monthlyUsd:
          (secrets.length + managedPasswords.length) * prices.secretsManager.secretMonth.usd,
        resources: [...secrets, ...managedPasswords].map((resource) => resource.key),
      });
    }
    const keys = [...stage.ofType("AWS::KMS::Key"), ...stage.ofType("AWS::KMS::ReplicaKey")];
    if (keys.length > 0) {
      const rotating = keys.filter((key) => key.properties.EnableKeyRotation === true).length;
      items.push({
        kind: "kms-key",
        item: `KMS customer managed keys${rotating > 0 ? ` (${rotating} rotating: +$1 each after each of the first two rotations)` : ""}`,
        quantity: keys.length,
        unit: "key-month",
        monthlyUsd: keys.length * prices.kms.customerKeyMonth.usd,
        resources: keys.map((key) => key.key),
      });
    }
    const repositories = stage.ofType("AWS::ECR::Repository");
    if (repositories.length > 0) {
      const gb = repositories.length * assume.ecrGbPerRepository.value;
      items.push({
        kind: "ecr-storage",
        item: `ECR repositories (${repositories.length})`,
        quantity: gb,
        unit: "GB-month stored",
        monthlyUsd: gb * prices.storage.ecrGbMonth.usd,
        estimate: assume.ecrGbPerRepository.basis,
        resources: repositories.map((repository) => repository.key),
      });
    }
    const buckets = stage.ofType("AWS::S3::Bucket");
    if (buckets.length > 0) {
      items.push({
        kind: "s3-buckets",
        item: "S3 buckets: storage of what idle traffic writes (< 0.1 GB)",
        quantity: buckets.length,
        unit: "bucket",
        monthlyUsd: 0,
        resources: buckets.map((bucket) => bucket.key),
      });
    }
    return { items };
  },
};
