import { Signer } from "@aws-sdk/rds-signer";

export interface RdsAuthTokenOptions {
  hostname: string;
  port: number;
  username: string;
  region: string;
}

/**
 * RDS IAM authentication: the password of each new connection is a token signed here with the
 * process's AWS credentials (SigV4, valid 15 minutes). Signing is local: no call to AWS, so a
 * function in a VPC without NAT or endpoints can connect. node-postgres calls this once per new
 * connection, so a pool never reuses an expired token.
 */
export function rdsAuthToken(options: RdsAuthTokenOptions): () => Promise<string> {
  const signer = new Signer(options);
  return () => signer.getAuthToken();
}
