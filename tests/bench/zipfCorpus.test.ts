/**
 * The bench's Zipf corpus is only worth its figures if it is the same on every run and shaped like news:
 * these check that, not any timing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealText, OUTLETS, type RealText } from '../../bench/syntheticCorpus.ts';
import { PARAGRAPHS_PER_ARTICLE, zipfCorpus } from '../../bench/zipfCorpus.ts';
import type { Corpus } from '../../src/corpus/types.ts';

let realText: RealText;
beforeAll(async () => {
  realText = await loadRealText();
});

const generate = (articleCount: number, seed = 7): Corpus =>
  zipfCorpus({ realParagraphs: realText.paragraphs, aliases: realText.aliases, outlets: OUTLETS, articleCount, seed });

/** Distinct lower-case words of a corpus's passages. */
const vocabularyOf = (corpus: Corpus): Set<string> =>
  new Set(corpus.passages.flatMap((passage) => passage.text.toLowerCase().match(/\p{L}+/gu) ?? []));

describe('the Zipf bench corpus', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const once = generate(30);
    expect(generate(30)).toEqual(once);
    expect(generate(30, 8).articles.map((article) => article.body)).not.toEqual(
      once.articles.map((article) => article.body),
    );
  });

  it('has the articles asked for, each with about six non-empty passages', () => {
    const corpus = generate(50);
    expect(corpus.articles).toHaveLength(50);
    expect(new Set(corpus.articles.map((article) => article.id)).size).toBe(50);
    expect(corpus.passages.length).toBeGreaterThanOrEqual(50 * PARAGRAPHS_PER_ARTICLE);
    expect(corpus.passages.length).toBeLessThan(50 * PARAGRAPHS_PER_ARTICLE * 2);
    expect(corpus.passages.every((passage) => passage.text.trim() !== '')).toBe(true);
    expect(corpus.articles.every((article) => article.title !== '' && OUTLETS.includes(article.outlet))).toBe(true);
  });

  it('mixes real paragraphs in with generated ones', () => {
    const real = new Set(realText.paragraphs);
    const passages = generate(50).passages;
    const realShare = passages.filter((passage) => real.has(passage.text)).length / passages.length;
    expect(realShare).toBeGreaterThan(0.1);
    expect(realShare).toBeLessThan(0.5);
  });

  it('has a vocabulary that keeps growing with the corpus, as news does', () => {
    const small = vocabularyOf(generate(50)).size;
    const large = vocabularyOf(generate(400)).size;
    // Heaps' law: more words, but fewer than in proportion to the corpus.
    expect(large).toBeGreaterThan(small * 2);
    expect(large).toBeLessThan(small * 8);
  });

  it('uses a few words very often and most words rarely', () => {
    const uses = new Map<string, number>();
    for (const passage of generate(200).passages) {
      for (const word of passage.text.toLowerCase().match(/\p{L}+/gu) ?? []) uses.set(word, (uses.get(word) ?? 0) + 1);
    }
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(20 * counts[99]!);
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(counts.length / 3);
  });
});
