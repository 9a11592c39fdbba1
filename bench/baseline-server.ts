import { createServer } from "node:http";
import { baselineBody } from "./lib/baseline-body.ts";

/**
 * The bare `node:http` baseline: a fixed 100-byte JSON body, nothing else. Every row of the
 * benchmark table is a ratio to this server's req/s in the same run.
 */
const port = Number(process.env.PORT ?? "0");
const server = createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "application/json",
    "content-length": baselineBody.length,
  });
  response.end(baselineBody);
});
server.listen(port, "127.0.0.1", () => {
  process.stdout.write("baseline ready\n");
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
