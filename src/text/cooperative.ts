/**
 * Long computations written once as generators that yield between chunks of work, run either at once
 * (tests, tools) or cooperatively, giving the event loop a turn at every yield so that a running bot
 * keeps answering while a reload builds its new index.
 */

/** A computation that yields (nothing) between chunks and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, letting the event loop run between them. */
export async function runCooperatively<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Milliseconds of work between two yields: well under the 50 ms an interaction may wait for a turn. */
const SLICE_MS = 8;

/**
 * Times a computation's slices, whatever the machine's speed or load: `due()` is true once a slice's
 * time is spent; the computation then yields and calls `restart()` when it resumes.
 */
export class SliceClock {
  private started = performance.now();

  constructor(private readonly ms: number = SLICE_MS) {}

  due(): boolean {
    return performance.now() - this.started >= this.ms;
  }

  restart(): void {
    this.started = performance.now();
  }
}
