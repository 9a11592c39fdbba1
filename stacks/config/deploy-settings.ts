/**
 * Settings that differ per deployment rather than per stage and must never be
 * literals in code (the alert address, the certificate). Read once, from the
 * environment SST loads (`.env.<stage>` files or the CI job), in sst.config.ts.
 */
export interface DeploySettings {
  readonly alertEmail: string;
  /** Image tag every container runs; the pipeline passes the commit SHA. */
  readonly imageTag: string;
  /** ACM certificate for the HTTPS listener; without it the ALB serves HTTP only. */
  readonly certificateArn?: string;
  /** Host name clients use when HTTPS is on (the certificate's name). */
  readonly publicHostname?: string;
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
  return {
    alertEmail,
    imageTag: env.STOCKWIZ_IMAGE_TAG || "latest",
    certificateArn: env.STOCKWIZ_CERTIFICATE_ARN || undefined,
    publicHostname: env.STOCKWIZ_PUBLIC_HOSTNAME || undefined,
  };
}
