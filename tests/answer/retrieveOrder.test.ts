/** The order of the passages a question retrieves: the first is the one quoted. */
import { describe, expect, it } from 'vitest';
import { retrieve } from '../../src/answer/retrieve.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { corpusOf } from '../support/corpusOf.ts';

describe('retrieve', () => {
  it('puts a passage that states the question in its own words before one that leans on the sentence before it', () => {
    const index = buildStoryIndex(
      corpusOf({
        a: 'Les pompiers du silo ont longtemps lutté contre les flammes.\n\nLe maire les a salués, ainsi que les pompiers.',
        b: 'Dans la soirée, au terme d’une longue journée, le maire Paul Durand a salué les pompiers qui ont défendu le silo du port toute la nuit.',
      }),
    );
    const hits = retrieve(index, 'Qui a salué les pompiers du silo ?').hits;
    expect(hits[0]?.passage.articleId).toBe('b');
  });
});
