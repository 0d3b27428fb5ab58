/**
 * Minisearch indexes made without analysing every passage again: one forked from another with some
 * documents gone and others added (an incremental reload), the term tree of any index put in one
 * canonical order, and an index's plain form taken, and loaded, slice by slice.
 *
 * Minisearch has no public way to copy an index but toJSON and loadJS, and toJSON runs in one piece
 * (0.2 s at 10,000 articles), as do parts of loadJSAsync (tens of milliseconds): so this reads and
 * writes minisearch 7's private state, and only here (`internalsOf` throws when that state is not as
 * described below; the caller then builds the index in full). New documents are still added by
 * minisearch's own `add`, so how a document becomes postings is its business alone. The tests that
 * compare derived and built indexes (tests/search/deriveStoryIndex.test.ts) catch a minisearch whose
 * private state means something else.
 *
 * A forked index holds what an index built from scratch would, to the last bit, and its plain form is
 * the same (so is the index cache written of it):
 * - every document has the short id of its place in the corpus, as in a full build; removed documents
 *   leave no posting behind (where `discard` would, still counting in a term's document frequency);
 * - the average field lengths are recomputed in corpus order, the order a full build adds documents in
 *   and sums their lengths in;
 * - terms are inserted into the tree in ascending order, in every index (see sortTermsSteps), because
 *   the tree's shape sets the order in which fuzzy matches are found, hence the order in which a
 *   passage's score is summed.
 */
import { SliceClock, type Steps } from '../text/cooperative.ts';

/** For each field id, each document's short id and how often the term occurs in that field. */
type Postings = Map<number, Map<number, number>>;

interface TermTree extends Iterable<[string, Postings]> {
  set(term: string, postings: Postings): unknown;
  get(term: string): Postings | undefined;
  has(term: string): boolean;
  delete(term: string): unknown;
  fetch(term: string, initial: () => Postings): Postings;
}

/** The private fields of a MiniSearch (7.2) this module reads and writes. */
interface Internals {
  _index: TermTree;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

/** What of a MiniSearch's public API a fork uses. */
export interface ForkableIndex<D> {
  add(document: D): void;
}

/** A minisearch index as plain data, as its toJSON gives it (AsPlainObject), terms in ascending order. */
export interface PlainIndex {
  readonly documentCount: number;
  readonly nextId: number;
  readonly documentIds: Record<string, unknown>;
  readonly fieldIds: Record<string, number>;
  readonly fieldLength: Record<string, number[]>;
  readonly averageFieldLength: number[];
  readonly storedFields: Record<string, unknown>;
  readonly dirtCount: number;
  readonly index: [string, Record<string, Record<string, number>>][];
  readonly serializationVersion: 2;
}

function internalsOf(index: object): Internals {
  const state = index as Partial<Internals>;
  const tree = state._index;
  const ok =
    tree !== undefined &&
    typeof tree.fetch === 'function' &&
    typeof tree.set === 'function' &&
    typeof tree[Symbol.iterator] === 'function' &&
    state._documentIds instanceof Map &&
    state._idToShortId instanceof Map &&
    state._fieldLength instanceof Map &&
    state._storedFields instanceof Map &&
    Array.isArray(state._avgFieldLength) &&
    typeof state._fieldIds === 'object' &&
    typeof state._documentCount === 'number' &&
    typeof state._nextId === 'number' &&
    typeof state._dirtCount === 'number';
  if (!ok) throw new Error('minisearch’s private state is not the one forkMiniSearch was written for (7.2)');
  return state as Internals;
}

/** A new, empty tree of the same class as `tree` (minisearch's SearchableMap). */
function emptyTreeLike(tree: TermTree): TermTree {
  const Tree = (tree as object).constructor as new () => TermTree;
  return new Tree();
}

/** A plain Map dressed as the tree, for the additions: terms come in any order here. */
function stagingTree(terms: Map<string, Postings>): TermTree {
  return {
    set: (term, postings) => terms.set(term, postings),
    get: (term) => terms.get(term),
    has: (term) => terms.has(term),
    delete: (term) => terms.delete(term),
    fetch(term, initial) {
      let postings = terms.get(term);
      if (postings === undefined) terms.set(term, (postings = initial()));
      return postings;
    },
    [Symbol.iterator]: () => terms.entries(),
  };
}

/** The tree of these terms, inserted in ascending order of their UTF-16 code units, a slice at a time. */
function* ascendingTreeSteps(like: TermTree, terms: Map<string, Postings>, clock: SliceClock): Steps<TermTree> {
  // Nearly sorted already (the source tree's order reversed, then a few new terms): sort() is linear then.
  const sorted = [...terms.keys()].sort();
  yield;
  clock.restart();
  const tree = emptyTreeLike(like);
  for (const term of sorted) {
    tree.set(term, terms.get(term)!);
    if (clock.due()) {
      yield;
      clock.restart();
    }
  }
  return tree;
}

/**
 * Fills `target`, a new empty index with the same fields, with `source`'s documents but those whose id
 * is in `removed`, plus `added`, so that it ends as a full build of `order` would: every document under
 * the short id of its place in `order` (the order a full build adds them in), whatever its short id in
 * `source`. Postings of the documents that stay are copied under their new short ids; those of removed
 * documents are left out (so nothing of them counts, as `remove` would leave it). `source` is only read,
 * so it may serve searches in between steps: nothing it holds changes.
 */
export function* forkMiniSearchSteps<D>(
  source: object,
  target: ForkableIndex<D>,
  change: {
    readonly removed: ReadonlySet<string>;
    readonly added: readonly D[];
    readonly idOf: (document: D) => string;
    readonly order: readonly string[];
  },
): Steps<void> {
  const from = internalsOf(source);
  const to = internalsOf(target);
  if (to._documentCount !== 0) throw new Error('forkMiniSearch: the target index is not empty');
  if (JSON.stringify(from._fieldIds) !== JSON.stringify(to._fieldIds))
    throw new Error('forkMiniSearch: the two indexes do not have the same fields');
  const clock = new SliceClock();
  const place = new Map<string, number>();
  for (const [at, id] of change.order.entries()) {
    place.set(id, at);
    if (at % 256 === 255) yield* clock.tick();
  }

  // Each source short id's short id in the target; -1 for a removed document.
  const renumbered = new Int32Array(from._nextId).fill(-1);
  let count = 0;
  for (const [shortId, id] of from._documentIds) {
    if (++count % 256 === 0) yield* clock.tick();
    if (change.removed.has(id as string)) continue;
    const at = place.get(id as string);
    if (at === undefined) throw new Error(`forkMiniSearch: ${String(id)} is neither kept nor removed`);
    renumbered[shortId] = at;
    to._documentIds.set(at, id);
    to._idToShortId.set(id, at);
    // Never changed once a document is added, so shared.
    to._fieldLength.set(at, from._fieldLength.get(shortId)!);
    const stored = from._storedFields.get(shortId);
    if (stored !== undefined) to._storedFields.set(at, stored);
  }
  to._documentCount = to._documentIds.size;
  to._dirtCount = 0;

  const terms = new Map<string, Postings>();
  for (const [term, postings] of from._index) {
    const copy: Postings = new Map();
    for (const [fieldId, documents] of postings) {
      const kept = new Map<number, number>();
      for (const [shortId, frequency] of documents) {
        const at = renumbered[shortId]!;
        if (at >= 0) kept.set(at, frequency);
        if (++count % 256 === 0) yield* clock.tick();
      }
      if (kept.size > 0) copy.set(fieldId, kept);
    }
    if (copy.size > 0) terms.set(term, copy);
    yield* clock.tick();
  }

  const built = to._index;
  to._index = stagingTree(terms);
  for (const document of change.added) {
    // minisearch gives a new document the next short id: its place, as in a full build.
    const at = place.get(change.idOf(document));
    if (at === undefined) throw new Error(`forkMiniSearch: ${change.idOf(document)} is not in the order given`);
    to._nextId = at;
    target.add(document);
    yield* clock.tick();
  }
  to._nextId = change.order.length;
  to._index = yield* ascendingTreeSteps(built, terms, clock);
  yield* settleAverageFieldLengths(to, change.order, clock);
  if (to._documentCount !== change.order.length)
    throw new Error(`forkMiniSearch: ${to._documentCount} documents indexed, ${change.order.length} expected`);
}

/**
 * Each field's average length as a full build leaves it: minisearch updates the average as each
 * document is added, (average × count + length) / (count + 1), so its last bits depend on the order.
 */
function* settleAverageFieldLengths(index: Internals, order: readonly string[], clock: SliceClock): Steps<void> {
  const fields = Object.values(index._fieldIds);
  const averages: number[] = [];
  for (const [count, id] of order.entries()) {
    const shortId = index._idToShortId.get(id);
    const lengths = shortId === undefined ? undefined : index._fieldLength.get(shortId);
    if (!lengths) throw new Error(`forkMiniSearch: document ${id} is not in the index`);
    for (const field of fields) {
      const length = lengths[field];
      if (length === undefined) continue;
      averages[field] = ((averages[field] ?? 0) * count + length) / (count + 1);
    }
    if (count % 256 === 255) yield* clock.tick();
  }
  index._avgFieldLength = averages;
}

/** `Object.fromEntries(map)`, a slice at a time. */
function* recordOfSlices<T>(map: ReadonlyMap<number, T>, clock: SliceClock): Steps<Record<string, T>> {
  const record: Record<string, T> = {};
  let count = 0;
  for (const [key, value] of map) {
    record[key] = value;
    if (++count % 256 === 0) yield* clock.tick();
  }
  return record;
}

/**
 * Rebuilds an index's term tree with its terms inserted in ascending order, the order every index
 * (full, forked or loaded from a snapshot) then has; see the top of this file.
 */
export function* sortTermsSteps(index: object): Steps<void> {
  const state = internalsOf(index);
  const clock = new SliceClock();
  const terms = new Map<string, Postings>();
  for (const [term, postings] of state._index) {
    terms.set(term, postings);
    if (clock.due()) {
      yield;
      clock.restart();
    }
  }
  state._index = yield* ascendingTreeSteps(state._index, terms, clock);
}

/**
 * The index as toJSON gives it, but taken a slice at a time (for an index cache written while the index
 * serves), with its terms in ascending order, so that loading it (loadJS adds terms in the order given)
 * makes the same tree.
 */
export function* plainIndexSteps(index: object): Steps<PlainIndex> {
  const state = internalsOf(index);
  const clock = new SliceClock();
  const terms: [string, Record<string, Record<string, number>>][] = [];
  for (const [term, postings] of state._index) {
    const fields: Record<string, Record<string, number>> = {};
    for (const [fieldId, documents] of postings) fields[fieldId] = yield* recordOfSlices(documents, clock);
    terms.push([term, fields]);
    yield* clock.tick();
  }
  // A sorted tree iterates in descending order: reversed, the terms are in order already.
  terms.reverse();
  if (terms.some(([term], at) => at > 0 && terms[at - 1]![0] >= term))
    terms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  yield* clock.pause();
  const documentIds = yield* recordOfSlices(state._documentIds, clock);
  const fieldLength = yield* recordOfSlices(state._fieldLength, clock);
  return {
    documentCount: state._documentCount,
    nextId: state._nextId,
    documentIds,
    fieldIds: state._fieldIds,
    fieldLength,
    averageFieldLength: state._avgFieldLength,
    storedFields: Object.fromEntries(state._storedFields),
    dirtCount: state._dirtCount,
    index: terms,
    serializationVersion: 2,
  };
}

/** `new Map(Object.entries(record))` with numeric keys, as minisearch's loadJS reads them, a slice at a time. */
function* numericMapOfSlices<T>(record: Readonly<Record<string, T>>, clock: SliceClock): Steps<Map<number, T>> {
  const map = new Map<number, T>();
  let count = 0;
  for (const key of Object.keys(record)) {
    map.set(parseInt(key, 10), record[key]!);
    if (++count % 256 === 0) yield* clock.tick();
  }
  return map;
}

/**
 * Fills `target`, a new empty index, from its plain form, as MiniSearch.loadJS would, but a slice at a
 * time: for an index loaded while another serves (one built on a worker). Terms are added in the order
 * given: ascending in a plain form from plainIndexSteps.
 */
export function* loadPlainSteps(target: object, plain: PlainIndex): Steps<void> {
  const to = internalsOf(target);
  if (plain.serializationVersion !== 2) throw new Error('loadPlainSteps: not a minisearch index of format 2');
  if (JSON.stringify(plain.fieldIds) !== JSON.stringify(to._fieldIds))
    throw new Error('loadPlainSteps: the index has other fields');
  const clock = new SliceClock();
  to._documentCount = plain.documentCount;
  to._nextId = plain.nextId;
  to._avgFieldLength = plain.averageFieldLength;
  to._dirtCount = plain.dirtCount || 0;
  to._documentIds = yield* numericMapOfSlices(plain.documentIds, clock);
  to._fieldLength = yield* numericMapOfSlices(plain.fieldLength, clock);
  to._storedFields = yield* numericMapOfSlices(plain.storedFields, clock);
  const idToShortId = new Map<unknown, number>();
  let count = 0;
  for (const [shortId, id] of to._documentIds) {
    idToShortId.set(id, shortId);
    if (++count % 256 === 0) yield* clock.tick();
  }
  to._idToShortId = idToShortId;
  const tree = emptyTreeLike(to._index);
  for (const [term, fields] of plain.index) {
    const postings: Postings = new Map();
    for (const fieldId of Object.keys(fields))
      postings.set(parseInt(fieldId, 10), yield* numericMapOfSlices(fields[fieldId]!, clock));
    tree.set(term, postings);
    yield* clock.tick();
  }
  to._index = tree;
}
