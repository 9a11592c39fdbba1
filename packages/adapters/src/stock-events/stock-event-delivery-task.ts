import { deliverStockEvents } from "@stockwiz/core";
import type { PeriodicTask } from "../server/periodic-task.ts";

/**
 * Sends the outbox to the configured sink about a second after the commit. Every task of every
 * container runs it: the claim keeps them from sending one level's events side by side.
 */
export const stockEventDeliveryTask: PeriodicTask = {
  name: "deliver stock events",
  everyMs: 1_000,
  run: async (deps, { stockEventSink }) => {
    while ((await deliverStockEvents(deps, stockEventSink)) > 0) {}
  },
};
