/**
 * From a question to the passages that answer it: analysis, search, and the bar a passage must clear
 * to count as relevant, so that an unrelated passage is never dressed up as an answer.
 */
import type { QueryUnit } from '../text/analyzer.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { foldCase } from '../text/normalize.ts';
import { isStopWord } from '../text/stopWords.ts';
import { contentUnits, isOrdinalWord, isSupportVerb, isTimeWord, isYearWord, reflexiveVerbs } from './questionFrame.ts';

export interface Retrieval {
  /** What the question is about, after analysis. */
  readonly units: readonly QueryUnit[];
  /** Relevant passages, best first. */
  readonly hits: readonly PassageHit[];
  /** Every passage holding any unit, relevant or not: where each word of the question occurs. */
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
 * How many of a question's required units a passage must hold: all of one or two; otherwise three in
 * five, so that a long question tolerates a word the articles put differently.
 */
function requiredUnits(unitCount: number): number {
  return unitCount <= 2 ? unitCount : Math.ceil(unitCount * 0.6);
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
  const outlets = [...new Set(index.articles.map((article) => article.outlet))];
  return outlets.filter((outlet) => {
    const full = foldCase(outlet);
    const firstWord = full.split(/[\s'-]+/u).find((word) => word.length >= 4 && !isStopWord(word));
    const names = [full, ...(firstWord ? [firstWord] : [])].map(escape).join('|');
    return new RegExp(
      `(?:selon|d'apres|according to|chez)\\s+(?:(?:le|la|les)\\s+|l')?(?:${names})(?![\\p{L}\\p{N}])`,
      'u',
    ).test(folded);
  });
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
  const all = index.search({
    units,
    require: 'any',
    ...(outlets.length > 0 ? { filter: (_passage, article) => outlets.includes(article.outlet) } : {}),
  });
  const matchedAnywhere = new Set(all.flatMap((hit) => hit.matchedUnits));
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
  const searched =
    options.require === 'all'
      ? withNamesAround(index, all, units, optional, Math.min(needed, requiredUnits(answerable)))
      : all;
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
 * A reader asking which outlets report something seldom puts it as any article does ("going after other
 * crowded spots", "anything to do with the fire"). When no passage states every word of it, the claim is
 * taken as the best passage states it: the most of its required units one passage holds, three in five
 * at least, as for other questions, and all its names and numbers: another person or another count is
 * another claim. Every passage holding those same units reports it; the words none of them holds are
 * given back to the reader in a note. Without that, the answer would be "nothing", though the articles
 * plainly report it.
 */
function closestClaim(
  units: readonly QueryUnit[],
  candidates: readonly PassageHit[],
  optional: ReadonlySet<number>,
  answerable: number,
): { hits: PassageHit[]; missing: number[] } | undefined {
  let best: { hit: PassageHit; held: number } | undefined;
  for (const hit of candidates) {
    const held = requiredHeld(hit, optional);
    if (!best || held > best.held || (held === best.held && hit.score > best.hit.score)) best = { hit, held };
  }
  if (!best || best.held < requiredUnits(answerable)) return undefined;
  const claim = best.hit.matchedUnits.filter((unitIndex) => !optional.has(unitIndex));
  const hits = candidates.filter((hit) => claim.every((unitIndex) => hit.matchedUnits.includes(unitIndex)));
  const missing = units
    .map((_, unitIndex) => unitIndex)
    .filter((unitIndex) => !optional.has(unitIndex) && !claim.includes(unitIndex));
  if (missing.some((unitIndex) => !isCommonWord(units[unitIndex]!))) return undefined;
  return { hits, missing };
}

/**
 * A claim with four or more words of substance, once some passage states it whole, is also stated by a
 * passage that holds all of it but one common word, when that word is only wording: a support verb
 * ("refusé de donner des détails" / "évité de divulguer les détails"), or any common word of a claim
 * pinned down by a number ("7 individus d'une cellule" reports "seven cell members" as surely as "7
 * membres d'une cellule"). Otherwise the missing word may be the very detail the claim adds ("remercier
 * le directeur de la CIA" against "remercier la CIA"). Names and numbers are never missing, so that a
 * passage about other people or another count is never taken for a restatement.
 */
const MIN_UNITS_TO_RESTATE = 4;

function restatements(
  units: readonly QueryUnit[],
  candidates: readonly PassageHit[],
  optional: ReadonlySet<number>,
  answerable: number,
  statedWhole: boolean,
): PassageHit[] {
  if (!statedWhole || answerable < MIN_UNITS_TO_RESTATE) return [];
  const pinned = units.some((unit, unitIndex) => !optional.has(unitIndex) && isNumber(unit));
  return candidates.filter((hit) => {
    if (requiredHeld(hit, optional) !== answerable - 1 || hit.contextUnits.size > 0) return false;
    const missing = units.find((_, unitIndex) => !optional.has(unitIndex) && !hit.matchedUnits.includes(unitIndex));
    return missing !== undefined && isCommonWord(missing) && (pinned || isSupportVerb(missing));
  });
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
 * A /source claim names who or where ("selon Peskov", "les renseignements de la CIA"), and a paragraph
 * often leaves that to the one before or after it, or to its article's headline and lead: "c'était une
 * information assez efficace", quoted from Peskov, about the CIA's tip named just below. A name the
 * passage lacks is held as context when its surroundings write it. Only names: a common word of the
 * claim around the passage may belong to another claim. What each paragraph writes is read from the
 * search's own results, which hold every paragraph writing any unit, so that no text is analysed again.
 */
function withNamesAround(
  index: StoryIndex,
  hits: readonly PassageHit[],
  units: readonly QueryUnit[],
  optional: ReadonlySet<number>,
  needed: number,
): readonly PassageHit[] {
  const names = units
    .map((_, unitIndex) => unitIndex)
    .filter((unitIndex) => !optional.has(unitIndex) && isName(units[unitIndex]!));
  if (names.length === 0) return hits;
  // Each article's hits by the position of their passage: one lookup per hit, not one per neighbour.
  const hitsByArticle = new Map<string, PassageHit[]>();
  for (const hit of hits) {
    const row = hitsByArticle.get(hit.passage.articleId) ?? [];
    row[hit.passage.index] = hit;
    hitsByArticle.set(hit.passage.articleId, row);
  }
  const writes = (other: PassageHit | undefined, unitIndex: number) =>
    other !== undefined && other.matchedUnits.includes(unitIndex) && !other.contextUnits.has(unitIndex);
  return hits.map((hit) => {
    let held = 0;
    for (const unitIndex of hit.matchedUnits) if (!optional.has(unitIndex)) held += 1;
    const lacking = names.filter((unitIndex) => !hit.matchedUnits.includes(unitIndex));
    if (lacking.length === 0 || held + lacking.length < needed) return hit;
    const { articleId, index: at } = hit.passage;
    const row = hitsByArticle.get(articleId)!;
    const found = lacking.filter(
      (unitIndex) =>
        writes(row[0], unitIndex) ||
        writes(row[at - 1], unitIndex) ||
        writes(row[at + 1], unitIndex) ||
        units[unitIndex]!.terms.some((term) => index.articleTitleTerms(articleId).has(term)),
    );
    // A passage still short of what it must hold is left as it is: building it anew costs, on thousands.
    return found.length === 0 || held + found.length < needed
      ? hit
      : {
          ...hit,
          matchedUnits: [...hit.matchedUnits, ...found].sort((a, b) => a - b),
          contextUnits: new Set([...hit.contextUnits, ...found]),
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

/** A person, a body or a place: a unit of the alias list or written with a capital. */
function isName(unit: QueryUnit): boolean {
  return !isNumber(unit) && (unit.terms.some((term) => term.startsWith('@')) || /^\p{Lu}/u.test(unit.surface));
}

/** A word of the reader's that could be put otherwise: not a name, not a number. */
function isCommonWord(unit: QueryUnit): boolean {
  return /^\p{Ll}/u.test(unit.surface) && !isNumber(unit);
}

function isNumber(unit: QueryUnit): boolean {
  return unit.terms.some((term) => /^\d/u.test(term));
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

function requiredHeld(hit: PassageHit, optional: ReadonlySet<number>): number {
  return hit.matchedUnits.filter((unitIndex) => !optional.has(unitIndex)).length;
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
