// Kept for the browser tab only: closing it forgets the key.
const storageKey = "stockwiz.api-key";

/** The API key the person entered for writes, if any. */
export function savedApiKey(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves the key, or forgets it when empty. */
export function saveApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(storageKey, key);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage can be disabled; the key then lasts until the page reloads at most.
  }
}
