import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../src/index.ts";

describe("memory cache", () => {
  it("when an entry outlives its TTL then it is gone", async () => {
    let now = 1_000;
    const cache = createMemoryCache({ now: () => now });
    await cache.setIfUnchanged("k", "v", 10, await cache.generation());
    expect(await cache.get("k")).toBe("v");
    now += 10_000;
    expect(await cache.get("k")).toBeNull();
  });

  it("when an invalidation of the key happened since the generation was read then the set is dropped", async () => {
    const cache = createMemoryCache();
    const seen = await cache.generation();
    await cache.invalidate(["k", "other"]);
    await cache.setIfUnchanged("k", "old", 60, seen);
    expect(await cache.get("k")).toBeNull();
  });

  it("when only other keys were invalidated since the generation was read then the set is kept", async () => {
    const cache = createMemoryCache();
    const seen = await cache.generation();
    await cache.invalidate(["other"]);
    await cache.setIfUnchanged("k", "v", 60, seen);
    expect(await cache.get("k")).toBe("v");
    expect(Buffer.from((await cache.getBytes("k")) ?? [])).toEqual(Buffer.from("v"));
  });

  it("when invalidated then the named keys are removed", async () => {
    const cache = createMemoryCache();
    await cache.setIfUnchanged("a", "1", 60, await cache.generation());
    await cache.setIfUnchanged("b", "2", 60, await cache.generation());
    await cache.invalidate(["a"]);
    expect([await cache.get("a"), await cache.get("b")]).toEqual([null, "2"]);
  });

  it("when full then the oldest entry is evicted", async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    for (const key of ["a", "b", "c"])
      await cache.setIfUnchanged(key, key, 60, await cache.generation());
    expect([await cache.get("a"), await cache.get("b"), await cache.get("c")]).toEqual([
      null,
      "b",
      "c",
    ]);
  });
});
