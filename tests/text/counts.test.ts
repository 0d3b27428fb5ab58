import { describe, expect, it } from 'vitest';
import { extractCounts } from '../../src/text/counts.ts';

/** Each count as `surface=value:noun`. */
const counts = (text: string): string[] => extractCounts(text).map((c) => `${c.surface}=${c.value}:${c.noun}`);

describe('extractCounts on the seed articles', () => {
  it.each<[string, string[]]>([
    ['Les 13 et 14 décembre, 7 membres d’une cellule terroristes ont été arrêtés', ['7 membres=7:membres']],
    ['pour avoir détenu à Saint-Pétersbourg sept membres d’une cellule terroriste', ['sept membres=7:membres']],
    [
      'L’agence de presse Tass indique que deux ressortissants russes ont été arrêtés',
      ['deux ressortissants=2:ressortissants'],
    ],
    ['a indiqué avoir interpellé 7 individus d’une cellule terroriste', ['7 individus=7:individus']],
    ['la deuxième des deux leaders en trois jours', ['deux leaders=2:leaders', 'trois jours=3:jours']],
    ['Conformément à l’article 38 de la Loi 78-17 du 6 janvier 1978 modifiée', []],
    ['Le FSB a déclaré la détention le 15 décembre.', []],
    ['a annexé la péninsule de Crimée à l’Ukraine voisine en 2014.', []],
    ['à l’exception de l’un d’entre eux', []],
    ['Poutine et Trump ont eu deux conversations téléphoniques', ['deux conversations=2:conversations']],
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });
});

describe('extractCounts on another story (a flood in Valence, written for these tests)', () => {
  it.each<[string, string[]]>([
    ['Les 29 et 30 octobre, 12 villages ont été inondés', ['12 villages=12:villages']],
    [
      'douze villages et quatre-vingt-dix blessés',
      ['douze villages=12:villages', 'quatre-vingt-dix blessés=90:blesses'],
    ],
    ['vingt et un morts et trois autres disparus', ['vingt et un morts=21:morts', 'trois autres disparus=3:disparus']],
    [
      'plus de 1 500 habitants évacués et 2000 pompiers',
      ['1 500 habitants=1500:habitants', '2000 pompiers=2000:pompiers'],
    ],
    [
      '1,5 million de sinistrés et deux millions d’euros',
      ['1,5 million de sinistrés=1500000:sinistres', 'deux millions d’euros=2000000:euros'],
    ],
    ['deux Espagnols et une Française', ['deux Espagnols=2:espagnols']],
    ['la digue a cédé à 7 heures, puis 24 heures plus tard', ['24 heures=24:heures']],
    ['le décret 2024-1234, l’article 12 alinéa 3, le n° 45 des listes', []],
    ['pour la 2e fois, le 3ème jour, un mort et une victime', []],
    ['depuis 1957 aucune crue, en 2024 les pluies', []],
    ['le 2 novembre et 12/11', []],
    ['sept, huit ou neuf bateaux', ['neuf bateaux=9:bateaux']],
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it('gives offsets that slice back to the surface', () => {
    const text = 'Au total, 7 membres puis deux ressortissants russes.';
    for (const c of extractCounts(text)) expect(text.slice(c.start, c.end)).toBe(c.surface);
  });
});
