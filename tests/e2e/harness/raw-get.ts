import { request } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, still compressed if they were. */
  bytes: Buffer;
}

/**
 * A GET with exactly the given headers (fetch adds Accept-Encoding and decodes by itself, which
 * would hide what the server did).
 */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "GET", headers, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`GET ${url} timed out`)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}
