/**
 * Finds passages that carry the same text in several articles: wire copy and reprints. A copy is not a
 * second confirmation, so answers count each group once and name the other outlets as "also carried by".
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { runCooperatively, runToEnd, type Steps } from '../text/cooperative.ts';
import { tokenize } from '../text/tokenize.ts';

/** Words per shingle: long enough that two independent reports rarely share one. */
const SHINGLE_WORDS = 4;
/** Shorter passages (a dateline, a one-line quote) are too short to call copies. */
const MIN_WORDS = 10;
/**
 * A shingle in more passages than this is a stock phrase ("a déclaré le porte-parole du"), not evidence
 * of copying; skipping it also keeps the pairing linear on large corpora.
 */
const MAX_PASSAGES_PER_SHINGLE = 40;
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

function shinglesOf(passage: Passage): Set<string> {
  const words = tokenize(passage.text).map((token) => token.folded);
  const shingles = new Set<string>();
  if (words.length < MIN_WORDS) return shingles;
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    shingles.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return shingles;
}

function publishedFirst(a: Article, b: Article): number {
  return a.published.iso.localeCompare(b.published.iso) || a.path.localeCompare(b.path);
}

export function findCopies(corpus: Corpus): CopyGroups {
  return runToEnd(copySteps(corpus));
}

/** findCopies, yielding to the event loop as it goes. */
export function findCopiesAsync(corpus: Corpus): Promise<CopyGroups> {
  return runCooperatively(copySteps(corpus));
}

/** Passages handled between two yields. */
const PASSAGES_PER_STEP = 1000;

function* copySteps(corpus: Corpus): Steps<CopyGroups> {
  const articles = new Map(corpus.articles.map((article) => [article.id, article]));
  const shingles = new Map<string, Set<string>>();
  const passagesWithShingle = new Map<string, string[]>();
  for (const [position, passage] of corpus.passages.entries()) {
    if (position % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
    const own = shinglesOf(passage);
    shingles.set(passage.id, own);
    for (const shingle of own) {
      const list = passagesWithShingle.get(shingle) ?? [];
      list.push(passage.id);
      passagesWithShingle.set(shingle, list);
    }
  }

  // Union-find over passages that are near-identical and belong to different articles.
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  for (const [position, passage] of corpus.passages.entries()) {
    if (position % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
    const own = shingles.get(passage.id)!;
    if (own.size === 0) continue;
    const shared = new Map<string, number>();
    for (const shingle of own) {
      const holders = passagesWithShingle.get(shingle) ?? [];
      if (holders.length > MAX_PASSAGES_PER_SHINGLE) continue;
      for (const other of holders) {
        if (other <= passage.id) continue;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    for (const [otherId, count] of shared) {
      const other = passageById.get(otherId)!;
      if (other.articleId === passage.articleId) continue;
      const smaller = Math.min(own.size, shingles.get(otherId)!.size);
      if (count / smaller >= MIN_CONTAINMENT) parent.set(find(otherId), find(passage.id));
    }
  }

  const members = new Map<string, string[]>();
  for (const passage of corpus.passages) {
    if (!parent.has(passage.id)) continue;
    const root = find(passage.id);
    const list = members.get(root) ?? [];
    list.push(passage.id);
    members.set(root, list);
  }
  const groups: string[][] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    groups.push(
      [...group].sort((a, b) =>
        publishedFirst(articles.get(passageById.get(a)!.articleId)!, articles.get(passageById.get(b)!.articleId)!),
      ),
    );
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
