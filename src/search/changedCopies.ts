/**
 * The copies of a corpus that differs from an earlier one by a few passages, found from the earlier
 * one's CopyBasis without reading every passage again, and the same as findCopies would find.
 *
 * What a change can change:
 * - the pairs of a passage that went, or came;
 * - the pairs of two passages that stayed, when a shingle they share crossed MAX_PASSAGES_PER_SHINGLE
 *   holders (became a stock phrase, or stopped being one), since only shingles below it count.
 * Both need the holders of a changed passage's shingles among the passages that stayed. The basis keeps
 * only hashes, which may collide, so a passage whose hash matches is read again to be sure.
 */
import type { Corpus, Passage } from '../corpus/types.ts';
import { mapInSlices, mapOfSlices, SliceClock, type Steps } from '../text/cooperative.ts';
import {
  copyGroupsSteps,
  hashesOf,
  MAX_PASSAGES_PER_SHINGLE,
  nearIdentical,
  shingleHash,
  shinglesOf,
  type CopyBasis,
  type CopyGroups,
} from './findCopies.ts';

/** More holders than a shingle may have and still count: the exact list is not needed then. */
const MANY = Symbol('many');
type Holders = readonly string[] | typeof MANY;

export interface PassageChange {
  /** Passages of the earlier corpus that are gone or changed, as they were. */
  readonly removed: readonly Passage[];
  /** Passages of the new corpus that are new or changed. */
  readonly added: readonly Passage[];
}

/** The copies of `corpus`, the earlier corpus's `basis` being left as it is. */
export function* changedCopiesSteps(
  basis: CopyBasis,
  corpus: Corpus,
  change: PassageChange,
): Steps<{ readonly copies: CopyGroups; readonly basis: CopyBasis }> {
  const clock = new SliceClock();
  const addedIds = new Set(change.added.map((passage) => passage.id));
  const byId = new Map<string, Passage>();
  const stayed: Passage[] = [];
  for (const passage of corpus.passages) {
    byId.set(passage.id, passage);
    if (!addedIds.has(passage.id)) stayed.push(passage);
    yield* clock.tick();
  }
  const articleOf = (id: string) => byId.get(id)?.articleId;
  const read = new ShingleReader(byId);

  const removedShingles = yield* mapInSlices(change.removed, shinglesOf, clock);
  const addedShingles = new Map(
    yield* mapInSlices(change.added, (passage) => [passage.id, shinglesOf(passage)] as const, clock),
  );
  const touched = new Set([...removedShingles, ...addedShingles.values()].flatMap((own) => [...own]));
  yield* clock.pause();
  const holders = yield* holdersSteps(basis, stayed, touched, read, clock);

  const tally = (lists: Iterable<ReadonlySet<string>>) => {
    const counts = new Map<string, number>();
    for (const own of lists) for (const shingle of own) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
    return counts;
  };
  const removedHolding = tally(removedShingles);
  const addedHolding = new Map<string, string[]>();
  for (const [id, own] of addedShingles)
    for (const shingle of own) addedHolding.set(shingle, [...(addedHolding.get(shingle) ?? []), id]);
  const stayedCount = (shingle: string) => {
    const list = holders.get(shingle);
    return list === undefined ? 0 : list === MANY ? Infinity : list.length;
  };
  const countedBefore = (shingle: string) =>
    stayedCount(shingle) + (removedHolding.get(shingle) ?? 0) <= MAX_PASSAGES_PER_SHINGLE;
  const countedNow = (shingle: string) =>
    stayedCount(shingle) + (addedHolding.get(shingle)?.length ?? 0) <= MAX_PASSAGES_PER_SHINGLE;

  const pairs = new CopiedPairs(basis.pairs);
  for (const passage of change.removed) pairs.dropAll(passage.id);

  // Pairs of passages that stayed, around a shingle that started or stopped counting.
  const recheck = new Map<string, readonly [string, string]>();
  for (const shingle of touched) {
    const list = holders.get(shingle);
    if (list === undefined || list === MANY || countedBefore(shingle) === countedNow(shingle)) continue;
    for (const [at, one] of list.entries())
      for (const other of list.slice(at + 1))
        if (articleOf(one) !== articleOf(other)) recheck.set(`${one}\n${other}`, [one, other]);
  }
  if (recheck.size > 0) {
    const sharedOf = new Map<string, readonly string[]>();
    const untouched = new Set<string>();
    for (const [key, [one, other]] of recheck) {
      const theirs = read.shingles(other);
      const shared = [...read.shingles(one)].filter((shingle) => theirs.has(shingle));
      sharedOf.set(key, shared);
      for (const shingle of shared) if (!touched.has(shingle)) untouched.add(shingle);
    }
    // No changed passage holds these: whether they count is as it was, but the basis does not say.
    const more = yield* holdersSteps(basis, stayed, untouched, read, clock);
    for (const [key, [one, other]] of recheck) {
      const counted = sharedOf
        .get(key)!
        .filter((shingle) => (touched.has(shingle) ? countedNow(shingle) : more.get(shingle) !== MANY)).length;
      if (nearIdentical(counted, basis.counts.get(one)!, basis.counts.get(other)!)) pairs.add(one, other);
      else pairs.drop(one, other);
    }
  }

  // Pairs of the new passages, counted as findCopies counts them.
  for (const passage of change.added) {
    const own = addedShingles.get(passage.id)!;
    if (own.size === 0) continue;
    const shared = new Map<string, number>();
    for (const shingle of own) {
      if (!countedNow(shingle)) continue;
      const list = holders.get(shingle);
      for (const other of [...(list === undefined || list === MANY ? [] : list), ...addedHolding.get(shingle)!])
        if (other !== passage.id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      if (articleOf(other) === passage.articleId) continue;
      const theirs = addedShingles.get(other)?.size ?? basis.counts.get(other)!;
      if (nearIdentical(count, own.size, theirs)) pairs.add(passage.id, other);
    }
    if (clock.due()) {
      yield;
      clock.restart();
    }
  }

  const hashes = yield* mapOfSlices(basis.hashes, clock);
  const counts = yield* mapOfSlices(basis.counts, clock);
  for (const passage of change.removed) {
    hashes.delete(passage.id);
    counts.delete(passage.id);
  }
  for (const [id, own] of addedShingles) {
    if (own.size === 0) continue;
    hashes.set(id, hashesOf(own));
    counts.set(id, own.size);
  }
  const result = pairs.result();
  return { copies: yield* copyGroupsSteps(corpus, result), basis: { hashes, counts, pairs: result } };
}

/** The exact shingles of passages that stayed, read again when a hash points at them (kept once read). */
class ShingleReader {
  private readonly read = new Map<string, Set<string>>();

  constructor(private readonly passages: ReadonlyMap<string, Passage>) {}

  shingles(id: string): ReadonlySet<string> {
    let own = this.read.get(id);
    if (!own) {
      own = shinglesOf(this.passages.get(id)!);
      this.read.set(id, own);
    }
    return own;
  }
}

/** Candidates kept per hash while scanning: enough to find MAX + 1 true holders despite a few collisions. */
const CANDIDATES_KEPT = 2 * (MAX_PASSAGES_PER_SHINGLE + 1);

/**
 * The passages among `stayed` that hold each shingle: the exact list, or MANY once more than
 * MAX_PASSAGES_PER_SHINGLE are found. Shingles no passage holds are left out.
 */
function* holdersSteps(
  basis: CopyBasis,
  stayed: readonly Passage[],
  shingles: ReadonlySet<string>,
  read: ShingleReader,
  clock: SliceClock,
): Steps<Map<string, Holders>> {
  const holders = new Map<string, Holders>();
  if (shingles.size === 0) return holders;
  const wanted = new Map<number, string[]>();
  for (const shingle of shingles) {
    const hash = shingleHash(shingle);
    wanted.set(hash, [...(wanted.get(hash) ?? []), shingle]);
  }
  let pending = new Set(wanted.keys());
  let keep = CANDIDATES_KEPT;
  while (pending.size > 0) {
    const candidates = new Map<number, { ids: string[]; seen: number }>();
    for (const passage of stayed) {
      const hashes = basis.hashes.get(passage.id);
      if (hashes) {
        for (const hash of hashes) {
          if (!pending.has(hash)) continue;
          const found = candidates.get(hash) ?? { ids: [], seen: 0 };
          found.seen += 1;
          if (found.ids.length < keep) found.ids.push(passage.id);
          candidates.set(hash, found);
        }
      }
      if (clock.due()) {
        yield;
        clock.restart();
      }
    }
    // A hash whose kept candidates held too few true holders, with more left unread, is read again in full.
    const again = new Set<number>();
    for (const [hash, { ids, seen }] of candidates) {
      for (const shingle of wanted.get(hash)!) {
        const held: string[] = [];
        for (const id of ids) {
          const holds = read.shingles(id).has(shingle);
          yield* clock.tick();
          if (!holds) continue;
          held.push(id);
          if (held.length > MAX_PASSAGES_PER_SHINGLE) break;
        }
        if (held.length > MAX_PASSAGES_PER_SHINGLE) holders.set(shingle, MANY);
        else if (seen > ids.length) again.add(hash);
        else if (held.length > 0) holders.set(shingle, held);
      }
    }
    pending = again;
    keep = Infinity;
  }
  return holders;
}

/** The basis's pairs, copied on write: the sets of the passages a change touches are copied, no other. */
class CopiedPairs {
  private readonly pairs: Map<string, ReadonlySet<string>>;
  private readonly copied = new Set<string>();

  constructor(pairs: ReadonlyMap<string, ReadonlySet<string>>) {
    this.pairs = new Map(pairs);
  }

  private own(id: string): Set<string> {
    let others = this.pairs.get(id) as Set<string> | undefined;
    if (!others || !this.copied.has(id)) {
      others = new Set(others);
      this.copied.add(id);
      this.pairs.set(id, others);
    }
    return others;
  }

  add(one: string, other: string): void {
    this.own(one).add(other);
    this.own(other).add(one);
  }

  drop(one: string, other: string): void {
    if (!this.pairs.get(one)?.has(other)) return;
    this.own(one).delete(other);
    this.own(other).delete(one);
  }

  dropAll(id: string): void {
    for (const other of [...(this.pairs.get(id) ?? [])]) this.drop(id, other);
  }

  result(): ReadonlyMap<string, ReadonlySet<string>> {
    for (const [id, others] of this.pairs) if (others.size === 0) this.pairs.delete(id);
    return this.pairs;
  }
}
