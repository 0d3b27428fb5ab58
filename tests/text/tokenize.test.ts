import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.ts';
import { SAMPLE_TEXTS, randomTexts } from './sampleTexts.ts';

const surfaces = (text: string) => tokenize(text).map((token) => token.surface);
const folded = (text: string) => tokenize(text).map((token) => token.folded);

describe('tokenize', () => {
  it.each([
    ['l’Élysée', ['elysee']],
    ["l'Élysée", ['elysee']],
    ['L’ÉTAT', ['etat']],
    ['d’attentats', ['attentats']],
    ['qu’il', ['il']],
    ["qu'il", ['il']],
    ['jusqu’au', ['au']],
    ["jusqu'au", ['au']],
    ['lorsqu’il puisqu’elle quoiqu’on', ['il', 'elle', 'on']],
    ['j’ai n’est s’il t’a c’est m’a', ['ai', 'est', 'il', 'a', 'est', 'a']],
    ['aujourd’hui', ["aujourd'hui"]],
    ["aujourd'hui", ["aujourd'hui"]],
    ['quelqu’un', ["quelqu'un"]],
    ['presqu’île', ["presqu'ile"]],
    ['Putin’s call', ['putin', 's', 'call']],
    ['Tsarnaïev été', ['tsarnaiev', 'ete']],
    ['E\u0301tat', ['etat']],
    ['Saint-Pétersbourg', ['saint-petersbourg']],
    ['Saint‑Pétersbourg', ['saint-petersbourg']], // non-breaking hyphen
    ['13–14 décembre', ['13-14', 'decembre']], // en dash between digits
    ['Notre-Dame-de-Kazan', ['notre-dame-de-kazan']],
    ['a-t-il', ['a-t-il']],
    ['l’ex-KGB', ['ex-kgb']],
    ['c’est-à-dire', ['est-a-dire']],
    ['MOSCOU — Le président', ['moscou', 'le', 'president']],
    ['MOSCOU - Le', ['moscou', 'le']],
    ['coopération ‘américano’-russe', ['cooperation', 'americano', 'russe']],
    ['son homologue ‘américain’ Donald', ['son', 'homologue', 'americain', 'donald']],
    ['«Les contacts»', ['les', 'contacts']],
    ['Loi 78-17 du 6 janvier', ['loi', '78-17', 'du', '6', 'janvier']],
    ['le 1er et le 18e', ['le', '1er', 'et', 'le', '18e']],
    ['- tiret -', ['tiret']],
    ['mot-', ['mot']],
    ['', []],
  ])('%s -> %j', (text, expected) => {
    expect(folded(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Selon l’agence, à Saint-Pétersbourg — hier.';
    for (const token of tokenize(text)) {
      expect(text.slice(token.start, token.end)).toBe(token.surface);
      for (const part of token.parts) expect(text.slice(part.start, part.end)).toBe(part.surface);
    }
    expect(surfaces(text)).toEqual(['Selon', 'agence', 'à', 'Saint-Pétersbourg', 'hier']);
  });

  it('gives a compound one part per word and a plain word a single part', () => {
    const [compound, plain] = tokenize('Saint-Pétersbourg frappée');
    expect(compound?.parts.map((part) => [part.surface, part.folded])).toEqual([
      ['Saint', 'saint'],
      ['Pétersbourg', 'petersbourg'],
    ]);
    expect(plain?.parts).toEqual([{ surface: 'frappée', start: 18, end: 25, folded: 'frappee' }]);
  });

  it('slices every token and part verbatim out of seed excerpts and random strings', () => {
    for (const text of [...SAMPLE_TEXTS, ...randomTexts(500, 11)]) {
      for (const token of tokenize(text)) {
        expect(text.slice(token.start, token.end), JSON.stringify(text)).toBe(token.surface);
        expect(token.parts.length).toBeGreaterThan(0);
        for (const part of token.parts) expect(text.slice(part.start, part.end)).toBe(part.surface);
      }
    }
  });
});
