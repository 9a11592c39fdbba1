import { createServer } from "node:http";

/**
 * The bare `node:http` baseline: a fixed 100-byte JSON body, nothing else. Every row of the
 * benchmark table is a ratio to this server's req/s in the same run.
 */
const prefix = '{"status":"ok","service":"baseline","padding":"';
const suffix = '"}';
const body = Buffer.from(`${prefix}${"x".repeat(100 - prefix.length - suffix.length)}${suffix}`);
if (body.length !== 100) throw new Error(`baseline body is ${body.length} bytes, not 100`);

const port = Number(process.env.PORT ?? "0");
const server = createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "application/json",
    "content-length": body.length,
  });
  response.end(body);
});
server.listen(port, "127.0.0.1", () => {
  process.stdout.write("baseline ready\n");
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
