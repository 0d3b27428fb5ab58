/**
 * The searchable form of a corpus: a minisearch index over passages, with the French analysis applied
 * to passages and questions alike, and the facts (dates, names, counts) each passage states.
 *
 * This is the only module that imports minisearch. An index is immutable: a reload builds a new one,
 * or derives it from the serving one (derive), which it only reads.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import type { TextAnalysis } from '../language/analysisTypes.ts';
import { createAnalyzer, type Analyzer, type QueryUnit } from '../text/analyzer.ts';
import { mapInSlices, runCooperatively, runToEnd, SliceClock, sortInSlices, type Steps } from '../text/cooperative.ts';
import { gazetteerFromData, gazetteerToData, type GazetteerData, type NameGazetteer } from '../text/entities.ts';
import { createNewsVocabulary, type NewsVocabulary } from '../text/newsVocabulary.ts';
import { foldCase } from '../text/normalize.ts';
import { roleNamesFrom, surnameOf, type RoleNames } from '../text/roleNames.ts';
import { sentenceSpans } from '../text/sentences.ts';
import { corpusChangeSteps, type CorpusChange } from './corpusChange.ts';
import { copyGroupsFrom, type CopyGroups } from './findCopies.ts';
import {
  forkMiniSearchSteps,
  loadPlainSteps,
  plainIndexSteps,
  sortTermsSteps,
  type PlainIndex,
} from './forkMiniSearch.ts';
import { changedWholeCorpusSteps, wholeCorpusSteps, type IndexBasis } from './indexBasis.ts';
import { INDEX_SNAPSHOT_FORMAT, IndexSnapshotMismatch } from './indexSnapshot.ts';
import { PassageFacts, type PassageFactSheet } from './passageFacts.ts';
import type { FieldPostings, PostingSource } from './postingSource.ts';
import { UnitSearch } from './unitSearch.ts';

export interface PassageHit {
  readonly passage: Passage;
  readonly article: Article;
  /** minisearch's BM25 score, summed over the units that matched. */
  readonly score: number;
  /** Indexes into the query's units of those this passage holds. */
  readonly matchedUnits: readonly number[];
  /** Index terms of the passage that matched, for highlighting its words. */
  readonly matchedTerms: ReadonlySet<string>;
  /** For each matched index term, the query unit it answers (a typo-tolerant match maps to its unit too). */
  readonly unitOfTerm: ReadonlyMap<string, number>;
  /**
   * Units held only by the words around the passage: the sentence just before it (the end of the
   * previous paragraph), or a person the passage calls by a role ("son homologue américain") and its
   * article names elsewhere.
   */
  readonly contextUnits: ReadonlySet<number>;
}

/** A built index as plain data (StoryIndex.snapshot), to be written to disk and loaded back. */
export interface IndexSnapshot {
  readonly format: number;
  readonly analyzerVersion: string;
  readonly fingerprint: string;
  readonly miniSearch: AsPlainObject;
  readonly gazetteer: GazetteerData;
  /** Copy groups, each original first. */
  readonly copies: readonly (readonly string[])[];
  /** Learned roles and the person each stands for. */
  readonly roles: readonly [string, string][];
}

export interface SearchRequest {
  readonly units: readonly QueryUnit[];
  /** `all`: a passage must hold every unit (precise lists); `any`: ranked by how many it holds. */
  readonly require: 'all' | 'any';
  readonly filter?: (passage: Passage, article: Article) => boolean;
  /**
   * At most this many hits: those holding the most units, then the best scored. Building a hit costs far
   * more than minisearch's match, so a bound keeps a question's work flat however large the corpus.
   */
  readonly limit?: number;
}

/** A search's hits, and every unit some matching passage holds (hits kept by a limit or not). */
export interface SearchResults {
  readonly hits: PassageHit[];
  readonly unitsFound: ReadonlySet<number>;
}

/** Typos tolerated per query term: none for short words, where one edit makes another word. */
export function editDistanceFor(term: string): number {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

/** The unit of the query term nearest to a document term that matched it by typo tolerance. */
function closestUnit(documentTerm: string, unitOfTerm: ReadonlyMap<string, number>): number | undefined {
  let best: { unit: number; distance: number } | undefined;
  for (const [queryTerm, unit] of unitOfTerm) {
    const distance = editDistance(documentTerm, queryTerm, editDistanceFor(queryTerm));
    if (distance <= editDistanceFor(queryTerm) && (!best || distance < best.distance)) best = { unit, distance };
  }
  return best?.unit;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How much a word of the preceding sentence counts next to a word of the passage itself. */
const CONTEXT_BOOST = 0.4;

function lastSentence(passage: Passage | undefined): string {
  if (!passage) return '';
  const last = sentenceSpans(passage.text).at(-1);
  return last ? passage.text.slice(last.start, last.end) : '';
}

export class StoryIndex {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  /** Reporting words put differently (English questions, French synonyms), for questions. */
  readonly vocabulary: NewsVocabulary;
  readonly gazetteer: NameGazetteer;
  /** Passages that carry the same text under several outlets (wire copy, reprints). */
  readonly copies: CopyGroups;
  /** Roles that stand for one person across the corpus ("le porte-parole du Kremlin"). */
  readonly roleNames: RoleNames;
  /** Each passage's parse by the language service, by passage id: empty until it has analysed them. */
  private readonly passageAnalyses: ReadonlyMap<string, TextAnalysis>;
  /** Each passage's embedding (unit length), by passage id: empty until the service has embedded them. */
  readonly passageVectors: ReadonlyMap<string, Float32Array>;
  /** The embedding of each sentence of each passage, by passage id, in order: empty until embedded. */
  private readonly sentenceVectors: ReadonlyMap<string, readonly SentenceVector[]>;
  private readonly parts: IndexParts;
  private unwrittenSnapshot: IndexSnapshot | undefined;
  private readonly articlesById: ReadonlyMap<string, Article>;
  private readonly passagesById: ReadonlyMap<string, Passage>;
  private readonly passagesByArticle: ReadonlyMap<string, readonly Passage[]>;
  private readonly miniSearch: MiniSearch<Passage>;
  private readonly facts: PassageFacts;
  private readonly frequencies = new Map<string, number>();
  private readonly roleNameTerms: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly roleTerms: ReadonlySet<string>;
  private readonly namedByRole = new Map<string, readonly string[]>();
  private readonly foldedArticles = new Map<string, string>();
  private readonly writtenTerms = new Map<string, boolean>();
  private readonly topicTerms = new Map<string, ReadonlySet<string>>();
  private readonly titleTerms = new Map<string, ReadonlySet<string>>();
  private searcher: UnitSearch | undefined;

  /** Use buildStoryIndex or buildStoryIndexAsync. */
  constructor(parts: IndexParts) {
    const { corpus } = parts;
    // Indexes derived from this one (with parses, with vectors) never hold the loaded snapshot.
    const { loadedFrom, ...derivable } = parts;
    this.unwrittenSnapshot = loadedFrom;
    this.passageAnalyses = parts.passageAnalyses ?? new Map();
    this.passageVectors = parts.passageVectors ?? new Map();
    this.sentenceVectors = parts.sentenceVectors ?? new Map();
    this.corpus = corpus;
    this.analyzer = parts.analyzer;
    this.miniSearch = parts.miniSearch;
    this.gazetteer = parts.gazetteer;
    this.copies = parts.copies;
    this.roleNames = parts.roleNames;
    this.roleNameTerms = new Map(
      parts.roleNames.names.map((name) => [name, new Set(parts.analyzer.documentTerms(name))]),
    );
    this.roleTerms = new Set([...this.roleNameTerms.values()].flatMap((terms) => [...terms]));
    this.vocabulary = parts.vocabulary ?? vocabularyFor(this.analyzer);
    const lookups = parts.lookups ?? runToEnd(lookupsSteps(corpus, new SliceClock()));
    this.parts = { ...derivable, vocabulary: this.vocabulary, lookups };
    this.articlesById = lookups.articlesById;
    this.passagesById = lookups.passagesById;
    this.passagesByArticle = lookups.passagesByArticle;
    this.facts = new PassageFacts(this.gazetteer, (passage) => this.articleOf(passage).published);
  }

  get articles(): readonly Article[] {
    return this.corpus.articles;
  }

  article(id: string): Article | undefined {
    return this.articlesById.get(id);
  }

  articleOf(passage: Passage): Article {
    const article = this.articlesById.get(passage.articleId);
    if (!article) throw new Error(`StoryIndex: passage ${passage.id} has no article`);
    return article;
  }

  /** The language service's parse of a passage, once it has analysed the corpus. */
  analysisOf(passageId: string): TextAnalysis | undefined {
    return this.passageAnalyses.get(passageId);
  }

  /**
   * This index with the parses of its passages: the same search, and what needs a parse (who did what to
   * whom) checked too. Analysing takes longer than indexing, so it comes after, as another index.
   */
  withPassageAnalyses(analyses: ReadonlyMap<string, TextAnalysis>): StoryIndex {
    return new StoryIndex({ ...this.parts, passageAnalyses: analyses });
  }

  /**
   * This index with the embeddings of its passages, for finding passages by meaning, and of their
   * sentences, for checking that a sentence says what a question asks.
   */
  withPassageVectors(
    vectors: ReadonlyMap<string, Float32Array>,
    sentenceVectors: ReadonlyMap<string, readonly SentenceVector[]> = new Map(),
  ): StoryIndex {
    return new StoryIndex({ ...this.parts, passageVectors: vectors, sentenceVectors });
  }

  /** The embedding of the sentence of a passage that holds an offset, once the service has embedded it. */
  sentenceVectorAt(passageId: string, offset: number): Float32Array | undefined {
    return this.sentenceVectors.get(passageId)?.find((sentence) => sentence.start <= offset && offset < sentence.end)
      ?.vector;
  }

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  passagesOf(articleId: string): readonly Passage[] {
    return this.passagesByArticle.get(articleId) ?? [];
  }

  /**
   * How many passages mention a name (all its index terms, or its alias group), kept once asked: a name
   * every passage mentions says less about any one question.
   */
  passageFrequency(name: string): number {
    let count = this.frequencies.get(name);
    if (count === undefined) {
      const terms = this.analyzer.documentTerms(name);
      const group = terms.find((term) => term.startsWith('@'));
      const queries = group ? [group] : terms;
      count = this.unitSearch().countHoldingAll(queries, 'text');
      this.frequencies.set(name, count);
    }
    return count;
  }

  /**
   * The query units a passage holds by a role that stands for a person ("son homologue américain" for
   * Donald Trump), when its article names that person somewhere: a role alone, in an article about
   * someone else, is not enough.
   */
  private unitsNamedByRole(passage: Passage, units: readonly QueryUnit[]): number[] {
    const found: number[] = [];
    for (const name of this.peopleNamedByRole(passage)) {
      const terms = this.roleNameTerms.get(name);
      units.forEach((unit, unitIndex) => {
        if (terms && unit.terms.some((term) => terms.has(term))) found.push(unitIndex);
      });
    }
    return found;
  }

  /** Whether any unit names a person some learned role stands for: otherwise no passage need be read. */
  private asksForSomeoneARoleStandsFor(units: readonly QueryUnit[]): boolean {
    return units.some((unit) => unit.terms.some((term) => this.roleTerms.has(term)));
  }

  /** The people a passage calls by a role, among those its article names (kept once read). */
  private peopleNamedByRole(passage: Passage): readonly string[] {
    let people = this.namedByRole.get(passage.id);
    if (!people) {
      people = this.roleNames
        .namesIn(passage.text)
        .filter((name) => this.foldedArticleText(passage.articleId).includes(surnameOf(name)));
      this.namedByRole.set(passage.id, people);
    }
    return people;
  }

  /** An article's whole text, folded (kept once read). */
  private foldedArticleText(articleId: string): string {
    let text = this.foldedArticles.get(articleId);
    if (text === undefined) {
      text = foldCase(
        this.passagesOf(articleId)
          .map((passage) => passage.text)
          .join('\n'),
      );
      this.foldedArticles.set(articleId, text);
    }
    return text;
  }

  /**
   * The index terms of an article's headline and first paragraph: what the whole article is about (the
   * fire, the silo), which its later paragraphs take as read and seldom write again. Kept once read.
   */
  articleTopicTerms(articleId: string): ReadonlySet<string> {
    let terms = this.topicTerms.get(articleId);
    if (!terms) {
      const lead = this.passagesOf(articleId)[0]?.text ?? '';
      terms = new Set([...this.articleTitleTerms(articleId), ...this.analyzer.documentTerms(lead)]);
      this.topicTerms.set(articleId, terms);
    }
    return terms;
  }

  /** The index terms of an article's headline (kept once read). */
  articleTitleTerms(articleId: string): ReadonlySet<string> {
    let terms = this.titleTerms.get(articleId);
    if (!terms) {
      terms = new Set(this.analyzer.documentTerms(this.articlesById.get(articleId)?.title ?? ''));
      this.titleTerms.set(articleId, terms);
    }
    return terms;
  }

  /**
   * The built index as plain data, for the index cache: loading it skips the analysis of every passage.
   * `fingerprint` is the corpus's (see corpusFingerprint), checked again when the snapshot is loaded.
   */
  snapshot(fingerprint: string): IndexSnapshot {
    const taken = this.unwrittenSnapshot ?? runToEnd(this.snapshotSteps());
    this.unwrittenSnapshot = undefined;
    return { ...taken, fingerprint };
  }

  /**
   * Takes the snapshot a slice at a time, for `snapshot()` to return (once): an index cache written while
   * this index serves then never blocks the thread for long (minisearch's toJSON takes 0.2 s at 10,000
   * articles). Nothing to do for an index that keeps the snapshot it was loaded from.
   */
  async prepareSnapshot(): Promise<void> {
    if (!this.unwrittenSnapshot) this.unwrittenSnapshot = await runCooperatively(this.snapshotSteps());
  }

  private *snapshotSteps(): Steps<IndexSnapshot> {
    const clock = new SliceClock();
    const miniSearch = (yield* plainIndexSteps(this.miniSearch)) as AsPlainObject;
    // By name: a derived gazetteer holds the same names as a full build's, in another order.
    const byKey = <T>(entries: readonly [string, T][]) =>
      sortInSlices(entries, ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0), clock);
    const data = gazetteerToData(this.gazetteer);
    const gazetteer: GazetteerData = {
      matcher: yield* byKey(data.matcher),
      names: yield* byKey(data.names),
      surnames: yield* byKey(data.surnames),
      known: yield* byKey(data.known),
    };
    return {
      format: INDEX_SNAPSHOT_FORMAT,
      analyzerVersion: this.analyzer.version,
      fingerprint: '',
      miniSearch,
      gazetteer,
      copies: this.copies.groups,
      roles: [...this.roleNames.byRole],
    };
  }

  /**
   * The index of `corpus`, a later reading of this index's corpus folder, derived from this index: the
   * passages of the articles that went or changed are removed, those of the articles that came or
   * changed added, and what is computed over the whole corpus (names, copies, roles) is computed from
   * those changes (see IndexBasis). It answers every question as `buildStoryIndex(corpus)` would.
   *
   * This index is only read, never changed, so it serves questions meanwhile (between the steps, each a
   * few milliseconds), and keeps serving as it was if this throws. The one thing it may gain is its basis,
   * computed the first time from its own corpus. Throws when the alias lists differ: every term would.
   */
  async derive(corpus: Corpus, change?: CorpusChange): Promise<StoryIndex> {
    return runCooperatively(this.derivedSteps(corpus, change));
  }

  private *derivedSteps(corpus: Corpus, known?: CorpusChange): Steps<StoryIndex> {
    const change = known ?? (yield* corpusChangeSteps(this.corpus, corpus));
    if (change.aliasesChanged) throw new Error('the alias list changed: the index must be built anew');
    const holder = this.parts.basis;
    if (!holder.value) holder.value = (yield* wholeCorpusSteps(this.corpus, this.analyzer)).basis;
    const basis = holder.value;
    const { miniSearch } = prepare(corpus, this.analyzer, change.added);
    yield;
    const clock = new SliceClock();
    const order = yield* mapInSlices(corpus.passages, (passage) => passage.id, clock);
    const removed = new Set(change.removed.map((passage) => passage.id));
    yield* forkMiniSearchSteps(this.miniSearch, miniSearch, { removed, added: change.added, idOf: (p) => p.id, order });
    const { basis: derived, ...whole } = yield* changedWholeCorpusSteps(basis, corpus, change, this.analyzer);
    const lookups = yield* lookupsSteps(corpus, clock);
    yield;
    return new StoryIndex({
      lookups,
      corpus,
      analyzer: this.analyzer,
      vocabulary: this.vocabulary,
      miniSearch,
      ...whole,
      basis: { value: derived },
    });
  }

  /** The dates, names and counts a passage states (computed once per passage, then kept). */
  factsOf(passage: Passage): PassageFactSheet {
    return this.facts.of(passage);
  }

  /**
   * Whether some passage writes one of these terms as it is. A word the corpus writes is no typo: near
   * spellings of it are other words ("repartir" for "départs"), so only an unknown word is matched loosely.
   */
  private writes(terms: readonly string[]): boolean {
    return terms.some((term) => {
      let written = this.writtenTerms.get(term);
      if (written === undefined) {
        written = this.unitSearch().holds(term);
        this.writtenTerms.set(term, written);
      }
      return written;
    });
  }

  /** Made on the first search: the slots it scores in are as many as the passages. */
  private unitSearch(): UnitSearch {
    this.searcher ??= new UnitSearch(postingSourceOf(this.miniSearch));
    return this.searcher;
  }

  /**
   * Passages holding the query's units, best first: those holding more units before those holding
   * fewer, then by score.
   */
  search(request: SearchRequest): PassageHit[] {
    return this.searchWithUnits(request).hits;
  }

  /** The search, with the units found anywhere: what a bounded list of hits alone cannot tell. */
  searchWithUnits(request: SearchRequest): SearchResults {
    const { units } = request;
    if (units.length === 0) return { hits: [], unitsFound: new Set() };
    const unitOfTerm = new Map<string, number>();
    units.forEach((unit, unitIndex) => unit.terms.forEach((term) => unitOfTerm.set(term, unitIndex)));

    const { filter } = request;
    const { ranked: results, unitsFound } = this.unitSearch().search(
      units.map((unit) => ({
        terms: unit.terms,
        editDistance: unit.fuzzy && !this.writes(unit.terms) ? editDistanceFor : () => 0,
      })),
      {
        require: request.require,
        ...(request.limit !== undefined ? { limit: request.limit } : {}),
        ...(filter
          ? {
              accept: (id: string) => {
                const passage = this.passagesById.get(id);
                return passage !== undefined && filter(passage, this.articleOf(passage));
              },
            }
          : {}),
      },
    );

    const readRoles = this.asksForSomeoneARoleStandsFor(units);
    const hits: PassageHit[] = [];
    for (const result of results) {
      const passage = this.passagesById.get(String(result.id));
      if (!passage) continue;
      const article = this.articleOf(passage);
      const matchedUnits = new Set<number>();
      for (const term of result.queryTerms) {
        const unitIndex = unitOfTerm.get(term);
        if (unitIndex !== undefined) matchedUnits.add(unitIndex);
      }
      const unitOfMatchedTerm = new Map<string, number>();
      const unitsInText = new Set<number>();
      const unitsInContext = new Set<number>();
      for (const term of result.terms) {
        const unitIndex = unitOfTerm.get(term) ?? closestUnit(term, unitOfTerm);
        if (unitIndex === undefined) continue;
        unitOfMatchedTerm.set(term, unitIndex);
        const fields: readonly string[] = result.match[term] ?? [];
        if (fields.includes('text')) unitsInText.add(unitIndex);
        if (fields.includes('context')) unitsInContext.add(unitIndex);
      }
      for (const unitIndex of readRoles ? this.unitsNamedByRole(passage, units) : []) {
        if (matchedUnits.has(unitIndex)) continue;
        matchedUnits.add(unitIndex);
        unitsInContext.add(unitIndex);
      }
      if (request.require === 'all' && matchedUnits.size < units.length) continue;
      hits.push({
        passage,
        article,
        score: result.score,
        matchedUnits: [...matchedUnits].sort((a, b) => a - b),
        matchedTerms: new Set(result.terms),
        unitOfTerm: unitOfMatchedTerm,
        contextUnits: new Set([...unitsInContext].filter((unitIndex) => !unitsInText.has(unitIndex))),
      });
    }
    hits.sort(
      (a, b) =>
        b.matchedUnits.length - a.matchedUnits.length || b.score - a.score || a.passage.id.localeCompare(b.passage.id),
    );
    hits.forEach((hit) => hit.matchedUnits.forEach((unitIndex) => unitsFound.add(unitIndex)));
    return { hits, unitsFound };
  }
}

/**
 * minisearch's postings, lengths and counts as UnitSearch reads them. They are protected members, there
 * for subclasses; an index loaded from a snapshot is a plain MiniSearch (loadJS makes no subclass), so
 * they are read here by name, through getters, as minisearch replaces some of them when passages come
 * and go. tests/search/unitSearch.test.ts checks the scores against minisearch's own search.
 */
export function postingSourceOf(miniSearch: MiniSearch<Passage>): PostingSource {
  const options = miniSearch['_options'];
  const { boost, bm25, weights } = options.searchOptions;
  if (!bm25 || weights?.fuzzy === undefined)
    throw new Error('postingSourceOf: minisearch gave no BM25 or fuzzy weight');
  const fields = options.fields.map((name) => ({
    name,
    id: miniSearch['_fieldIds'][name]!,
    // As minisearch reads a boost: a missing or zero one counts as 1.
    boost: (boost && Object.hasOwn(boost, name) ? boost[name] : undefined) || 1,
  }));
  return {
    postings: (term) => miniSearch['_index'].get(term),
    termsNear: (term, distance) =>
      miniSearch['_index'].fuzzyGet(term, distance) as ReadonlyMap<string, readonly [FieldPostings, number]>,
    get documentIds() {
      return miniSearch['_documentIds'] as ReadonlyMap<number, string>;
    },
    get fieldLengths() {
      return miniSearch['_fieldLength'];
    },
    get averageFieldLengths() {
      return miniSearch['_avgFieldLength'];
    },
    get documentCount() {
      return miniSearch['_documentCount'];
    },
    get nextShortId() {
      return miniSearch['_nextId'];
    },
    get hasDiscarded() {
      return miniSearch['_dirtCount'] > 0;
    },
    fields,
    bm25,
    fuzzyWeight: weights.fuzzy,
  };
}

/** One sentence of a passage (offsets into the passage's text) and its embedding (unit length). */
export interface SentenceVector {
  readonly start: number;
  readonly end: number;
  readonly vector: Float32Array;
}

interface IndexParts {
  readonly corpus: Corpus;
  /**
   * The snapshot this index was loaded from, when it came from a worker: the index cache writes it as it
   * is rather than take a new one, which would block the thread for minisearch's toJSON (about 0.17 s
   * at 10,000 articles). Kept until it is written once.
   */
  readonly loadedFrom?: IndexSnapshot;
  readonly passageAnalyses?: ReadonlyMap<string, TextAnalysis>;
  readonly passageVectors?: ReadonlyMap<string, Float32Array>;
  readonly sentenceVectors?: ReadonlyMap<string, readonly SentenceVector[]>;
  readonly analyzer: Analyzer;
  /** The analyzer's, when known already (it depends on the analyzer alone). */
  readonly vocabulary?: NewsVocabulary;
  /** The corpus's, when made already (a slice at a time, for an index made while another serves). */
  readonly lookups?: Lookups;
  readonly miniSearch: MiniSearch<Passage>;
  readonly gazetteer: NameGazetteer;
  readonly copies: CopyGroups;
  readonly roleNames: RoleNames;
  /** Shared by an index and those made from it with parses or vectors, which have the same corpus. */
  readonly basis: BasisHolder;
}

/**
 * What the index computed over its whole corpus (see IndexBasis): there from a build in this thread,
 * computed the first time an index is derived from this one otherwise (an index from a worker or a cache).
 */
interface BasisHolder {
  value?: IndexBasis;
}

/**
 * The last vocabulary made, and the version of the analyzer it was made for: every index of a corpus
 * whose aliases did not change shares it, since making one takes some 50 ms, too long for a bot serving
 * questions while a reload builds the next index.
 */
let lastVocabulary: { readonly version: string; readonly vocabulary: NewsVocabulary } | undefined;

function vocabularyFor(analyzer: Analyzer): NewsVocabulary {
  if (lastVocabulary?.version !== analyzer.version)
    lastVocabulary = { version: analyzer.version, vocabulary: createNewsVocabulary(analyzer) };
  return lastVocabulary.vocabulary;
}

/** The corpus by id. */
interface Lookups {
  readonly articlesById: ReadonlyMap<string, Article>;
  readonly passagesById: ReadonlyMap<string, Passage>;
  readonly passagesByArticle: ReadonlyMap<string, readonly Passage[]>;
}

function* lookupsSteps(corpus: Corpus, clock: SliceClock): Steps<Lookups> {
  const articlesById = new Map<string, Article>();
  for (const article of corpus.articles) {
    articlesById.set(article.id, article);
    yield* clock.tick();
  }
  const passagesById = new Map<string, Passage>();
  const byArticle = new Map<string, Passage[]>();
  for (const passage of corpus.passages) {
    passagesById.set(passage.id, passage);
    const list = byArticle.get(passage.articleId) ?? [];
    list.push(passage);
    byArticle.set(passage.articleId, list);
    yield* clock.tick();
  }
  return { articlesById, passagesById, passagesByArticle: byArticle };
}

function passagesByArticle(passages: readonly Passage[]): Map<string, Passage[]> {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = byArticle.get(passage.articleId) ?? [];
    list.push(passage);
    byArticle.set(passage.articleId, list);
  }
  return byArticle;
}

/**
 * An empty minisearch index set up for the analyzer. It indexes passages by their text and, as
 * `context`, the last sentence of the previous paragraph: news paragraphs lean on it ("Poutine et Trump
 * ont eu deux conversations téléphoniques." then "Le vendredi 15 décembre, ils ont…"). Fields are read
 * as each passage is indexed, so a chunked build does that work chunk by chunk too.
 *
 * `added`: for an index derived from another, the passages it adds, the only ones it reads fields of
 * (whole articles, so each one's previous paragraph is there).
 */
function prepare(
  corpus: Corpus,
  analyzer: Analyzer = createAnalyzer(corpus.aliases),
  added: readonly Passage[] = corpus.passages,
): { analyzer: Analyzer; miniSearch: MiniSearch<Passage>; options: Options<Passage> } {
  // Made when a passage is first added: an index loaded from a snapshot never adds one.
  let byArticle: Map<string, Passage[]> | undefined;
  const articleOf = (passage: Passage) => (byArticle ??= passagesByArticle(added)).get(passage.articleId);
  const options: Options<Passage> = {
    fields: ['text', 'context'],
    extractField: (passage, field) => {
      if (field === 'id') return passage.id;
      if (field === 'text') return passage.text;
      return passage.index > 0 ? lastSentence(articleOf(passage)?.[passage.index - 1]) : '';
    },
    // The analyzer already returns final index terms, so minisearch must not process them again.
    tokenize: (text) => analyzer.documentTerms(text),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (text) => [text],
      processTerm: (term) => term,
      boost: { text: 1, context: CONTEXT_BOOST },
    },
  };
  return { analyzer, miniSearch: new MiniSearch<Passage>(options), options };
}

/** Indexes a corpus at once. Blocks for as long as it takes: for tests, tools and small corpora. */
export function buildStoryIndex(corpus: Corpus): StoryIndex {
  const { analyzer, miniSearch } = prepare(corpus);
  miniSearch.addAll(corpus.passages);
  runToEnd(sortTermsSteps(miniSearch));
  const { basis, ...whole } = runToEnd(wholeCorpusSteps(corpus, analyzer));
  return new StoryIndex({ corpus, analyzer, miniSearch, ...whole, basis: { value: basis } });
}

/** Passages indexed between two yields to the event loop. */
const PASSAGES_PER_CHUNK = 200;

/**
 * Indexes a corpus in chunks, yielding to the event loop between them, so that a running bot keeps
 * acknowledging interactions (within Discord's 3 seconds) while a reload builds the new index.
 */
export async function buildStoryIndexAsync(corpus: Corpus): Promise<StoryIndex> {
  const { analyzer, miniSearch } = prepare(corpus);
  await miniSearch.addAllAsync(corpus.passages, { chunkSize: PASSAGES_PER_CHUNK });
  await runCooperatively(sortTermsSteps(miniSearch));
  const { basis, ...whole } = await runCooperatively(wholeCorpusSteps(corpus, analyzer));
  return new StoryIndex({ corpus, analyzer, miniSearch, ...whole, basis: { value: basis } });
}

/**
 * The index of a corpus from a snapshot taken of it (StoryIndex.snapshot), without analysing a passage.
 * Throws IndexSnapshotMismatch when the snapshot was taken of another corpus, or by another version of
 * the analysis or of the snapshot format: the caller then builds the index instead.
 *
 * `chunked`: minisearch's index is rebuilt a slice of a few milliseconds at a time (loadPlainSteps),
 * yielding to the event loop in between, for an index that replaces one serving questions (a worker's
 * build). Otherwise at once by minisearch's loadJS, four times faster: a start has no index serving yet
 * that a blocked event loop would delay.
 *
 * `keep`: the index keeps the snapshot until its first `snapshot()`, for the index cache to write.
 */
export async function storyIndexFromSnapshot(
  corpus: Corpus,
  fingerprint: string,
  snapshot: IndexSnapshot,
  { chunked = false, keep = false }: { readonly chunked?: boolean; readonly keep?: boolean } = {},
): Promise<StoryIndex> {
  const { analyzer, options } = prepare(corpus);
  if (snapshot.format !== INDEX_SNAPSHOT_FORMAT) throw new IndexSnapshotMismatch('its format is another version');
  if (snapshot.analyzerVersion !== analyzer.version)
    throw new IndexSnapshotMismatch('it was built by another version of the analysis');
  if (snapshot.fingerprint !== fingerprint) throw new IndexSnapshotMismatch('the corpus has changed since');
  const miniSearch = chunked ? new MiniSearch<Passage>(options) : MiniSearch.loadJS(snapshot.miniSearch, options);
  if (chunked) await runCooperatively(loadPlainSteps(miniSearch, snapshot.miniSearch as unknown as PlainIndex));
  if (miniSearch.documentCount !== corpus.passages.length)
    throw new IndexSnapshotMismatch('it does not hold every passage of the corpus');
  const lookups = chunked ? await runCooperatively(lookupsSteps(corpus, new SliceClock())) : undefined;
  return new StoryIndex({
    ...(lookups ? { lookups } : {}),
    corpus,
    analyzer,
    miniSearch,
    gazetteer: gazetteerFromData(snapshot.gazetteer),
    copies: copyGroupsFrom(snapshot.copies),
    roleNames: roleNamesFrom(new Map(snapshot.roles)),
    basis: {},
    ...(keep ? { loadedFrom: snapshot } : {}),
  });
}
