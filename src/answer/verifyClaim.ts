/**
 * The verification stage of /source: a passage that holds a claim's words supports the claim only when
 * one of its sentences states the claim's act (by its word family, not negated), or says something close
 * to the claim in meaning. "la CIA a remercié Poutine pour son coup de fil" is not stated by a passage
 * on the CIA's "coup de main" that never says anyone thanked anyone.
 */
import type { Passage } from '../corpus/types.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { actInSentence, askedAct, type AskedAct } from './askedAct.ts';
import { cosine } from './meaningSearch.ts';
import { passageTermSpans } from './passageTermSpans.ts';
import { SAME_MEANING_SIMILARITY } from './verifyEvidence.ts';
import type { TextAnalysis } from '../language/analysisTypes.ts';
import { foldCase } from '../text/normalize.ts';
import type { Retrieval } from './retrieve.ts';

export interface VerifiedClaim {
  readonly kept: readonly PassageHit[];
  /** The claim's act, when its parse shows one: what the passages dropped do not state. */
  readonly act?: AskedAct;
}

/**
 * The hits whose passage states the claim's act. A passage that cannot be checked is kept: no parse
 * (English articles, or no service), or no embeddings for a sentence that does not name the act.
 */
export function verifyClaim(
  index: StoryIndex,
  request: { readonly analysis?: TextAnalysis; readonly questionVector?: Float32Array },
  retrieval: Pick<Retrieval, 'units'>,
  hits: readonly PassageHit[],
): VerifiedClaim {
  const act = askedAct(request.analysis, { claim: true });
  if (!act) return { kept: hits };
  // A claim's passages hold its words by construction (the search asks for all of them), the act's
  // included, as the search equates words ("interpellé" for "arrêté"). What is left to catch is the act
  // held only by the sentence before the passage, or negated; a sentence with a word the search equates
  // with the act's states it.
  const actWords = new Set(act.surface.split(' ').map(foldCase));
  const actTerms = new Set(
    retrieval.units
      .filter((unit) => unit.surface.split(/\s+/u).some((word) => actWords.has(foldCase(word))))
      .flatMap((unit) => unit.terms),
  );
  const context = { index, act, actTerms, questionVector: request.questionVector };
  return { kept: hits.filter((hit) => statesAct(context, hit.passage) !== false), act };
}

interface ClaimContext {
  readonly index: StoryIndex;
  readonly act: AskedAct;
  readonly actTerms: ReadonlySet<string>;
  readonly questionVector: Float32Array | undefined;
}

/** Whether some sentence of the passage states the act; undefined when nothing can tell. */
function statesAct({ index, act, actTerms, questionVector }: ClaimContext, passage: Passage): boolean | undefined {
  const passageId = passage.id;
  const analysis = index.analysisOf(passageId);
  if (!analysis || analysis.sentences.length === 0) return undefined;
  // Where the passage writes a word the search equates with the act, from the spans the answer reads anyway.
  const actAt = passageTermSpans(index, passage)
    .filter((span) => span.terms.some((term) => actTerms.has(term)))
    .map((span) => span.start);
  const silent: number[] = [];
  for (const sentence of analysis.sentences) {
    const statement = actInSentence(analysis, { start: sentence.start, end: sentence.end }, act);
    if (statement === undefined || statement === 'states') return true;
    if (statement === 'negates') continue;
    if (actAt.some((start) => start >= sentence.start && start < sentence.end)) return true;
    silent.push(sentence.start);
  }
  // A sentence that negates the act never supports it, however close its meaning.
  if (questionVector === undefined) return silent.length > 0 ? undefined : false;
  let compared = false;
  for (const start of silent) {
    const vector = index.sentenceVectorAt(passageId, start);
    if (vector === undefined) continue;
    compared = true;
    if (cosine(vector, questionVector) >= SAME_MEANING_SIMILARITY) return true;
  }
  return compared || silent.length === 0 ? false : undefined;
}
