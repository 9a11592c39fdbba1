import { describe, expect, it } from "vitest";
import { checkNeverOversold, type RowAnswers } from "../../bench/lib/oversold-check.ts";

const answers = (counts: Partial<RowAnswers>): RowAnswers => ({
  created: 0,
  refused: 0,
  other: 0,
  unanswered: 0,
  cutOff: 64,
  ...counts,
});

describe("the never-oversold check", () => {
  it("when the hot item sold out exactly and the rest were 409s then it holds, every unit held", () => {
    const check = checkNeverOversold(
      [{ onHand: 8_000, reserved: 8_000, held: 8_000 }],
      answers({ created: 8_000, refused: 1_200 }),
      8_000,
    );
    expect(check).toEqual({ held: 8_000, stock: 8_000, problems: [] });
  });

  it("when a level holds more than it has then it is oversold, by how much at worst", () => {
    const check = checkNeverOversold(
      [
        { onHand: 10, reserved: 12, held: 12 },
        { onHand: 10, reserved: 15, held: 15 },
        { onHand: 10, reserved: 3, held: 3 },
      ],
      answers({ created: 30 }),
      30,
    );
    expect(check.problems).toEqual(["2 level(s) hold more than they have (worst by 5)"]);
    expect(check).toMatchObject({ held: 30, stock: 30 });
  });

  it("when a level's reserved column differs from its holds then that is named", () => {
    const check = checkNeverOversold(
      [{ onHand: 10, reserved: 4, held: 5 }],
      answers({ created: 5 }),
      5,
    );
    expect(check.problems).toEqual(["1 level(s) show a reserved unlike their holds"]);
  });

  it("when an answer was neither 201 nor 409, or a request got none, then the check fails", () => {
    const check = checkNeverOversold(
      [{ onHand: 100, reserved: 50, held: 50 }],
      answers({ created: 50, refused: 10, other: 3, unanswered: 2 }),
      50,
    );
    expect(check.problems).toEqual(["3 answer(s) neither 201 nor 409", "2 request(s) unanswered"]);
  });

  it("when a 201 holds nothing then the acknowledged units are missing", () => {
    const check = checkNeverOversold(
      [{ onHand: 100, reserved: 40, held: 40 }],
      answers({ created: 42 }),
      40,
    );
    expect(check.problems).toEqual(["2 acknowledged unit(s) not held"]);
  });

  it("when the row holds more than its 201s then only the requests cut off at the end may explain it", () => {
    const levels = [{ onHand: 1_000, reserved: 600, held: 600 }];
    expect(checkNeverOversold(levels, answers({ created: 536 }), 600).problems).toEqual([]);
    expect(checkNeverOversold(levels, answers({ created: 535 }), 600).problems).toEqual([
      "65 unit(s) held without a 201",
    ]);
  });
});
