interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

export interface PerTurnBatchOptions {
  /** Inputs per batch at most; more calls in one turn make several batches. Unbounded by default. */
  maxSize?: number;
  /**
   * Whether a failed batch may be run again one input at a time: true only for failures that
   * prove nothing was written and that one input's content may be the cause. Never by default.
   */
  retryAlone?: (error: unknown) => boolean;
}

/**
 * Gathers the calls made during one event-loop turn into one `run` over all their inputs, which
 * must answer one output per input, in order. The run starts once the turn is over, so it always
 * begins after every call it serves arrived; calls made while it is out gather for the next one
 * at once. Under concurrent load this turns many round trips into one; a lone call waits only
 * for the end of its turn. When a batch is refused for one input's content, each input runs
 * alone, so every caller gets its own outcome; any other failure reaches every caller of the batch.
 */
export function perTurnBatch<In, Out>(
  run: (inputs: In[]) => Promise<Out[]>,
  options: PerTurnBatchOptions = {},
): (input: In) => Promise<Out> {
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  const retryAlone = options.retryAlone ?? (() => false);
  let gathering: Waiting<In, Out>[] | undefined;

  async function settle(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await run(batch.map((waiting) => waiting.input));
      if (outputs.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} answered ${outputs.length} outputs`);
      }
      for (const [index, waiting] of batch.entries()) waiting.resolve(outputs[index] as Out);
    } catch (error) {
      if (batch.length > 1 && retryAlone(error)) {
        for (const waiting of batch) void settle([waiting]);
      } else {
        for (const waiting of batch) waiting.reject(error);
      }
    }
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (gathering === undefined || gathering.length >= maxSize) {
        const batch: Waiting<In, Out>[] = [];
        gathering = batch;
        setImmediate(() => {
          if (gathering === batch) gathering = undefined;
          void settle(batch);
        });
      }
      gathering.push({ input, resolve, reject });
    });
}

/**
 * One read shared by the callers of one event-loop turn: a batch whose every caller gets the
 * same answer. As the read leaves after every caller that shares it arrived, each caller sees a
 * state at least as new as its own arrival (what read-your-writes needs), at the cost of one
 * round trip per turn rather than per caller.
 */
export function perTurnRead<T>(read: () => Promise<T>): () => Promise<T> {
  const shared = perTurnBatch(async (callers: undefined[]) => {
    const value = await read();
    return callers.map(() => value);
  });
  return () => shared(undefined);
}
