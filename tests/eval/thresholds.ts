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
  // Lowered in the third round by 12 new /source questions written by a reviewer who had not seen the
  // engine (seed-source-35 to 46): /source 0.88 -> 0.71, first answer 0.93 -> 0.89, and the passage
  // figures with them. Before them: 0.93, 0.88, 0.91, 0.8, 0.94, 0.96.
  // Lowered in the fourth round by 10 new /source questions from another reviewer who had not seen the
  // engine (seed-source-47 to 56; the engine of the start of that round also gets 4 of them right).
  // Before them: 0.94, 0.86, 0.94, 0.84, 0.96, 0.97.
  seed: {
    firstAnswerExact: 0.92,
    disagreementsShown: 0.66,
    sourceListExact: 0.8,
    passageRecallAt5: 0.92,
    passageMrr: 0.83,
    answerMrr: 0.94,
    // 0.66 before 8 unanswerable questions from the same reviewer (seed-none-13 to 20), of which it refuses 4.
    noAnswer: 0.65,
    answered: 0.95,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Lowered in the third round by 12 new questions from the same reviewer (ember-source-10 to 15,
  // ember-where-17 to 22). Before them: 0.84, 0.88, 0.9, 0.84, 0.87, 0.93.
  // Lowered again in the fourth round by 6 new /source questions (ember-source-16 to 21; the engine of
  // the start of that round also gets 1 of them right). Before them: 0.91, 0.66, 0.92, 0.88, 0.93, 0.96.
  ember: {
    firstAnswerExact: 0.88,
    disagreementsShown: 0.75,
    sourceListExact: 0.52,
    passageRecallAt5: 0.9,
    passageMrr: 0.85,
    answerMrr: 0.9,
    // A held-out question on what no article says ("Where was the interior minister born?") is answered
    // since "interior" joined the vocabulary: the engine tolerates one unknown word in three. 0.75 before
    // 8 unanswerable questions from the same reviewer (ember-none-09 to 16), of which it refuses 4.
    noAnswer: 0.68,
    answered: 0.93,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // The blind round-5 sets (goldSeedBlind.yaml, goldTrawler.yaml): written from the articles alone by a
  // reader who had not seen the engine, and set here from the engine's first run on them, untuned.
  seedBlind: {
    firstAnswerExact: 0.44,
    disagreementsShown: 1,
    sourceListExact: 0.42,
    passageRecallAt5: 0.61,
    passageMrr: 0.52,
    answerMrr: 0.5,
    noAnswer: 0.44,
    answered: 0.64,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  trawler: {
    firstAnswerExact: 0.48,
    disagreementsShown: 0.25,
    sourceListExact: 0.33,
    passageRecallAt5: 0.7,
    passageMrr: 0.59,
    answerMrr: 0.52,
    noAnswer: 0.6,
    answered: 0.67,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-6 blind sets (goldSeedR6.yaml, goldMuseum.yaml), written like round 5's: floors from the
  // engine's first, untuned run on them.
  seedR6: {
    firstAnswerExact: 0.47,
    disagreementsShown: 0,
    sourceListExact: 0.62,
    passageRecallAt5: 0.65,
    passageMrr: 0.58,
    answerMrr: 0.49,
    noAnswer: 0.17,
    answered: 0.73,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  museum: {
    firstAnswerExact: 0.44,
    disagreementsShown: 0,
    sourceListExact: 0.66,
    passageRecallAt5: 0.64,
    passageMrr: 0.6,
    answerMrr: 0.45,
    noAnswer: 0.36,
    answered: 0.58,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-7 blind sets (goldSeedR7.yaml, goldFunicular.yaml): floors from the engine's first, untuned run.
  seedR7: {
    firstAnswerExact: 0.7,
    disagreementsShown: 0,
    sourceListExact: 0.75,
    passageRecallAt5: 0.82,
    passageMrr: 0.69,
    answerMrr: 0.7,
    noAnswer: 0.3,
    answered: 0.7,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  funicular: {
    firstAnswerExact: 0.42,
    disagreementsShown: 0.5,
    sourceListExact: 0.33,
    passageRecallAt5: 0.6,
    passageMrr: 0.58,
    answerMrr: 0.48,
    noAnswer: 0.09,
    answered: 0.54,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-8 blind sets (goldSeedR8.yaml, goldBallot.yaml): floors from the engine's first, untuned run.
  seedR8: {
    firstAnswerExact: 0.39,
    disagreementsShown: 0,
    sourceListExact: 0.4,
    passageRecallAt5: 0.71,
    passageMrr: 0.57,
    answerMrr: 0.43,
    noAnswer: 0.5,
    answered: 0.75,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  ballot: {
    firstAnswerExact: 0.47,
    disagreementsShown: 0.5,
    sourceListExact: 0.6,
    passageRecallAt5: 0.79,
    passageMrr: 0.66,
    answerMrr: 0.59,
    noAnswer: 0.33,
    answered: 0.76,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-9 blind sets (goldSeedR9.yaml, goldRansom.yaml): floors from the engine's first, untuned run.
  seedR9: {
    firstAnswerExact: 0.38,
    disagreementsShown: 0,
    sourceListExact: 0.14,
    passageRecallAt5: 0.66,
    passageMrr: 0.53,
    answerMrr: 0.47,
    noAnswer: 0.5,
    answered: 0.66,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  ransom: {
    firstAnswerExact: 0.5,
    disagreementsShown: 0.66,
    sourceListExact: 0.5,
    passageRecallAt5: 0.56,
    passageMrr: 0.53,
    answerMrr: 0.51,
    noAnswer: 0.28,
    // 0.61 on the first run; 0.59 since the roles read through relative pronouns turned one wrong answer
    // (ransom-r9-004, the accuser given as the accused) into no answer.
    answered: 0.59,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-10 blind sets (goldSeedR10.yaml, goldSpill.yaml): floors from the engine's first, untuned run. On
  // seedR10 two citations of 52 do not hold the answer: a floor of 0.96, not 1, as measured.
  seedR10: {
    firstAnswerExact: 0.12,
    disagreementsShown: 0,
    sourceListExact: 0.33,
    passageRecallAt5: 0.31,
    passageMrr: 0.31,
    answerMrr: 0.15,
    noAnswer: 0.45,
    answered: 0.43,
    citationVerbatim: 1,
    citationHoldsAnswer: 0.96,
  },
  spill: {
    firstAnswerExact: 0.5,
    disagreementsShown: 0.5,
    sourceListExact: 0,
    passageRecallAt5: 0.55,
    passageMrr: 0.46,
    answerMrr: 0.52,
    noAnswer: 0.41,
    answered: 0.66,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-11 blind sets (goldSeedR11.yaml, goldDerby.yaml): floors from the engine's first, untuned run
  // (at ab04d9e, the engine before round 11's work), rounded down.
  seedR11: {
    firstAnswerExact: 0.61,
    disagreementsShown: 0,
    sourceListExact: 0.66,
    passageRecallAt5: 0.61,
    passageMrr: 0.55,
    answerMrr: 0.65,
    noAnswer: 0.43,
    answered: 0.76,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  derby: {
    firstAnswerExact: 0.4,
    disagreementsShown: 0,
    sourceListExact: 0.62,
    passageRecallAt5: 0.59,
    passageMrr: 0.51,
    answerMrr: 0.45,
    noAnswer: 0.66,
    answered: 0.59,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  // Round-12 blind sets (goldSeedR12.yaml, goldCutlery.yaml): floors from the engine's first, untuned run
  // (at 26e7e74, before round 12's work), without embeddings as the eval test runs, rounded down.
  seedR12: {
    firstAnswerExact: 0.5,
    disagreementsShown: 0,
    sourceListExact: 0.4,
    passageRecallAt5: 0.61,
    passageMrr: 0.58,
    answerMrr: 0.51,
    noAnswer: 0.41,
    answered: 0.72,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
  cutlery: {
    firstAnswerExact: 0.5,
    disagreementsShown: 0.5,
    sourceListExact: 0.57,
    passageRecallAt5: 0.8,
    passageMrr: 0.73,
    answerMrr: 0.58,
    noAnswer: 0.25,
    answered: 0.82,
    citationVerbatim: 1,
    citationHoldsAnswer: 1,
  },
};

/**
 * Floors for the first answer's exact match, command by command (same rule: only ever raised). The new
 * questions of the third round lowered seed source (0.94 -> 0.84) and Ember where (0.68 -> 0.54) and
 * source (0.88 -> 0.6); those of the fourth round lowered seed source (0.95 -> 0.87) and Ember source
 * (1 -> 0.85).
 */
export const COMMAND_THRESHOLDS: Readonly<Record<GoldSetName, Readonly<Record<GoldCommand, number>>>> = {
  seed: { who: 1, when: 0.92, where: 1, source: 0.91, count: 0.75 },
  ember: { who: 0.88, when: 0.88, where: 0.86, source: 0.85, count: 1 },
  // Round-5 blind sets: the first run, untuned (see THRESHOLDS).
  seedBlind: { who: 0.46, when: 0.5, where: 0.4, source: 0.57, count: 0 },
  trawler: { who: 0.57, when: 0.57, where: 0.2, source: 0.66, count: 0.2 },
  // Round-6 blind sets: the first run, untuned (see THRESHOLDS).
  seedR6: { who: 0.57, when: 0.33, where: 0.33, source: 0.62, count: 0 },
  museum: { who: 0.16, when: 0.42, where: 0.6, source: 1, count: 0.25 },
  // Round-7 blind sets: the first run, untuned (see THRESHOLDS).
  seedR7: { who: 0.75, when: 0.33, where: 1, source: 0.75, count: 0.5 },
  funicular: { who: 0.22, when: 0.66, where: 0.33, source: 0.5, count: 0.4 },
  // Round-8 blind sets: the first run, untuned (see THRESHOLDS).
  seedR8: { who: 0.4, when: 0.5, where: 0.33, source: 0.6, count: 0 },
  ballot: { who: 0.25, when: 0.55, where: 0.4, source: 0.8, count: 0.42 },
  // Round-9 blind sets: the first run, untuned (see THRESHOLDS).
  seedR9: { who: 0.28, when: 0, where: 0.66, source: 0.57, count: 0 },
  ransom: { who: 0.33, when: 0.58, where: 0.4, source: 0.62, count: 0.57 },
  // Round-10 blind sets: the first run, untuned (see THRESHOLDS).
  seedR10: { who: 0, when: 0, where: 0.5, source: 0.33, count: 0 },
  spill: { who: 0.55, when: 0.7, where: 0.2, source: 0.5, count: 0.33 },
  // Round-11 blind sets: the first run, untuned (see THRESHOLDS).
  seedR11: { who: 0.25, when: 1, where: 1, source: 0.77, count: 1 },
  derby: { who: 0.42, when: 0.3, where: 0.66, source: 0.62, count: 0.11 },
  // Round-12 blind sets: the first run, untuned (see THRESHOLDS).
  seedR12: { who: 0.4, when: 0, where: 0, source: 1, count: 0.66 },
  cutlery: { who: 0.6, when: 0.36, where: 0.4, source: 0.85, count: 0.28 },
};
