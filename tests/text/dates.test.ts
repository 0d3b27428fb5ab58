import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../src/corpus/types.ts';
import { extractDates, formatDateLabel, monthsWithYearIn } from '../../src/text/dates.ts';

const day = (iso: string): PartialDate => ({ iso, precision: 'day' });
const month = (iso: string): PartialDate => ({ iso, precision: 'month' });
const year = (iso: string): PartialDate => ({ iso, precision: 'year' });

/** Each mention as `surface=iso[..until]`, with `~` when the publication date supplied part of it. */
function dates(text: string, published: PartialDate): string[] {
  return extractDates(text, published).map(
    (m) => `${m.surface}=${m.date.iso}${m.until ? `..${m.until.iso}` : ''}${m.relative ? '~' : ''}`,
  );
}

describe('extractDates on the seed articles', () => {
  it.each<[string, PartialDate, string[]]>([
    [
      'Les 13 et 14 décembre, 7 membres d’une cellule terroristes ont été arrêtés',
      day('2017-12-18'),
      ['13 et 14 décembre=2017-12-13..2017-12-14~'],
    ],
    [
      'a téléphoné à son homologue américain, Donald Trump, dimanche afin de le remercier',
      month('2017-12'),
      ['dimanche=2017-12~'],
    ],
    ['depuis jeudi, jour où M. Trump a téléphoné à M. Poutine', month('2017-12'), ['jeudi=2017-12~']],
    [
      'Vladimir Poutine a exprimé sa gratitude à Donald Trump ce dimanche, selon le Kremlin.',
      day('2017-12-18'),
      ['ce dimanche=2017-12-17~'],
    ],
    ['notre Président a transmise hier au Président Trump', day('2017-12-18'), ['hier=2017-12-17~']],
    ['Le 17 décembre, Vladimir Poutine a remercié son homologue', day('2017-12-18'), ['17 décembre=2017-12-17~']],
    [
      'MOSCOU, 18 décembre. Les informations de la Central Intelligence Agency',
      day('2017-12-18'),
      ['18 décembre=2017-12-18~'],
    ],
    [
      'Le vendredi 15 décembre, ils ont, selon le Kremlin, discuté',
      day('2017-12-18'),
      ['vendredi 15 décembre=2017-12-15~'],
    ],
    [
      'Le dimanche 17 décembre, les deux dirigeants ont encore parlé',
      day('2017-12-18'),
      ['dimanche 17 décembre=2017-12-17~'],
    ],
    [
      'Ce 18 décembre, le porte-parole du Kremlin, Dmitri Peskov, est revenu',
      day('2017-12-18'),
      ['18 décembre=2017-12-18~'],
    ],
    ['Le FSB a déclaré la détention le 15 décembre.', day('2017-12-18'), ['15 décembre=2017-12-15~']],
    [
      'des sympathisants de Daech qui préparaient un attentat terroriste le 16 décembre.',
      day('2017-12-18'),
      ['16 décembre=2017-12-16~'],
    ],
    ['En mars 2011, les services russes avaient en effet prévenu', day('2017-12-18'), ['mars 2011=2011-03']],
    [
      'l’attentat commis lors du marathon de Boston, le 15 avril 2013.',
      day('2017-12-18'),
      ['15 avril 2013=2013-04-15'],
    ],
    ['a annexé la péninsule de Crimée à l’Ukraine voisine en 2014.', day('2020-01-05'), ['2014=2014']],
    ['lors de l’élection présidentielle de 2016.', day('2020-01-05'), ['2016=2016']],
    ['qu’elle reconstruirait l’entrepôt d’ici 2025.', day('2023-03-16'), ['2025=2025']],
    ['un port modernisé à l’horizon 2030', day('2023-03-16'), ['2030=2030']],
    [
      'M. Poutine et M. Trump ont parlé au téléphone ce dimanche 29 décembre, a-t-il ajouté.',
      day('2020-01-05'),
      ['ce dimanche 29 décembre=2019-12-29~'],
    ],
    ['En décembre 2017, M. Poutine a remercié M. Trump', day('2020-01-05'), ['décembre 2017=2017-12']],
    [
      'Conformément à l’article 38 de la Loi 78-17 du 6 janvier 1978 modifiée',
      day('2017-12-18'),
      ['6 janvier 1978=1978-01-06'],
    ],
    ['la deuxième des deux leaders en trois jours, M. Poutine', month('2017-12'), []],
  ])('%s (published %o)', (text, published, expected) => {
    expect(dates(text, published)).toEqual(expected);
  });
});

describe('extractDates on another story (a flood in Valence, written for these tests)', () => {
  it.each<[string, PartialDate, string[]]>([
    [
      'Les 29 et 30 octobre, 12 villages ont été inondés',
      day('2024-11-04'),
      ['29 et 30 octobre=2024-10-29..2024-10-30~'],
    ],
    ['Les 29 et 30 octobre 2024, 12 villages', day('2025-03-01'), ['29 et 30 octobre 2024=2024-10-29..2024-10-30']],
    [
      'du 30 octobre au 2 novembre, les secours ont fouillé',
      day('2024-11-04'),
      ['30 octobre au 2 novembre=2024-10-30..2024-11-02~'],
    ],
    ['La maire a parlé mardi devant le conseil', day('2024-11-04'), ['mardi=2024-10-29~']],
    [
      'La digue a cédé dans la nuit de samedi à dimanche',
      day('2024-11-04'),
      ['samedi à dimanche=2024-11-02..2024-11-03~'],
    ],
    ['La digue a cédé dans la nuit de samedi à dimanche', month('2024-11'), ['samedi à dimanche=2024-11~']],
    ['La maire a parlé lundi devant le conseil', day('2024-11-04'), ['lundi=2024-11-04~']],
    ['La maire a parlé lundi dernier', day('2024-11-04'), ['lundi dernier=2024-10-28~']],
    ['Le conseil se réunira jeudi prochain', day('2024-11-04'), ['jeudi prochain=2024-11-07~']],
    ['avant-hier soir, la digue a cédé', day('2024-11-04'), ['avant-hier=2024-11-02~']],
    ['avant-hier soir, la digue a cédé', month('2024-11'), ['avant-hier=2024-11~']],
    ['hier, à 7 heures, la pluie a repris', day('2024-11-04'), ['hier=2024-11-03~']],
    ['à 14h30, 300 pompiers', day('2024-11-04'), []],
    ['le 2 novembre à 18 heures, 7 membres', day('2024-11-04'), ['2 novembre=2024-11-02~']],
    ['le 20 décembre, une première alerte', day('2025-01-10'), ['20 décembre=2024-12-20~']],
    ['le 20 décembre, une première alerte', month('2025-01'), ['20 décembre=2024-12-20~']],
    ['le samedi 2 novembre, le roi est venu', day('2025-01-10'), ['samedi 2 novembre=2024-11-02~']],
    ['le 1er novembre, la Toussaint', day('2024-11-04'), ['1er novembre=2024-11-01~']],
    ['la semaine dernière, la région a voté', day('2024-11-04'), ['la semaine dernière=2024-10-28..2024-11-03~']],
    ['le mois dernier, la région a voté', day('2024-11-04'), ['le mois dernier=2024-10~']],
    ['il y a trois jours, la région a voté', day('2024-11-04'), ['il y a trois jours=2024-11-01~']],
    ['mi-octobre, un premier orage', day('2024-11-04'), ['mi-octobre=2024-10~']],
    ['depuis septembre 1957, aucune crue', day('2024-11-04'), ['septembre 1957=1957-09']],
    ['en 1957 et depuis 2010', day('2024-11-04'), ['1957=1957', '2010=2010']],
    ['plus de 2000 habitants et de 1500 personnes évacuées', day('2024-11-04'), []],
    ['le décret 2024-1234 et la loi 82-600', day('2024-11-04'), []],
    ['un service 24/7 et le 12/11/2024', day('2024-11-04'), ['12/11/2024=2024-11-12']],
    ['la sonde partira en Mars', day('2024-11-04'), []],
    ['un record depuis le 14 octobre 1957', year('2024'), ['14 octobre 1957=1957-10-14']],
    ['dimanche, la pluie', year('2024'), ['dimanche=2024~']],
  ])('%s (published %o)', (text, published, expected) => {
    expect(dates(text, published)).toEqual(expected);
  });

  it('gives offsets that slice back to the surface', () => {
    const text = 'Les 13 et 14 décembre, 7 membres ; puis, dimanche, un appel.';
    for (const m of extractDates(text, day('2017-12-18'))) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('returns nothing for a publication date it cannot read', () => {
    expect(extractDates('le 15 décembre', { iso: 'décembre', precision: 'month' })).toEqual([]);
  });
});

describe('formatDateLabel', () => {
  it.each<[PartialDate, 'fr' | 'en', PartialDate | undefined, string]>([
    [day('2017-12-17'), 'fr', undefined, 'dimanche 17 décembre 2017'],
    [day('2017-12-17'), 'en', undefined, 'Sunday 17 December 2017'],
    [day('2018-01-01'), 'fr', undefined, 'lundi 1er janvier 2018'],
    [month('2017-12'), 'fr', undefined, 'décembre 2017'],
    [month('2017-12'), 'en', undefined, 'December 2017'],
    [year('2014'), 'fr', undefined, '2014'],
    [day('2017-12-13'), 'fr', day('2017-12-14'), '13–14 décembre 2017'],
    [day('2017-12-13'), 'en', day('2017-12-14'), '13–14 December 2017'],
    [day('2024-10-30'), 'fr', day('2024-11-02'), '30 octobre – 2 novembre 2024'],
    [day('2019-12-30'), 'en', day('2020-01-02'), '30 December 2019 – 2 January 2020'],
    [month('2017-11'), 'fr', month('2017-12'), 'novembre–décembre 2017'],
    [year('2014'), 'en', year('2016'), '2014–2016'],
    [day('2017-12-17'), 'fr', day('2017-12-17'), 'dimanche 17 décembre 2017'],
  ])('%o %s %o -> %s', (date, locale, until, expected) => {
    expect(formatDateLabel(date, locale, until)).toBe(expected);
  });
});

describe('monthsWithYearIn: the months a question writes with their year', () => {
  it.each<[string, string[]]>([
    ["Quels médias disent qu'ils ont parlé de la Corée lors de l'appel de décembre 2017 ?", ['2017-12']],
    ['Qui rapporte que le suspect a été arrêté le mardi 14 mars 2023 ?', ['2023-03']],
    ['Which outlets say the Russians warned the FBI in March 2011?', ['2011-03']],
    ['Which outlets report the call of December 17, 2017?', ['2017-12']],
    // A year alone, or a month without its year, leaves the month open.
    ['Quels médias parlent du complot de 2019 ?', []],
    ['Qui rapporte que le suspect a été arrêté le 14 mars ?', []],
    // A date the reader does not write ("today") is no month of the story.
    ['Which outlets report what happened today in 2017?', []],
  ])('%s', (question, months) => {
    expect(monthsWithYearIn(question)).toEqual(months);
  });
});
