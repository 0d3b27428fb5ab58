/**
 * /when: the date that answers a question, resolved against each article's publication date and kept
 * at the precision the text gives.
 */
import type { PartialDate } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { formatDateLabel, type DateMention } from '../text/dates.ts';
import { foldCase } from '../text/normalize.ts';
import { collectEvidence, namedByQuestion, type Mention } from './collectEvidence.ts';
import type { Evidence } from './rankEvidence.ts';
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
  return {
    start: mention.start,
    end: mention.end,
    value: isoValue(mention.date, mention.until),
    label: formatDateLabel(mention.date, locale, mention.until),
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
  return valueAnswer(index, request, retrieval, foldCoarseDates(evidence), { reportDisagreement: true, reportOtherEvent: true });
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ['dimanche', 'sunday'],
  ['lundi', 'monday'],
  ['mardi', 'tuesday'],
  ['mercredi', 'wednesday'],
  ['jeudi', 'thursday'],
  ['vendredi', 'friday'],
  ['samedi', 'saturday'],
];

/** The weekday a date expression names ("jeudi" -> 4), if it names one. */
function weekdayNamed(surface: string): number | undefined {
  const words = foldCase(surface).split(/[^\p{L}]+/u);
  const found = WEEKDAYS.findIndex((names) => names.some((name) => words.includes(name)));
  return found >= 0 ? found : undefined;
}

/** Whether a coarse date ("décembre 2017", or "jeudi" in an article dated only to the month) fits a finer one. */
function fits(coarse: Evidence, fine: Evidence): boolean {
  if (coarse.value.includes('/') || fine.value.includes('/')) return false;
  if (fine.value.length <= coarse.value.length || !fine.value.startsWith(coarse.value)) return false;
  const weekday = weekdayNamed(coarse.surface);
  return weekday === undefined || (fine.value.length === 10 && new Date(`${fine.value}T12:00:00Z`).getUTCDay() === weekday);
}

/**
 * A date stated less precisely than another candidate it fits is support for that candidate, not a rival:
 * "en décembre 2017" and "dimanche" (month-dated article) both back "dimanche 17 décembre 2017". A coarse
 * date that fits no finer candidate ("jeudi" when the others say Friday 15) stays on its own.
 */
function foldCoarseDates(evidence: readonly Evidence[]): Evidence[] {
  const weightOf = new Map<string, number>();
  for (const item of evidence) weightOf.set(item.value, (weightOf.get(item.value) ?? 0) + item.weight);
  return evidence.map((item) => {
    const finer = evidence
      .filter((other) => fits(item, other))
      .sort((a, b) => (weightOf.get(b.value) ?? 0) - (weightOf.get(a.value) ?? 0))[0];
    return finer ? { ...item, value: finer.value, label: finer.label } : item;
  });
}
