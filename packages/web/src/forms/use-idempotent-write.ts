import { useRef } from "preact/hooks";
import { ApiError } from "../api/api-error.ts";
import { newIdempotencyKey } from "../api/idempotency-key.ts";

interface UnansweredWrite {
  request: string;
  key: string;
}

/**
 * Sends writes with an `Idempotency-Key`. The key of an attempt whose outcome is unknown (no
 * answer, or a gateway failure) is kept for a retry of the very same request, so that the retry
 * is applied once; any other request, or one after a verdict, gets a fresh key.
 */
export function useIdempotentWrite() {
  const unanswered = useRef<UnansweredWrite | undefined>(undefined);

  return async function send<Result>(
    request: unknown,
    write: (idempotencyKey: string) => Promise<Result>,
  ): Promise<Result> {
    const fingerprint = JSON.stringify(request);
    const key =
      unanswered.current?.request === fingerprint ? unanswered.current.key : newIdempotencyKey();
    unanswered.current = { request: fingerprint, key };
    try {
      const result = await write(key);
      unanswered.current = undefined;
      return result;
    } catch (error) {
      if (!(error instanceof ApiError && error.isServiceUnavailable))
        unanswered.current = undefined;
      throw error;
    }
  };
}
