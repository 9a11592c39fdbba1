interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

export interface PerTurnBatchOptions {
  /** Inputs per batch at most; more calls in one turn make several batches. */
  maxSize: number;
  /**
   * Whether a failed batch may be run again one input at a time: true only for failures that
   * prove nothing was written and that one input's content may be the cause.
   */
  retryAlone: (error: unknown) => boolean;
}

/**
 * Gathers the calls made during one event-loop turn into one `run` over all their inputs, which
 * must answer one output per input, in order. Under concurrent load this turns many round
 * trips into one; a lone call waits only for the end of its turn. When a batch is refused for
 * one input's content, each input runs alone, so every caller gets its own outcome; any other
 * failure reaches every caller of the batch.
 */
export function perTurnBatch<In, Out>(
  run: (inputs: In[]) => Promise<Out[]>,
  options: PerTurnBatchOptions,
): (input: In) => Promise<Out> {
  let gathering: Waiting<In, Out>[] | undefined;

  async function settle(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await run(batch.map((waiting) => waiting.input));
      if (outputs.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} answered ${outputs.length} outputs`);
      }
      for (const [index, waiting] of batch.entries()) waiting.resolve(outputs[index] as Out);
    } catch (error) {
      if (batch.length > 1 && options.retryAlone(error)) {
        for (const waiting of batch) void settle([waiting]);
      } else {
        for (const waiting of batch) waiting.reject(error);
      }
    }
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (gathering === undefined || gathering.length >= options.maxSize) {
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
