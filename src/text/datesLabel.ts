import type { PartialDate } from '../corpus/types.ts';
import { parsePartialDate, weekdayOf } from './datesCalendar.ts';

const MONTH_NAMES = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;
const WEEKDAY_NAMES = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

type Locale = 'fr' | 'en';
type Parts = { year: number; month?: number; day?: number };

const dayNumber = (day: number, locale: Locale): string => (locale === 'fr' && day === 1 ? '1er' : String(day));
const monthName = (month: number, locale: Locale): string => MONTH_NAMES[locale][month - 1] ?? String(month);

function single(parts: Parts, locale: Locale): string {
  if (parts.month === undefined) return String(parts.year);
  if (parts.day === undefined) return `${monthName(parts.month, locale)} ${parts.year}`;
  const weekday = WEEKDAY_NAMES[locale][weekdayOf({ year: parts.year, month: parts.month, day: parts.day })];
  return `${weekday} ${dayNumber(parts.day, locale)} ${monthName(parts.month, locale)} ${parts.year}`;
}

/**
 * A date as a reader would write it, never more precise than it is known.
 * `formatDateLabel({ iso: '2017-12-17', precision: 'day' }, 'fr')` → `dimanche 17 décembre 2017`;
 * a range from the 13th to the 14th → `13–14 décembre 2017`.
 */
export function formatDateLabel(date: PartialDate, locale: Locale, until?: PartialDate): string {
  const from = parsePartialDate(date);
  if (!from) return date.iso;
  const to = until === undefined ? undefined : parsePartialDate(until);
  if (!to || (to.year === from.year && to.month === from.month && to.day === from.day)) return single(from, locale);

  const sameYear = to.year === from.year;
  if (from.day !== undefined && to.day !== undefined && from.month !== undefined && to.month !== undefined) {
    if (sameYear && from.month === to.month)
      return `${dayNumber(from.day, locale)}–${to.day} ${monthName(to.month, locale)} ${to.year}`;
    const head = `${dayNumber(from.day, locale)} ${monthName(from.month, locale)}${sameYear ? '' : ` ${from.year}`}`;
    return `${head} – ${dayNumber(to.day, locale)} ${monthName(to.month, locale)} ${to.year}`;
  }
  if (from.day === undefined && to.day === undefined && from.month !== undefined && to.month !== undefined) {
    if (sameYear) return `${monthName(from.month, locale)}–${monthName(to.month, locale)} ${to.year}`;
    return `${monthName(from.month, locale)} ${from.year} – ${monthName(to.month, locale)} ${to.year}`;
  }
  if (from.month === undefined && to.month === undefined) return `${from.year}–${to.year}`;
  return `${single(from, locale)} – ${single(to, locale)}`;
}
