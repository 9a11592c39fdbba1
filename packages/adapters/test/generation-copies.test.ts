import { describe, expect, it } from "vitest";
import { anyChange, GenerationCopies } from "../src/cache/generation-copies.ts";
import {
  type InvalidationRecord,
  RecentInvalidations,
  unrecordedInvalidations,
} from "../src/cache/recent-invalidations.ts";

/** A record at generation 7 that learns each invalidation as `invalidate` makes it. */
function recordAt7() {
  const record = new RecentInvalidations(16);
  record.restartAt("7");
  let generation = 7;
  const invalidate = (...keys: string[]) => {
    generation += 1;
    record.extend([{ generation, stale: keys }], String(generation));
    return String(generation);
  };
  return { record, invalidate };
}

const copiesOfText = (invalidations: InvalidationRecord, maxBytes = 1_000) =>
  new GenerationCopies<string>({
    maxBytes,
    ttlMs: 60_000,
    bytesOf: (text) => text.length,
    invalidations,
  });

const tagged = (key: string) => ({ tags: [key] });

describe("GenerationCopies", () => {
  it("when the generation read is the one a copy was kept under then the copy is handed out", () => {
    const copies = copiesOfText(recordAt7().record);
    copies.set("product:1", "v1", "7", tagged("product:1"));

    expect(copies.get("product:1", "7")).toBe("v1");
  });

  it("when a write invalidates a key then its copy goes and the copies of other keys stay", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    copies.set("product:1", "v1", "7", tagged("product:1"));
    copies.set("product:2", "v2", "7", tagged("product:2"));

    const after = invalidate("product:1", "products:all");

    expect(copies.get("product:1", after)).toBeUndefined();
    expect(copies.get("product:2", after)).toBe("v2");
  });

  it("when a copy names no key then any write makes it stale, even one that invalidates no key", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    copies.set("locations", "[]", "7", { tags: [anyChange] });

    expect(copies.get("locations", invalidate())).toBeUndefined();
  });

  it("when a copy is tagged with several keys then the invalidation of any of them drops it", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    copies.set("answer", "x", "7", { tags: ["a", "b"] });

    expect(copies.get("answer", invalidate("c"))).toBe("x");
    expect(copies.get("answer", invalidate("b"))).toBeUndefined();
  });

  it("when the record cannot say what changed then every copy goes", () => {
    const copies = copiesOfText(unrecordedInvalidations);
    copies.set("product:1", "v1", "7", tagged("product:1"));

    expect(copies.get("product:1", "7")).toBe("v1");
    expect(copies.get("product:1", "8")).toBeUndefined();
  });

  it("when a value was read under a generation the tier has moved past through its key's invalidation then it is not kept", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    const later = invalidate("product:1", "products:all");
    copies.get("product:2", later);

    // read under 7, but the tier already applied an invalidation of it: the value may predate it
    copies.set("product:1", "v1", "7", tagged("product:1"));

    expect(copies.get("product:1", later)).toBeUndefined();
  });

  it("when the tier moved past a value's generation through other keys only then it is kept", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    const later = invalidate("product:9");
    copies.get("product:2", later);

    copies.set("product:1", "v1", "7", tagged("product:1"));
    copies.set("answer", "x", "7", { tags: [anyChange] });

    expect(copies.get("product:1", later)).toBe("v1");
    expect(copies.get("answer", later)).toBeUndefined(); // it names no key: any move stales it
  });

  it("when the record cannot say what happened since a value's generation then it is not kept", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    const later = invalidate("product:9");
    copies.get("product:2", later);

    copies.set("product:1", "v1", "3", tagged("product:1")); // older than the record reaches

    expect(copies.get("product:1", later)).toBeUndefined();
  });

  it("when a reader holds an older generation than the tier then it is served the newer copies", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    const later = invalidate("product:9");
    copies.set("product:1", "v1", later, tagged("product:1"));

    expect(copies.get("product:1", "7")).toBe("v1");
  });

  it("when cleared or deleted then nothing is left to hand out", () => {
    const copies = copiesOfText(recordAt7().record);
    copies.set("a", "1", "7", tagged("a"));
    copies.set("b", "2", "7", tagged("b"));

    copies.delete("a");
    expect(copies.get("a", "7")).toBeUndefined();
    copies.clear();
    expect(copies.get("b", "7")).toBeUndefined();
  });

  it("when more bytes are kept than allowed then the least recently used copy goes", () => {
    const copies = copiesOfText(recordAt7().record, 10);
    copies.set("a", "1234", "7", tagged("a"));
    copies.set("b", "1234", "7", tagged("b"));
    copies.get("a", "7");

    copies.set("c", "1234", "7", tagged("c"));

    expect(copies.get("a", "7")).toBe("1234");
    expect(copies.get("b", "7")).toBeUndefined();
  });

  it("when a copy is evicted or replaced then a later invalidation of its old tag leaves the new copy", () => {
    const { record, invalidate } = recordAt7();
    const copies = copiesOfText(record);
    copies.set("answer", "old", "7", { tags: ["a"] });
    copies.set("answer", "new", "7", { tags: ["b"] });

    expect(copies.get("answer", invalidate("a"))).toBe("new");
  });
});
