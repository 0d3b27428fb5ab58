import type { HeadlineFigure } from './evaluate.ts';
import type { GoldCommand } from './goldTypes.ts';
import type { GoldSetName } from './runGoldSet.ts';

/**
 * Floors for the answer-quality figures (rates in [0, 1]) over each whole gold set, checked by
 * eval.test.ts. They are set to what the engine reaches (rounded down to the hundredth), and only ever
 * raised: a change that lowers a figure must be fixed, not answered by lowering the floor. The one
 * exception is new gold questions the engine fails: they lower a figure without any change to the
 * engine, so the floor follows them, in the same commit, with the reason written beside it.
 */
export const THRESHOLDS: Readonly<Record<GoldSetName, Readonly<Record<HeadlineFigure, number>>>> = {
  seed: {
    firstAnswerExact: 0.93,
    disagreementsShown: 0.66,
    // 0.92 on the first 28 questions; the 6 added next hold two it fails (paraphrases).
    sourceListExact: 0.88,
    passageRecallAt5: 0.91,
    passageMrr: 0.8,
    answerMrr: 0.94,
    noAnswer: 0.66,
    answered: 0.96,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  ember: {
    firstAnswerExact: 0.84,
    disagreementsShown: 0.75,
    // Its one miss is "son client" for Mercadier: a reference no apposition names.
    sourceListExact: 0.88,
    passageRecallAt5: 0.9,
    passageMrr: 0.84,
    answerMrr: 0.87,
    // A held-out question on what no article says ("Where was the interior minister born?") is answered
    // since "interior" joined the vocabulary: the engine tolerates one unknown word in three.
    noAnswer: 0.75,
    answered: 0.93,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
};

/** Floors for the first answer's exact match, command by command (same rule: only ever raised). */
export const COMMAND_THRESHOLDS: Readonly<Record<GoldSetName, Readonly<Record<GoldCommand, number>>>> = {
  seed: { who: 1, when: 0.92, where: 0.92, source: 0.94, count: 0.75 },
  ember: { who: 0.88, when: 0.82, where: 0.68, source: 0.88, count: 1 },
};
