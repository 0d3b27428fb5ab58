/**
 * The shared end of /who, /where, /when and count questions: rank the evidence, keep to the event the
 * question is about, and say when outlets disagree or the other event has another value.
 */
import type { TextAnalysis } from '../language/analysisTypes.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { corpusEventYears, passageFitsEvent, questionEventYear, yearWrittenIn } from './events.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import { isTimeWord } from './questionFrame.ts';
import { rankValues, toAnswerItem, type Evidence, type RankedValue } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, AnswerCommand, Locale } from './types.ts';
import { verifyEvidence } from './verifyEvidence.ts';

export interface ValueAnswerRequest {
  readonly command: AnswerCommand;
  readonly query: string;
  readonly locale: Locale;
  /** The question's parse, when the language service made one (see AnswerRequest). */
  readonly analysis?: TextAnalysis;
  /** The question's embedding, when the language service made one (see AnswerRequest). */
  readonly questionVector?: Float32Array;
}

/** Answers shown at most: the rest is noise at this depth. */
const MAX_ANSWERS = 5;
/** A value weaker than this share of the best one is not worth showing. */
const MIN_SHARE_OF_BEST = 0.12;
/** A rival value this strong, from other outlets, is a disagreement rather than another fact. */
const DISAGREEMENT_SHARE = 0.2;

export interface ValueAnswerOptions {
  /** Dates and counts: rival values from other outlets are a disagreement to show. */
  readonly reportDisagreement: boolean;
  /** Facts that differ by event (dates, counts, places): say what the other event has. */
  readonly reportOtherEvent: boolean;
  /**
   * Whether a value itself belongs to the year a question writes (dates: a date of 2023 never answers a
   * question about 2024, even from a paragraph about 2024 that recalls 2023).
   */
  readonly valueFitsEvent?: (value: string, year: string) => boolean;
  /** Whether a less precise value supports a more precise one (dates: "décembre 2017" and the 17th). */
  readonly fitsInto?: (coarse: RankedValue, fine: RankedValue) => boolean;
  /** A final say on the order, when the question asks for one ("le premier appel": the earliest). */
  readonly reorder?: (ranked: readonly RankedValue[]) => RankedValue[];
  /** Values that differ from the best without contradicting it ("le premier appel": the later calls). */
  readonly notARival?: (value: RankedValue, best: RankedValue, ranked: readonly RankedValue[]) => boolean;
  /** How to label a value when its evidence says more than the value alone (counts: who writes what). */
  readonly labelOf?: (value: RankedValue) => string;
}

export function valueAnswer(
  index: StoryIndex,
  request: ValueAnswerRequest,
  retrieval: Retrieval,
  evidence: readonly Evidence[],
  options: ValueAnswerOptions,
): Answer {
  const { locale } = request;
  const event = questionEventYear(index, request.query, retrieval);
  const yearIsWritten = event !== undefined && yearWrittenIn(request.query) === event;
  const relevant =
    event === undefined
      ? evidence
      : evidence.filter(
          (item) =>
            passageFitsEvent(index, item.hit.passage, event) &&
            (!yearIsWritten || (options.valueFitsEvent?.(item.value, event) ?? true)),
        );
  // The passages shown beside the answer put the event asked about first, in retrieval order otherwise.
  const listedHits =
    event === undefined
      ? retrieval.hits
      : [
          ...retrieval.hits.filter((hit) => passageFitsEvent(index, hit.passage, event)),
          ...retrieval.hits.filter((hit) => !passageFitsEvent(index, hit.passage, event)),
        ];
  const verified = verifyEvidence(index, request, relevant);
  const supported = withFittingSupport(rankValues(index, verified.kept), options.fitsInto);
  const ranked = options.reorder ? options.reorder(supported) : supported;
  const best = ranked[0];
  if (!best) {
    return {
      ...request,
      answers: [],
      passages: passageResults(listedHits),
      notes: [
        relevant.length === 0
          ? messages.nothingFound(locale)
          : verified.act
            ? messages.actNotStated(locale, verified.act.surface)
            : verified.byMeaningOnly
              ? messages.meaningNotStated(locale)
              : messages.nothingFound(locale),
      ],
    };
  }
  const shown = ranked.filter((value) => value.score >= best.score * MIN_SHARE_OF_BEST).slice(0, MAX_ANSWERS);

  const notes: string[] = [];
  if (options.reportDisagreement) {
    const rivals = rivalsOf(best, shown, ranked, options);
    if (rivals.length > 0) {
      const values = [best, ...rivals].map((value) => messages.valueWithOutlets(value.label, value.outlets));
      notes.push(messages.disagreement(locale, values));
    }
  }
  if (event === undefined && options.reportOtherEvent) {
    notes.push(...otherEventNotes(ranked, best, corpusEventYears(index), locale, options.valueFitsEvent));
  }
  const unmatchedWords = retrieval.unmatched.filter((unit) => !isTimeWord(unit));
  if (unmatchedWords.length > 0) {
    notes.push(
      messages.unmatchedWords(
        locale,
        unmatchedWords.map((unit) => unit.surface),
      ),
    );
  }
  return {
    ...request,
    answers: shown.map((value) => {
      const item = toAnswerItem(index, value);
      return options.labelOf ? { ...item, label: options.labelOf(value) } : item;
    }),
    passages: passageResults(listedHits),
    notes,
  };
}

/**
 * The values that contradict the best one: strong enough, about the same event, stated by other
 * outlets, and neither a vaguer nor a finer form of it.
 */
function rivalsOf(
  best: RankedValue,
  shown: readonly RankedValue[],
  ranked: readonly RankedValue[],
  options: ValueAnswerOptions,
): RankedValue[] {
  const mainEvent = best.events[0];
  if (mainEvent === undefined) return [];
  // An outlet that states the best value, even less precisely ("dimanche" in a month-dated article), does
  // not contradict it with another of its dates: that one is about something else it reports.
  const supporters = new Set([
    ...best.outlets,
    ...ranked.filter((value) => options.fitsInto?.(value, best)).flatMap((value) => value.outlets),
  ]);
  return shown.filter(
    (value) =>
      value !== best &&
      value.score >= best.score * DISAGREEMENT_SHARE &&
      value.events.includes(mainEvent) &&
      !options.fitsInto?.(value, best) &&
      !options.fitsInto?.(best, value) &&
      !options.notARival?.(value, best, ranked) &&
      !value.outlets.some((outlet) => supporters.has(outlet)),
  );
}

/**
 * Adds to each value the score of the less precise values that fit it, and ranks again: two outlets
 * saying "dimanche 17 décembre" and two saying "en décembre 2017" make four voices for the 17th. The less
 * precise values stay listed with their own citations.
 */
function withFittingSupport(
  ranked: readonly RankedValue[],
  fitsInto: ((coarse: RankedValue, fine: RankedValue) => boolean) | undefined,
): RankedValue[] {
  if (!fitsInto) return [...ranked];
  const boosted = ranked.map((fine) => ({
    ...fine,
    score:
      fine.score +
      ranked
        .filter((coarse) => coarse !== fine && fitsInto(coarse, fine))
        .reduce((sum, coarse) => sum + coarse.score, 0),
  }));
  return boosted.sort(
    (a, b) => b.score - a.score || b.evidence.length - a.evidence.length || a.value.localeCompare(b.value),
  );
}

/**
 * For each other event the corpus reports as news, its best value when it differs from the answer's.
 * Background years ("le marathon de Boston, le 15 avril 2013") are not events of the story.
 */
function otherEventNotes(
  ranked: readonly RankedValue[],
  best: RankedValue,
  storyEvents: ReadonlySet<string>,
  locale: Locale,
  valueFitsEvent: ((value: string, year: string) => boolean) | undefined,
): string[] {
  const notes: string[] = [];
  const seen = new Set(best.events);
  for (const value of ranked) {
    // A trial report recalling "mars 2023" gives no date of the 2024 events it is about.
    const otherEvents = value.events.filter(
      (event) => !seen.has(event) && storyEvents.has(event) && (valueFitsEvent?.(value.value, event) ?? true),
    );
    if (otherEvents.length === 0 || value.events.some((event) => best.events.includes(event))) continue;
    for (const event of otherEvents) seen.add(event);
    if (value.value !== best.value) {
      notes.push(messages.otherEvent(locale, otherEvents.join(', '), value.label, value.outlets));
    }
  }
  return notes;
}
