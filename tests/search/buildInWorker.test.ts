import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { AnswerRequest } from '../../src/answer/answerQuestion.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { buildStoryIndexInWorker } from '../../src/search/buildStoryIndexInWorker.ts';
import { SliceAssembler, slicesOf } from '../../src/search/slicedTransfer.ts';
import { buildStoryIndex, storyIndexFromSnapshot, type IndexSnapshot } from '../../src/search/storyIndex.ts';

/** A snapshot as plain data, minisearch's terms in one order. */
function comparable(snapshot: IndexSnapshot): unknown {
  const plain = JSON.parse(JSON.stringify(snapshot)) as { miniSearch: { index: [string, unknown][] } };
  plain.miniSearch.index.sort(([a], [b]) => a.localeCompare(b));
  return plain;
}

describe('building the index on a worker thread', () => {
  it('gives an index that answers every command as the one built in this thread', async () => {
    const corpus = await loadCorpus('corpus');
    let fellBack: unknown;
    const inWorker = await buildStoryIndexInWorker(corpus, (error) => (fellBack = error));
    const here = buildStoryIndex(corpus);

    expect(fellBack).toBeUndefined();
    const requests: AnswerRequest[] = [
      { command: 'who', query: 'Qui a remercié Trump ?', locale: 'fr' },
      { command: 'when', query: 'When did Putin thank Trump?', locale: 'en' },
      { command: 'where', query: 'Où l’attentat était-il prévu ?', locale: 'fr' },
      { command: 'source', query: 'Peskov a salué la coopération avec la CIA', locale: 'fr' },
      { command: 'ask', query: 'Combien de personnes ont été arrêtées ?', locale: 'fr' },
      { command: 'timeline', query: '', locale: 'fr' },
    ];
    for (const request of requests) expect(answerQuestion(inWorker, request)).toEqual(answerQuestion(here, request));
    expect(inWorker.copies.groups).toEqual(here.copies.groups);
    // The worker compiles the TypeScript sources it runs, which takes seconds on a busy machine.
  }, 120_000);

  it('keeps the snapshot it was sent, for the index cache, once, and it is the index’s own', async () => {
    const corpus = await loadCorpus('corpus');
    const inWorker = await buildStoryIndexInWorker(corpus, undefined, { keepSnapshot: true });
    const kept = inWorker.snapshot('fingerprint of the corpus');
    expect(kept.fingerprint).toBe('fingerprint of the corpus');
    // Taken again, it is made afresh from the loaded index, and says the same (its terms may come in
    // another order: minisearch lists them as its tree holds them).
    const fresh = inWorker.snapshot('fingerprint of the corpus');
    expect(fresh).not.toBe(kept);
    expect(comparable(fresh)).toEqual(comparable(kept));
    // Without keepSnapshot nothing is held: a snapshot is always taken afresh.
    const unkept = await buildStoryIndexInWorker(corpus);
    expect(comparable(unkept.snapshot('fingerprint of the corpus'))).toEqual(comparable(kept));
  }, 120_000);
});

describe('an index loaded from a snapshot it keeps', () => {
  it('hands that very snapshot to its first snapshot(), with the fingerprint asked, and no other', async () => {
    const corpus = await loadCorpus('corpus');
    const sent = buildStoryIndex(corpus).snapshot('');
    const loaded = await storyIndexFromSnapshot(corpus, '', sent, { keep: true });
    const first = loaded.snapshot('fingerprint');
    expect(first.miniSearch).toBe(sent.miniSearch);
    expect(first.fingerprint).toBe('fingerprint');
    expect(loaded.snapshot('fingerprint').miniSearch).not.toBe(sent.miniSearch);
    // An index derived from it (with parses) holds no copy.
    const again = await storyIndexFromSnapshot(corpus, '', sent, { keep: true });
    expect(again.withPassageAnalyses(new Map()).snapshot('f').miniSearch).not.toBe(sent.miniSearch);
  });
});

describe('sliced transfer', () => {
  const json = fc.jsonValue({ maxDepth: 2 });
  it('puts back together every JSON value it cuts into slices', () => {
    fc.assert(
      fc.property(
        fc.oneof(json, fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1000, maxLength: 1200 }), bigRecord()),
        (value) => {
          const assembler = new SliceAssembler();
          for (const slice of slicesOf(value)) assembler.add(slice);
          expect(assembler.value).toEqual(JSON.parse(JSON.stringify(value)));
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('cuts a large array into slices of bounded size', () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => [`terme${i}`, { 0: { [i]: 1 } }]);
    const slices = [...slicesOf({ index: terms })];
    expect(slices.length).toBeGreaterThan(2);
    expect(Math.max(...slices.map((slice) => slice.json.length))).toBeLessThan(300 * 1024);
  });
});

/** A record with thousands of keys (minisearch's document ids), which travels as entries. */
function bigRecord() {
  return fc
    .array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer()), { minLength: 1000, maxLength: 1200 })
    .map((entries) => ({ ids: Object.fromEntries(entries), nested: { more: entries.slice(0, 10) } }));
}
