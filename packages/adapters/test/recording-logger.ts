import { Writable } from "node:stream";
import { pino } from "pino";

type Line = Record<string, unknown>;

/**
 * A pino logger whose lines the test reads back, parsed. `lineWhere` waits for a line, since a
 * request's line is written when its answer has finished, which may be after the client has it.
 */
export function recordingLogger(level: string) {
  const lines: Line[] = [];
  const waiting: { wanted: (line: Line) => boolean; found: (line: Line) => void }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as Line;
      lines.push(line);
      for (const waiter of waiting.filter(({ wanted }) => wanted(line))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.found(line);
      }
      done();
    },
  });
  const lineWhere = (wanted: (line: Line) => boolean): Promise<Line> => {
    const seen = lines.find(wanted);
    if (seen) return Promise.resolve(seen);
    return new Promise((found) => waiting.push({ wanted, found }));
  };
  return { logger: pino({ level }, sink), lines, lineWhere };
}
