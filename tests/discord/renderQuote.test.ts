import { describe, expect, it } from 'vitest';
import { normaliseHighlights, renderQuote } from '../../src/discord/renderQuote.ts';
import { randomHighlights, randomInt, randomQuote, seededRandom } from './randomText.ts';

/** The raw text a rendered quote shows: block-quote marks, bold marks and escapes taken away. */
function shownText(markdown: string): { text: string; cutBefore: boolean; cutAfter: boolean } {
  const withoutQuoteMarks = markdown
    .split('\n')
    .map((line) => line.replace(/^> /u, ''))
    .join('\n')
    .replaceAll('@\u200B', '@');
  let text = '';
  for (let index = 0; index < withoutQuoteMarks.length; index += 1) {
    const char = withoutQuoteMarks.charAt(index);
    if (char === '\\') {
      text += withoutQuoteMarks.charAt(index + 1);
      index += 1;
    } else if (withoutQuoteMarks.startsWith('**', index)) {
      index += 1;
    } else {
      text += char;
    }
  }
  const cutBefore = text.startsWith('…');
  const cutAfter = text.endsWith('…');
  if (cutBefore) text = text.slice(1);
  if (cutAfter) text = text.slice(0, -1);
  return { text, cutBefore, cutAfter };
}

describe('renderQuote', () => {
  it('marks the words of its sentence that the quote itself leaves out, within the budget', () => {
    expect(renderQuote('a dit Peskov', [], 100, { before: true, after: false })).toBe('> …a dit Peskov');
    expect(renderQuote('a dit Peskov', [], 100, { before: false, after: true })).toBe('> a dit Peskov…');
    const tight = renderQuote('a dit Peskov hier soir', [], 16, { before: true, after: true });
    expect(tight.length).toBeLessThanOrEqual(16);
    expect(tight).toMatch(/^> ….*…$/u);
  });

  it.each([
    ['a plain quote', 'a dit Peskov', [], 100, '> a dit Peskov'],
    ['a highlight in bold', 'a dit Peskov', [{ start: 6, end: 12 }], 100, '> a dit **Peskov**'],
    ['escape first, bold after', 'le *vrai* Peskov', [{ start: 3, end: 9 }], 100, '> le **\\*vrai\\*** Peskov'],
    [
      'touching highlights merge',
      'Vladimir Poutine',
      [
        { start: 0, end: 8 },
        { start: 8, end: 16 },
      ],
      100,
      '> **Vladimir Poutine**',
    ],
    [
      'spans apart only by a space become one',
      'une conversation téléphonique',
      [
        { start: 4, end: 16 },
        { start: 17, end: 29 },
      ],
      100,
      '> une **conversation téléphonique**',
    ],
    ['bold never starts on a space', 'a  Poutine', [{ start: 1, end: 10 }], 100, '> a  **Poutine**'],
    ['bold stops at a line break', 'un\ndeux', [{ start: 0, end: 7 }], 100, '> **un**\n> **deux**'],
    ['out-of-range highlights are clipped', 'Peskov', [{ start: -3, end: 99 }], 100, '> **Peskov**'],
    [
      'a long quote keeps the highlight in view',
      'un deux trois quatre cinq six sept huit',
      [{ start: 21, end: 25 }],
      20,
      '> …**cinq** six…',
    ],
  ])('%s', (_name, quote, highlights, max, expected) => {
    const markdown = renderQuote(quote, highlights, max);
    expect(markdown).toBe(expected);
    expect(markdown.length).toBeLessThanOrEqual(max);
  });

  it('merges overlapping highlights and drops empty ones', () => {
    expect(
      normaliseHighlights('abcdef ghij', [
        { start: 4, end: 2 },
        { start: 0, end: 3 },
        { start: 2, end: 5 },
      ]),
    ).toEqual([{ start: 0, end: 5 }]);
  });

  it('property: any quote, highlights and budget give a window of whole words within the budget', () => {
    const random = seededRandom(20171217);
    for (let run = 0; run < 400; run += 1) {
      const quote = randomQuote(random, randomInt(random, 1, 400));
      const max = randomInt(random, 60, 1100);
      const markdown = renderQuote(quote, randomHighlights(random, quote), max);
      expect(markdown.length).toBeLessThanOrEqual(max);
      const { text, cutBefore, cutAfter } = shownText(markdown);
      const start = quote.indexOf(text);
      expect(start, `${JSON.stringify(text)} is not in ${JSON.stringify(quote)}`).toBeGreaterThanOrEqual(0);
      // The window begins and ends at white space or at the ends of the quote: no word is split.
      if (cutBefore) expect(quote.charAt(start - 1)).toMatch(/\s/u);
      if (cutAfter) expect(quote.charAt(start + text.length)).toMatch(/\s/u);
      if (!cutBefore && !cutAfter) expect(text).toBe(quote);
      // Bold marks (a ** not escaped by an odd run of backslashes) come in pairs.
      expect((markdown.match(/(?<!\\)(?:\\\\)*\*\*/gu) ?? []).length % 2).toBe(0);
    }
  });
});
