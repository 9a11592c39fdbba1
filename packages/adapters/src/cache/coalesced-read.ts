/**
 * Shares one read among concurrent callers, but never hands a caller a read that was already
 * on the wire when it asked: whoever arrives during a read waits for the next one, which then
 * serves everyone who queued. Each caller thus sees a state at least as new as its own arrival
 * (what read-your-writes needs), at the cost of one round trip per batch, not per caller.
 */
export function coalescedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const next = (): Promise<T> => {
    if (inFlight === undefined) {
      inFlight = read().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    }
    queued ??= inFlight.then(settled, settled);
    return queued;
  };
  const settled = (): Promise<T> => {
    queued = undefined;
    return next();
  };
  return next;
}
