/**
 * /when: the date that answers a question, resolved against each article's publication date and kept
 * at the precision the text gives.
 */
import type { PartialDate } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { formatDateLabel, type DateMention } from '../text/dates.ts';
import { foldCase } from '../text/normalize.ts';
import { collectEvidence, namedByQuestion, type Mention } from './collectEvidence.ts';
import type { RankedValue } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, Locale } from './types.ts';
import { valueAnswer, type ValueAnswerRequest } from './valueAnswer.ts';

/** ISO 8601 for a date or an interval, the end shortened where it shares the start's prefix (2017-12-13/14). */
export function isoValue(date: PartialDate, until?: PartialDate): string {
  if (!until || until.iso === date.iso) return date.iso;
  if (until.precision === 'day' && date.precision === 'day' && until.iso.slice(0, 7) === date.iso.slice(0, 7)) {
    return `${date.iso}/${until.iso.slice(8)}`;
  }
  return `${date.iso}/${until.iso}`;
}

export function dateMention(mention: DateMention, locale: Locale): Mention {
  const label = formatDateLabel(mention.date, locale, mention.until);
  // "jeudi" in an article dated only to the month: the ISO value can only say the month; the label keeps the day's name.
  const weekday = mention.date.precision === 'month' && !mention.until ? weekdayNamed(mention.surface) : undefined;
  return {
    start: mention.start,
    end: mention.end,
    value: isoValue(mention.date, mention.until),
    label: weekday === undefined ? label : `${WEEKDAYS[weekday]![locale === 'fr' ? 0 : 1]} (${label})`,
    surface: mention.surface,
  };
}

export function answerWhen(index: StoryIndex, request: ValueAnswerRequest, retrieval: Retrieval): Answer {
  const evidence = collectEvidence(index, retrieval, (hit) =>
    index
      .factsOf(hit.passage)
      .dates.filter((mention) => !namedByQuestion(index, retrieval, mention.surface))
      .map((mention) => dateMention(mention, request.locale)),
  );
  return valueAnswer(index, request, retrieval, evidence, { reportDisagreement: true, reportOtherEvent: true, fitsInto: dateFits });
}

/** French and English names of the weekdays, Sunday first as in Date.getUTCDay(). */
const WEEKDAYS: readonly (readonly [string, string])[] = [
  ['dimanche', 'Sunday'],
  ['lundi', 'Monday'],
  ['mardi', 'Tuesday'],
  ['mercredi', 'Wednesday'],
  ['jeudi', 'Thursday'],
  ['vendredi', 'Friday'],
  ['samedi', 'Saturday'],
];

/** The weekday a date expression names ("jeudi" -> 4), if it names one. */
function weekdayNamed(surface: string): number | undefined {
  const words = foldCase(surface).split(/[^\p{L}]+/u);
  const found = WEEKDAYS.findIndex((names) => names.some((name) => words.includes(foldCase(name))));
  return found >= 0 ? found : undefined;
}

/**
 * Whether a coarse date fits a finer one: "décembre 2017" fits 17 December 2017, and so does "dimanche"
 * in an article dated only to December 2017; "jeudi" does not fit Friday 15 December. A fitting date is
 * support for the finer one, not a disagreement with it.
 */
export function dateFits(coarse: RankedValue, fine: RankedValue): boolean {
  if (coarse.value.includes('/') || fine.value.includes('/')) return false;
  if (fine.value.length <= coarse.value.length || !fine.value.startsWith(coarse.value)) return false;
  const weekdays = coarse.evidence.map((item) => weekdayNamed(item.surface));
  const fineWeekday = fine.value.length === 10 ? new Date(`${fine.value}T12:00:00Z`).getUTCDay() : undefined;
  return weekdays.every((weekday) => weekday === undefined || weekday === fineWeekday);
}
