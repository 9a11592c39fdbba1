/**
 * Settings that differ per deployment rather than per stage and must never be
 * literals in code (the alert address, the certificate, the image tag). Read once, from
 * the environment SST loads (`.env.<stage>` files or the CI job), in sst.config.ts.
 */
export interface DeploySettings {
  readonly alertEmail: string;
  /** AWS region of every stack; `AWS_REGION` as the AWS CLI and SDKs read it. */
  readonly region: string;
  /** Two availability zones of `region`; default its `a` and `b` zones. */
  readonly availabilityZones?: readonly [string, string];
  /**
   * Image tag every container runs: the commit SHA the pipeline built. Tags are immutable,
   * so a new tag is a new task definition and a rollout; absent, no service can be synthesized.
   */
  readonly imageTag?: string;
  /** ACM certificate for the HTTPS listener; without it the ALB serves HTTP only. */
  readonly certificateArn?: string;
  /** Host name clients use when HTTPS is on (the certificate's name). */
  readonly publicHostname?: string;
  /** `sst dev`: the PostgreSQL the functions use on the developer's machine. @default local `microservices_db` */
  readonly devDatabaseUrl?: string;
}

export const defaultRegion = "us-east-1";

// ECR's own rule for a tag.
const imageTagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** The region sst.config.ts hands SST, the same one the stacks are configured for. */
export function regionFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const region = env.AWS_REGION || defaultRegion;
  if (!regionPattern.test(region)) {
    throw new Error(`AWS_REGION must name an AWS region such as us-east-1, not "${region}"`);
  }
  return region;
}

function availabilityZonesFromEnv(
  value: string | undefined,
  region: string,
): readonly [string, string] | undefined {
  if (!value) return undefined;
  const zones = value.split(",").map((zone) => zone.trim());
  if (zones.length !== 2 || zones.some((zone) => !zone.startsWith(region) || zone === region)) {
    throw new Error(
      `STOCKWIZ_AVAILABILITY_ZONES must name two zones of ${region}, e.g. ${region}a,${region}b`,
    );
  }
  return [zones[0] as string, zones[1] as string];
}

function imageTagFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value === "latest") {
    throw new Error(
      "STOCKWIZ_IMAGE_TAG must name an immutable tag (the commit SHA): re-pushing `latest` rolls nothing out",
    );
  }
  if (!imageTagPattern.test(value)) {
    throw new Error(`STOCKWIZ_IMAGE_TAG is not a valid image tag: "${value}"`);
  }
  return value;
}

export function deploySettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): DeploySettings {
  const alertEmail = env.STOCKWIZ_ALERT_EMAIL;
  if (!alertEmail || !/^[^@\s]+@[^@\s]+$/.test(alertEmail)) {
    throw new Error("STOCKWIZ_ALERT_EMAIL must be set to the address that receives alarms");
  }
  if (env.STOCKWIZ_CERTIFICATE_ARN && !env.STOCKWIZ_PUBLIC_HOSTNAME) {
    throw new Error("STOCKWIZ_PUBLIC_HOSTNAME must name the certificate's host when HTTPS is on");
  }
  const region = regionFromEnv(env);
  const devDatabaseUrl = env.STOCKWIZ_DEV_DATABASE_URL || undefined;
  if (devDatabaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(devDatabaseUrl)) {
    throw new Error("STOCKWIZ_DEV_DATABASE_URL must be a postgres:// URL");
  }
  return {
    alertEmail,
    region,
    availabilityZones: availabilityZonesFromEnv(env.STOCKWIZ_AVAILABILITY_ZONES, region),
    imageTag: imageTagFromEnv(env.STOCKWIZ_IMAGE_TAG),
    certificateArn: env.STOCKWIZ_CERTIFICATE_ARN || undefined,
    publicHostname: env.STOCKWIZ_PUBLIC_HOSTNAME || undefined,
    devDatabaseUrl,
  };
}
