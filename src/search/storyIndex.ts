/**
 * The searchable form of a corpus: a minisearch index over passages, with the French analysis applied
 * to passages and questions alike, and the facts (dates, names, counts) each passage states.
 *
 * This is the only module that imports minisearch. An index is immutable: a reload builds a new one.
 */
import MiniSearch from 'minisearch';
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { createAnalyzer, type Analyzer, type QueryUnit } from '../text/analyzer.ts';
import { buildNameGazetteer, type NameGazetteer } from '../text/entities.ts';
import { findCopies, type CopyGroups } from './findCopies.ts';
import { PassageFacts, type PassageFactSheet } from './passageFacts.ts';

export interface PassageHit {
  readonly passage: Passage;
  readonly article: Article;
  /** minisearch's BM25 score, summed over the units that matched. */
  readonly score: number;
  /** Indexes into the query's units of those this passage holds. */
  readonly matchedUnits: readonly number[];
  /** Index terms of the passage that matched, for highlighting its words. */
  readonly matchedTerms: ReadonlySet<string>;
}

export interface SearchRequest {
  readonly units: readonly QueryUnit[];
  /** `all`: a passage must hold every unit (precise lists); `any`: ranked by how many it holds. */
  readonly require: 'all' | 'any';
  readonly filter?: (passage: Passage, article: Article) => boolean;
}

/** Typos tolerated per query term: none for short words, where one edit makes another word. */
export function editDistanceFor(term: string): number {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

interface IndexedPassage {
  readonly id: string;
  readonly text: string;
}

export class StoryIndex {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly gazetteer: NameGazetteer;
  /** Passages that carry the same text under several outlets (wire copy, reprints). */
  readonly copies: CopyGroups;
  private readonly articlesById: ReadonlyMap<string, Article>;
  private readonly passagesById: ReadonlyMap<string, Passage>;
  private readonly passagesByArticle: ReadonlyMap<string, readonly Passage[]>;
  private readonly miniSearch: MiniSearch<IndexedPassage>;
  private readonly facts: PassageFacts;

  constructor(corpus: Corpus) {
    this.corpus = corpus;
    this.analyzer = createAnalyzer(corpus.aliases);
    this.articlesById = new Map(corpus.articles.map((article) => [article.id, article]));
    this.passagesById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
    const byArticle = new Map<string, Passage[]>();
    for (const passage of corpus.passages) {
      const list = byArticle.get(passage.articleId) ?? [];
      list.push(passage);
      byArticle.set(passage.articleId, list);
    }
    this.passagesByArticle = byArticle;

    const analyzer = this.analyzer;
    this.miniSearch = new MiniSearch<IndexedPassage>({
      fields: ['text'],
      // The analyzer already returns final index terms, so minisearch must not process them again.
      tokenize: (text) => analyzer.documentTerms(text),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
    });
    this.miniSearch.addAll(corpus.passages.map(({ id, text }) => ({ id, text })));

    this.gazetteer = buildNameGazetteer(
      corpus.passages.map((passage) => passage.text),
      corpus.aliases,
    );
    this.facts = new PassageFacts(this.gazetteer, (passage) => this.articleOf(passage).published);
    this.copies = findCopies(corpus);
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

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  passagesOf(articleId: string): readonly Passage[] {
    return this.passagesByArticle.get(articleId) ?? [];
  }

  /** The dates, names and counts a passage states (computed once per passage, then kept). */
  factsOf(passage: Passage): PassageFactSheet {
    return this.facts.of(passage);
  }

  /**
   * Passages holding the query's units, best first: those holding more units before those holding
   * fewer, then by score.
   */
  search(request: SearchRequest): PassageHit[] {
    const { units } = request;
    if (units.length === 0) return [];
    const unitOfTerm = new Map<string, number>();
    units.forEach((unit, unitIndex) => unit.terms.forEach((term) => unitOfTerm.set(term, unitIndex)));

    const results = this.miniSearch.search({
      combineWith: request.require === 'all' ? 'AND' : 'OR',
      queries: units.map((unit) => ({
        combineWith: 'OR',
        queries: [...unit.terms],
        fuzzy: unit.fuzzy ? (term: string) => editDistanceFor(term) : false,
        prefix: false,
      })),
    });

    const hits: PassageHit[] = [];
    for (const result of results) {
      const passage = this.passagesById.get(String(result.id));
      if (!passage) continue;
      const article = this.articleOf(passage);
      if (request.filter && !request.filter(passage, article)) continue;
      const matchedUnits = new Set<number>();
      for (const term of result.queryTerms) {
        const unitIndex = unitOfTerm.get(term);
        if (unitIndex !== undefined) matchedUnits.add(unitIndex);
      }
      if (request.require === 'all' && matchedUnits.size < units.length) continue;
      hits.push({
        passage,
        article,
        score: result.score,
        matchedUnits: [...matchedUnits].sort((a, b) => a - b),
        matchedTerms: new Set(result.terms),
      });
    }
    return hits.sort(
      (a, b) => b.matchedUnits.length - a.matchedUnits.length || b.score - a.score || a.passage.id.localeCompare(b.passage.id),
    );
  }
}

export function buildStoryIndex(corpus: Corpus): StoryIndex {
  return new StoryIndex(corpus);
}
