/**
 * /timeline: every dated event the corpus states, in order, each with the outlets that date it;
 * restricted to the passages about some words when words are given.
 */
import type { Passage } from '../corpus/types.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { sentenceAt, sentenceSpans } from '../text/sentences.ts';
import { dateMention } from './answerWhen.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import { rankValues, toAnswerItem, type Evidence } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, Locale } from './types.ts';

/** Events listed at most; the best supported are kept, then shown in date order. */
const MAX_EVENTS = 40;
/** Length of the excerpt that names an event in its label. */
const EVENT_TEXT_LENGTH = 110;

export function answerTimeline(
  index: StoryIndex,
  request: { readonly query: string; readonly locale: Locale },
  retrieval: Retrieval | undefined,
): Answer {
  const { locale } = request;
  const hits: PassageHit[] = retrieval
    ? [...retrieval.hits]
    : index.corpus.passages.map((passage) => ({
        passage,
        article: index.articleOf(passage),
        score: 1,
        matchedUnits: [],
        matchedTerms: new Set<string>(),
        unitOfTerm: new Map<string, number>(),
        contextUnits: new Set<number>(),
      }));
  const evidence: Evidence[] = hits.flatMap((hit) =>
    index.factsOf(hit.passage).dates.map((mention) => {
      const date = dateMention(mention, locale);
      return { ...date, hit, anchor: { start: mention.start, end: mention.end }, weight: hit.score > 0 ? 1 : 0 };
    }),
  );
  const ranked = rankValues(index, evidence)
    .slice(0, MAX_EVENTS)
    .sort((a, b) => a.value.localeCompare(b.value));
  const answers = ranked.map((value) => {
    const item = toAnswerItem(index, value);
    const best = value.evidence[0];
    return best ? { ...item, label: `${value.label} — ${eventText(best.hit.passage, best.anchor.start)}` } : item;
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

/** The sentence that dates the event, shortened at a word boundary: what happened, in the article's words. */
function eventText(passage: Passage, offset: number): string {
  const sentence = sentenceAt(sentenceSpans(passage.text), offset) ?? { start: 0, end: passage.text.length };
  const text = passage.text.slice(sentence.start, sentence.end);
  if (text.length <= EVENT_TEXT_LENGTH) return text;
  const cut = text.lastIndexOf(' ', EVENT_TEXT_LENGTH);
  return `${text.slice(0, cut > 0 ? cut : EVENT_TEXT_LENGTH)}…`;
}
