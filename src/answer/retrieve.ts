/**
 * From a question to the passages that answer it: analysis, search, and the bar a passage must clear
 * to count as relevant, so that an unrelated passage is never dressed up as an answer.
 */
import type { QueryUnit } from '../text/analyzer.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { foldCase } from '../text/normalize.ts';
import { isStopWord } from '../text/stopWords.ts';
import { closestClaim, restatements, withNamesAround } from './claimPassages.ts';
import { contentUnits, isOrdinalWord, isTimeWord, isYearWord, reflexiveVerbs } from './questionFrame.ts';
import { isCommonWord, requiredHeld, requiredUnits } from './questionUnits.ts';

export interface Retrieval {
  /** What the question is about, after analysis. */
  readonly units: readonly QueryUnit[];
  /** Relevant passages, best first. */
  readonly hits: readonly PassageHit[];
  /**
   * Passages holding any unit, relevant or not, those holding the most first: where the words of the
   * question occur (at most MAX_CANDIDATES of them).
   */
  readonly candidates: readonly PassageHit[];
  /** Units no passage of the corpus holds (a typo beyond tolerance, or something the corpus never says). */
  readonly unmatched: readonly QueryUnit[];
  /** Indexes of the units a passage need not hold: time words, and common words no article uses. */
  readonly optional: ReadonlySet<number>;
  /** How many required units there are: what a passage holding everything asked holds. */
  readonly answerable: number;
  /**
   * Set when no passage states the whole claim of a /source question and the outlets listed state the
   * most of it that any passage states: the required units they do not hold.
   */
  readonly unstated?: readonly QueryUnit[];
}

/**
 * A common word that no article uses is the reader's wording, not a fact, and is tolerated when it is
 * one word in four at most and enough other units hold the question together (two for a question, three
 * for a claim whose sources are listed). A name or a number no article uses ("la France", "huit") is never
 * tolerated: without it the question is about something else.
 */
const TOLERATED_SHARE = 1 / 4;
const UNITS_LEFT_TO_TOLERATE = { any: 2, all: 3 } as const;

/**
 * Words of one meaning ("conversation téléphonique", "appel téléphonique") are one unit: a passage that
 * says "entretien" holds the whole of it, not half. One word's terms may hold another's and more ("appel"
 * also reaches "appeal"): they are still one meaning.
 */
function mergeSynonyms(units: readonly QueryUnit[]): QueryUnit[] {
  const merged: QueryUnit[] = [];
  const within = (inner: QueryUnit, outer: QueryUnit) => inner.terms.every((term) => outer.terms.includes(term));
  for (const unit of units) {
    const same = merged.findIndex((other) => within(other, unit) || within(unit, other));
    const other = merged[same];
    if (!other) merged.push(unit);
    else
      merged[same] = {
        ...other,
        surface: `${other.surface} ${unit.surface}`,
        terms: [...new Set([...other.terms, ...unit.terms])],
      };
  }
  return merged;
}

/**
 * Passages a question reads at most, those holding the most of its words first: what the answer is drawn
 * from (the evidence of the best 40, a claim's statements) sits well within them, and a bound keeps the
 * work per question flat as the corpus grows (issue 12: at 10,000 articles the OR search matched most
 * passages for every question).
 */
const MAX_CANDIDATES = 400;

export interface RetrieveOptions {
  /**
   * `all`: a passage must hold every unit, time words included but for a year and the month written
   * with it (/source's precise lists).
   */
  readonly require: 'all' | 'any';
}

/**
 * Outlets a question asks about by name ("selon Métro", "d'après Sputnik", "according to MIRASTNEWS"):
 * its answer then comes from their articles only. An outlet may be named in full or by its first word
 * of substance ("Sputnik" for "Sputnik France").
 */
function outletsNamedIn(index: StoryIndex, question: string): string[] {
  const folded = foldCase(question).replace(/[’']/gu, "'");
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return outletsOf(index).filter((outlet) => {
    const full = foldCase(outlet);
    const firstWord = full.split(/[\s'-]+/u).find((word) => word.length >= 4 && !isStopWord(word));
    const names = [full, ...(firstWord ? [firstWord] : [])].map(escape).join('|');
    return new RegExp(
      `(?:selon|d'apres|according to|chez)\\s+(?:(?:le|la|les)\\s+|l')?(?:${names})(?![\\p{L}\\p{N}])`,
      'u',
    ).test(folded);
  });
}

const corpusOutlets = new WeakMap<StoryIndex, readonly string[]>();

/** The corpus's outlets, kept once read: otherwise every question would read every article for them. */
function outletsOf(index: StoryIndex): readonly string[] {
  let outlets = corpusOutlets.get(index);
  if (!outlets) {
    outlets = [...new Set(index.articles.map((article) => article.outlet))];
    corpusOutlets.set(index, outlets);
  }
  return outlets;
}

export function retrieve(
  index: StoryIndex,
  question: string,
  options: RetrieveOptions = { require: 'any' },
): Retrieval {
  const outlets = options.require === 'any' ? outletsNamedIn(index, question) : [];
  const reflexive = reflexiveVerbs(question);
  // The outlet's own name is a restriction, not something its passages must write.
  const outletWords = new Set(outlets.flatMap((outlet) => index.analyzer.documentTerms(outlet)));
  const units = mergeSynonyms(
    contentUnits(index.analyzer.queryUnits(question), options.require === 'all')
      .filter((unit) => !unit.terms.every((term) => outletWords.has(term)))
      .map((unit) => (reflexive.has(foldCase(unit.surface)) ? unit : index.vocabulary.expand(unit))),
  );
  const none = {
    units,
    hits: [],
    candidates: [],
    unmatched: [],
    optional: new Set<number>(),
    answerable: 0,
  };
  if (units.length === 0) return none;
  const { hits: all, unitsFound: matchedAnywhere } = index.searchWithUnits({
    units,
    require: 'any',
    limit: MAX_CANDIDATES,
    ...(outlets.length > 0 ? { filter: (_passage, article) => outlets.includes(article.outlet) } : {}),
  });
  const unmatched = units.filter((_, unitIndex) => !matchedAnywhere.has(unitIndex));

  const optional = new Set<number>();
  const writesYear = units.some(isYearWord);
  units.forEach((unit, unitIndex) => {
    // An ordinal ("la première conversation") orders what the rest names; articles rarely write it.
    // A year is the event meant, and so is a month written with it ("l'appel de décembre 2017"): a
    // claim's sources are then judged by the event and the month of each passage (see answerSource),
    // not by whether it writes them.
    if (isOrdinalWord(unit) || isYearWord(unit) || ((options.require === 'any' || writesYear) && isTimeWord(unit)))
      optional.add(unitIndex);
  });
  const tolerated = units
    .map((unit, unitIndex) => ({ unit, unitIndex }))
    .filter(({ unit, unitIndex }) => !matchedAnywhere.has(unitIndex) && !optional.has(unitIndex) && isCommonWord(unit));
  if (
    tolerated.length <= units.length * TOLERATED_SHARE &&
    units.length - optional.size - tolerated.length >= UNITS_LEFT_TO_TOLERATE[options.require]
  ) {
    tolerated.forEach(({ unitIndex }) => optional.add(unitIndex));
  }
  // A question made only of time words ("/ask décembre 2017") is about them.
  if (optional.size === units.length) optional.clear();
  const answerable = units.length - optional.size;
  const needed = options.require === 'all' ? answerable : requiredUnits(answerable);
  // A passage that holds the question's names but none of what it asks about them ("Trump" and "Moscou"
  // without "rendu") is about something else (see holdsSomeCommonWord).
  const commonWords = units
    .map((unit, unitIndex) => ({ unit, unitIndex }))
    .filter(({ unit, unitIndex }) => !optional.has(unitIndex) && /^\p{Ll}/u.test(unit.surface))
    .map(({ unitIndex }) => unitIndex);
  // In `all` mode the lowest bar a claim's passage may clear is the closest claim's, three in five.
  const searched =
    options.require === 'all' ? withNamesAround(index, all, units, optional, requiredUnits(answerable)) : all;
  let stated = searched.filter((hit) => requiredHeld(hit, optional) >= needed);
  if (stated.length === 0 && options.require === 'any') {
    stated = withArticleTopic(index, all, units, optional).filter((hit) => requiredHeld(hit, optional) >= needed);
  }
  const restated =
    options.require === 'all' ? restatements(units, searched, optional, answerable, stated.length > 0) : [];
  const closest =
    options.require === 'all' && stated.length === 0 ? closestClaim(units, searched, optional, answerable) : undefined;
  // Each hit's share is computed once, not at every comparison: a broad question holds thousands.
  const hits = [...stated, ...restated, ...(closest?.hits ?? [])]
    .filter((hit) => holdsSomeCommonWord(hit, commonWords, options.require === 'all'))
    .map((hit) => ({ hit, held: creditedHeld(hit, optional) }))
    .sort(
      (a, b) => b.held - a.held || b.hit.matchedUnits.length - a.hit.matchedUnits.length || b.hit.score - a.hit.score,
    )
    .map(({ hit }) => hit);
  const unstated = closest && units.filter((_, unitIndex) => closest.missing.includes(unitIndex));
  return { units, hits, candidates: all, unmatched, optional, answerable, ...(unstated ? { unstated } : {}) };
}

/**
 * When no passage answers on its own, a passage may take what its article is about (headline and first
 * paragraph) as context: "the silo fire" is the subject of every paragraph of an article on it, though
 * only the first says so. The passage must still hold some required unit itself, or every passage of the
 * article would qualify. Only a fallback: where passages answer on their own, it would favour whichever
 * article's headline shares the question's words over the passage that states the fact.
 */
function withArticleTopic(
  index: StoryIndex,
  hits: readonly PassageHit[],
  units: readonly QueryUnit[],
  optional: ReadonlySet<number>,
): PassageHit[] {
  return hits
    .filter((hit) => hit.matchedUnits.some((unit) => !optional.has(unit) && !hit.contextUnits.has(unit)))
    .map((hit) => {
      const topic = index.articleTopicTerms(hit.article.id);
      const fromTopic = units
        .map((_, unitIndex) => unitIndex)
        .filter(
          (unitIndex) =>
            !hit.matchedUnits.includes(unitIndex) && units[unitIndex]!.terms.some((term) => topic.has(term)),
        );
      return fromTopic.length === 0
        ? hit
        : {
            ...hit,
            matchedUnits: [...hit.matchedUnits, ...fromTopic],
            contextUnits: new Set([...hit.contextUnits, ...fromTopic]),
          };
    });
}

/**
 * Whether a passage holds one of the question's words of substance, not only its names. For a claim
 * the passage must write it itself: one that holds them only in the sentence before it quotes that
 * sentence's claim, not its own ("En décembre 2017, M. Poutine a remercié M. Trump…" after a paragraph
 * on what they often discussed).
 */
function holdsSomeCommonWord(hit: PassageHit, commonWords: readonly number[], itself: boolean): boolean {
  return (
    commonWords.length === 0 ||
    commonWords.some((unit) => hit.matchedUnits.includes(unit) && !(itself && hit.contextUnits.has(unit)))
  );
}

/**
 * Required units held, those only the words around the passage hold counting CONTEXT_CREDIT: of two
 * passages holding the question, the one that states it in its own words is the better quote.
 */
function creditedHeld(hit: PassageHit, optional: ReadonlySet<number>): number {
  const required = hit.matchedUnits.filter((unitIndex) => !optional.has(unitIndex));
  const fromContext = required.filter((unitIndex) => hit.contextUnits.has(unitIndex)).length;
  return required.length - fromContext * (1 - CONTEXT_CREDIT);
}

/** How much a unit held only by the sentence before a passage counts toward the passage's coverage. */
const CONTEXT_CREDIT = 0.5;

/**
 * Share of the question's required units a passage holds: 1 when it holds them all, the units only the
 * sentence before it holds counting half.
 */
export function coverage(hit: PassageHit, retrieval: Retrieval): number {
  if (retrieval.answerable === 0) return 0;
  const required = hit.matchedUnits.filter((unit) => !retrieval.optional.has(unit));
  const fromContext = required.filter((unit) => hit.contextUnits.has(unit)).length;
  return Math.min(1, (required.length - fromContext * (1 - CONTEXT_CREDIT)) / retrieval.answerable);
}

/** Share of the required units held by the words of a passage between two offsets (a sentence). */
export function spanCoverage(retrieval: Retrieval, unitsInSpan: ReadonlySet<number>): number {
  if (retrieval.answerable === 0) return 0;
  const held = [...unitsInSpan].filter((unitIndex) => !retrieval.optional.has(unitIndex)).length;
  return Math.min(1, held / retrieval.answerable);
}
