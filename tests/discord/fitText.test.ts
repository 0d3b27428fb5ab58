import { describe, expect, it } from 'vitest';
import { fitRendered, truncateAtWord } from '../../src/discord/fitText.ts';
import { escapeMarkdown } from '../../src/discord/escapeMarkdown.ts';

describe('truncateAtWord', () => {
  it.each([
    ['short text stays', 'Vladimir Poutine', 50, 'Vladimir Poutine'],
    ['exact fit stays', 'Vladimir Poutine', 16, 'Vladimir Poutine'],
    ['cuts at the last space that fits', 'Vladimir Poutine a remercié', 20, 'Vladimir Poutine a…'],
    ['never inside a word', 'Saint-Pétersbourg est loin', 20, 'Saint-Pétersbourg…'],
    ['a cut after a space drops the space', 'un deux trois', 9, 'un deux…'],
    ['a single long word is cut, ellipsis included', 'anticonstitutionnellement', 10, 'anticonst…'],
    ['never splits a surrogate pair', '😀😀😀😀', 4, '😀…'],
    ['limit of one', 'abc def', 1, '…'],
    ['limit of zero', 'abc', 0, ''],
  ])('%s', (_name, text, max, expected) => {
    const result = truncateAtWord(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });
});

describe('fitRendered', () => {
  it('shortens the raw words until the escaped text fits', () => {
    const raw = '**a** **b** **c** **d**';
    const fitted = fitRendered(raw, 20, escapeMarkdown);
    expect(fitted.length).toBeLessThanOrEqual(20);
    expect(fitted).toBe('\\*\\*a\\*\\* \\*\\*b\\*\\*…');
  });

  it('keeps text that fits untouched', () => {
    expect(fitRendered('Peskov', 20, escapeMarkdown)).toBe('Peskov');
  });
});
