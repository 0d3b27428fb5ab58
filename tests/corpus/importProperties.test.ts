/** Whatever the text, stripping boilerplate never throws, never rewrites a word and never loses one unlisted. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '../../src/corpus/stripBoilerplate.ts';

/** Lines mixing article sentences with every kind of furniture the rules know, and random text. */
const line = fc.oneof(
  fc.constantFrom(
    'Le président russe a remercié son homologue américain.',
    'Poutine remercie Trump',
    '© Mikhail Metzel/TASS',
    'Vladimir Poutine au Kremlin, le 14 décembre 2017. © AFP',
    'Par Jean Dupont',
    'Publié le 18/12/2017 à 03:40',
    'Lire aussi : Autre article',
    'Partager sur Facebook',
    'Il vous reste 60 % de cet article à lire.',
    'reuters.com | | 316 mots',
    'Xinhua/VNA/CVN',
    'Texte. (Crédits : Reuters)',
    'Source : TASS',
    'A la Une',
    'Laisser un commentaire',
    '*',
  ),
  fc.string({ maxLength: 120 }),
);

describe('stripBoilerplate on any text', () => {
  it('keeps each paragraph as a raw line or the start of one, and lists everything it took out', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const raw = lines.join('\n');
        const stripped = stripBoilerplate(raw);
        const rawLines = raw.split('\n').map((text) => text.trim());
        for (const paragraph of stripped.body === '' ? [] : stripped.body.split('\n\n')) {
          expect(rawLines.some((text) => text.includes(paragraph))).toBe(true);
        }
        const letters = (text: string) => text.replace(/\s+/gu, '').length;
        expect(letters(stripped.body) + letters(stripped.removed.join(''))).toBe(letters(raw.replace(/^\uFEFF/u, '')));
      }),
      { numRuns: 2000 },
    );
  });
});
