import { int } from "./markdown-table.ts";

/** One level once a reservation row is over: its units, its reserved column, its holds' units. */
export interface LevelAfterRow {
  readonly onHand: number;
  readonly reserved: number;
  readonly held: number;
}

/** What the row's clients were told, and how many requests got no answer at all. */
export interface RowAnswers {
  readonly created: number;
  readonly refused: number;
  readonly other: number;
  /** Requests that failed or timed out. */
  readonly unanswered: number;
  /** At most this many were in flight when the load stopped: their answers were never read. */
  readonly cutOff: number;
}

export interface OversoldCheck {
  /** Units held at the row's levels, every reservation counted. */
  readonly held: number;
  /** Units on hand at the row's levels (no commit runs during a row: what was seeded). */
  readonly stock: number;
  /** What breaks "never oversold"; empty when it held. */
  readonly problems: readonly string[];
}

/**
 * "Never oversold", checked on the database after a row of one-unit reservations: no level
 * holds more than it has, each level's reserved column is the sum of its holds, every answer
 * was 201 or 409, and the row's holds are its 201s (an acknowledged reservation that holds
 * nothing is lost; a hold nobody was told of is stock taken silently). A request left
 * unanswered or cut off at the end may have held its unit or not: the holds may exceed the
 * 201s by that many, no more.
 */
export function checkNeverOversold(
  levels: readonly LevelAfterRow[],
  answers: RowAnswers,
  heldByRow: number,
): OversoldCheck {
  const problems: string[] = [];
  const oversold = levels.filter((level) => level.held > level.onHand);
  if (oversold.length > 0) {
    const worst = Math.max(...oversold.map((level) => level.held - level.onHand));
    problems.push(
      `${int(oversold.length)} level(s) hold more than they have (worst by ${int(worst)})`,
    );
  }
  const disagreeing = levels.filter((level) => level.reserved !== level.held);
  if (disagreeing.length > 0)
    problems.push(`${int(disagreeing.length)} level(s) show a reserved unlike their holds`);
  if (answers.other > 0) problems.push(`${int(answers.other)} answer(s) neither 201 nor 409`);
  if (answers.unanswered > 0) problems.push(`${int(answers.unanswered)} request(s) unanswered`);
  if (heldByRow < answers.created)
    problems.push(`${int(answers.created - heldByRow)} acknowledged unit(s) not held`);
  if (heldByRow > answers.created + answers.unanswered + answers.cutOff)
    problems.push(`${int(heldByRow - answers.created)} unit(s) held without a 201`);
  return {
    held: levels.reduce((sum, level) => sum + level.held, 0),
    stock: levels.reduce((sum, level) => sum + level.onHand, 0),
    problems,
  };
}
