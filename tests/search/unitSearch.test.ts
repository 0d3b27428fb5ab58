/**
 * UnitSearch scores passages itself, over minisearch's postings, instead of asking minisearch's OR
 * search: these check that it finds and scores what minisearch's own search finds and scores, that a
 * limit keeps the top of the whole ranking, and that the units found are those of every match, kept or
 * not. No timing: speed is the bench's (`npm run bench`).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_QUESTIONS } from '../../bench/benchQuestions.ts';
import { recombinedSeedCorpus } from '../../bench/syntheticCorpus.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { buildStoryIndex, editDistanceFor, postingSourceOf } from '../../src/search/storyIndex.ts';
import { UnitSearch, type RankedPassage, type UnitQuery } from '../../src/search/unitSearch.ts';
import { createAnalyzer } from '../../src/text/analyzer.ts';
import { createNewsVocabulary } from '../../src/text/newsVocabulary.ts';
import type { QueryUnit } from '../../src/text/analyzer.ts';

/** A minisearch index of passages set up as StoryIndex sets its own: two fields, the context boosted less. */
function indexOf(corpus: Corpus): MiniSearch<Passage> {
  const analyzer = createAnalyzer(corpus.aliases);
  const previous = (passage: Passage) =>
    corpus.passages.find((other) => other.articleId === passage.articleId && other.index === passage.index - 1);
  const miniSearch = new MiniSearch<Passage>({
    fields: ['text', 'context'],
    extractField: (passage, field) =>
      field === 'id' ? passage.id : field === 'text' ? passage.text : (previous(passage)?.text ?? ''),
    tokenize: (text) => analyzer.documentTerms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost: { text: 1, context: 0.4 } },
    // Vacuuming is started by the tests, so that they see postings of discarded passages still there.
    autoVacuum: false,
  });
  miniSearch.addAll(corpus.passages);
  return miniSearch;
}

/** The bench's questions as units, widened by the news vocabulary as `retrieve` widens them. */
function questionUnits(corpus: Corpus): QueryUnit[][] {
  const analyzer = createAnalyzer(corpus.aliases);
  const vocabulary = createNewsVocabulary(analyzer);
  return ALL_QUESTIONS.map(({ query }) => analyzer.queryUnits(query).map((unit) => vocabulary.expand(unit)));
}

const asUnitQueries = (units: readonly QueryUnit[]): UnitQuery[] =>
  units.map((unit) => ({ terms: unit.terms, editDistance: unit.fuzzy ? editDistanceFor : () => 0 }));

/** minisearch's own search for the same units: one OR (or AND) of one OR per unit. */
function minisearchResults(miniSearch: MiniSearch<Passage>, units: readonly QueryUnit[], all = false): SearchResult[] {
  return miniSearch.search({
    combineWith: all ? 'AND' : 'OR',
    queries: units.map((unit) => ({
      combineWith: 'OR',
      queries: [...unit.terms],
      fuzzy: unit.fuzzy ? (term: string) => editDistanceFor(term) : false,
      prefix: false,
    })),
  });
}

/** What each result says, minisearch's or UnitSearch's, by passage id. */
const byId = (results: readonly (SearchResult | RankedPassage)[]) =>
  new Map(
    results.map((result) => [
      String(result.id),
      { score: result.score, terms: result.terms, queryTerms: result.queryTerms, match: { ...result.match } },
    ]),
  );

/** The units a result holds: those of its query terms, a term shared by two units answering the later. */
function unitsOf(result: SearchResult | RankedPassage, units: readonly QueryUnit[]): Set<number> {
  const unitOfTerm = new Map<string, number>();
  units.forEach((unit, unitIndex) => unit.terms.forEach((term) => unitOfTerm.set(term, unitIndex)));
  return new Set(result.queryTerms.map((term) => unitOfTerm.get(term)!));
}

let seed: Corpus;
let recombined: Corpus;
beforeAll(async () => {
  seed = await loadCorpus('corpus');
  // 900 passages, each one of the 55 seed paragraphs with names swapped: long lists, and many exact ties.
  recombined = recombinedSeedCorpus(seed, 150);
});

describe('UnitSearch', () => {
  it('finds the passages minisearch finds, with its scores to the bit, terms and fields (seed corpus)', () => {
    const miniSearch = indexOf(seed);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    for (const units of questionUnits(seed)) {
      for (const all of [false, true]) {
        const expected = byId(minisearchResults(miniSearch, units, all));
        const found = byId(search.search(asUnitQueries(units), { require: all ? 'all' : 'any' }).ranked);
        expect(found).toEqual(expected);
      }
    }
  });

  it('finds and scores as minisearch does where lists are long and scores tie (recombined corpus)', () => {
    const miniSearch = indexOf(recombined);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    for (const units of questionUnits(recombined)) {
      const expected = byId(minisearchResults(miniSearch, units));
      expect(byId(search.search(asUnitQueries(units), { require: 'any' }).ranked)).toEqual(expected);
    }
  });

  it('with a limit, keeps the top of the whole ranking: most units, then best score', () => {
    const miniSearch = indexOf(recombined);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    let cut = 0;
    for (const units of questionUnits(recombined)) {
      const queries = asUnitQueries(units);
      const whole = search.search(queries, { require: 'any' });
      // The whole ranking is minisearch's matches ordered by units held, then score.
      const keys = (results: readonly (SearchResult | RankedPassage)[]) =>
        results.map((result) => [unitsOf(result, units).size, result.score]);
      const expected = minisearchResults(miniSearch, units).sort(
        (a, b) => unitsOf(b, units).size - unitsOf(a, units).size || b.score - a.score,
      );
      expect(keys(whole.ranked)).toEqual(keys(expected));
      for (const limit of [1, 7, 40, 400]) {
        if (whole.ranked.length > limit) cut++;
        const bounded = search.search(queries, { require: 'any', limit });
        expect(bounded.ranked.map((result) => result.id)).toEqual(
          whole.ranked.slice(0, limit).map((result) => result.id),
        );
        expect(bounded.unitsFound).toEqual(whole.unitsFound);
      }
    }
    // The limits did cut, at 400 too: the test is not only of lists short enough to keep whole.
    expect(cut).toBeGreaterThan(40);
  });

  it('counts as found every unit some match holds, however far past the limit', () => {
    const miniSearch = indexOf(recombined);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    const outletOf = new Map(recombined.articles.map((article) => [article.id, article.outlet]));
    const passageOf = new Map(recombined.passages.map((passage) => [passage.id, passage]));
    const fromOneOutlet = (id: string) => outletOf.get(passageOf.get(id)!.articleId) === 'La Tribune';
    for (const units of questionUnits(recombined)) {
      const matches = minisearchResults(miniSearch, units);
      const held = (results: readonly SearchResult[]) =>
        new Set(results.flatMap((result) => [...unitsOf(result, units)]));
      const queries = asUnitQueries(units);
      expect(search.search(queries, { require: 'any', limit: 1 }).unitsFound).toEqual(held(matches));
      const accepted = matches.filter((result) => fromOneOutlet(String(result.id)));
      const filtered = search.search(queries, { require: 'any', limit: 1, accept: fromOneOutlet });
      expect(filtered.unitsFound).toEqual(held(accepted));
      expect(filtered.ranked.every((result) => fromOneOutlet(result.id))).toBe(true);
      expect(search.search(queries, { require: 'any', accept: fromOneOutlet }).ranked).toHaveLength(accepted.length);
    }
  });

  it('follows passages added and discarded, before minisearch has vacuumed the discarded ones away', async () => {
    const miniSearch = indexOf(seed);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    const questions = questionUnits(seed);
    const run = () => questions.map((units) => byId(search.search(asUnitQueries(units), { require: 'any' }).ranked));
    run();
    const gone = seed.passages.filter((_, i) => i % 3 === 0);
    for (const passage of gone) miniSearch.discard(passage.id);
    const added = recombinedSeedCorpus(seed, 3).passages.map((passage) => ({ ...passage, id: `new-${passage.id}` }));
    miniSearch.addAll(added);
    const beforeVacuum = run();
    await miniSearch.vacuum();
    // minisearch's own search, on clean postings, is the reference.
    expect(beforeVacuum).toEqual(questions.map((units) => byId(minisearchResults(miniSearch, units))));
    expect(run()).toEqual(beforeVacuum);
    const found = new Set(beforeVacuum.flatMap((results) => [...results.keys()]));
    expect(gone.some((passage) => found.has(passage.id))).toBe(false);
    expect(added.some((passage) => found.has(passage.id))).toBe(true);
  });

  it('follows an index emptied and filled again with as many passages', () => {
    const miniSearch = indexOf(seed);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    const questions = questionUnits(seed);
    questions.forEach((units) => search.search(asUnitQueries(units), { require: 'any' }));
    // Same counts as before (short ids from 0 again, as many passages), other texts.
    const others = recombinedSeedCorpus(seed, 10).passages.slice(0, seed.passages.length);
    miniSearch.removeAll();
    miniSearch.addAll(others);
    for (const units of questions)
      expect(byId(search.search(asUnitQueries(units), { require: 'any' }).ranked)).toEqual(
        byId(minisearchResults(miniSearch, units)),
      );
  });

  it('tells whether any passage holds a term, and how many hold them all', () => {
    const miniSearch = indexOf(seed);
    const search = new UnitSearch(postingSourceOf(miniSearch));
    const index = buildStoryIndex(seed);
    for (const term of ['poutin', 'remerc', '@donald-trump', 'cia', 'nulle-part']) {
      expect(search.holds(term)).toBe(miniSearch.search(term).length > 0);
      const both = [term, 'trump'];
      expect(search.countHoldingAll(both, 'text')).toBe(
        miniSearch.search({ combineWith: 'AND', queries: both, fields: ['text'] }).length,
      );
    }
    expect(search.countHoldingAll([], 'text')).toBe(0);
    expect(index.passageFrequency('Poutine')).toBeGreaterThan(0);
  });
});
