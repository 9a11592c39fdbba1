import type { Driver } from "kysely";

interface Entry {
  driver: Promise<Driver>;
  users: number;
  /** Set when the last user released it: a new opener waits, then opens afresh. */
  closing?: Promise<void>;
}

// On globalThis under a registered symbol: the local ALB loads the three bundled Lambda
// artefacts into one process, each with its own copy of this module, and they must still meet.
const registryKey = Symbol.for("stockwiz.embedded-databases");
const scope = globalThis as { [registryKey]?: Map<string, Entry> };
scope[registryKey] ??= new Map();
const registry: Map<string, Entry> = scope[registryKey];

async function join(dataDir: string, open: () => Promise<Driver>): Promise<Entry> {
  for (;;) {
    const entry = registry.get(dataDir);
    if (entry === undefined) {
      const fresh: Entry = { driver: open(), users: 1 };
      registry.set(dataDir, fresh);
      fresh.driver.catch(() => {
        if (registry.get(dataDir) === fresh) registry.delete(dataDir);
      });
      return fresh;
    }
    if (entry.closing === undefined) {
      entry.users += 1;
      return entry;
    }
    await entry.closing;
  }
}

function close(dataDir: string, entry: Entry, driver: Driver): Promise<void> {
  entry.closing ??= driver.destroy().finally(() => {
    if (registry.get(dataDir) === entry) registry.delete(dataDir);
  });
  return entry.closing;
}

function release(dataDir: string, entry: Entry, driver: Driver): Promise<void> {
  entry.users -= 1;
  return entry.users > 0 ? Promise.resolve() : close(dataDir, entry, driver);
}

/**
 * PGlite is one PostgreSQL session that owns its data folder: two instances on one folder in a
 * process corrupt it, and two Kysely drivers on one instance would interleave each other's
 * transactions. So every opener of a folder in this process shares one driver (one connection
 * queue); each gets a handle whose destroy() gives its share back, and the last one closes it.
 */
export async function sharedEmbeddedDriver(
  dataDir: string,
  open: () => Promise<Driver>,
): Promise<Driver> {
  const entry = await join(dataDir, open);
  const driver = await entry.driver;
  let released = false;
  return {
    init: () => driver.init(),
    acquireConnection: () => driver.acquireConnection(),
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    releaseConnection: (connection) => driver.releaseConnection(connection),
    destroy: async () => {
      if (released) return;
      released = true;
      await release(dataDir, entry, driver);
    },
  };
}

/**
 * Closes every embedded database this process holds, whoever opened it: for a process that is
 * ending and whose openers cannot be reached (the bundled Lambda artefacts in the local ALB).
 */
export async function closeEmbeddedDatabases(): Promise<void> {
  await Promise.all(
    [...registry.entries()].map(async ([dataDir, entry]) =>
      close(dataDir, entry, await entry.driver),
    ),
  );
}
