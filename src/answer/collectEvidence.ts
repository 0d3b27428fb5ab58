/**
 * Finding candidate answers near the words a question asked about. A value stated in the same sentence
 * as those words, and close to them, weighs more than one elsewhere in a relevant passage.
 */
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { sentenceAt, sentenceSpans, type TextSpan } from '../text/sentences.ts';
import type { Evidence } from './rankEvidence.ts';
import { coverage, type Retrieval } from './retrieve.ts';

/** A value a passage states, found by one of the extractors. */
export interface Mention extends TextSpan {
  readonly value: string;
  readonly label: string;
  readonly surface: string;
}

/** Characters over which closeness to the asked words fades by half. */
const CLOSENESS_SCALE = 80;
/** Weight of a mention outside the sentences that hold the asked words. */
const OTHER_SENTENCE_WEIGHT = 0.3;
/** How many relevant passages are read for candidates. */
const PASSAGES_READ = 40;

/** Spans of the passage whose words matched the question. */
export function matchedSpans(index: StoryIndex, hit: PassageHit): TextSpan[] {
  return index.analyzer.termSpans(hit.passage.text).filter((span) => span.terms.some((term) => hit.matchedTerms.has(term)));
}

export function collectEvidence(
  index: StoryIndex,
  retrieval: Retrieval,
  mentionsOf: (hit: PassageHit) => readonly Mention[],
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const hit of retrieval.hits.slice(0, PASSAGES_READ)) {
    const asked = matchedSpans(index, hit);
    const sentences = sentenceSpans(hit.passage.text);
    const relevance = coverage(hit, retrieval) ** 2;
    for (const mention of mentionsOf(hit)) {
      // Words of the mention itself are part of the question, not evidence of closeness.
      const around = asked.filter((span) => span.end <= mention.start || span.start >= mention.end);
      const sentence = sentenceAt(sentences, mention.start);
      const inSentence = around.filter((span) => sentence && span.start >= sentence.start && span.end <= sentence.end);
      const distance = Math.min(
        ...around.map((span) => (span.end <= mention.start ? mention.start - span.end : span.start - mention.end)),
        Number.POSITIVE_INFINITY,
      );
      const closeness = Number.isFinite(distance) ? 1 / (1 + distance / CLOSENESS_SCALE) : 0.2;
      const sentenceWeight = inSentence.length > 0 ? 1 + 0.25 * (inSentence.length - 1) : OTHER_SENTENCE_WEIGHT;
      evidence.push({
        value: mention.value,
        label: mention.label,
        surface: mention.surface,
        hit,
        anchor: { start: mention.start, end: mention.end },
        weight: relevance * closeness * sentenceWeight,
      });
    }
  }
  return evidence;
}

/** Whether a span of the passage says one of the things the question itself names. */
export function namedByQuestion(index: StoryIndex, retrieval: Retrieval, surface: string): boolean {
  const asked = new Set(retrieval.units.flatMap((unit) => unit.terms));
  return index.analyzer.documentTerms(surface).some((term) => asked.has(term));
}
