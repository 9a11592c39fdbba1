/**
 * Shares one read among the callers of one event-loop turn. The read is sent only once the
 * turn is over, so it always leaves after every caller that shares it arrived: each caller sees
 * a state at least as new as its own arrival (what read-your-writes needs), at the cost of one
 * round trip per turn rather than per caller. Later callers start the next read at once,
 * without waiting for this one to come back.
 */
export function coalescedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let gathering: Promise<T> | undefined;
  return () => {
    gathering ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      gathering = undefined;
      return read();
    });
    return gathering;
  };
}
