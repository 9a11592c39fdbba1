import { request } from "node:http";

export interface RawExchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, still compressed if they were. */
  bytes: Buffer;
}

/** One HTTP request with exactly these headers and body; nothing decoded on the way back. */
export function rawRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: Buffer },
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method, headers: options.headers },
      (response) => {
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
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}
