/**
 * /ask: the passages that best answer a free question, grouped by outlet, each quoted where the
 * question's words are densest.
 */
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { bestMatchAnchor, cite } from './cite.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, AnswerItem, Locale } from './types.ts';

/** Passages read for the answer, and quotes kept per outlet. */
const PASSAGES_READ = 10;
const QUOTES_PER_OUTLET = 2;

export function answerAsk(
  index: StoryIndex,
  request: { readonly query: string; readonly locale: Locale },
  retrieval: Retrieval,
): Answer {
  const { locale } = request;
  const byOutlet = new Map<string, PassageHit[]>();
  const read = retrieval.hits.slice(0, PASSAGES_READ);
  const readIds = new Set(read.map((hit) => hit.passage.id));
  const sourcesSeen = new Set<string>();
  for (const hit of read) {
    // A copy adds nothing of its own: the original is quoted and names it as "also carried by".
    const source = index.copies.originalOf(hit.passage.id);
    if (source !== hit.passage.id && readIds.has(source)) continue;
    if (sourcesSeen.has(source)) continue;
    sourcesSeen.add(source);
    const list = byOutlet.get(hit.article.outlet) ?? [];
    if (list.length < QUOTES_PER_OUTLET) list.push(hit);
    byOutlet.set(hit.article.outlet, list);
  }
  const answers: AnswerItem[] = [...byOutlet].map(([outlet, hits]) => ({
    value: outlet,
    label: messages.askLabel(locale, hits.length),
    support: hits.map((hit) =>
      cite(index, hit.passage, {
        anchor: bestMatchAnchor(index, hit.passage, hit.matchedTerms),
        matchedTerms: hit.matchedTerms,
      }),
    ),
  }));
  const notes = answers.length === 0 ? [messages.nothingFound(locale)] : [];
  if (answers.length > 0 && retrieval.unmatched.length > 0) {
    notes.push(
      messages.unmatchedWords(
        locale,
        retrieval.unmatched.map((unit) => unit.surface),
      ),
    );
  }
  return { command: 'ask', query: request.query, answers, passages: passageResults(retrieval.hits), notes };
}
