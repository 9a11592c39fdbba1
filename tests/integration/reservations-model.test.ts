import type { OpenStores } from "@stockwiz/adapters";
import {
  AppError,
  adjustLevel,
  commitReservation,
  createInventory,
  createLocation,
  createProduct,
  createReservation,
  expireLapsedReservations,
  getReservation,
  listLevels,
  releaseReservation,
  type ServiceDeps,
  transferStock,
} from "@stockwiz/core";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores } from "../kit/stores/test-stores.ts";

// Random sequences of reserve, commit, release, expire (the clock moves, the sweep runs),
// adjust and transfer against a tiny in-memory model, on PGlite in this process. After every
// step each level's on_hand, reserved and available, its ledger sum, the stock row's quantity
// and every reservation's status match the model.

const ctx = { requestId: "model" };

let stores: OpenStores;
let deps: ServiceDeps;
let clockMs = Date.parse("2026-01-01T00:00:00Z");
let locations: number[] = [];

beforeAll(async () => {
  stores = await openTestStores("embedded");
  deps = { ...stores.deps, clock: () => new Date(clockMs) };
  locations = [1, 2, (await createLocation(deps, { name: "Model third" })).id];
});
afterAll(() => stores.close());

type Op =
  | { op: "adjust"; product: number; location: number; delta: number }
  | { op: "transfer"; product: number; from: number; to: number; quantity: number }
  | {
      op: "reserve";
      items: { product: number; quantity: number; location: number | null }[];
      seconds: number;
    }
  | { op: "commit" | "release"; which: number }
  | { op: "advance"; seconds: number }
  | { op: "sweep" };

const product = fc.integer({ min: 0, max: 1 });
const location = fc.integer({ min: 0, max: 2 });
const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("adjust" as const),
    product,
    location,
    delta: fc.integer({ min: -6, max: 6 }).filter((delta) => delta !== 0),
  }),
  fc.record({
    op: fc.constant("transfer" as const),
    product,
    from: location,
    to: location,
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant("reserve" as const),
    items: fc.uniqueArray(
      fc.record({
        product,
        quantity: fc.integer({ min: 1, max: 5 }),
        location: fc.option(location),
      }),
      { minLength: 1, maxLength: 2, selector: (item) => item.product },
    ),
    // Short expiries and small steps: the clock often lands exactly on an expires_at.
    seconds: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ op: fc.constant("commit" as const), which: fc.nat() }),
  fc.record({ op: fc.constant("release" as const), which: fc.nat() }),
  fc.record({ op: fc.constant("advance" as const), seconds: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant("sweep" as const) }),
);

interface ModelReservation {
  id: string;
  status: "active" | "committed" | "released";
  expiresAt: number;
  allocations: { product: number; location: number; quantity: number }[];
}

/** The model: units on hand per product and location, and the reservations made. */
class Model {
  readonly onHand = new Map<string, number>();
  readonly reservations: ModelReservation[] = [];
  constructor(readonly products: number[]) {}

  key = (product: number, location: number) => `${product}@${location}`;
  has = (product: number, location: number) => this.onHand.has(this.key(product, location));
  on = (product: number, location: number) => this.onHand.get(this.key(product, location)) ?? 0;
  holds = (r: ModelReservation) => r.status === "active" && clockMs < r.expiresAt;
  reserved(product: number, location: number): number {
    return this.reservations
      .filter(this.holds)
      .flatMap((r) => r.allocations)
      .filter((a) => a.product === product && a.location === location)
      .reduce((sum, a) => sum + a.quantity, 0);
  }
  available = (product: number, location: number) =>
    this.on(product, location) - this.reserved(product, location);
  add(product: number, location: number, delta: number) {
    this.onHand.set(this.key(product, location), this.on(product, location) + delta);
  }
  status(r: ModelReservation) {
    return r.status === "active" && clockMs >= r.expiresAt ? "expired" : r.status;
  }
}

/** The status of the answer: 2xx as 200, a refusal as its status. */
async function outcome(step: () => Promise<unknown>): Promise<number> {
  try {
    await step();
    return 200;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return error.status;
    throw error;
  }
}

async function apply(model: Model, step: Op): Promise<void> {
  const productId = (index: number) => model.products[index] as number;
  const locationId = (index: number) => locations[index] as number;
  switch (step.op) {
    case "adjust": {
      const [p, l] = [productId(step.product), locationId(step.location)];
      const ok = model.on(p, l) + step.delta >= model.reserved(p, l);
      const status = await outcome(() =>
        adjustLevel(deps, { product_id: p, location_id: l, delta: step.delta }, ctx),
      );
      expect(status).toBe(ok ? 200 : 409);
      if (ok) model.add(p, l, step.delta);
      return;
    }
    case "transfer": {
      const [p, from, to] = [productId(step.product), locationId(step.from), locationId(step.to)];
      const body = { product_id: p, from_location_id: from, to_location_id: to, ...step };
      if (from === to) return;
      const ok = model.available(p, from) >= step.quantity;
      const status = await outcome(() => transferStock(deps, body, ctx));
      expect(status).toBe(ok ? 200 : 409);
      if (ok) {
        model.add(p, from, -step.quantity);
        model.add(p, to, 0);
        model.add(p, to, step.quantity);
      }
      return;
    }
    case "reserve": {
      const planned: ModelReservation["allocations"] = [];
      let ok = true;
      for (const item of step.items) {
        const p = productId(item.product);
        const candidates = (item.location === null ? locations : [locationId(item.location)])
          .filter((l) => model.has(p, l) && model.available(p, l) > 0)
          .sort((a, b) => model.available(p, b) - model.available(p, a) || a - b);
        let needed = item.quantity;
        for (const l of candidates) {
          const quantity = Math.min(needed, model.available(p, l));
          if (quantity > 0) planned.push({ product: p, location: l, quantity });
          needed -= quantity;
        }
        if (needed > 0) ok = false;
      }
      let id = "";
      const status = await outcome(async () => {
        const made = await createReservation(deps, {
          items: step.items.map((item) => ({
            product_id: productId(item.product),
            quantity: item.quantity,
            ...(item.location === null ? {} : { location_id: locationId(item.location) }),
          })),
          expires_in_seconds: step.seconds,
        });
        id = made.id;
        const allocations = made.items.flatMap((item) =>
          item.allocations.map((a) => ({
            product: item.product_id,
            location: a.location_id,
            quantity: a.quantity,
          })),
        );
        expect(allocations).toEqual(planned);
      });
      expect(status).toBe(ok ? 200 : 409);
      if (ok) {
        const expiresAt = clockMs + step.seconds * 1000;
        model.reservations.push({ id, status: "active", expiresAt, allocations: planned });
      }
      return;
    }
    case "commit":
    case "release": {
      const r = model.reservations[step.which % Math.max(1, model.reservations.length)];
      if (r === undefined) return;
      const now = model.status(r);
      const ok = now === "active" || (step.op === "release" && now === "released");
      const finish = step.op === "commit" ? commitReservation : releaseReservation;
      const status = await outcome(() => finish(deps, r.id, ctx));
      expect(status).toBe(ok ? 200 : 409);
      if (ok && step.op === "commit") {
        for (const a of r.allocations) model.add(a.product, a.location, -a.quantity);
      }
      if (ok) r.status = step.op === "commit" ? "committed" : "released";
      return;
    }
    case "advance":
      clockMs += step.seconds * 1000;
      return;
    case "sweep":
      await expireLapsedReservations(deps);
      return;
  }
}

async function expectMatches(model: Model): Promise<void> {
  const levels = (
    await Promise.all(model.products.map((p) => listLevels(deps, { product_id: p })))
  ).flat();
  const expected = [...model.onHand.keys()].map((key) => {
    const [p, l] = key.split("@").map(Number) as [number, number];
    return {
      product_id: p,
      location_id: l,
      on_hand: model.on(p, l),
      reserved: model.reserved(p, l),
      available: model.available(p, l),
    };
  });
  const actual = levels.map(({ product_id, location_id, on_hand, reserved, available }) => ({
    product_id,
    location_id,
    on_hand,
    reserved,
    available,
  }));
  const order = (a: { product_id: number; location_id: number }, b: typeof a) =>
    a.product_id - b.product_id || a.location_id - b.location_id;
  expect(actual.toSorted(order)).toEqual(expected.toSorted(order));

  const { rows } = await sql<{
    product_id: number;
    location_id: number;
    sum: number;
    quantity: number;
  }>`
    SELECT i.product_id, m.location_id, sum(m.delta)::integer AS sum, i.quantity
    FROM stock_movements m JOIN inventory i ON i.id = m.inventory_id
    WHERE i.product_id IN (${sql.join(model.products)})
    GROUP BY i.product_id, m.location_id, i.quantity`.execute(deps.db);
  for (const row of rows) {
    expect(row.sum).toBe(model.on(row.product_id, row.location_id));
    const total = locations.reduce((sum, l) => sum + model.on(row.product_id, l), 0);
    expect(row.quantity).toBe(total);
  }
  for (const r of model.reservations) {
    expect((await getReservation(deps, r.id)).status).toBe(model.status(r));
  }
}

describe("reservations, transfers and adjustments against a model", () => {
  it("when any sequence of them runs then levels, ledger, stock rows and statuses match the model after every step", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.nat({ max: 8 }), fc.nat({ max: 8 })),
        fc.array(ops, { maxLength: 25 }),
        async (opening, steps) => {
          const model = new Model([]);
          for (const quantity of opening) {
            const made = await createProduct(deps, { name: "Model item", price: 1 });
            await createInventory(
              deps,
              { product_id: made.id, quantity, warehouse: "Warehouse A" },
              ctx,
            );
            model.products.push(made.id);
            model.add(made.id, 1, quantity);
          }
          for (const step of steps) {
            await apply(model, step);
            await expectMatches(model);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
