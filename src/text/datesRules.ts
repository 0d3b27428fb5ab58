import type { PartialDate } from '../corpus/types.ts';
import { addDays, dayDate, monthDate, weekdayOf, yearDate, atPrecision, type Publication } from './datesCalendar.ts';
import { resolveDayOffset, resolveYearlessDay, resolveYearlessMonth } from './datesResolve.ts';

/**
 * The date forms chrono's French parser misses or gets wrong (see FRENCH-SEARCH-NOTES.md, "Dates"):
 * day pairs ("les 13 et 14 décembre"), month-year, a month or a year after a preposition, avant-hier,
 * and "la semaine dernière" as a week rather than a single day.
 */

export interface DateCandidate {
  start: number;
  end: number;
  date: PartialDate;
  until?: PartialDate;
  relative: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

export const MONTH_PATTERN =
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre';

export function monthNumber(word: string): number | undefined {
  const folded = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return MONTHS[folded];
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const APOS = "['’]";

const DAY_PAIR = new RegExp(
  `${L}(?:(?:les|entre\\s+le)\\s+)?(?<first>1er|\\d{1,2})\\s*(?:et|au|à|,)\\s*(?:le\\s+)?(?<last>\\d{1,2})\\s+(?<month>${MONTH_PATTERN})(?:\\s+(?<year>\\d{4}))?${R}`,
  'giud',
);
const MONTH_YEAR = new RegExp(
  `${L}(?:(?:mi|d[ée]but|fin)[-\\s]+)?(?<month>${MONTH_PATTERN})\\s+(?<year>\\d{4})${R}`,
  'giud',
);
const MONTH_ONLY = new RegExp(
  `${L}(?:(?<lead>mi-|d[ée]but\\s+|fin\\s+)|(?:en|courant|depuis|d[èe]s|jusqu${APOS}en|d${APOS}ici)\\s+)(?<month>${MONTH_PATTERN})${R}(?!\\s+\\d)`,
  'giud',
);
const BARE_YEAR = new RegExp(
  `${L}(?:en|d${APOS}ici|horizon|de|d${APOS}|depuis|d[èe]s|jusqu${APOS}en|avant|apr[èe]s|vers|fin|d[ée]but|mi-|ann[ée]e|an|[ée]t[ée]|hiver|printemps|automne|courant)\\s*(?<year>\\d{4})(?![\\p{L}\\p{N}]|[-/–.,]\\d)`,
  'giud',
);
const DAY_WORD = new RegExp(`${L}(?<word>avant-hier|apr[èe]s-demain|hier|aujourd${APOS}hui|demain)${R}`, 'giud');
const PERIOD = new RegExp(
  `${L}(?<unit>la\\s+semaine|le\\s+mois|l${APOS}ann[ée]e|l${APOS}an)\\s+(?<which>derni[èe]re?|pass[ée]e?|prochaine?)${R}`,
  'giud',
);

/** A year followed by a counted noun is a number ("plus de 2000 manifestants"), not a date. */
const NOT_A_NOUN_AFTER_YEAR = new Set([
  'les',
  'des',
  'ces',
  'ses',
  'mes',
  'nos',
  'vos',
  'leurs',
  'dans',
  'sous',
  'sans',
  'puis',
  'alors',
  'lors',
  'depuis',
  'plus',
  'moins',
  'tres',
  'vers',
  'chez',
  'mais',
  'donc',
  'ainsi',
  'aussi',
  'tous',
  'jamais',
  'toujours',
  'parfois',
  'pas',
  'sont',
  'avons',
  'avez',
  'sommes',
  'etes',
  'apres',
  'selon',
]);

function followedByCountedNoun(text: string, end: number): boolean {
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 40));
  if (!next?.[1]) return false;
  const word = next[1].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (NOT_A_NOUN_AFTER_YEAR.has(word)) return false;
  return (
    /[sx]$/.test(word) || /^(euros?|dollars?|habitants?|personnes?|morts?|km|kilometres?|metres?|tonnes?)$/.test(word)
  );
}

const precededByDayNumber = (text: string, index: number): boolean =>
  /(?:\d|1er)\s*$/i.test(text.slice(Math.max(0, index - 6), index));

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

export function ownDateRules(text: string, pub: Publication): DateCandidate[] {
  const found: DateCandidate[] = [];

  for (const m of text.matchAll(DAY_PAIR)) {
    const g = m.groups!;
    const month = monthNumber(g['month']!);
    const first = g['first']!.toLowerCase() === '1er' ? 1 : Number(g['first']);
    const last = Number(g['last']);
    if (month === undefined || !(first < last) || last > 31) continue;
    const start = m.indices!.groups!['first']![0];
    let relative = false;
    let year: number | undefined;
    if (g['year'] !== undefined) {
      year = Number(g['year']);
    } else {
      year = resolveYearlessDay(month, last, undefined, pub)?.year;
      relative = true;
    }
    if (year === undefined) continue;
    found.push({
      start,
      end: m.index + m[0].length,
      date: dayDate({ year, month, day: first }),
      until: dayDate({ year, month, day: last }),
      relative,
    });
  }

  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(m.groups!['month']!);
    const year = Number(m.groups!['year']);
    if (month === undefined || !plausibleYear(year) || precededByDayNumber(text, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, date: monthDate(year, month), relative: false });
  }

  for (const m of text.matchAll(MONTH_ONLY)) {
    const monthWord = m.groups!['month']!;
    const month = monthNumber(monthWord);
    // A capitalised "Mars" after "en" is more likely the planet than the month.
    if (month === undefined || monthWord[0] !== monthWord[0]!.toLowerCase()) continue;
    const start = m.groups!['lead'] !== undefined ? m.indices!.groups!['lead']![0] : m.indices!.groups!['month']![0];
    found.push({ start, end: m.index + m[0].length, date: resolveYearlessMonth(month, pub), relative: true });
  }

  for (const m of text.matchAll(BARE_YEAR)) {
    const year = Number(m.groups!['year']);
    const [start, end] = m.indices!.groups!['year']!;
    if (!plausibleYear(year) || followedByCountedNoun(text, end)) continue;
    found.push({ start, end, date: yearDate(year), relative: false });
  }

  for (const m of text.matchAll(DAY_WORD)) {
    const word = m.groups!['word']!.toLowerCase();
    const offset = word.startsWith('avant')
      ? -2
      : word.startsWith('apr')
        ? 2
        : word === 'hier'
          ? -1
          : word === 'demain'
            ? 1
            : 0;
    found.push({ start: m.index, end: m.index + m[0].length, date: resolveDayOffset(offset, pub), relative: true });
  }

  for (const m of text.matchAll(PERIOD)) {
    const unit = m.groups!['unit']!.toLowerCase();
    const step = /^prochain/i.test(m.groups!['which']!) ? 1 : -1;
    const candidate = periodCandidate(unit, step, pub);
    if (candidate) found.push({ start: m.index, end: m.index + m[0].length, ...candidate, relative: true });
  }

  return found;
}

function periodCandidate(
  unit: string,
  step: number,
  pub: Publication,
): { date: PartialDate; until?: PartialDate } | undefined {
  const ref = pub.reference;
  if (unit.includes('semaine')) {
    // A week is stated as its Monday–Sunday range; with no publication day there is no week to state.
    if (pub.precision !== 'day') return { date: atPrecision(ref, pub.precision) };
    const monday = addDays(ref, -((weekdayOf(ref) + 6) % 7) + 7 * step);
    return { date: dayDate(monday), until: dayDate(addDays(monday, 6)) };
  }
  if (unit.includes('mois')) {
    if (pub.precision === 'year') return { date: yearDate(ref.year) };
    const index = ref.year * 12 + (ref.month - 1) + step;
    return { date: monthDate(Math.floor(index / 12), (index % 12) + 1) };
  }
  return { date: yearDate(ref.year + step) };
}
