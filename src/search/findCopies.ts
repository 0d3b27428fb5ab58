/**
 * Finds passages that carry the same text in several articles: wire copy and reprints. A copy is not a
 * second confirmation, so answers count each group once and name the other outlets as "also carried by".
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { runToEnd, SliceClock, type Steps } from '../text/cooperative.ts';
import { tokenize } from '../text/tokenize.ts';

/** Words per shingle: long enough that two independent reports rarely share one. */
const SHINGLE_WORDS = 4;
/** Shorter passages (a dateline, a one-line quote) are too short to call copies. */
const MIN_WORDS = 10;
/**
 * A shingle in more passages than this is a stock phrase ("a déclaré le porte-parole du"), not evidence
 * of copying; skipping it also keeps the pairing linear on large corpora.
 */
export const MAX_PASSAGES_PER_SHINGLE = 40;
/** Share of the shorter passage's shingles found in the other for the two to count as one text. */
const MIN_CONTAINMENT = 0.6;

export interface CopyGroups {
  /** The passage the others copy: the one from the earliest article (itself when it has no copies). */
  originalOf(passageId: string): string;
  /** The other passages of its group, in other articles. */
  copiesOf(passageId: string): readonly string[];
  /** Every group of two or more passages, the original first: all the rest derives from it. */
  readonly groups: readonly (readonly string[])[];
}

/**
 * What finding copies computed, kept so that the copies of a changed corpus are found from its changes
 * (changedCopies.ts): each passage's shingles, hashed (a few bytes each, where the strings would take
 * hundreds of megabytes at 10,000 articles), and the pairs found near-identical. Never changed once made.
 */
export interface CopyBasis {
  /** Each passage's distinct shingles, hashed, sorted, without repeats; only passages of MIN_WORDS words or more. */
  readonly hashes: ReadonlyMap<string, Uint32Array>;
  /** How many distinct shingles each of those passages has (two may share a hash). */
  readonly counts: ReadonlyMap<string, number>;
  /** The pairs of passages found near-identical, each passage listing the others. */
  readonly pairs: ReadonlyMap<string, ReadonlySet<string>>;
}

export function shinglesOf(passage: Passage): Set<string> {
  const words = tokenize(passage.text).map((token) => token.folded);
  const shingles = new Set<string>();
  if (words.length < MIN_WORDS) return shingles;
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    shingles.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return shingles;
}

/** FNV-1a over the UTF-16 code units: a shingle's hash, which only points at passages to check. */
export function shingleHash(shingle: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < shingle.length; i++) {
    hash ^= shingle.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hashes of a passage's shingles, sorted, without repeats. */
export function hashesOf(shingles: ReadonlySet<string>): Uint32Array {
  const hashes = Uint32Array.from(shingles, shingleHash).sort();
  let kept = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[kept - 1]) hashes[kept++] = hashes[i]!;
  return hashes.slice(0, kept);
}

/**
 * Whether two passages of different articles carry one text: the share of the shorter one's shingles
 * found in the other, counting only shingles that are not stock phrases.
 */
export function nearIdentical(shared: number, shingles: number, otherShingles: number): boolean {
  return shared / Math.min(shingles, otherShingles) >= MIN_CONTAINMENT;
}

function publishedFirst(a: Article, b: Article): number {
  return a.published.iso.localeCompare(b.published.iso) || a.path.localeCompare(b.path);
}

export function findCopies(corpus: Corpus): CopyGroups {
  return runToEnd(copySteps(corpus, false)).copies;
}

/** Maps the shingles of a corpus are spread over, by hash. */
const SHINGLE_MAPS = 256;

/** The copies of a corpus and what finding them computed (see CopyBasis). */
export function copyBasisSteps(corpus: Corpus): Steps<{ readonly copies: CopyGroups; readonly basis: CopyBasis }> {
  return copySteps(corpus, true);
}

function* copySteps(
  corpus: Corpus,
  keepBasis: boolean,
): Steps<{ readonly copies: CopyGroups; readonly basis: CopyBasis }> {
  const shingles = new Map<string, Set<string>>();
  const hashes = new Map<string, Uint32Array>();
  const counts = new Map<string, number>();
  // Millions of shingles at 10,000 articles: one Map would grow by copying a million entries at once, a
  // pause of tens of milliseconds; spread over many, each grows in a small step.
  const passagesWithShingle = Array.from({ length: SHINGLE_MAPS }, () => new Map<string, string[]>());
  const holdersOf = (shingle: string) => passagesWithShingle[shingleHash(shingle) % SHINGLE_MAPS]!;
  const clock = new SliceClock();
  for (const passage of corpus.passages) {
    yield* clock.tick();
    const own = shinglesOf(passage);
    shingles.set(passage.id, own);
    if (keepBasis && own.size > 0) {
      hashes.set(passage.id, hashesOf(own));
      counts.set(passage.id, own.size);
    }
    for (const shingle of own) {
      const map = holdersOf(shingle);
      const list = map.get(shingle);
      if (list) list.push(passage.id);
      else map.set(shingle, [passage.id]);
    }
  }

  const pairs = new Map<string, Set<string>>();
  const pair = (a: string, b: string) => {
    for (const [one, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const others = pairs.get(one) ?? new Set<string>();
      others.add(other);
      pairs.set(one, others);
    }
  };
  const passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  for (const passage of corpus.passages) {
    yield* clock.tick();
    const own = shingles.get(passage.id)!;
    if (own.size === 0) continue;
    const shared = new Map<string, number>();
    for (const shingle of own) {
      const holders = holdersOf(shingle).get(shingle) ?? [];
      if (holders.length > MAX_PASSAGES_PER_SHINGLE) continue;
      for (const other of holders) {
        if (other <= passage.id) continue;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    for (const [otherId, count] of shared) {
      const other = passageById.get(otherId)!;
      if (other.articleId === passage.articleId) continue;
      if (nearIdentical(count, own.size, shingles.get(otherId)!.size)) pair(passage.id, otherId);
    }
  }
  return { copies: yield* copyGroupsSteps(corpus, pairs), basis: { hashes, counts, pairs } };
}

/**
 * The groups the pairs make (passages linked by a chain of pairs are one text), in the order of their
 * first passage in the corpus, each listed in corpus order, then from the earliest article. A slice at
 * a time.
 */
export function* copyGroupsSteps(corpus: Corpus, pairs: ReadonlyMap<string, ReadonlySet<string>>): Steps<CopyGroups> {
  const clock = new SliceClock();
  const articles = new Map<string, Article>();
  for (const article of corpus.articles) {
    articles.set(article.id, article);
    yield* clock.tick();
  }
  const paired = new Map<string, { readonly position: number; readonly article: Article }>();
  for (const [position, passage] of corpus.passages.entries()) {
    if (pairs.has(passage.id)) paired.set(passage.id, { position, article: articles.get(passage.articleId)! });
    yield* clock.tick();
  }
  const grouped = new Set<string>();
  const groups: string[][] = [];
  for (const id of paired.keys()) {
    if (grouped.has(id)) continue;
    const group = [id];
    grouped.add(id);
    for (let next = 0; next < group.length; next++) {
      for (const other of pairs.get(group[next]!) ?? []) {
        if (grouped.has(other)) continue;
        grouped.add(other);
        group.push(other);
      }
    }
    const at = (passageId: string) => paired.get(passageId)!;
    group.sort((a, b) => at(a).position - at(b).position);
    group.sort((a, b) => publishedFirst(at(a).article, at(b).article));
    groups.push(group);
    yield* clock.tick();
  }
  return copyGroupsFrom(groups);
}

/** Copy groups from their lists of passage ids, each with its original first (e.g. read from a cache). */
export function copyGroupsFrom(groups: readonly (readonly string[])[]): CopyGroups {
  const groupOf = new Map<string, readonly string[]>();
  for (const group of groups) for (const id of group) groupOf.set(id, group);
  return {
    groups,
    originalOf: (passageId) => groupOf.get(passageId)?.[0] ?? passageId,
    copiesOf: (passageId) => (groupOf.get(passageId) ?? []).filter((id) => id !== passageId),
  };
}
