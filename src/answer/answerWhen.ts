/**
 * /when: the date that answers a question, resolved against each article's publication date and kept
 * at the precision the text gives.
 */
import type { PartialDate } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { formatDateLabel, type DateMention } from '../text/dates.ts';
import { foldCase } from '../text/normalize.ts';
import { collectEvidence, DEFAULT_COLLECT_OPTIONS, namedByQuestion, type Mention } from './collectEvidence.ts';
import type { RankedValue } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, Locale } from './types.ts';
import { valueAnswer, type ValueAnswerRequest } from './valueAnswer.ts';

/** ISO 8601 for a date or an interval, the end shortened where it shares the start's prefix (2017-12-13/14). */
function isoValue(date: PartialDate, until?: PartialDate): string {
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
  const evidence = collectEvidence(
    index,
    retrieval,
    (hit) =>
      index
        .factsOf(hit.passage)
        .dates.filter((mention) => !namedByQuestion(index, retrieval, mention.surface))
        .map((mention) => dateMention(mention, request.locale)),
    { ...DEFAULT_COLLECT_OPTIONS, skipMeasuredFrom: true },
  );
  const ordinal = ordinalAsked(request.query);
  return valueAnswer(index, request, retrieval, evidence, {
    reportDisagreement: true,
    reportOtherEvent: true,
    fitsInto: dateFits,
    valueFitsEvent: (value, year) => value.startsWith(year),
    ...(ordinal
      ? {
          reorder: (ranked: readonly RankedValue[]) => inOrdinalOrder(ranked, ordinal),
          // The first of several calls is not contradicted by the later ones, nor by a vaguer date of a later one.
          notARival: (value: RankedValue, best: RankedValue, ranked: readonly RankedValue[]) =>
            [value, ...ranked.filter((day) => isDay(day.value) && dateFits(value, day))].some(
              (day) => isDay(day.value) && (ordinal === 'first' ? day.value > best.value : day.value < best.value),
            ),
        }
      : {}),
  });
}

/** Whether the question asks for the first or the last of several occurrences. */
function ordinalAsked(question: string): 'first' | 'last' | undefined {
  const words = foldCase(question).split(/[^\p{L}]+/u);
  if (words.some((word) => ['premier', 'premiere', 'first', 'earliest'].includes(word))) return 'first';
  if (words.some((word) => ['dernier', 'derniere', 'last', 'latest', 'second', 'seconde', 'deuxieme'].includes(word)))
    return 'last';
  return undefined;
}

/** Share of the best score a date needs to be a candidate for "the first" or "the last". */
const ORDINAL_CANDIDATE_SHARE = 0.4;

/**
 * "Le premier appel" is the earliest of the well-supported dates, not the best supported: two calls in
 * one week are both relevant, and only their order answers. Long ranges ("la semaine dernière") only
 * frame the days and are left where they were.
 */
function inOrdinalOrder(ranked: readonly RankedValue[], ordinal: 'first' | 'last'): RankedValue[] {
  const best = ranked[0];
  if (!best) return [];
  // Only days can be put in order; a month ("jeudi" in a month-dated article) or a range cannot.
  const candidates = ranked.filter(
    (value) => value.score >= best.score * ORDINAL_CANDIDATE_SHARE && isDay(value.value),
  );
  const chosen = [...candidates].sort((a, b) =>
    ordinal === 'first' ? a.value.localeCompare(b.value) : b.value.localeCompare(a.value),
  )[0];
  return chosen ? [chosen, ...ranked.filter((value) => value !== chosen)] : [...ranked];
}

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/u.test(value);

/** The bounds of a range of days (`2017-12-13/14`, `2017-12-11/17`), if the value is one. */
function dayRange(value: string): { from: string; to: string } | undefined {
  const [from, rawTo] = value.split('/');
  if (!from || !rawTo || from.length !== 10) return undefined;
  return { from, to: rawTo.length === 10 ? rawTo : `${from.slice(0, 10 - rawTo.length)}${rawTo}` };
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

/** The weekday a date expression names ("jeudi" -> 4), if it names exactly one ("lundi à mardi" names two). */
function weekdayNamed(surface: string): number | undefined {
  const words = foldCase(surface).split(/[^\p{L}]+/u);
  const named = WEEKDAYS.flatMap((names, weekday) =>
    names.some((name) => words.includes(foldCase(name))) ? [weekday] : [],
  );
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Whether a coarse date fits a finer one: "décembre 2017" fits 17 December 2017, and so does "dimanche"
 * in an article dated only to December 2017; "jeudi" does not fit Friday 15 December; "la nuit de lundi
 * à mardi" fits "ce mardi 7 mars". A fitting date is support for the finer one, not a disagreement with it.
 */
export function dateFits(coarse: RankedValue, fine: RankedValue): boolean {
  if (fine.value.includes('/')) return false;
  const range = dayRange(coarse.value);
  if (range) return fine.value.length === 10 && fine.value >= range.from && fine.value <= range.to;
  if (coarse.value.includes('/')) return false;
  if (fine.value.length <= coarse.value.length || !fine.value.startsWith(coarse.value)) return false;
  const weekdays = coarse.evidence.map((item) => weekdayNamed(item.surface));
  const fineWeekday = fine.value.length === 10 ? new Date(`${fine.value}T12:00:00Z`).getUTCDay() : undefined;
  return weekdays.every((weekday) => weekday === undefined || weekday === fineWeekday);
}
