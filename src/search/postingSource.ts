/**
 * What UnitSearch reads of a built full-text index: its postings, and what BM25 normalises by. The
 * index is minisearch's (see postingSourceOf in storyIndex.ts, the one module that imports it); this
 * interface names only what the scoring needs, so that the scorer can be read and tested on its own.
 */

/** Per field id, each passage holding a term (by short id) and how many times that field holds it. */
export type FieldPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

export interface IndexedField {
  readonly name: string;
  readonly id: number;
  /** The weight of a match in this field, as the index's searches give it. */
  readonly boost: number;
}

export interface PostingSource {
  /** The postings of one index term, if some passage holds it (or held it: see `hasDiscarded`). */
  postings(term: string): FieldPostings | undefined;
  /** Index terms within `distance` edits of `term` (the term itself among them, at 0), with their postings. */
  termsNear(term: string, distance: number): ReadonlyMap<string, readonly [FieldPostings, number]>;
  /** The id of each passage indexed, by short id. */
  readonly documentIds: ReadonlyMap<number, string>;
  /** Each passage's length in terms, by short id, then by field id. */
  readonly fieldLengths: ReadonlyMap<number, readonly number[]>;
  /** By field id. */
  readonly averageFieldLengths: readonly number[];
  readonly documentCount: number;
  /** Every short id given so far is below this. */
  readonly nextShortId: number;
  /**
   * Whether passages were discarded whose postings are still there (minisearch removes them lazily):
   * postings must then be checked against `documentIds`.
   */
  readonly hasDiscarded: boolean;
  /** In the order the index scores them. */
  readonly fields: readonly IndexedField[];
  readonly bm25: { readonly k: number; readonly b: number; readonly d: number };
  /** What a near spelling's match counts for next to the word itself, before its length is weighed in. */
  readonly fuzzyWeight: number;
}
