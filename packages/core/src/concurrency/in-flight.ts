/**
 * Single flight: work in flight, by id. A caller asking for an id that is already running
 * shares its promise instead of starting the same work again; once it settles, the next caller
 * starts afresh. The id is the caller's guarantee that sharing is safe (for reads, it carries
 * the cache generation the work began under). The one helper for this in StockWiz: loads in
 * `readThrough`, the gateway's upstream fetches and health checks, the dashboard build.
 */
export class InFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(id: string, start: () => Promise<T>): Promise<T> {
    let pending = this.running.get(id);
    if (pending === undefined) {
      pending = start();
      this.running.set(id, pending);
      const landed = () => {
        this.running.delete(id);
      };
      pending.then(landed, landed);
    }
    return pending;
  }
}
