/**
 * The passages holding a question's units, ranked as StoryIndex ranks candidates: those holding the
 * most units first, then by minisearch's BM25 score, of which only the best `limit` are made into
 * results.
 *
 * minisearch's own OR search makes an object, two arrays and a match record for every posting of every
 * query term, merges them term by term, and sorts every match: at 60,000 passages one question reads up
 * to 200,000 postings, and that work and the garbage it leaves were most of an answer's time (issue 12).
 * Here scores are accumulated term at a time in one slot per passage (typed arrays, kept between
 * searches), so a posting costs a few array reads and writes, and nothing is allocated per match.
 *
 * Every posting is still read: the ranking puts the number of units held first, and a passage holding
 * all of them may score low on each, so no list can be cut short without losing exactness. The scores
 * are minisearch's to the bit (its formula, its order of additions), so the passages kept are those its
 * search would rank first; only exact ties at the limit are settled differently, by indexing order.
 */
import type { FieldPostings, PostingSource } from './postingSource.ts';

export interface UnitQuery {
  /** A passage holds the unit when it holds one of these index terms. */
  readonly terms: readonly string[];
  /** How many edits a near spelling of a term may differ by (0: the term only). */
  readonly editDistance: (term: string) => number;
}

/** A passage found, in the shape of minisearch's search results (the fields StoryIndex reads). */
export interface RankedPassage {
  readonly id: string;
  /** minisearch's score: BM25 summed over the terms matched, times the number of query terms held. */
  readonly score: number;
  /** Index terms of the passage that matched (near spellings included). */
  readonly terms: readonly string[];
  /** The query terms those answer. */
  readonly queryTerms: readonly string[];
  /** The fields holding each matched index term. */
  readonly match: Readonly<Record<string, readonly string[]>>;
}

export interface UnitSearchOptions {
  /** `all`: only passages holding something of every unit. */
  readonly require: 'all' | 'any';
  /** At most this many results: those holding the most units, then the best scored. */
  readonly limit?: number;
  /** Passages that may be found at all (the others count for nothing, units included). */
  readonly accept?: (id: string) => boolean;
}

export interface UnitSearchResults {
  /** Most units first, then best score, then indexing order. */
  readonly ranked: RankedPassage[];
  /** Every unit some accepted match holds, kept or not. */
  readonly unitsFound: Set<number>;
}

/** One index term a query term reaches (itself, or a near spelling), and what a match of it weighs. */
interface ReachedTerm {
  readonly term: string;
  readonly postings: FieldPostings;
  readonly weight: number;
}

interface PlannedTerm {
  readonly queryTerm: string;
  readonly reached: readonly ReachedTerm[];
}

export class UnitSearch {
  /**
   * The index's state the arrays below were made for: a passage added or removed changes the counts,
   * and a reload or a removal of everything replaces minisearch's map of ids.
   */
  private stateKey = '';
  private stateIds: ReadonlyMap<number, string> | undefined;
  private live = new Uint8Array(0);
  /** Per field, each passage's BM25 length normalisation, k·(1 − b + b·length / average length). */
  private norms: Float64Array[] = [];
  private termScores = new Float64Array(0);
  private unitScores = new Float64Array(0);
  private totals = new Float64Array(0);
  private queryTermsHeld = new Uint16Array(0);
  private subqueriesHeld = new Uint16Array(0);
  private unitCounts = new Uint16Array(0);
  /** Per passage, a bit for each unit it holds. */
  private unitMasks = new Uint32Array(0);
  private termDocs = new Int32Array(0);
  private unitDocs = new Int32Array(0);
  private matchedDocs = new Int32Array(0);
  /** The group the limit cuts, and the scores of its passages. */
  private cutDocs = new Int32Array(0);
  private cutScores = new Float64Array(0);

  constructor(private readonly source: PostingSource) {}

  /** Whether some passage holds an index term, in any field. */
  holds(term: string): boolean {
    const { documentIds } = this.source;
    for (const frequencies of this.source.postings(term)?.values() ?? [])
      for (const shortId of frequencies.keys()) if (documentIds.has(shortId)) return true;
    return false;
  }

  /** How many passages hold every one of these index terms in one field (none, for no terms). */
  countHoldingAll(terms: readonly string[], fieldName: string): number {
    const { documentIds, fields } = this.source;
    const fieldId = fields.find((field) => field.name === fieldName)?.id;
    const lists = terms.map((term) => (fieldId === undefined ? undefined : this.source.postings(term)?.get(fieldId)));
    if (lists.length === 0 || lists.some((list) => list === undefined)) return 0;
    const [shortest, ...others] = (lists as ReadonlyMap<number, number>[]).sort((a, b) => a.size - b.size);
    let count = 0;
    for (const shortId of shortest!.keys())
      if (documentIds.has(shortId) && others.every((list) => list.has(shortId))) count++;
    return count;
  }

  search(units: readonly UnitQuery[], options: UnitSearchOptions): UnitSearchResults {
    this.prepare();
    const plan = this.plan(units);
    const words = Math.max(1, Math.ceil(units.length / 32));
    if (this.unitMasks.length < this.source.nextShortId * words)
      this.unitMasks = new Uint32Array(this.source.nextShortId * words);
    const reachedUnits = new Set<number>();
    let matched = 0;
    try {
      matched = this.accumulate(plan, words, reachedUnits);
      return this.select(plan, matched, units.length, words, reachedUnits, options);
    } finally {
      this.clear(matched, words);
    }
  }

  /** The slots sized for the index as it is now, and the normalisations, rebuilt only when it changed. */
  private prepare(): void {
    const { source } = this;
    const key = `${source.nextShortId}:${source.documentCount}`;
    if (key === this.stateKey && source.documentIds === this.stateIds) return;
    const size = source.nextShortId;
    this.live = new Uint8Array(size);
    for (const shortId of source.documentIds.keys()) this.live[shortId] = 1;
    const { k, b } = source.bm25;
    this.norms = source.fields.map((field) => {
      const norm = new Float64Array(size);
      const average = source.averageFieldLengths[field.id] ?? 0;
      // Computed as minisearch's calcBM25Score does, operation for operation, so that scores agree to the bit.
      for (const [shortId, lengths] of source.fieldLengths)
        norm[shortId] = k * (1 - b + (b * (lengths[field.id] ?? 0)) / average);
      return norm;
    });
    if (this.totals.length < size) {
      this.termScores = new Float64Array(size);
      this.unitScores = new Float64Array(size);
      this.totals = new Float64Array(size);
      this.queryTermsHeld = new Uint16Array(size);
      this.subqueriesHeld = new Uint16Array(size);
      this.unitCounts = new Uint16Array(size);
      this.termDocs = new Int32Array(size);
      this.unitDocs = new Int32Array(size);
      this.matchedDocs = new Int32Array(size);
      this.cutDocs = new Int32Array(size);
      this.cutScores = new Float64Array(size);
    }
    this.stateKey = key;
    this.stateIds = source.documentIds;
  }

  /** Each unit's terms, and the index terms each reaches: itself, and near spellings where allowed. */
  private plan(units: readonly UnitQuery[]): PlannedTerm[][] {
    const { source } = this;
    return units.map((unit) =>
      unit.terms.map((queryTerm) => {
        const reached: ReachedTerm[] = [];
        const exact = source.postings(queryTerm);
        if (exact) reached.push({ term: queryTerm, postings: exact, weight: 1 });
        const distance = unit.editDistance(queryTerm);
        if (distance > 0) {
          for (const [term, [postings, edits]] of source.termsNear(queryTerm, distance)) {
            if (edits === 0) continue;
            const weight = (source.fuzzyWeight * term.length) / (term.length + edits);
            reached.push({ term, postings, weight });
          }
        }
        return { queryTerm, reached };
      }),
    );
  }

  /**
   * Scores every passage holding some unit, in minisearch's order of additions: a term's fields and near
   * spellings, then the terms of a unit, then the units. Returns how many passages matched (listed in
   * matchedDocs).
   */
  private accumulate(plan: readonly PlannedTerm[][], words: number, reachedUnits: Set<number>): number {
    const { source, live, termScores, unitScores, totals, queryTermsHeld, subqueriesHeld, unitMasks, unitCounts } =
      this;
    const { termDocs, unitDocs, matchedDocs } = this;
    const { k, d } = source.bm25;
    const checkLive = source.hasDiscarded;
    const documentCount = source.documentCount;
    // A term in two units answers the later one, as StoryIndex maps terms to units.
    const unitOfTerm = new Map<string, number>();
    plan.forEach((terms, unitIndex) => terms.forEach(({ queryTerm }) => unitOfTerm.set(queryTerm, unitIndex)));
    const counted = new Set<string>();
    let matched = 0;
    for (const terms of plan) {
      let inUnit = 0;
      // A unit of one term scores what that term scores: its scores go straight to the totals.
      const alone = terms.length === 1;
      for (const { queryTerm, reached } of terms) {
        let inTerm = 0;
        for (const { postings, weight } of reached) {
          source.fields.forEach((field, position) => {
            const frequencies = postings.get(field.id);
            if (!frequencies) return;
            const norm = this.norms[position]!;
            let holding = frequencies.size;
            if (checkLive) for (const shortId of frequencies.keys()) if (live[shortId] === 0) holding--;
            const idf = Math.log(1 + (documentCount - holding + 0.5) / (holding + 0.5));
            const fieldWeight = weight * field.boost;
            frequencies.forEach((frequency, shortId) => {
              if (checkLive && live[shortId] === 0) return;
              // Every contribution is positive, so a zero slot is one this term has not reached yet.
              if (termScores[shortId] === 0) termDocs[inTerm++] = shortId;
              termScores[shortId]! += fieldWeight * (idf * (d + (frequency * (k + 1)) / (frequency + norm[shortId]!)));
            });
          });
        }
        const unitWord = unitOfTerm.get(queryTerm)!;
        const offset = unitWord >>> 5;
        const bit = 1 << (unitWord & 31);
        const countsOnce = !counted.has(queryTerm);
        counted.add(queryTerm);
        if (inTerm > 0) reachedUnits.add(unitWord);
        for (let i = 0; i < inTerm; i++) {
          const shortId = termDocs[i]!;
          const termScore = termScores[shortId]!;
          termScores[shortId] = 0;
          if (alone) {
            if (totals[shortId] === 0) matchedDocs[matched++] = shortId;
            totals[shortId]! += termScore;
            subqueriesHeld[shortId]!++;
          } else {
            if (unitScores[shortId] === 0) unitDocs[inUnit++] = shortId;
            unitScores[shortId]! += termScore;
          }
          if (countsOnce) queryTermsHeld[shortId]!++;
          const maskAt = shortId * words + offset;
          const mask = unitMasks[maskAt]!;
          if ((mask & bit) === 0) {
            unitMasks[maskAt] = mask | bit;
            unitCounts[shortId]!++;
          }
        }
      }
      for (let i = 0; i < inUnit; i++) {
        const shortId = unitDocs[i]!;
        if (totals[shortId] === 0) matchedDocs[matched++] = shortId;
        totals[shortId]! += unitScores[shortId]!;
        unitScores[shortId] = 0;
        subqueriesHeld[shortId]!++;
      }
    }
    return matched;
  }

  /** The best `limit` of the matches, made into results, and the units every accepted match holds. */
  private select(
    plan: readonly PlannedTerm[][],
    matched: number,
    unitCount: number,
    words: number,
    reachedUnits: Set<number>,
    options: UnitSearchOptions,
  ): UnitSearchResults {
    const { totals, queryTermsHeld, subqueriesHeld, unitMasks, unitCounts, matchedDocs } = this;
    const { accept } = options;
    const score = (shortId: number) => totals[shortId]! * (queryTermsHeld[shortId]! || 1);
    let candidates = matchedDocs.subarray(0, matched);
    let unitsFound = reachedUnits;
    if (accept || options.require === 'all') {
      const ids = this.source.documentIds;
      candidates = candidates.filter(
        (shortId) =>
          (options.require !== 'all' || subqueriesHeld[shortId] === unitCount) &&
          (!accept || accept(ids.get(shortId)!)),
      );
      const found = new Uint32Array(words);
      for (const shortId of candidates)
        for (let word = 0; word < words; word++) found[word]! |= unitMasks[shortId * words + word]!;
      unitsFound = new Set();
      for (let unitIndex = 0; unitIndex < unitCount; unitIndex++)
        if ((found[unitIndex >>> 5]! & (1 << (unitIndex & 31))) !== 0) unitsFound.add(unitIndex);
    }
    const limit = options.limit ?? Infinity;
    let kept: number[];
    if (candidates.length <= limit) kept = Array.from(candidates);
    else {
      // By units held, the only group that needs ordering by score is the one the limit cuts.
      const groupSizes = new Int32Array(unitCount + 1);
      for (const shortId of candidates) groupSizes[unitCounts[shortId]!]!++;
      let cut = unitCount;
      let above = 0;
      while (above + groupSizes[cut]! < limit) above += groupSizes[cut--]!;
      kept = [];
      const { cutDocs, cutScores } = this;
      let cutSize = 0;
      for (const shortId of candidates) {
        const units = unitCounts[shortId]!;
        if (units > cut) kept.push(shortId);
        else if (units === cut) {
          cutDocs[cutSize] = shortId;
          cutScores[cutSize++] = score(shortId);
        }
      }
      kept.push(...best(cutDocs.subarray(0, cutSize), cutScores.subarray(0, cutSize), limit - above));
    }
    kept.sort((a, b) => unitCounts[b]! - unitCounts[a]! || score(b) - score(a) || a - b);
    return { ranked: kept.map((shortId) => this.result(plan, shortId, score(shortId))), unitsFound };
  }

  /** A kept passage as minisearch would report it: the terms it matched, in the order it met them. */
  private result(plan: readonly PlannedTerm[][], shortId: number, score: number): RankedPassage {
    const match: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
    const queryTerms: string[] = [];
    const { fields } = this.source;
    for (const terms of plan) {
      for (const { queryTerm, reached } of terms) {
        for (const { term, postings } of reached) {
          let holding: string[] | undefined;
          for (const field of fields) if (postings.get(field.id)?.has(shortId)) (holding ??= []).push(field.name);
          if (!holding) continue;
          match[term] ??= holding;
          if (!queryTerms.includes(queryTerm)) queryTerms.push(queryTerm);
        }
      }
    }
    return { id: this.source.documentIds.get(shortId)!, score, terms: Object.keys(match), queryTerms, match };
  }

  /** Every slot this search wrote back to zero, so that the next search starts from clean arrays. */
  private clear(matched: number, words: number): void {
    const { totals, queryTermsHeld, subqueriesHeld, unitCounts, unitMasks, matchedDocs } = this;
    for (let i = 0; i < matched; i++) {
      const shortId = matchedDocs[i]!;
      totals[shortId] = 0;
      queryTermsHeld[shortId] = 0;
      subqueriesHeld[shortId] = 0;
      unitCounts[shortId] = 0;
      for (let word = 0; word < words; word++) unitMasks[shortId * words + word] = 0;
    }
  }
}

/** The `count` best scored of a group (`scores` in its order), ties going to the earliest indexed. */
function best(group: Int32Array, scores: Float64Array, count: number): number[] {
  if (count <= 0) return [];
  const threshold = nthLargest(scores.slice(), count);
  const above: number[] = [];
  const tied: number[] = [];
  group.forEach((shortId, i) => {
    if (scores[i]! > threshold) above.push(shortId);
    else if (scores[i] === threshold) tied.push(shortId);
  });
  return [...above, ...tied.sort((a, b) => a - b).slice(0, count - above.length)];
}

/** The n-th largest value (1 for the largest), by quickselect: the order of `values` is lost. */
function nthLargest(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = n - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}
