/**
 * The verification stage of /who, /where, /when and count answers: a name, a place, a date or a number
 * counts as evidence only when its sentence states the act the question asks about, by the same word
 * family, or says something close to the question in meaning. Evidence found merely near the question's
 * other words is dropped, so that a question the articles do not answer gets "the articles do not say"
 * and the closest passages rather than a confident guess.
 */
import type { TextAnalysis } from '../language/analysisTypes.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { actInSentence, askedAct, type AskedAct } from './askedAct.ts';
import { namedRoles, reversesRoles } from './claimRoles.ts';
import { cosine } from './meaningSearch.ts';
import type { Evidence } from './rankEvidence.ts';
import type { ValueAnswerRequest } from './valueAnswer.ts';

/**
 * How close (cosine of multilingual-e5-small embeddings) a sentence that does not name the act must be to
 * the question to count as stating it in other words. multilingual-e5's similarities sit in a narrow band,
 * so the bar was calibrated, not guessed: on the gold sets of rounds 5 to 8 (350 questions), 0.87 is the
 * highest bar that keeps as many questions right as without the check (152), while confident wrong
 * answers fall from 118 to 91. Higher bars refuse more answerable questions than they save.
 * (Swept 0.80–0.91 with `npm run eval`; the figures are in the README.)
 */
export const SAME_MEANING_SIMILARITY = 0.87;

/**
 * How close a sentence must be to a question that has no parse (English: no English pipeline is
 * installed), which shows no act to check: its value counts only from a sentence this close in meaning.
 * Lower than SAME_MEANING_SIMILARITY because an English question is compared with French sentences, and
 * e5's similarities across languages sit lower. Calibrated as that bar was: on the tuning sets of rounds
 * 1 to 11 (899 questions), 0.78 is the highest bar that keeps as many questions right as without the
 * check (505), while confident wrong answers fall from 172 to 162; 0.80 loses ten right answers.
 * (Swept 0.76–0.85 with `npm run eval`; the figures are in the README.)
 */
export const UNPARSED_QUESTION_SIMILARITY = 0.78;

export interface VerifiedEvidence {
  readonly kept: readonly Evidence[];
  /** The act checked; undefined when the question's parse shows none. */
  readonly act?: AskedAct;
  /** Set when the question had no parse, and its evidence was checked by meaning alone. */
  readonly byMeaningOnly?: true;
}

/** Whether the service parsed the question (French), so that its act, or its lack of one, can be read. */
const isParsed = (question: TextAnalysis | undefined): boolean =>
  question !== undefined && question.tokens.some((token) => token.dep !== '');

/**
 * The evidence whose sentence states the asked act. Evidence that cannot be checked is kept: from a
 * passage without a parse (English articles), or a silent sentence when there are no embeddings to
 * compare. A sentence that negates the act never supports it. A question with no parse (English) has
 * no act to read, and its evidence must come from a sentence close to it in meaning.
 */
export function verifyEvidence(
  index: StoryIndex,
  request: ValueAnswerRequest,
  evidence: readonly Evidence[],
): VerifiedEvidence {
  const roles = namedRoles(request.analysis);
  // A sentence where the question's names swap roles ("Trump a remercié Poutine" for "Qui Poutine a-t-il
  // remercié ?") is about another act, whatever it names.
  const unreversed = evidence.filter((item) => !reversesRoles(index, item.hit.passage.id, roles, item.anchor.start));
  const act = askedAct(request.analysis);
  const { questionVector } = request;
  if (!act) {
    if (questionVector === undefined || isParsed(request.analysis)) return { kept: unreversed };
    return {
      kept: unreversed.filter((item) => {
        const sentence = index.sentenceVectorAt(item.hit.passage.id, item.anchor.start);
        return sentence === undefined || cosine(sentence, questionVector) >= UNPARSED_QUESTION_SIMILARITY;
      }),
      byMeaningOnly: true,
    };
  }
  const kept = unreversed.filter((item) => {
    const statement = actInSentence(index.analysisOf(item.hit.passage.id), item.anchor, act);
    if (statement === undefined || statement === 'states') return true;
    if (statement === 'negates') return false;
    // Without embeddings (not made yet, or no service) a paraphrase cannot be told from silence.
    const sentence = index.sentenceVectorAt(item.hit.passage.id, item.anchor.start);
    if (sentence === undefined || questionVector === undefined) return true;
    return cosine(sentence, questionVector) >= SAME_MEANING_SIMILARITY;
  });
  return { kept, act };
}
