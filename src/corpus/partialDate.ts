import type { PartialDate } from './types.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads a publication date as precise as it is known: `2017-12-18`, `2017-12` or `2017`.
 * YAML may hand over a number (`published: 2017`) or a Date (a timestamp tag): both are accepted.
 * Returns null for anything else, including impossible days such as `2017-02-30`.
 *
 * @example parsePartialDate('2017-12') // { iso: '2017-12', precision: 'month' }
 */
export function parsePartialDate(value: unknown): PartialDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { iso: value.toISOString().slice(0, 10), precision: 'day' };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999 ? { iso: String(value), precision: 'year' } : null;
  }
  if (typeof value !== 'string') return null;

  const match = PARTIAL_DATE.exec(value.trim());
  if (!match) return null;
  const [iso, year, month, day] = match;
  if (iso === undefined || year === undefined) return null;
  if (month === undefined) return { iso, precision: 'year' };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day === undefined) return { iso, precision: 'month' };
  const dayNumber = Number(day);
  // Day 0 of the next month is the last day of this one, leap years included.
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (dayNumber < 1 || dayNumber > daysInMonth) return null;
  return { iso, precision: 'day' };
}
