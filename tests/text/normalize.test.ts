import { describe, expect, it } from 'vitest';
import { foldCase } from '../../src/text/normalize.ts';
import { SAMPLE_TEXTS, randomTexts } from './sampleTexts.ts';

describe('foldCase', () => {
  it.each([
    ['l’Élysée', "l'elysee"],
    ['ÉTAT islamique', 'etat islamique'],
    ['Saint-Pétersbourg', 'saint-petersbourg'],
    ['Tsarnaïev', 'tsarnaiev'],
    ['Œuvre', 'oeuvre'],
    ['cœur', 'coeur'],
    ['Ægir', 'aegir'],
    ['aujourd‘hui', "aujourd'hui"],
    ['aujourdʼhui', "aujourd'hui"],
    ["qu'il", "qu'il"],
    ['déjà Noël', 'deja noel'],
    ['ç Ç', 'c c'],
    ['E\u0301tat', 'etat'], // NFD input
    ['Péters\u00ADbourg', 'petersbourg'], // soft hyphen
    ['MOSCOU — Le', 'moscou — le'],
  ])('%s -> %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('is idempotent on seed excerpts and 500 random strings', () => {
    for (const text of [...SAMPLE_TEXTS, ...randomTexts(500, 7)]) {
      const once = foldCase(text);
      expect(foldCase(once), JSON.stringify(text)).toBe(once);
    }
  });
});
