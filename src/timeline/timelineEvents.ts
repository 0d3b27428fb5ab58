/**
 * The timeline answer as events to draw: each with its date as the reply reads it, its words, its
 * outlets and its span in days; grouped into periods so that events years apart (2011, 2013, 2017,
 * 2019) each keep room of their own, the axis broken between periods instead of drawn to scale.
 */
import type { Answer, Locale } from '../answer/types.ts';

export interface TimelineEvent {
  /** The engine's ISO value ("2017-12-13/14"). */
  readonly value: string;
  /** The date as the reply's language reads it ("13–14 décembre 2017"). */
  readonly dateLabel: string;
  /** The event in the article's words. */
  readonly text: string;
  readonly outlets: readonly string[];
  /** Days since 1970 of the first and last day the date covers ("2017-12" covers the month). */
  readonly firstDay: number;
  readonly lastDay: number;
}

export interface TimelinePeriod {
  /** "2011", "décembre 2017", "2014–2016". */
  readonly label: string;
  readonly events: readonly TimelineEvent[];
}

/** Events whose first days are further apart than this are in different periods. */
export const PERIOD_GAP_DAYS = 90;

const DAY_MS = 86_400_000;
const LABEL_SEPARATOR = ' — ';

/** The first and last day of an ISO value at its precision, or null for a value that is not a date. */
export function daysOf(value: string): { first: number; last: number } | null {
  const [start = '', endPart] = value.split('/', 2);
  const end = endPart === undefined ? start : start.slice(0, Math.max(0, start.length - endPart.length)) + endPart;
  const first = boundary(start, 'first');
  const last = boundary(end, 'last');
  return first === null || last === null ? null : { first, last: Math.max(first, last) };
}

function boundary(iso: string, which: 'first' | 'last'): number | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (which === 'first' ? 1 : 12) : Number(match[2]);
  const day =
    match[3] !== undefined ? Number(match[3]) : which === 'first' ? 1 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The dated events of a timeline answer, in date order; entries whose value is not a date are left out. */
export function timelineEvents(answer: Answer): TimelineEvent[] {
  return answer.answers
    .flatMap((item): TimelineEvent[] => {
      const days = daysOf(item.value);
      if (!days) return [];
      const cut = item.label.indexOf(LABEL_SEPARATOR);
      return [
        {
          value: item.value,
          dateLabel: cut >= 0 ? item.label.slice(0, cut) : item.label,
          text: cut >= 0 ? item.label.slice(cut + LABEL_SEPARATOR.length) : '',
          outlets: [...new Set(item.support.map((citation) => citation.outlet))],
          firstDay: days.first,
          lastDay: days.last,
        },
      ];
    })
    .sort((a, b) => a.firstDay - b.firstDay || a.lastDay - b.lastDay);
}

/** Events grouped into periods, each named in `locale`. */
export function timelinePeriods(events: readonly TimelineEvent[], locale: Locale): TimelinePeriod[] {
  // Measured between first days: "2014" covers its whole year, but says nothing of December 2014.
  const groups: TimelineEvent[][] = [];
  for (const event of events) {
    const current = groups.at(-1);
    const previous = current?.at(-1);
    if (current && previous && event.firstDay - previous.firstDay <= PERIOD_GAP_DAYS) current.push(event);
    else groups.push([event]);
  }
  return groups.map((group) => ({ label: periodLabel(group, locale), events: group }));
}

function periodLabel(events: readonly TimelineEvent[], locale: Locale): string {
  const first = new Date(Math.min(...events.map((event) => event.firstDay)) * DAY_MS);
  const last = new Date(Math.max(...events.map((event) => event.firstDay)) * DAY_MS);
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  const monthKnown = events.every((event) => /^\d{4}-\d{2}/u.test(event.value));
  if (sameYear && monthKnown && first.getUTCMonth() === last.getUTCMonth()) {
    return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(first);
  }
  return sameYear ? String(first.getUTCFullYear()) : `${first.getUTCFullYear()}–${last.getUTCFullYear()}`;
}

/** "2 years later", "5 months later": what the broken axis leaves out between two periods. */
export function gapLabel(before: TimelinePeriod, after: TimelinePeriod, locale: Locale): string {
  const end = Math.max(...before.events.map((event) => event.firstDay));
  const start = Math.min(...after.events.map((event) => event.firstDay));
  const months = Math.max(1, Math.round((start - end) / 30.44));
  if (months < 12)
    return locale === 'fr' ? `${months} mois plus tard` : `${months} month${months > 1 ? 's' : ''} later`;
  const years = Math.round(months / 12);
  return locale === 'fr'
    ? `environ ${years} an${years > 1 ? 's' : ''} plus tard`
    : `about ${years} year${years > 1 ? 's' : ''} later`;
}
