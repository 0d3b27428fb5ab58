/** Quotes are slices of the passage; a long sentence is quoted around what it is cited for. */
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_LENGTH, quoteSpan } from '../../src/answer/quotes.ts';

const filler = (words: number) => Array.from({ length: words }, (_, i) => `mot${i}`).join(' ');

describe('quoteSpan', () => {
  it('quotes a short sentence whole, and says nothing of it is left out', () => {
    const text = 'Première phrase. Le Kremlin a remercié la CIA pour son information, dimanche soir. Dernière phrase.';
    const anchor = text.indexOf('CIA');
    const span = quoteSpan(text, { start: anchor, end: anchor + 3 });
    expect(text.slice(span.start, span.end)).toBe('Le Kremlin a remercié la CIA pour son information, dimanche soir.');
    expect(span.cut).toEqual({ before: false, after: false });
  });

  it('says which ends of a long sentence the quote leaves out', () => {
    const text = `Au début ${filler(60)} la CIA ${filler(60)} à la fin.`;
    const anchor = text.indexOf('CIA');
    const span = quoteSpan(text, { start: anchor, end: anchor + 3 });
    expect(span.end - span.start).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(text.slice(span.start, span.end)).toContain('CIA');
    expect(span.cut).toEqual({ before: true, after: true });
  });

  it('leaves out only the end when what is cited opens the sentence', () => {
    const text = `La CIA a prévenu ${filler(100)} à la fin.`;
    const span = quoteSpan(text, { start: 3, end: 6 });
    expect(span.start).toBe(0);
    expect(span.cut).toEqual({ before: false, after: true });
  });
});
