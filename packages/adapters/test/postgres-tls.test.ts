import { describe, expect, it } from "vitest";
import {
  isPlainConnectionRefused,
  isTlsFailure,
  sslOptionsOf,
  withoutTlsParameters,
} from "../src/database/postgres-tls.ts";

const ca = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

describe("node-postgres ssl options from a libpq sslmode", () => {
  it("when disable then no TLS", () => {
    expect(sslOptionsOf({ mode: "disable" })).toBe(false);
    expect(sslOptionsOf(undefined)).toBe(false);
  });

  it("when require then nothing is verified, unless a root certificate is given (as verify-ca)", () => {
    expect(sslOptionsOf({ mode: "require" })).toEqual({ rejectUnauthorized: false });
    const withCa = sslOptionsOf({ mode: "require", ca });
    expect(withCa).toMatchObject({ rejectUnauthorized: true, ca });
    expect(
      withCa ? withCa.checkServerIdentity?.("elsewhere", {} as never) : "no options",
    ).toBeUndefined();
  });

  it("when verify-ca then the chain is verified and any host name accepted", () => {
    const options = sslOptionsOf({ mode: "verify-ca", ca });
    expect(options).toMatchObject({ rejectUnauthorized: true, ca });
    expect(
      options ? options.checkServerIdentity?.("elsewhere", {} as never) : "no options",
    ).toBeUndefined();
  });

  it("when verify-full then the chain and Node's own host-name check, against the given CA or Node's", () => {
    expect(sslOptionsOf({ mode: "verify-full", ca })).toEqual({ rejectUnauthorized: true, ca });
    expect(sslOptionsOf({ mode: "verify-full" })).toEqual({ rejectUnauthorized: true });
  });
});

describe("the connection string node-postgres is given", () => {
  it("when it carries TLS parameters then they are dropped and the rest is kept", () => {
    expect(
      withoutTlsParameters(
        "postgres://u:p%23w@db:5432/x?sslmode=verify-full&sslrootcert=/ca.pem&application_name=a",
      ),
    ).toBe("postgres://u:p%23w@db:5432/x?application_name=a");
  });

  it("when it carries none then it is passed as it is", () => {
    const url = "postgres://u:p@db/x";
    expect(withoutTlsParameters(url)).toBe(url);
  });
});

describe("start-up failures told apart", () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it("when a certificate is refused or the server declines TLS then it is a TLS failure", () => {
    expect(
      isTlsFailure(
        withCode("unable to verify the first certificate", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
      ),
    ).toBe(true);
    expect(
      isTlsFailure(withCode("Hostname/IP does not match", "ERR_TLS_CERT_ALTNAME_INVALID")),
    ).toBe(true);
    expect(isTlsFailure(new Error("The server does not support SSL connections"))).toBe(true);
    expect(isTlsFailure(withCode("connect ECONNREFUSED", "ECONNREFUSED"))).toBe(false);
  });

  it("when pg_hba refuses a connection without encryption then the server wants TLS", () => {
    const refused = withCode(
      'no pg_hba.conf entry for host "10.0.0.1", user "app", database "x", no encryption',
      "28000",
    );
    expect(isPlainConnectionRefused(refused)).toBe(true);
    expect(isPlainConnectionRefused(withCode("password authentication failed", "28P01"))).toBe(
      false,
    );
  });
});
