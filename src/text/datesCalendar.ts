import type { DatePrecision, PartialDate } from '../corpus/types.ts';

/** A calendar day, months 1-12; arithmetic goes through UTC so no time zone can shift a day. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

export function toEpochDay(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): CalendarDay {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromEpochDay(toEpochDay(d) + days);
}

/** 0 = Sunday … 6 = Saturday, as chrono and `Date` number them. */
export function weekdayOf(d: CalendarDay): number {
  return new Date(toEpochDay(d) * MS_PER_DAY).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function dayDate(d: CalendarDay): PartialDate {
  return { iso: `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`, precision: 'day' };
}

export function monthDate(year: number, month: number): PartialDate {
  return { iso: `${pad(year, 4)}-${pad(month, 2)}`, precision: 'month' };
}

export function yearDate(year: number): PartialDate {
  return { iso: pad(year, 4), precision: 'year' };
}

/** Cuts a day down to what the publication date lets us claim (never more than it knows). */
export function atPrecision(d: CalendarDay, precision: DatePrecision): PartialDate {
  if (precision === 'day') return dayDate(d);
  if (precision === 'month') return monthDate(d.year, d.month);
  return yearDate(d.year);
}

/** What the publication date says, with the first and last day it may stand for. */
export interface Publication {
  readonly precision: DatePrecision;
  /** The day used as chrono's reference: the day itself, else the middle of the month or year. */
  readonly reference: CalendarDay;
  /** The latest day the article can have appeared: "on or before publication" compares with this. */
  readonly latest: CalendarDay;
}

export function readPublication(published: PartialDate): Publication | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published.iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined || published.precision === 'year') {
    return { precision: 'year', reference: { year, month: 7, day: 1 }, latest: { year, month: 12, day: 31 } };
  }
  if (day === undefined || published.precision === 'month') {
    return {
      precision: 'month',
      reference: { year, month, day: 15 },
      latest: { year, month, day: daysInMonth(year, month) },
    };
  }
  const exact = { year, month, day };
  return { precision: 'day', reference: exact, latest: exact };
}

export function parsePartialDate(date: PartialDate): { year: number; month?: number; day?: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const parts: { year: number; month?: number; day?: number } = { year };
  if (match[2] !== undefined && date.precision !== 'year') parts.month = Number(match[2]);
  if (match[3] !== undefined && date.precision === 'day') parts.day = Number(match[3]);
  return parts;
}
