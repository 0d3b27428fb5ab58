/** Kept term spans are the analyzer's own, and only so many passages keep them. */
import { describe, expect, it } from 'vitest';
import { KEPT_PASSAGE_SPANS, passageTermSpans } from '../../src/answer/passageTermSpans.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { corpusOf } from '../support/corpusOf.ts';

describe('passageTermSpans', () => {
  const bodies = Object.fromEntries(
    Array.from({ length: KEPT_PASSAGE_SPANS + 1 }, (_, i) => [`a${i}`, `Le préfet a visité le port ${i} fois.`]),
  );
  const index = buildStoryIndex(corpusOf(bodies));
  const [first, ...others] = index.corpus.passages;

  it("gives the analyzer's spans, and the same ones when the passage is read again", () => {
    const spans = passageTermSpans(index, first!);
    expect(spans).toEqual(index.analyzer.termSpans(first!.text));
    expect(passageTermSpans(index, first!)).toBe(spans);
  });

  it('forgets the passage read longest ago once more passages are read than it keeps', () => {
    const spans = passageTermSpans(index, first!);
    for (const passage of others) passageTermSpans(index, passage);
    const again = passageTermSpans(index, first!);
    expect(again).not.toBe(spans);
    expect(again).toEqual(spans);
  });
});
