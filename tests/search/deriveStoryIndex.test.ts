/**
 * An index derived from the serving one after articles are added, edited or removed answers exactly as
 * an index built from scratch on the same corpus: the same hits with the same scores, the same copies
 * ("also carried by"), names and roles, and the same answers to every gold and bench question, on the
 * real fixture corpora; its snapshot is the same, byte for byte. The index it was derived from is left
 * exactly as it was.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_QUESTIONS } from '../../bench/benchQuestions.ts';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { AnswerCommand, Locale } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { splitPassages } from '../../src/corpus/splitPassages.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { buildStoryIndex, storyIndexFromSnapshot, type StoryIndex } from '../../src/search/storyIndex.ts';
import { knownNames } from '../../src/text/entities.ts';
import { loadGold } from '../eval/loadGold.ts';

interface Question {
  readonly command: AnswerCommand;
  readonly query: string;
  readonly locale: Locale;
}

/** The gold questions of each corpus, by corpus folder. */
async function goldQuestions(): Promise<Map<string, Question[]>> {
  const files = (await readdir('tests/eval')).filter((name) => /^gold.*\.yaml$/u.test(name));
  const byCorpus = new Map<string, Question[]>();
  for (const file of files) {
    const gold = await loadGold(join('tests/eval', file));
    const asked = gold.questions.map(({ command, question, locale }) => ({
      command: command === 'count' ? ('ask' as const) : command,
      query: question,
      locale,
    }));
    byCorpus.set(gold.corpus, [...(byCorpus.get(gold.corpus) ?? []), ...asked]);
  }
  return byCorpus;
}

const CORPORA = [
  'corpus',
  'tests/fixtures/ballot-story',
  'tests/fixtures/ember-story',
  'tests/fixtures/funicular-story',
  'tests/fixtures/museum-story',
  'tests/fixtures/ransom-story',
  'tests/fixtures/reprint-corpus',
  'tests/fixtures/spill-story',
  'tests/fixtures/trawler-story',
];

const withArticles = (corpus: Corpus, articles: readonly Article[]): Corpus => ({
  ...corpus,
  articles,
  passages: articles.flatMap(splitPassages),
});

/**
 * The corpus with three articles edited: a word changed in one, a paragraph of a fourth article copied
 * into another (so that copies change), and the date of a third (so that the order of copies may).
 */
function edited(corpus: Corpus): Corpus {
  const [first, second, third, fourth] = corpus.articles;
  const copied = fourth?.body.split(/\n\n+/u).find((paragraph) => paragraph.split(/\s+/u).length >= 12) ?? '';
  return withArticles(
    corpus,
    corpus.articles.map((article) => {
      if (article === first) return { ...article, body: article.body.replace(/\b(\p{L}{6,})\b/u, '$1s') };
      if (article === second) return { ...article, body: `${article.body}\n\n${copied}` };
      if (article === third) return { ...article, published: { iso: '2016-01-02', precision: 'day' as const } };
      return article;
    }),
  );
}

/** Everything a question can read of an index's search, for one question. */
function searchView(index: StoryIndex, query: string) {
  const units = index.analyzer.queryUnits(query);
  const view = (hits: ReturnType<StoryIndex['search']>) =>
    hits.map((hit) => ({
      passage: hit.passage.id,
      article: hit.article.id,
      score: hit.score,
      units: hit.matchedUnits,
      terms: [...hit.matchedTerms].sort(),
      unitOfTerm: [...hit.unitOfTerm].sort(),
      context: [...hit.contextUnits].sort(),
    }));
  const limited = index.searchWithUnits({ units, require: 'any', limit: 3 });
  return {
    any: view(index.search({ units, require: 'any' })),
    all: view(index.search({ units, require: 'all' })),
    limited: view(limited.hits),
    unitsFound: [...limited.unitsFound].sort(),
  };
}

const sortedEntries = (map: ReadonlyMap<string, unknown>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** What an index says, all of it that answers depend on, for these questions. */
function everything(index: StoryIndex, questions: readonly Question[]) {
  return {
    passages: index.corpus.passages.map((passage) => passage.id),
    copies: index.copies.groups,
    alsoCarried: index.corpus.passages.map((passage) => [
      passage.id,
      index.copies.originalOf(passage.id),
      index.copies.copiesOf(passage.id),
    ]),
    names: sortedEntries(index.gazetteer.names),
    surnames: sortedEntries(index.gazetteer.surnames),
    known: sortedEntries(index.gazetteer.known),
    knownPeople: knownNames(index.gazetteer, 'person'),
    roles: sortedEntries(index.roleNames.byRole),
    frequencies: knownNames(index.gazetteer).map((name) => index.passageFrequency(name)),
    searches: questions.map((question) => searchView(index, question.query)),
    answers: questions.map((question) => answerQuestion(index, question)),
  };
}

/** Derives the index of `after` from one of `before`, and checks it against a full build of `after`. */
async function expectDerivedAsBuilt(served: StoryIndex, after: Corpus, questions: readonly Question[]) {
  const before = JSON.stringify(served.snapshot('before'));
  const sample = questions.slice(0, 20);
  const servedSays = everything(served, sample);
  const derived = await served.derive(after);
  const built = buildStoryIndex(after);
  expect(everything(derived, questions)).toEqual(everything(built, questions));
  // The very index a full build makes, to the last posting and short id: its cache file is the same too.
  expect(JSON.stringify(derived.snapshot('after'))).toBe(JSON.stringify(built.snapshot('after')));
  // The serving index is only read: the same index to the last posting, answering as before.
  expect(JSON.stringify(served.snapshot('before'))).toBe(before);
  expect(everything(served, sample)).toEqual(servedSays);
  return derived;
}

describe('StoryIndex.derive', async () => {
  const gold = await goldQuestions();
  const bench: Question[] = ALL_QUESTIONS.map((question) => ({ ...question, locale: 'fr' }));
  const extra: Question[] = [
    { command: 'outlets', query: '', locale: 'fr' },
    { command: 'timeline', query: '', locale: 'en' },
  ];

  describe.each(CORPORA)('on %s', async (dir) => {
    const corpus = await loadCorpus(dir);
    const questions = [...(gold.get(dir) ?? []), ...bench, ...extra];
    const gone = new Set([corpus.articles[1]!.id, corpus.articles.at(-1)!.id]);
    const smaller = withArticles(
      corpus,
      corpus.articles.filter((article) => !gone.has(article.id)),
    );

    // Hundreds of questions asked of four indexes: the timeout guards against a hang only.
    it('answers as a full build after articles are removed', { timeout: 120_000 }, async () => {
      await expectDerivedAsBuilt(buildStoryIndex(corpus), smaller, questions);
    });

    it('answers as a full build after articles are added', { timeout: 120_000 }, async () => {
      await expectDerivedAsBuilt(buildStoryIndex(smaller), corpus, questions);
    });

    it(
      'answers as a full build after articles are edited, and again after a second reload',
      { timeout: 120_000 },
      async () => {
        const derived = await expectDerivedAsBuilt(buildStoryIndex(corpus), edited(corpus), questions);
        await expectDerivedAsBuilt(derived, corpus, questions);
      },
    );

    it(
      'answers as a full build when derived from an index loaded from a snapshot (no basis kept)',
      { timeout: 120_000 },
      async () => {
        const built = buildStoryIndex(corpus);
        const loaded = await storyIndexFromSnapshot(corpus, 'x', built.snapshot('x'));
        await expectDerivedAsBuilt(loaded, edited(corpus), questions);
      },
    );
  });

  it('refuses a corpus whose alias list changed, and leaves the index as it was', async () => {
    const corpus = await loadCorpus('corpus');
    const served = buildStoryIndex(corpus);
    const before = JSON.stringify(served.snapshot('x'));
    await expect(served.derive({ ...corpus, aliases: corpus.aliases.slice(1) })).rejects.toThrow(/alias/u);
    expect(JSON.stringify(served.snapshot('x'))).toBe(before);
  });
});
