/**
 * /timeline: every dated event the corpus states, in order, each with the outlets that date it;
 * restricted to the passages about some words when words are given. Either way it lists at most
 * MAX_EVENTS events. The whole timeline reads the dates of every passage: it depends on the corpus
 * alone, so it is made once per index and kept; restricted, it reads only the question's candidates,
 * which retrieve bounds.
 */
import type { Passage } from '../corpus/types.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { DATELINE_LENGTH, sentenceSpans, type TextSpan } from '../text/sentences.ts';
import { dateFits, dateMention } from './answerWhen.ts';
import { memoPerIndex } from './memoPerIndex.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import { rankValues, toAnswerItem, type Evidence, type RankedValue } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, Locale } from './types.ts';

/** Events listed at most; the best supported are kept, then shown in date order. */
const MAX_EVENTS = 40;
/** Length of the excerpt that names an event in its label. */
const EVENT_TEXT_LENGTH = 110;

/** `retrieval`: the passages about the words given; undefined for the whole timeline. */
export function answerTimeline(
  index: StoryIndex,
  request: { readonly query: string; readonly locale: Locale },
  retrieval: Retrieval | undefined,
): Answer {
  if (!retrieval) return { ...wholeTimeline(index, request.locale), query: request.query };
  return timelineOf(index, request, retrieval.hits, retrieval);
}

const wholeTimeline = memoPerIndex((index: StoryIndex, locale: Locale): Answer => {
  const everyPassage = index.corpus.passages.map((passage): PassageHit => ({
    passage,
    article: index.articleOf(passage),
    score: 1,
    matchedUnits: [],
    matchedTerms: new Set<string>(),
    unitOfTerm: new Map<string, number>(),
    contextUnits: new Set<number>(),
  }));
  return timelineOf(index, { query: '', locale }, everyPassage, undefined);
});

function timelineOf(
  index: StoryIndex,
  request: { readonly query: string; readonly locale: Locale },
  hits: readonly PassageHit[],
  retrieval: Retrieval | undefined,
): Answer {
  const { locale } = request;
  const evidence: Evidence[] = hits.flatMap((hit) =>
    index.factsOf(hit.passage).dates.map((mention) => {
      const date = dateMention(mention, locale);
      return { ...date, hit, anchor: { start: mention.start, end: mention.end }, weight: 1, fit: 1 };
    }),
  );
  const ranked = mergeFittingDates(rankValues(index, evidence))
    .slice(0, MAX_EVENTS)
    .sort((a, b) => a.value.localeCompare(b.value));
  const answers = ranked.map((value) => {
    const item = toAnswerItem(index, value);
    const best = value.evidence[0];
    return best ? { ...item, label: `${value.label} — ${eventText(best.hit.passage, best.anchor)}` } : item;
  });
  const notes: string[] = [];
  if (answers.length === 0) notes.push(retrieval ? messages.nothingFound(locale) : messages.timelineEmpty(locale));
  else if (retrieval) notes.push(messages.timelineFiltered(locale, request.query));
  return {
    command: 'timeline',
    query: request.query,
    answers,
    passages: retrieval ? passageResults(retrieval.hits) : [],
    notes,
  };
}

/**
 * A date stated less precisely that fits exactly one listed day ("dimanche" in an article dated to the
 * month, and the 17th given by others) is that day's event told by one more outlet. One that fits several
 * days ("en décembre 2017") stays an entry of its own.
 */
function mergeFittingDates(ranked: readonly RankedValue[]): RankedValue[] {
  const merged = new Map<RankedValue, RankedValue>(ranked.map((value) => [value, value]));
  for (const coarse of ranked) {
    const fitting = ranked.filter((fine) => fine !== coarse && dateFits(coarse, fine));
    const fine = fitting.length === 1 ? fitting[0] : undefined;
    if (!fine) continue;
    const target = merged.get(fine)!;
    const newOutlets = coarse.evidence.filter((item) => !target.outlets.includes(item.hit.article.outlet));
    merged.set(fine, {
      ...target,
      score: target.score + coarse.score,
      evidence: [...target.evidence, ...newOutlets],
      outlets: [...target.outlets, ...newOutlets.map((item) => item.hit.article.outlet)],
    });
    merged.delete(coarse);
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
}

/**
 * What happened, in the article's words: the dating sentence (the next one, after a dateline such as
 * "MOSCOU, 18 décembre."), cut to a window around the date at word boundaries.
 */
function eventText(passage: Passage, anchor: TextSpan): string {
  const sentences = sentenceSpans(passage.text);
  const at = sentences.findIndex((sentence) => anchor.start >= sentence.start && anchor.start < sentence.end);
  let sentence = sentences[at] ?? { start: 0, end: passage.text.length };
  const next = sentences[at + 1];
  if (sentence.end - sentence.start <= DATELINE_LENGTH && next) sentence = next;
  if (sentence.end - sentence.start <= EVENT_TEXT_LENGTH) return passage.text.slice(sentence.start, sentence.end);
  const focus = Math.min(Math.max(anchor.start, sentence.start), sentence.end);
  let start = Math.max(sentence.start, focus - Math.floor(EVENT_TEXT_LENGTH / 3));
  let end = Math.min(sentence.end, start + EVENT_TEXT_LENGTH);
  start = Math.max(sentence.start, end - EVENT_TEXT_LENGTH);
  while (start > sentence.start && !/\s/u.test(passage.text[start - 1]!)) start++;
  while (end < sentence.end && !/\s/u.test(passage.text[end]!)) end--;
  const text = passage.text.slice(start, end).trim();
  return `${start > sentence.start ? '…' : ''}${text}${end < sentence.end ? '…' : ''}`;
}
