import { describe, expect, it } from "vitest";
import { coalescedRead } from "../src/cache/coalesced-read.ts";

/** A read whose answers the test releases by hand, counting how many were sent. */
function manualRead() {
  const pending: Array<(value: number) => void> = [];
  let sent = 0;
  return {
    read: () =>
      new Promise<number>((resolve) => {
        sent += 1;
        pending.push(resolve);
      }),
    answer: (value: number) => pending.shift()?.(value),
    sent: () => sent,
  };
}

describe("coalescedRead", () => {
  it("when a caller arrives during a read then it gets the next read, sent after it arrived", async () => {
    const source = manualRead();
    const read = coalescedRead(source.read);
    const early = read(); // read #1 on the wire
    const late = [read(), read(), read()]; // all arrived during read #1
    source.answer(1);
    expect(await early).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.sent()).toBe(2); // one more read for the three late callers together
    source.answer(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it("when a read fails then its callers see the failure and the next caller reads again", async () => {
    let attempt = 0;
    const read = coalescedRead(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error("down");
      return attempt;
    });
    await expect(read()).rejects.toThrow("down");
    expect(await read()).toBe(2);
  });
});
