/**
 * /who and /where: the person, organisation or place that answers a question, extracted from the
 * passages that match it and ranked by support across outlets.
 */
import type { EntityKind } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { collectEvidence, DEFAULT_COLLECT_OPTIONS, namedByQuestion, type Mention } from './collectEvidence.ts';
import { asksForIdentity } from './questionFrame.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer } from './types.ts';
import { valueAnswer, type ValueAnswerRequest } from './valueAnswer.ts';

/** How far (in characters) a name may stand from a role to be the one who holds it ("le porte-parole du président russe Dmitri Peskov"). */
const APPOSITION_DISTANCE = 30;

const KINDS_ASKED: Readonly<Record<'who' | 'where', readonly EntityKind[]>> = {
  who: ['person', 'organisation'],
  where: ['place'],
};

export function answerEntity(
  index: StoryIndex,
  request: ValueAnswerRequest & { readonly command: 'who' | 'where' },
  retrieval: Retrieval,
): Answer {
  const kinds = KINDS_ASKED[request.command];
  const options = asksForIdentity(request.query) ? { ...DEFAULT_COLLECT_OPTIONS, maxDistance: APPOSITION_DISTANCE } : DEFAULT_COLLECT_OPTIONS;
  const evidence = collectEvidence(index, retrieval, (hit): Mention[] =>
    index
      .factsOf(hit.passage)
      .entities.filter((entity) => kinds.includes(entity.kind))
      .filter((entity) => !namedByQuestion(index, retrieval, entity.surface))
      .map((entity) => ({
        start: entity.start,
        end: entity.end,
        value: entity.canonical,
        label: entity.canonical,
        surface: entity.surface,
      })),
    options,
  );
  return valueAnswer(index, request, retrieval, evidence, {
    reportDisagreement: false,
    reportOtherEvent: request.command === 'where',
  });
}
