/** The index on a corpus made for each test: what counts as holding a question's word. */
import { describe, expect, it } from 'vitest';
import { corpusOf } from '../support/corpusOf.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';

const textsHolding = (bodies: Record<string, string>, question: string): string[] => {
  const index = buildStoryIndex(corpusOf(bodies));
  const units = index.analyzer.queryUnits(question);
  return index.search({ units, require: 'any' }).map((hit) => hit.passage.text);
};

describe('StoryIndex.search', () => {
  const bodies = {
    a: 'Les enquêteurs ont relevé deux départs de feu.',
    b: 'La ministre doit repartir demain.',
  };

  it('does not match near spellings of a word the corpus writes ("départs" is not "repartir")', () => {
    expect(textsHolding(bodies, 'départs')).toEqual(['Les enquêteurs ont relevé deux départs de feu.']);
  });

  it('matches near spellings of a word no article writes, as a typo', () => {
    expect(textsHolding(bodies, 'enquêteures')).toEqual(['Les enquêteurs ont relevé deux départs de feu.']);
  });
});
