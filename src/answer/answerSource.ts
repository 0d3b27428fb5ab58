/**
 * /source: which outlets report something. An outlet is listed only when one of its passages states the
 * claim: every word of substance of the query, or all but one common word once another passage states it
 * whole (see `retrieve`), and, when the query writes a year, a passage about that year's event. When no
 * passage states it whole, the outlets stating the most of it that one passage states are listed, with a
 * note naming the words none of them writes. A copy of another outlet's text is not listed on its own but
 * named under the original as "also carried by".
 */
import type { TextAnalysis } from '../language/analysisTypes.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { bestMatchAnchor, cite } from './cite.ts';
import { namedRoles, reversesRoles } from './claimRoles.ts';
import { verifyClaim } from './verifyClaim.ts';
import { monthWrittenIn, passageFitsEvent, passageFitsMonth, yearWrittenIn } from './events.ts';
import { messages } from './messages.ts';
import { passageResults } from './passageResults.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, AnswerItem, Locale } from './types.ts';

export function answerSource(
  index: StoryIndex,
  request: {
    readonly query: string;
    readonly locale: Locale;
    readonly analysis?: TextAnalysis;
    readonly questionVector?: Float32Array;
  },
  retrieval: Retrieval,
): Answer {
  const { locale } = request;
  const year = yearWrittenIn(request.query);
  const month = monthWrittenIn(request.query);
  const roles = namedRoles(request.analysis, { claim: true });
  const aboutTheEvent = retrieval.hits.filter(
    (hit) =>
      (year === undefined || passageFitsEvent(index, hit.passage, year)) &&
      (month === undefined || passageFitsMonth(index, hit.passage, month)),
  );
  // Every word of "la CIA a remercié Poutine" is in "Poutine a remercié la CIA": the roles tell them apart.
  const reversed = aboutTheEvent.filter((hit) => reversesRoles(index, hit.passage.id, roles));
  const verified = verifyClaim(
    index,
    request,
    retrieval,
    aboutTheEvent.filter((hit) => !reversed.includes(hit)),
  );
  const stating = verified.kept;
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
  const reversedOutlets = [...new Set(reversed.map((hit) => hit.article.outlet))].filter(
    (outlet) => !hitsByOutlet.has(outlet),
  );
  const unverified = aboutTheEvent.filter((hit) => !reversed.includes(hit) && !stating.includes(hit));
  const notes: string[] = [];
  if (answers.length > 0) {
    if (retrieval.unstated && retrieval.unstated.length > 0)
      notes.push(
        messages.sourcePartClaim(
          locale,
          retrieval.unstated.map((unit) => unit.surface),
        ),
      );
  } else if (reversedOutlets.length > 0) notes.push(messages.sourceRolesReversed(locale, reversedOutlets));
  else if (verified.act && unverified.length > 0) notes.push(messages.actNotStated(locale, verified.act.surface));
  else notes.push(messages.nothingFound(locale));
  // With nothing stated, the passages that have the words, the other way round or without the act, are
  // the ones to read.
  const passages = passageResults(answers.length > 0 ? stating : reversed.length > 0 ? reversed : unverified);
  return { command: 'source', query: request.query, answers, passages, notes };
}
