import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { AnswerRequest } from '../../src/answer/answerQuestion.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { buildStoryIndexInWorker } from '../../src/search/buildStoryIndexInWorker.ts';
import { SliceAssembler, slicesOf } from '../../src/search/slicedTransfer.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';

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
