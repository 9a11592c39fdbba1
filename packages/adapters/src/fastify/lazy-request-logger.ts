import type { FastifyBaseLogger } from "fastify";
import type { Bindings, ChildLoggerOptions, Logger } from "pino";

type Level = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

/**
 * A request's logger, bound to its id, whose pino child is made only when the request writes
 * a line. Fastify gives every request a child logger; making one costs about a microsecond and
 * its garbage, and under load with `info` off almost no request ever writes (the profile in
 * BENCHMARKS.md).
 */
export class LazyRequestLogger implements FastifyBaseLogger {
  private made: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {}

  private get logger(): Logger {
    this.made ??= this.parent.child(this.bindings);
    return this.made;
  }

  get level(): string {
    return (this.made ?? this.parent).level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.made ?? this.parent).isLevelEnabled(level);
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.logger.child(bindings, options);
  }

  fatal(...line: unknown[]): void {
    this.write("fatal", line);
  }
  error(...line: unknown[]): void {
    this.write("error", line);
  }
  warn(...line: unknown[]): void {
    this.write("warn", line);
  }
  info(...line: unknown[]): void {
    this.write("info", line);
  }
  debug(...line: unknown[]): void {
    this.write("debug", line);
  }
  trace(...line: unknown[]): void {
    this.write("trace", line);
  }
  silent(): void {}

  private write(level: Level, line: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    (this.logger[level] as (...line: unknown[]) => void)(...line);
  }
}

/**
 * Fastify's `childLoggerFactory`: a lazy logger per request, or pino's own child when the route
 * asks for a level or serializers of its own.
 */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  if (options.level !== undefined || options.serializers !== undefined)
    return logger.child(bindings, options);
  return new LazyRequestLogger(logger as Logger, bindings);
}
