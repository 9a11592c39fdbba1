/**
 * Work in flight, by id: a caller asking for an id that is already running shares its promise
 * instead of starting the same work again. The id is the caller's guarantee that sharing is
 * safe (for reads, it carries the generation the work began under).
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
