import type { EventView } from "./rollout-snapshot.ts";

/**
 * The events not reported yet, oldest first so they read in order. ECS keeps
 * only the latest events, newest first, so ids are remembered rather than a
 * position in the list.
 */
export function takeUnseenEvents(events: readonly EventView[], seen: Set<string>): EventView[] {
  const unseen = events.filter((e) => !seen.has(e.id));
  for (const event of unseen) seen.add(event.id);
  return unseen.reverse();
}
