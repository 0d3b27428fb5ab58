/** Copies found from a corpus's changes are the copies findCopies finds in the changed corpus. */
import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { changedCopiesSteps } from '../../src/search/changedCopies.ts';
import { copyBasisSteps, MAX_PASSAGES_PER_SHINGLE } from '../../src/search/findCopies.ts';
import { runToEnd } from '../../src/text/cooperative.ts';
import { corpusOf } from '../support/corpusOf.ts';

/** The change between two corpora as the index sees it: passages of articles gone, new or edited. */
function changeBetween(before: Corpus, after: Corpus): { removed: Passage[]; added: Passage[] } {
  const bodyBefore = new Map(before.articles.map((article) => [article.id, article.body]));
  const bodyAfter = new Map(after.articles.map((article) => [article.id, article.body]));
  return {
    removed: before.passages.filter(
      (passage) => bodyAfter.get(passage.articleId) !== bodyBefore.get(passage.articleId),
    ),
    added: after.passages.filter((passage) => bodyAfter.get(passage.articleId) !== bodyBefore.get(passage.articleId)),
  };
}

function expectSameCopies(before: Corpus, after: Corpus): void {
  const { basis } = runToEnd(copyBasisSteps(before));
  const changed = runToEnd(changedCopiesSteps(basis, after, changeBetween(before, after)));
  const full = runToEnd(copyBasisSteps(after));
  expect(changed.copies.groups).toEqual(full.copies.groups);
  const sorted = (pairs: ReadonlyMap<string, ReadonlySet<string>>) =>
    [...pairs].map(([id, others]) => [id, [...others].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b)));
  expect(sorted(changed.basis.pairs)).toEqual(sorted(full.basis.pairs));
  expect(new Map(changed.basis.counts)).toEqual(new Map(full.basis.counts));
  expect(new Map(changed.basis.hashes)).toEqual(new Map(full.basis.hashes));
}

/** A fixed pseudo-random sequence (a 32-bit LCG), so that every run tries the same corpora. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS =
  'le la les un une des port digue maire préfet enquête feu silo navire quai ville conseil juge témoin'.split(' ');

/** Sentences of twelve words, for passages to share. */
function sentencePool(next: () => number): string[] {
  return Array.from({ length: 12 }, () =>
    Array.from({ length: 12 }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' '),
  );
}

function randomBody(next: () => number, pool: readonly string[]): string {
  const paragraphs = 1 + Math.floor(next() * 3);
  return Array.from({ length: paragraphs }, () => {
    // The first sentence is in about as many passages as a shingle may be held by and still count, so
    // that changes push its shingles across that line.
    const pick = () => (next() < 0.27 ? pool[0]! : pool[1 + Math.floor(next() * (pool.length - 1))]!);
    return next() < 0.3 ? `${pick()} ${pick()}.` : `${pick()}.`;
  }).join('\n\n');
}

describe('changedCopiesSteps', () => {
  it('finds the reprints of the reprint corpus after articles go, come back and change', async () => {
    const corpus = await loadCorpus('tests/fixtures/reprint-corpus');
    expect(corpus.articles.length).toBeGreaterThan(2);
    const without = {
      ...corpus,
      articles: corpus.articles.slice(1),
      passages: corpus.passages.filter((p) => p.articleId !== corpus.articles[0]!.id),
    };
    expectSameCopies(corpus, without);
    expectSameCopies(without, corpus);
    const first = corpus.articles[0]!;
    const edited = corpusOf(
      Object.fromEntries(
        corpus.articles.map((article) => [
          article.id,
          article === first
            ? `${article.body}\n\nUn paragraphe ajouté par la rédaction pour la suite de l’enquête.`
            : article.body,
        ]),
      ),
    );
    expectSameCopies(
      corpusOf(Object.fromEntries(corpus.articles.map((article) => [article.id, article.body]))),
      edited,
    );
  });

  it('drops and makes pairs of passages that stayed when a shared shingle crosses the stock-phrase line', () => {
    const stock = 'le maire a visité le port et la digue avec le préfet ce matin';
    const bodies = Object.fromEntries(
      Array.from({ length: MAX_PASSAGES_PER_SHINGLE }, (_, i) => [`a${String(i).padStart(2, '0')}`, `${stock}.`]),
    );
    const at = corpusOf(bodies);
    const over = corpusOf({ ...bodies, extra: `${stock}.` });
    expect(runToEnd(copyBasisSteps(at)).copies.groups).toHaveLength(1);
    expect(runToEnd(copyBasisSteps(over)).copies.groups).toHaveLength(0);
    expectSameCopies(at, over);
    expectSameCopies(over, at);
  });

  it('agrees with findCopies on random corpora and random changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const pool = sentencePool(next);
      const bodies: Record<string, string> = {};
      for (let i = 0; i < 60; i++) bodies[`article-${i}`] = randomBody(next, pool);
      const changed: Record<string, string> = { ...bodies };
      for (let i = 0; i < 6; i++) {
        const id = `article-${Math.floor(next() * 60)}`;
        const roll = next();
        if (roll < 0.33) delete changed[id];
        else if (roll < 0.66) changed[id] = randomBody(next, pool);
        else changed[`new-${seed}-${i}`] = randomBody(next, pool);
      }
      expectSameCopies(corpusOf(bodies), corpusOf(changed));
    }
  });
});
