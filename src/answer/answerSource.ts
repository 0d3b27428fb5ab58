/**
 * /source: which outlets report something. An outlet is listed only when one of its passages states the
 * claim: every word of substance of the query, or all but one common word once another passage states it
 * whole (see `retrieve`), and, when the query writes a year, a passage about that year's event. When no
 * passage states it whole, the outlets stating the most of it that one passage states are listed, with a
 * note naming the words none of them writes. A copy of another outlet's text is not listed on its own but
 * named under the original as "also carried by".
 */
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { bestMatchAnchor, cite } from './cite.ts';
import { monthWrittenIn, passageFitsEvent, passageFitsMonth, yearWrittenIn } from './events.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, AnswerItem, Locale } from './types.ts';

export function answerSource(
  index: StoryIndex,
  request: { readonly query: string; readonly locale: Locale },
  retrieval: Retrieval,
): Answer {
  const { locale } = request;
  const year = yearWrittenIn(request.query);
  const month = monthWrittenIn(request.query);
  const stating = retrieval.hits.filter(
    (hit) =>
      (year === undefined || passageFitsEvent(index, hit.passage, year)) &&
      (month === undefined || passageFitsMonth(index, hit.passage, month)),
  );
  const hitsByOutlet = new Map<string, PassageHit[]>();
  for (const hit of stating) {
    const list = hitsByOutlet.get(hit.article.outlet) ?? [];
    list.push(hit);
    hitsByOutlet.set(hit.article.outlet, list);
  }
  // An outlet whose every matching passage copies another listed outlet's text is only a carrier.
  const listedPassages = new Set(stating.map((hit) => hit.passage.id));
  const carriersOnly = new Set(
    [...hitsByOutlet]
      .filter(([outlet, hits]) =>
        hits.every((hit) => {
          const original = index.copies.originalOf(hit.passage.id);
          const originalPassage = index.passage(original);
          return (
            original !== hit.passage.id &&
            listedPassages.has(original) &&
            originalPassage !== undefined &&
            index.articleOf(originalPassage).outlet !== outlet
          );
        }),
      )
      .map(([outlet]) => outlet),
  );
  const answers: AnswerItem[] = [];
  for (const [outlet, hits] of hitsByOutlet) {
    if (carriersOnly.has(outlet)) continue;
    const best = hits[0]!;
    answers.push({
      value: outlet,
      label: messages.sourceLabel(locale, hits.length),
      support: [
        cite(index, best.passage, {
          anchor: bestMatchAnchor(index, best.passage, best.matchedTerms),
          matchedTerms: best.matchedTerms,
        }),
      ],
    });
  }
  const notes =
    answers.length === 0
      ? [messages.nothingFound(locale)]
      : retrieval.unstated && retrieval.unstated.length > 0
        ? [
            messages.sourcePartClaim(
              locale,
              retrieval.unstated.map((unit) => unit.surface),
            ),
          ]
        : [];
  return { command: 'source', query: request.query, answers, passages: passageResults(stating), notes };
}
