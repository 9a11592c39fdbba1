import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/api-error.ts";

export interface LoadedList<Item> {
  /** Undefined until the first successful load; kept when a later load fails. */
  items: Item[] | undefined;
  error: ApiError | undefined;
  reload: () => Promise<void>;
  /** Changes the list shown without a read (such as newer items asked for since). */
  update: (change: (items: Item[]) => Item[]) => void;
}

/**
 * A list read from the API when the caller mounts and again on `reload` (or when `key` changes,
 * such as the product whose list it is). A slow older answer never overwrites a newer one.
 */
export function useLoadedList<Item>(load: () => Promise<Item[]>, key = ""): LoadedList<Item> {
  const [items, setItems] = useState<Item[]>();
  const [error, setError] = useState<ApiError>();
  const latestLoad = useRef(0);

  // `key` names what `load` reads: a new `load` function at each render must not reload.
  const reload = useCallback(async () => {
    const attempt = ++latestLoad.current;
    try {
      const list = await load();
      if (!Array.isArray(list)) throw new ApiError(502, undefined, "The answer was not a list");
      if (attempt !== latestLoad.current) return;
      setItems(list);
      setError(undefined);
    } catch (failure) {
      if (attempt !== latestLoad.current) return;
      setError(
        failure instanceof ApiError ? failure : new ApiError(500, undefined, String(failure)),
      );
    }
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const update = useCallback((change: (items: Item[]) => Item[]) => {
    // A read still on its way began before this change: its answer would undo it.
    latestLoad.current++;
    setItems((shown) => shown && change(shown));
  }, []);

  return { items, error, reload, update };
}
