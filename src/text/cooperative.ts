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

  /** Yields once the slice's time is spent, and starts the next slice: `yield* clock.tick()`. */
  *tick(): Steps<void> {
    if (!this.due()) return;
    yield;
    this.restart();
  }

  /** Yields, and starts the next slice: between two pieces of work that each take a slice. */
  *pause(): Steps<void> {
    yield;
    this.restart();
  }
}

/** Entries copied between two looks at the clock: each takes a few tens of nanoseconds. */
const ENTRIES_PER_LOOK = 64;

/** `items.map(fn)`, a slice at a time (the clock is read after every item: `fn` may take long). */
export function* mapInSlices<T, U>(items: Iterable<T>, fn: (item: T) => U, clock: SliceClock): Steps<U[]> {
  const mapped: U[] = [];
  for (const item of items) {
    mapped.push(fn(item));
    yield* clock.tick();
  }
  return mapped;
}

/** `new Map(entries)`, a slice at a time. */
export function* mapOfSlices<K, V>(entries: Iterable<readonly [K, V]>, clock: SliceClock): Steps<Map<K, V>> {
  const map = new Map<K, V>();
  let count = 0;
  for (const [key, value] of entries) {
    map.set(key, value);
    if (++count % ENTRIES_PER_LOOK === 0) yield* clock.tick();
  }
  return map;
}

/** Items merged between two looks at the clock. */
const MERGED_PER_LOOK = 1024;

/** `[...items].sort(compare)`, a slice at a time: a merge sort, stable as `sort` is. */
export function* sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, clock: SliceClock): Steps<T[]> {
  let from = [...items];
  let to = new Array<T>(from.length);
  let merged = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let left = low;
      let right = middle;
      for (let at = low; at < high; at++) {
        to[at] =
          left < middle && (right >= high || compare(from[left]!, from[right]!) <= 0) ? from[left++]! : from[right++]!;
        if (++merged % MERGED_PER_LOOK === 0) yield* clock.tick();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
