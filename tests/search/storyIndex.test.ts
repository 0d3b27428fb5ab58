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

describe('StoryIndex.searchWithUnits with a limit', () => {
  const index = buildStoryIndex(
    corpusOf({
      a: 'Le préfet a visité le port.',
      b: 'Le préfet a visité le port et la digue.',
      c: 'La digue a cédé.',
      d: 'Le maire a visité la digue.',
    }),
  );
  const units = index.analyzer.queryUnits('préfet port digue');

  it('keeps the passages holding the most of the question, and still knows every unit found', () => {
    const { hits, unitsFound } = index.searchWithUnits({ units, require: 'any', limit: 1 });
    expect(hits.map((hit) => hit.passage.articleId)).toEqual(['b']);
    expect(unitsFound).toEqual(new Set([0, 1, 2]));
    // Without a limit, every passage holding a unit.
    expect(index.searchWithUnits({ units, require: 'any' }).hits).toHaveLength(4);
  });

  it('keeps a unit found only in passages past the limit among the units found', () => {
    const onlyLate = index.analyzer.queryUnits('préfet port maire');
    const { hits, unitsFound } = index.searchWithUnits({ units: onlyLate, require: 'any', limit: 2 });
    expect(hits.map((hit) => hit.passage.articleId).sort()).toEqual(['a', 'b']);
    expect(unitsFound.has(2)).toBe(true);
  });
});
