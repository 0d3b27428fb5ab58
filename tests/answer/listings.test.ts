/**
 * /outlets and the whole /timeline read the entire corpus, so each index makes them once and keeps them.
 * What is kept must belong to that index alone (an index derived on a reload, or loaded from the index
 * cache, lists its own corpus), and what a reply holds stays bounded however large the corpus is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES_QUOTED_PER_OUTLET, DATES_WRITTEN, MAX_ARTICLES_QUOTED } from '../../src/answer/answerOutlets.ts';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { Answer, Locale } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { splitPassages } from '../../src/corpus/splitPassages.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { buildStoryIndex, storyIndexFromSnapshot, type StoryIndex } from '../../src/search/storyIndex.ts';

const withArticles = (corpus: Corpus, articles: readonly Article[]): Corpus => ({
  ...corpus,
  articles,
  passages: articles.flatMap(splitPassages),
});

const outlets = (index: StoryIndex, locale: Locale = 'fr'): Answer =>
  answerQuestion(index, { command: 'outlets', query: '', locale });
const timeline = (index: StoryIndex, query = '', locale: Locale = 'fr'): Answer =>
  answerQuestion(index, { command: 'timeline', query, locale });

/** An article of `outlet`, published on day `day` of December 2017, whose first sentence names it. */
function article(outlet: string, day: number, body?: string): Article {
  const iso = `2017-12-${String(day).padStart(2, '0')}`;
  const slug = outlet.toLowerCase().replace(/\W+/gu, '-');
  return {
    id: `${iso}-${slug}`,
    path: `${iso}-${slug}.md`,
    title: `${outlet}, le ${day} décembre`,
    outlet,
    published: { iso, precision: 'day' },
    url: null,
    language: 'fr',
    origin: null,
    body: body ?? `Article ${day} de ${outlet} sur le conseil municipal.\n\nLe conseil s’est réuni en séance publique.`,
  };
}

let seed: Corpus;
let served: StoryIndex;
beforeAll(async () => {
  seed = await loadCorpus('corpus');
  served = buildStoryIndex(seed);
});

describe('/outlets, kept per index', () => {
  it('lists, in an index derived on a reload, the outlet the reload added; the serving index lists its own', async () => {
    const before = outlets(served);
    const added = article('La Gazette du Port', 20);
    const derived = await served.derive(withArticles(seed, [...seed.articles, added]));

    const after = outlets(derived);
    expect(after.answers.map((item) => item.value)).toContain('La Gazette du Port');
    expect(after.answers.find((item) => item.value === 'La Gazette du Port')?.support[0]?.articleId).toBe(added.id);
    expect(after).toEqual(outlets(buildStoryIndex(derived.corpus)));
    expect(outlets(served)).toEqual(before);
    expect(before.answers.map((item) => item.value)).not.toContain('La Gazette du Port');
  });

  it('lists, in an index loaded from a snapshot, what a build of the same corpus lists', async () => {
    const corpus = withArticles(seed, [...seed.articles, article('La Gazette du Port', 20)]);
    outlets(served);
    const loaded = await storyIndexFromSnapshot(corpus, 'fingerprint', buildStoryIndex(corpus).snapshot('fingerprint'));
    expect(outlets(loaded)).toEqual(outlets(buildStoryIndex(corpus)));
  });

  it('answers with the query asked, in the locale asked, every time', () => {
    const first = outlets(served, 'en');
    expect(answerQuestion(served, { command: 'outlets', query: 'médias', locale: 'en' }).query).toBe('médias');
    expect(outlets(served, 'en')).toEqual(first);
  });
});

describe('/outlets, bounded', () => {
  const many = ARTICLES_QUOTED_PER_OUTLET + DATES_WRITTEN;
  let index: StoryIndex;
  beforeAll(() => {
    const busy = Array.from({ length: many }, (_, at) => article('Le Quotidien', at + 1));
    index = buildStoryIndex(withArticles(seed, [...seed.articles, ...busy]));
  });

  it('quotes an outlet’s latest articles only, and still counts and dates every one', () => {
    const busy = outlets(index).answers.find((item) => item.value === 'Le Quotidien');
    expect(busy?.support.map((citation) => citation.published)).toEqual(
      Array.from(
        { length: ARTICLES_QUOTED_PER_OUTLET },
        (_, at) => `2017-12-${many - ARTICLES_QUOTED_PER_OUTLET + at + 1}`,
      ),
    );
    expect(busy?.label).toBe(`${many} articles (2017-12-01 … 2017-12-${many})`);
  });

  it('says what it left out, and lists the other outlets as before', () => {
    const answer = outlets(index, 'en');
    const quoted = seed.articles.length + ARTICLES_QUOTED_PER_OUTLET;
    expect(answer.notes).toEqual([
      `Each outlet’s latest articles are quoted, at most ${ARTICLES_QUOTED_PER_OUTLET} an outlet and ${MAX_ARTICLES_QUOTED} in all: ${quoted} of ${seed.articles.length + many} articles.`,
    ]);
    const others = (listing: Answer) => listing.answers.filter((item) => item.value !== 'Le Quotidien');
    expect(others(answer)).toEqual(others(outlets(served, 'en')));
    expect(outlets(served).notes).toEqual([]);
  });

  it('quotes no more than its total, whatever the number of outlets', () => {
    const outletCount = Math.ceil(MAX_ARTICLES_QUOTED / ARTICLES_QUOTED_PER_OUTLET) + 2;
    const articles = Array.from({ length: outletCount }, (_, outlet) =>
      Array.from({ length: ARTICLES_QUOTED_PER_OUTLET }, (_, day) => article(`Média ${outlet + 10}`, day + 1)),
    ).flat();
    const answer = outlets(buildStoryIndex(withArticles(seed, articles)));
    expect(answer.answers).toHaveLength(outletCount);
    expect(answer.answers.flatMap((item) => item.support)).toHaveLength(MAX_ARTICLES_QUOTED);
    expect(answer.answers.at(-1)?.label).toMatch(new RegExp(`^${ARTICLES_QUOTED_PER_OUTLET} articles `, 'u'));
  });
});

describe('/timeline, kept per index', () => {
  const newEvent = article(
    'La Gazette du Port',
    28,
    'Le 3 janvier 2018, la capitainerie a fermé le port de Granvelle.\n\nLes pêcheurs sont restés à quai.',
  );

  it('lists, in an index derived on a reload, the event the reload added', async () => {
    const before = timeline(served);
    const derived = await served.derive(withArticles(seed, [...seed.articles, newEvent]));
    expect(timeline(derived).answers.map((item) => item.value)).toContain('2018-01-03');
    expect(timeline(derived)).toEqual(timeline(buildStoryIndex(derived.corpus)));
    expect(timeline(served)).toEqual(before);
    expect(before.answers.map((item) => item.value)).not.toContain('2018-01-03');
  });

  it('restricted by words, reads the passages about them, not the whole timeline kept', () => {
    const whole = timeline(served);
    const restricted = timeline(served, 'Tsarnaïev');
    expect(restricted.answers.map((item) => item.value)).toEqual(['2011-03', '2013-04-15']);
    expect(restricted.passages.length).toBeGreaterThan(0);
    expect(restricted.notes).toEqual(['Événements liés à « Tsarnaïev ».']);
    expect(timeline(served, 'pétanque').answers).toEqual([]);
    expect(timeline(served)).toEqual(whole);
    expect(whole.passages).toEqual([]);
  });

  it('keeps each locale’s timeline apart', () => {
    const french = timeline(served, '', 'fr');
    const english = timeline(served, '', 'en');
    expect(english.answers.map((item) => item.value)).toEqual(french.answers.map((item) => item.value));
    expect(english.answers[0]?.label).not.toBe(french.answers[0]?.label);
  });
});
