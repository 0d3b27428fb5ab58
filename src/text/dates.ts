import * as chrono from 'chrono-node';
import type { PartialDate } from '../corpus/types.ts';
import {
  addDays,
  dayDate,
  monthDate,
  parsePartialDate,
  readPublication,
  yearDate,
  type CalendarDay,
  type Publication,
} from './datesCalendar.ts';
import { resolveWeekday, resolveYearlessDay, type WeekdayModifier } from './datesResolve.ts';
import { ownDateRules, type DateCandidate } from './datesRules.ts';

export { formatDateLabel } from './datesLabel.ts';

export interface DateMention {
  start: number;
  end: number;
  surface: string;
  date: PartialDate;
  /** Last day of a range: "du 13 au 14 décembre", "les 13 et 14 décembre", "la semaine dernière". */
  until?: PartialDate;
  /** True when the publication date supplied part of the answer: dimanche, hier, "ce 18 décembre". */
  relative: boolean;
}

/**
 * chrono's French configuration without its time parsers: an answer engine wants days, and the time
 * rules are what turned "13 et" into 13:00 and the "7" of "7 membres" into 07:00. "dans 3 jours" /
 * "en 3 jours" reads as a duration in news, so that parser goes too; casual words are ours.
 */
const DROPPED_PARSERS = new Set([
  'FRTimeExpressionParser',
  'FRSpecificTimeExpressionParser',
  'FRTimeUnitWithinFormatParser',
]);
const frenchDates = (() => {
  const configuration = chrono.fr.createConfiguration(false);
  configuration.parsers = configuration.parsers.filter((parser) => !DROPPED_PARSERS.has(parser.constructor.name));
  return new chrono.Chrono(configuration);
})();

/**
 * chrono's English parsers of month names only: questions are asked in English too, and only their
 * months and years are read. The whole casual parser takes a sixth of a second on its second run.
 */
const englishMonths = (() => {
  const parser = chrono.en.casual.clone();
  parser.parsers = parser.parsers.filter((one) => /MonthName/u.test(one.constructor.name));
  return parser;
})();

/**
 * Every date written in a passage, resolved against the article's publication date.
 * `extractDates('Les 13 et 14 décembre, 7 membres…', { iso: '2017-12-18', precision: 'day' })` gives one
 * mention, 2017-12-13 until 2017-12-14, relative (no year written).
 *
 * When the publication is known only to the month, a weekday or "hier" gets the publication's month
 * (precision month) rather than an invented day: dropping it would lose an outlet's only date for an
 * event (Métro's "jeudi"/"dimanche"), and the surface still shows the weekday. The month is wrong only
 * when the article appeared in the first days of a month about the last days of the one before.
 */
export function extractDates(text: string, published: PartialDate): DateMention[] {
  const pub = readPublication(published);
  if (!pub) return [];
  const candidates = [...ownDateRules(text, pub), ...chronoCandidates(text, pub)];
  return pickNonOverlapping(candidates).map((candidate) => toMention(text, candidate));
}

/**
 * The months a question writes with their year (`2017-12` for "décembre 2017" or "December 17, 2017"),
 * in French or in English: readers ask in both, while articles are read in French only.
 */
export function monthsWithYearIn(question: string): string[] {
  const writesYear = (surface: string) => /\b(?:19|20)\d{2}\b/u.test(surface);
  // Most questions write no year: they are spared the parsers.
  if (!writesYear(question)) return [];
  const anyYear = readPublication({ iso: '2000', precision: 'year' })!;
  const french = ownDateRules(question, anyYear)
    .filter((found) => found.date.precision !== 'year' && writesYear(question.slice(found.start, found.end)))
    .map((found) => found.date.iso.slice(0, 7));
  const parsed = [frenchDates, englishMonths]
    .flatMap((parser) => parser.parse(question))
    .filter(({ start, text }) => writesYear(text) && start.isCertain('month'))
    .map(({ start }) => `${start.get('year')}-${String(start.get('month')).padStart(2, '0')}`);
  return [...new Set([...french, ...parsed])].sort();
}

function chronoCandidates(text: string, pub: Publication): DateCandidate[] {
  const reference = new Date(pub.reference.year, pub.reference.month - 1, pub.reference.day, 12);
  const found: DateCandidate[] = [];
  for (const result of frenchDates.parse(text, reference)) {
    const candidate = fromChrono(result, pub);
    if (candidate) found.push(candidate);
  }
  return found;
}

function fromChrono(result: chrono.ParsedResult, pub: Publication): DateCandidate | undefined {
  const { start: known } = result;
  const surface = result.text;
  const start = result.index;
  const end = start + surface.length;
  const hasDay = known.isCertain('day');
  const hasMonth = known.isCertain('month');
  const hasYear = known.isCertain('year');
  const weekday = known.isCertain('weekday') ? (known.get('weekday') ?? undefined) : undefined;
  const tags = result.tags();

  if (tags.has('result/relativeDate')) {
    // Only "il y a N jours/mois/ans" is kept; hours and minutes are not dates.
    if (!/^il\s+y\s+a\b/i.test(surface) || /heure|minute|seconde/i.test(surface)) return undefined;
    const day = { year: known.get('year')!, month: known.get('month') ?? 1, day: known.get('day') ?? 1 };
    const precision =
      hasDay && !/semaine/i.test(surface) ? 'day' : hasMonth || /semaine/i.test(surface) ? 'month' : 'year';
    return { start, end, date: cappedTo(day, precision, pub), relative: true };
  }

  if (hasDay && hasMonth) {
    const month = known.get('month')!;
    const dayOfMonth = known.get('day')!;
    let day: CalendarDay | undefined;
    let relative = false;
    if (hasYear) {
      day = { year: known.get('year')!, month, day: dayOfMonth };
    } else {
      if (tags.has('parser/SlashDateFormatParser')) return undefined; // "24/7" is not a date
      day = resolveYearlessDay(month, dayOfMonth, weekday, pub);
      relative = true;
    }
    if (!day) return undefined;
    const candidate: DateCandidate = { start, end, date: dayDate(day), relative };
    const until = result.end ? rangeEnd(result.end, day) : undefined;
    if (until) candidate.until = dayDate(until);
    return candidate;
  }

  if (weekday !== undefined && !hasDay) {
    const modifier: WeekdayModifier = /prochain/i.test(surface)
      ? 'next'
      : /dernier/i.test(surface)
        ? 'last'
        : undefined;
    const date = resolveWeekday(weekday, modifier, pub);
    const candidate: DateCandidate = { start, end, date, relative: true };
    // "dans la nuit de lundi à mardi": the night spans both days.
    const lastWeekday = result.end?.isCertain('weekday') ? result.end.get('weekday') : undefined;
    const first = parsePartialDate(date);
    if (lastWeekday != null && date.precision === 'day' && first?.day !== undefined && first.month !== undefined) {
      const span = (lastWeekday - weekday + 7) % 7;
      if (span > 0) candidate.until = dayDate(addDays({ year: first.year, month: first.month, day: first.day }, span));
    }
    return candidate;
  }
  if (hasMonth && hasYear)
    return { start, end, date: monthDate(known.get('year')!, known.get('month')!), relative: false };
  return undefined; // hour-only and anything else without a day or a month
}

function rangeEnd(components: chrono.ParsedComponents, start: CalendarDay): CalendarDay | undefined {
  if (!components.isCertain('day')) return undefined;
  const month = components.get('month') ?? start.month;
  let year = components.isCertain('year') ? components.get('year')! : start.year;
  if (!components.isCertain('year') && month < start.month) year += 1;
  return { year, month, day: components.get('day')! };
}

function cappedTo(day: CalendarDay, precision: 'day' | 'month' | 'year', pub: Publication): PartialDate {
  const rank = { year: 0, month: 1, day: 2 } as const;
  const effective = rank[precision] <= rank[pub.precision] ? precision : pub.precision;
  if (effective === 'day') return dayDate(day);
  if (effective === 'month') return monthDate(day.year, day.month);
  return yearDate(day.year);
}

/** Longest first, so "15 avril 2013" beats "avril 2013" and "13 et 14 décembre" beats "14 décembre". */
function pickNonOverlapping(candidates: DateCandidate[]): DateCandidate[] {
  const ordered = candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) || a.order - b.order);
  const kept: DateCandidate[] = [];
  for (const { candidate } of ordered) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** chrono's surfaces may carry the punctuation around a weekday (", jeudi,"): trim it off. */
function toMention(text: string, candidate: DateCandidate): DateMention {
  let { start, end } = candidate;
  while (start < end && /[\s,;:()（）]/u.test(text[start]!)) start += 1;
  while (end > start && /[\s,;:()（）]/u.test(text[end - 1]!)) end -= 1;
  const mention: DateMention = {
    start,
    end,
    surface: text.slice(start, end),
    date: candidate.date,
    relative: candidate.relative,
  };
  if (candidate.until) mention.until = candidate.until;
  return mention;
}
