import { execFile } from "node:child_process";
import { appendFile, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePorts } from "../free-ports.ts";

const run = promisify(execFile);
const postgresBin = process.env.POSTGRES_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

/** A throwaway PostgreSQL that accepts TLS only, with a certificate from a private CA. */
export interface TlsPostgres {
  port: number;
  /** The CA that signed the server's certificate, which names `localhost` only. */
  caFile: string;
  /** A CA that signed nothing the server holds. */
  otherCaFile: string;
  stop(): Promise<void>;
}

const opensslConfig = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = localhost
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
`;
const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

async function makeCertificates(dir: string): Promise<void> {
  const openssl = (...args: string[]) => run("openssl", args, { cwd: dir });
  await writeFile(path.join(dir, "openssl.cnf"), opensslConfig);
  const ca = (name: string, subject: string) =>
    openssl(
      ...["req", "-x509", "-new", "-config", "openssl.cnf", "-extensions", "ca", ...newKey],
      ...["-subj", subject, "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", "1"],
    );
  await Promise.all([ca("ca", "/CN=StockWiz test CA"), ca("other-ca", "/CN=Another test CA")]);
  await openssl(
    ...["req", "-new", "-config", "openssl.cnf", "-subj", "/CN=localhost", ...newKey],
    ...["-keyout", "server.key", "-out", "server.csr"],
  );
  await openssl(
    ...["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key"],
    ...["-set_serial", "2", "-days", "1", "-extfile", "openssl.cnf", "-extensions", "server"],
    ...["-out", "server.crt"],
  );
}

/** PostgreSQL refuses to run as root: as root, its files go to `postgres` and it runs as that. */
async function asPostgresUser(
  dir: string,
): Promise<(bin: string, args: string[]) => Promise<unknown>> {
  if (process.getuid?.() !== 0) return (bin, args) => run(path.join(postgresBin, bin), args);
  const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
  const [uid, gid] = await Promise.all([id("-u"), id("-g")]);
  for (const file of [dir, path.join(dir, "server.key"), path.join(dir, "server.crt")]) {
    await chown(file, uid, gid);
  }
  return (bin, args) =>
    run("runuser", ["-u", "postgres", "--", path.join(postgresBin, bin), ...args]);
}

export async function startTlsPostgres(): Promise<TlsPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), "stockwiz-pg-tls-"));
  const data = path.join(dir, "data");
  const [port] = (await freePorts(1)) as [number];
  let asPostgres: (bin: string, args: string[]) => Promise<unknown> = async () => {};
  const stopServer = () => asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
  try {
    await makeCertificates(dir);
    asPostgres = await asPostgresUser(dir);
    await asPostgres("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
    await appendFile(
      path.join(data, "postgresql.conf"),
      [
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${dir}'`,
        "ssl = on",
        `ssl_cert_file = '${path.join(dir, "server.crt")}'`,
        `ssl_key_file = '${path.join(dir, "server.key")}'`,
        "fsync = off",
        "",
      ].join("\n"),
    );
    // TLS or nothing: no plain `host` line.
    await writeFile(path.join(data, "pg_hba.conf"), "hostssl all all 127.0.0.1/32 trust\n");
    await asPostgres("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "start"]);
  } catch (error) {
    await stopServer().catch(() => {}); // it may never have started
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    caFile: path.join(dir, "ca.crt"),
    otherCaFile: path.join(dir, "other-ca.crt"),
    stop: async () => {
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
