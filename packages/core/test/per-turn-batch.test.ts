import { describe, expect, it, vi } from "vitest";
import { perTurnBatch } from "../src/concurrency/per-turn-batch.ts";

const refusedForData = Object.assign(new Error("bad row"), { code: "22003" });
const isRefusedForData = (error: unknown) => error === refusedForData;

describe("perTurnBatch", () => {
  it("when calls arrive in one turn then one run gets all inputs and each caller its own output", async () => {
    const run = vi.fn(async (inputs: number[]) => inputs.map((n) => n * 10));
    const double = perTurnBatch(run, { maxSize: 100, retryAlone: isRefusedForData });

    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([10, 20, 30]);
    expect(run.mock.calls).toEqual([[[1, 2, 3]]]);
  });

  it("when calls arrive in different turns then each turn has its own run", async () => {
    const run = vi.fn(async (inputs: number[]) => inputs);
    const echo = perTurnBatch(run, { maxSize: 100, retryAlone: isRefusedForData });

    await echo(1);
    await echo(2);

    expect(run.mock.calls).toEqual([[[1]], [[2]]]);
  });

  it("when more calls arrive than a batch holds then they are split", async () => {
    const run = vi.fn(async (inputs: number[]) => inputs);
    const echo = perTurnBatch(run, { maxSize: 2, retryAlone: isRefusedForData });

    await Promise.all([echo(1), echo(2), echo(3)]);

    expect(run.mock.calls).toEqual([[[1, 2]], [[3]]]);
  });

  it("when a batch is refused for one input's data then each runs alone and only that one fails", async () => {
    const run = vi.fn(async (inputs: number[]) => {
      if (inputs.includes(13)) throw refusedForData;
      return inputs;
    });
    const echo = perTurnBatch(run, { maxSize: 100, retryAlone: isRefusedForData });

    const outcomes = await Promise.allSettled([echo(12), echo(13), echo(14)]);

    expect(outcomes).toEqual([
      { status: "fulfilled", value: 12 },
      { status: "rejected", reason: refusedForData },
      { status: "fulfilled", value: 14 },
    ]);
  });

  it("when a batch fails otherwise then every caller gets that failure and nothing runs again", async () => {
    const lost = new Error("connection lost");
    const run = vi.fn(async (): Promise<number[]> => {
      throw lost;
    });
    const echo = perTurnBatch(run, { maxSize: 100, retryAlone: isRefusedForData });

    const outcomes = await Promise.allSettled([echo(1), echo(2)]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
