import { describe, expect, it, vi } from "vitest";
import { readThrough, readThroughJson } from "../src/index.ts";
import { fakeCache } from "./fake-cache.ts";

describe("readThrough", () => {
  it("when the key is cached then the loader is not called", async () => {
    const cache = fakeCache();
    cache.entries.set("k", JSON.stringify({ n: 1 }));
    const load = vi.fn(async () => ({ n: 2 }));
    expect(await readThrough(cache, "k", 60, load)).toEqual({ n: 1 });
    expect(load).not.toHaveBeenCalled();
  });

  it("when the key is missing then the loaded value is cached", async () => {
    const cache = fakeCache();
    expect(await readThrough(cache, "k", 60, async () => ({ n: 2 }))).toEqual({ n: 2 });
    expect(cache.entries.get("k")).toBe('{"n":2}');
  });

  it("when nothing is found then nothing is cached, so a later create is seen", async () => {
    const cache = fakeCache();
    expect(await readThrough(cache, "k", 60, async () => undefined)).toBeUndefined();
    expect(cache.entries.has("k")).toBe(false);
  });

  it("when a write invalidates while the reader loads then the old value is not put back", async () => {
    const cache = fakeCache();
    const value = await readThrough(cache, "k", 60, async () => {
      await cache.invalidate(["k"]); // the write lands between the reader's query and its fill
      return { price: "old" };
    });
    expect(value).toEqual({ price: "old" });
    expect(cache.entries.has("k")).toBe(false);
  });

  it("when refresh is asked then the cached copy is skipped and replaced", async () => {
    const cache = fakeCache();
    cache.entries.set("k", '"stale"');
    expect(await readThrough(cache, "k", 60, async () => "fresh", { refresh: true })).toBe("fresh");
    expect(cache.entries.get("k")).toBe('"fresh"');
  });

  it("when the JSON text is asked for then the cached text comes back as it is, and a load comes back as the text it cached", async () => {
    const cache = fakeCache();
    cache.entries.set("k", '{ "kept":  "as is" }');
    expect(await readThroughJson(cache, "k", 60, async () => ({ n: 1 }))).toBe(
      '{ "kept":  "as is" }',
    );
    expect(await readThroughJson(cache, "m", 60, async () => ({ n: 1 }))).toBe('{"n":1}');
    expect(cache.entries.get("m")).toBe('{"n":1}');
  });

  it("when readers miss the same key at once then they share one load", async () => {
    const cache = fakeCache();
    const load = vi.fn(async () => ({ n: 1 }));

    const values = await Promise.all([1, 2, 3].map(() => readThrough(cache, "k", 60, load)));

    expect(values).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("when a write lands while a load is in flight then a later reader does not share it", async () => {
    const cache = fakeCache();
    let release: ((value: { price: string }) => void) | undefined;
    const slow = readThrough(
      cache,
      "k",
      60,
      () =>
        new Promise<{ price: string }>((resolve) => {
          release = resolve;
        }),
    );
    await vi.waitFor(() => expect(release).toBeDefined()); // the slow load has begun
    await cache.invalidate(["k"]); // acknowledged before the next reader arrives

    const later = readThrough(cache, "k", 60, async () => ({ price: "new" }));
    release?.({ price: "old" });

    expect(await later).toEqual({ price: "new" });
    expect(await slow).toEqual({ price: "old" });
  });
});
