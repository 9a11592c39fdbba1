import { type Logger, pino } from "pino";

export type { Logger };

// Authorization and API keys never reach a log line.
const redact = ["req.headers.authorization", "headers.authorization", "*.password", "password"];

export function createLogger(options: { level: string; name: string }): Logger {
  return pino({ level: options.level, name: options.name, redact });
}
