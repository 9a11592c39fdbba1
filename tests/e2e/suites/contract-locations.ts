import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReachableStack } from "../harness/e2e-stack.ts";
import { createProductWithStock, type Inventory, uniqueName } from "../harness/fixtures.ts";
import { call, expectProblem } from "../harness/http-client.ts";
import { inventoryTargets, urlOf } from "../harness/targets.ts";

/** A stack for this suite and how it ends (its own checks included). */
export type LocationsStackStarter = () => Promise<{ stack: ReachableStack; stop(): Promise<void> }>;

interface Level {
  product_id: number;
  location_id: number;
  location: string;
  on_hand: number;
  reserved: number;
  available: number;
}

interface Reservation {
  id: string;
  status: string;
  items: { product_id: number; quantity: number; allocations: { location_id: number }[] }[];
}

export function locationsContract(start: LocationsStackStarter): void {
  // CONTRACT.md §9, asked of every process and prefix a client's request can reach.

  let stack: ReachableStack;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ stack, stop } = await start());
  });
  afterAll(async () => {
    await stop?.();
  });

  it("when a fresh database lists its locations then Warehouse A and Warehouse B lead", async () => {
    const answer = await call(`${stack.gateway.url}/api/inventory/locations`);
    expect(answer.status).toBe(200);
    const names = (answer.body as { name: string }[]).map((location) => location.name);
    expect(names.slice(0, 2)).toEqual(["Warehouse A", "Warehouse B"]);
  });

  describe.each(inventoryTargets)("stock by location through $label", (target) => {
    const url = (path: string) => urlOf(stack, target, path);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      call(url(path), { method: "POST", body, headers });
    const levelsOf = async (productId: number) =>
      (await call(url(`/levels?product_id=${productId}`))).body as Level[];

    async function newLocation(): Promise<number> {
      const answer = await post("/locations", { name: uniqueName("location") });
      expect(answer.status, answer.text).toBe(201);
      return (answer.body as { id: number }).id;
    }

    /** A product with `quantity` units at a location of its own, and that location's id. */
    async function stocked(quantity: number): Promise<{ stock: Inventory; locationId: number }> {
      const warehouse = uniqueName("warehouse");
      const { stock } = await createProductWithStock(stack, {}, { quantity, warehouse });
      const [level] = await levelsOf(stock.product_id);
      expect(level).toMatchObject({ location: warehouse, on_hand: quantity, available: quantity });
      return { stock, locationId: (level as Level).location_id };
    }

    it("when a location is created, renamed and deleted then names stay unique and legacy rows follow", async () => {
      const { stock, locationId } = await stocked(2);
      const name = uniqueName("renamed");

      expectProblem(await post("/locations", { name: "Warehouse A" }), 409);
      expectProblem(await post("/locations", { name: " " }), 422);
      const renamed = await call(url(`/locations/${locationId}`), {
        method: "PUT",
        body: { name },
      });
      expect(renamed.status, renamed.text).toBe(200);
      expect(((await call(url(`/${stock.id}`))).body as Inventory).warehouse).toBe(name);
      expectProblem(await call(url(`/locations/${locationId}`), { method: "DELETE" }), 409);

      await post(`/${stock.id}/adjust`, { delta: -2 });
      expect((await call(url(`/locations/${locationId}`), { method: "DELETE" })).status).toBe(204);
      expectProblem(await call(url(`/locations/${locationId}`), { method: "DELETE" }), 404);
    });

    it("when units arrive at a second location then the legacy row sums them and ambiguous legacy writes are 409 location_required", async () => {
      const { stock } = await stocked(4);
      const second = await newLocation();

      const adjusted = await post("/levels/adjust", {
        product_id: stock.product_id,
        location_id: second,
        delta: 6,
      });
      expect(adjusted.status, adjusted.text).toBe(200);
      expect(adjusted.body).toMatchObject({ location_id: second, on_hand: 6, available: 6 });
      expect(((await call(url(`/${stock.id}`))).body as Inventory).quantity).toBe(10);

      for (const refused of [
        await call(url(`/${stock.id}`), { method: "PUT", body: { quantity: 1 } }),
        await post(`/${stock.id}/adjust`, { delta: -1 }),
      ]) {
        expect(expectProblem(refused, 409).type).toMatch(/\/location_required$/);
      }
    });

    it("when units are transferred then both levels move, the total stays, and a short source is 409", async () => {
      const { stock, locationId } = await stocked(5);
      const to = await newLocation();
      const transfer = (quantity: number, toLocation = to) =>
        post("/transfers", {
          product_id: stock.product_id,
          from_location_id: locationId,
          to_location_id: toLocation,
          quantity,
        });

      const moved = await transfer(3);
      expect(moved.status, moved.text).toBe(201);
      expect(moved.body).toMatchObject({ product_id: stock.product_id, quantity: 3 });
      expect(expectProblem(await transfer(3), 409).type).toMatch(/\/insufficient_stock$/);
      expectProblem(await transfer(1, locationId), 422);

      expect((await levelsOf(stock.product_id)).map((level) => level.on_hand)).toEqual([2, 3]);
      expect(((await call(url(`/${stock.id}`))).body as Inventory).quantity).toBe(5);
    });

    it("when a reservation holds, commits and is released then levels, legacy rows and the merged view agree", async () => {
      const { stock } = await stocked(10);
      const hold = await post("/reservations", {
        items: [{ product_id: stock.product_id, quantity: 4 }],
        reference: "e2e order",
      });
      expect(hold.status, hold.text).toBe(201);
      const reservation = hold.body as Reservation;
      expect(reservation).toMatchObject({ status: "active", items: [{ quantity: 4 }] });
      expect((await levelsOf(stock.product_id))[0]).toMatchObject({ reserved: 4, available: 6 });
      expect((await call(url(`/reservations/${reservation.id}`))).body).toEqual(reservation);
      const listed = (await call(url(`/reservations?product_id=${stock.product_id}`)))
        .body as Reservation[];
      expect(listed.map((r) => r.id)).toEqual([reservation.id]);

      const tooMany = await post("/reservations", {
        items: [{ product_id: stock.product_id, quantity: 7 }],
      });
      expect(expectProblem(tooMany, 409).errors).toEqual([
        expect.objectContaining({ path: "items.0" }),
      ]);

      const committed = await post(`/reservations/${reservation.id}/commit`, {});
      expect(committed.status, committed.text).toBe(200);
      expect(committed.body).toMatchObject({ status: "committed" });
      expect((await levelsOf(stock.product_id))[0]).toMatchObject({ on_hand: 6, reserved: 0 });
      expect(((await call(url(`/${stock.id}`))).body as Inventory).quantity).toBe(6);
      const merged = await call(`${stack.gateway.url}/api/products/${stock.product_id}`);
      expect((merged.body as { inventory: { quantity: number } }).inventory.quantity).toBe(6);
      expectProblem(await post(`/reservations/${reservation.id}/release`, {}), 409);

      const second = (
        await post("/reservations", { items: [{ product_id: stock.product_id, quantity: 6 }] })
      ).body as Reservation;
      const released = await post(`/reservations/${second.id}/release`, {});
      const again = await post(`/reservations/${second.id}/release`, {});
      expect(released.body).toMatchObject({ status: "released" });
      expect(again.body).toEqual(released.body);
      expect((await levelsOf(stock.product_id))[0]).toMatchObject({ available: 6 });
    });

    it("when a reservation is retried with its Idempotency-Key then the first answer is replayed; another body is 422", async () => {
      const { stock } = await stocked(3);
      const key = { "idempotency-key": uniqueName("hold").replaceAll(" ", "-") };
      const body = { items: [{ product_id: stock.product_id, quantity: 2 }] };

      const first = await post("/reservations", body, key);
      const retry = await post("/reservations", body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.body).toEqual(first.body);
      expect((await levelsOf(stock.product_id))[0]).toMatchObject({ reserved: 2 });
      const other = { items: [{ product_id: stock.product_id, quantity: 1 }] };
      expectProblem(await post("/reservations", other, key), 422);
    });

    it("when input is bad then the answer is a 4xx problem, never a 500", async () => {
      expectProblem(await call(url("/levels?product_id=abc")), 400);
      expectProblem(await call(url("/reservations/not-a-reservation")), 400);
      expectProblem(await call(url("/reservations/00000000-0000-4000-8000-000000000000")), 404);
      expectProblem(await post("/reservations", { items: [] }), 422);
      expectProblem(
        await post("/levels/adjust", { product_id: 1, location_id: 2147483000, delta: 1 }),
        422,
      );
    });
  });

  it("when the levels of a product are asked through every target then the answers are identical", async () => {
    const { stock } = await createProductWithStock(stack, {}, { quantity: 3 });
    const answers = await Promise.all(
      inventoryTargets.map((target) =>
        call(urlOf(stack, target, `/levels?product_id=${stock.product_id}`)),
      ),
    );
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers[0]?.headers.get("cache-control")).toBe("no-store");
  });
}
