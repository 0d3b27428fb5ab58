/** Indexes of the corpora the answer tests ask, built once per test file. */
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { buildStoryIndex, type StoryIndex } from '../../src/search/storyIndex.ts';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { Answer, AnswerCommand, Locale } from '../../src/answer/types.ts';

export interface AskedCorpus {
  readonly corpus: Corpus;
  readonly index: StoryIndex;
  ask(command: AnswerCommand, query: string, locale?: Locale): Answer;
}

export async function openCorpus(dir: string): Promise<AskedCorpus> {
  const corpus = await loadCorpus(dir);
  const index = buildStoryIndex(corpus);
  return { corpus, index, ask: (command, query, locale = 'fr') => answerQuestion(index, { command, query, locale }) };
}

/** Every quote of an answer, with the body of the article it cites. */
export function quotesOf(answer: Answer, corpus: Corpus): { quote: string; body: string; articleId: string }[] {
  const bodies = new Map(corpus.articles.map((article) => [article.id, article.body]));
  return answer.answers.flatMap((item) =>
    item.support.map((citation) => ({
      quote: citation.quote,
      body: bodies.get(citation.articleId) ?? '',
      articleId: citation.articleId,
    })),
  );
}
