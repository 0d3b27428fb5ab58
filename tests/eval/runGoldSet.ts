/**
 * The side-effecting half of the evaluation: reads a gold file and its corpus, builds the index and asks
 * every question through the answer engine. `evaluate` (pure) scores what comes back.
 */
import { analysePassagesOf, embedPassagesOf, prepareQuestion } from '../../src/desk/deskLanguage.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePartialDate } from '../../src/corpus/partialDate.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { Answer, AnswerCommand } from '../../src/answer/types.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { extractDates } from '../../src/text/dates.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import type { GoldCommand, GoldSet } from './goldTypes.ts';
import { loadGold } from './loadGold.ts';

export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The gold sets, by the name the report uses. */
export const GOLD_FILES = {
  seed: 'tests/eval/goldSeed.yaml',
  ember: 'tests/eval/goldEmber.yaml',
  seedBlind: 'tests/eval/goldSeedBlind.yaml',
  trawler: 'tests/eval/goldTrawler.yaml',
  seedR6: 'tests/eval/goldSeedR6.yaml',
  museum: 'tests/eval/goldMuseum.yaml',
  seedR7: 'tests/eval/goldSeedR7.yaml',
  funicular: 'tests/eval/goldFunicular.yaml',
  seedR8: 'tests/eval/goldSeedR8.yaml',
  ballot: 'tests/eval/goldBallot.yaml',
  seedR9: 'tests/eval/goldSeedR9.yaml',
  ransom: 'tests/eval/goldRansom.yaml',
  seedR10: 'tests/eval/goldSeedR10.yaml',
  spill: 'tests/eval/goldSpill.yaml',
  seedR11: 'tests/eval/goldSeedR11.yaml',
  derby: 'tests/eval/goldDerby.yaml',
  seedR12: 'tests/eval/goldSeedR12.yaml',
  cutlery: 'tests/eval/goldCutlery.yaml',
} as const;
export type GoldSetName = keyof typeof GOLD_FILES;

/** `count` questions go through /ask, the command a reader uses for "combien…". */
export function commandFor(command: GoldCommand): AnswerCommand {
  return command === 'count' ? 'ask' : command;
}

/** The ISO values of the dates written in a quote, ranges giving both ends. */
export function datesIn(text: string, published: string): string[] {
  const publication = parsePartialDate(published);
  if (publication === null) return [];
  return extractDates(text, publication).flatMap((mention) =>
    mention.until === undefined ? [mention.date.iso] : [mention.date.iso, mention.until.iso],
  );
}

export interface GoldRun {
  readonly name: GoldSetName;
  readonly gold: GoldSet;
  readonly corpus: Corpus;
  readonly answers: ReadonlyMap<string, Answer>;
  readonly evaluation: Evaluation;
}

/**
 * Asks every question of a gold set. With a language service, as the bot asks them: passages and
 * questions parsed first (the eval test and `npm run eval` both start one), and embedded when asked
 * (`npm run eval` does; the eval test does not, embedding every gold corpus taking minutes cold);
 * without, the engine alone.
 */
export async function runGoldSet(
  name: GoldSetName,
  language?: LanguageService,
  options: { readonly embeddings?: boolean } = {},
): Promise<GoldRun> {
  const gold = await loadGold(resolve(REPOSITORY_ROOT, GOLD_FILES[name]));
  const corpus = await loadCorpus(resolve(REPOSITORY_ROOT, gold.corpus));
  let index = buildStoryIndex(corpus);
  if (language) {
    const analysed = await analysePassagesOf(index, language);
    if (!analysed.ok) throw new Error(`the language service could not parse the passages: ${analysed.reason}`);
    index = analysed.index;
    if (options.embeddings) {
      const embedded = await embedPassagesOf(index, language);
      if (!embedded.ok) throw new Error(`the language service could not embed the passages: ${embedded.reason}`);
      index = embedded.index;
    }
  }
  const answers = new Map<string, Answer>();
  for (const question of gold.questions) {
    const prepared = await prepareQuestion(language, question.question, { embed: options.embeddings ?? false });
    answers.set(
      question.id,
      answerQuestion(index, {
        command: commandFor(question.command),
        query: question.question,
        locale: question.locale,
        ...prepared,
      }),
    );
  }
  const evaluation = evaluate({
    questions: gold.questions,
    answers,
    articles: corpus.articles,
    aliases: corpus.aliases,
    datesIn,
  });
  return { name, gold, corpus, answers, evaluation };
}
