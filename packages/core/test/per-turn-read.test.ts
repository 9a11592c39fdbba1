import { describe, expect, it } from "vitest";
import { perTurnRead } from "../src/concurrency/per-turn-batch.ts";

/** A read whose answers the test releases by hand, counting how many were sent. */
function manualRead() {
  const pending: Array<(value: number) => void> = [];
  return {
    read: () =>
      new Promise<number>((resolve) => {
        pending.push(resolve);
      }),
    answer: (value: number) => pending.shift()?.(value),
    sent: () => pending.length,
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("perTurnRead", () => {
  it("when callers arrive in one turn then they share one read, sent after the last of them", async () => {
    const source = manualRead();
    const read = perTurnRead(source.read);
    const first = read();
    expect(source.sent()).toBe(0); // nothing leaves while callers may still join
    const second = read();
    await nextTurn();
    expect(source.sent()).toBe(1);
    source.answer(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
  });

  it("when a caller arrives while a read is out then it gets a read of its own, sent at once", async () => {
    const source = manualRead();
    const read = perTurnRead(source.read);
    const early = read();
    await nextTurn();
    const late = read(); // the early read is on the wire and has not come back
    await nextTurn();
    expect(source.sent()).toBe(2);
    source.answer(1);
    source.answer(2);
    expect([await early, await late]).toEqual([1, 2]);
  });

  it("when a read fails then its callers see the failure and the next caller reads again", async () => {
    let attempt = 0;
    const read = perTurnRead(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error("down");
      return attempt;
    });
    await expect(read()).rejects.toThrow("down");
    expect(await read()).toBe(2);
  });
});
