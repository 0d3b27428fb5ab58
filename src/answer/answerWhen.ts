/**
 * /when: the date that answers a question, resolved against each article's publication date and kept
 * at the precision the text gives.
 */
import type { PartialDate } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { formatDateLabel, type DateMention } from '../text/dates.ts';
import { collectEvidence, namedByQuestion, type Mention } from './collectEvidence.ts';
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
  return valueAnswer(index, request, retrieval, evidence, { reportDisagreement: true, reportOtherEvent: true });
}
