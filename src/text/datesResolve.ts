import type { PartialDate } from '../corpus/types.ts';
import {
  addDays,
  atPrecision,
  dayDate,
  isRealDay,
  monthDate,
  toEpochDay,
  weekdayOf,
  type CalendarDay,
  type Publication,
} from './datesCalendar.ts';

/**
 * Rules that turn a date written without its year, or relative to "now", into a date, using the
 * publication date. News reports the past: unless the text says otherwise, the answer is the latest
 * such day on or before the article's own date.
 */

/** "le 15 décembre", "ce dimanche 29 décembre": the year comes from the publication date. */
export function resolveYearlessDay(
  month: number,
  day: number,
  writtenWeekday: number | undefined,
  pub: Publication,
): CalendarDay | undefined {
  const latest = toEpochDay(pub.latest);
  let past: CalendarDay | undefined;
  let future: CalendarDay | undefined;
  for (let year = pub.latest.year + 1; year >= pub.latest.year - 4; year -= 1) {
    if (!isRealDay(year, month, day)) continue; // 29 February
    const candidate = { year, month, day };
    if (toEpochDay(candidate) <= latest) {
      past ??= candidate;
    } else {
      future = candidate;
    }
  }
  if (writtenWeekday === undefined || past === undefined) return past ?? future;
  // A written weekday settles the year when the past reading contradicts it and a near future one fits.
  if (weekdayOf(past) === writtenWeekday) return past;
  if (future !== undefined && weekdayOf(future) === writtenWeekday && toEpochDay(future) - latest <= 190) {
    return future;
  }
  return past;
}

export type WeekdayModifier = 'last' | 'next' | undefined;

/**
 * "jeudi", "ce dimanche", "dimanche dernier", "jeudi prochain". When the publication day is unknown the
 * day cannot be known either, so the publication's own precision is given (see extractDates).
 */
export function resolveWeekday(weekday: number, modifier: WeekdayModifier, pub: Publication): PartialDate {
  if (pub.precision !== 'day') return atPrecision(pub.reference, pub.precision);
  const reference = pub.reference;
  if (modifier === 'next') {
    const ahead = (weekday - weekdayOf(reference) + 7) % 7 || 7;
    return dayDate(addDays(reference, ahead));
  }
  const back = (weekdayOf(reference) - weekday + 7) % 7;
  return dayDate(addDays(reference, -(modifier === 'last' && back === 0 ? 7 : back)));
}

/** hier (-1), avant-hier (-2), aujourd'hui (0), demain (+1), after the same precision rule. */
export function resolveDayOffset(offset: number, pub: Publication): PartialDate {
  if (pub.precision !== 'day') return atPrecision(pub.reference, pub.precision);
  return dayDate(addDays(pub.reference, offset));
}

/** "en mars", "mi-décembre": the latest such month on or before the publication. */
export function resolveYearlessMonth(month: number, pub: Publication): PartialDate {
  const year = month <= pub.latest.month ? pub.latest.year : pub.latest.year - 1;
  return monthDate(year, month);
}
