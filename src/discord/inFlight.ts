/**
 * The interactions being handled right now, so a shutdown can stop taking new ones and wait for those
 * already started.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** True once `close` was called: new interactions are turned away. */
  get stopping(): boolean {
    return this.closed;
  }

  get size(): number {
    return this.running.size;
  }

  /** Follows `work` until it settles (its rejection is the caller's to handle). */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Stops taking new work. */
  close(): void {
    this.closed = true;
  }

  /**
   * Resolves true when everything tracked has settled (including work started while waiting), false when
   * `graceMs` passed first.
   */
  async drain(graceMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const allSettled = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    try {
      return await Promise.race([allSettled, timeUp]);
    } finally {
      clearTimeout(timer);
    }
  }
}
