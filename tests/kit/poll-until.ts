const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a condition a bounded number of times; says what it waited for when it gives up. */
export async function pollUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { attempts = 100, intervalMs = 100 }: { attempts?: number; intervalMs?: number } = {},
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await condition()) return;
    await pause(intervalMs);
  }
  throw new Error(`gave up after ${attempts} checks waiting for ${what}`);
}
