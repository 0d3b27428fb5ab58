/**
 * Moves a large plain value between threads without a long pause on the receiving side: structured
 * cloning a message of hundreds of megabytes of objects, or one JSON.parse of it, blocks the thread for
 * a second or more. The value is cut into slices (arrays as batches of whole items, large records as
 * batches of their entries), each about 256 KB of JSON sent as a string (copied, not cloned object by
 * object) and parsed on its own, with a turn of the event loop between slices. An item larger than a
 * slice travels whole.
 */

/** Characters of JSON per slice: a few milliseconds of JSON.parse. */
const CHARACTERS_PER_SLICE = 256 * 1024;
/** Records with fewer keys than this are cut key by key; larger ones travel as batches of entries. */
const SLICED_FROM = 1000;

/** JSON arrays of the items, each array about CHARACTERS_PER_SLICE long (an item is never split). */
function* batches(items: Iterable<unknown>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    batch.push(json);
    size += json.length;
    if (size >= CHARACTERS_PER_SLICE) {
      yield `[${batch.join(',')}]`;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield `[${batch.join(',')}]`;
}

export type Slice =
  | { readonly path: readonly string[]; readonly kind: 'value'; readonly json: string }
  | { readonly path: readonly string[]; readonly kind: 'items' | 'entries'; readonly json: string };

type Plain = Record<string, unknown>;

const isRecord = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The slices of a value made of plain objects, arrays and JSON scalars. */
export function* slicesOf(value: unknown, path: readonly string[] = []): Generator<Slice> {
  // By size, not by count: a few hundred terms may each list thousands of passages.
  if (Array.isArray(value) && value.length > 0) {
    for (const json of batches(value)) yield { path, kind: 'items', json };
    return;
  }
  if (!isRecord(value)) {
    yield { path, kind: 'value', json: JSON.stringify(value) };
    return;
  }
  const keys = Object.keys(value);
  if (keys.length >= SLICED_FROM) {
    for (const json of batches(keys.map((key) => [key, value[key]]))) yield { path, kind: 'entries', json };
    return;
  }
  yield { path, kind: 'value', json: '{}' };
  for (const key of keys) yield* slicesOf(value[key], [...path, key]);
}

/** Puts slices back together, in the order slicesOf made them. */
export class SliceAssembler {
  private root: unknown;

  add(slice: Slice): void {
    const parsed: unknown = JSON.parse(slice.json);
    const existing = this.at(slice.path);
    if (slice.kind === 'value') this.set(slice.path, parsed);
    else if (slice.kind === 'items') {
      if (Array.isArray(existing)) for (const item of parsed as unknown[]) existing.push(item);
      else this.set(slice.path, parsed);
    } else {
      const record = isRecord(existing) ? existing : {};
      for (const [key, item] of parsed as [string, unknown][]) record[key] = item;
      if (!isRecord(existing)) this.set(slice.path, record);
    }
  }

  get value(): unknown {
    return this.root;
  }

  private at(path: readonly string[]): unknown {
    let node: unknown = this.root;
    for (const key of path) node = isRecord(node) ? node[key] : undefined;
    return node;
  }

  private set(path: readonly string[], value: unknown): void {
    if (path.length === 0) {
      this.root = value;
      return;
    }
    const parent = this.at(path.slice(0, -1));
    if (!isRecord(parent)) throw new Error(`slice for ${path.join('.')} arrived before its parent`);
    parent[path.at(-1)!] = value;
  }
}
