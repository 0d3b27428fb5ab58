/**
 * Search by meaning: the passages nearest a question in the multilingual embedding space, so that a
 * paraphrase, or an English question on French articles, meets the passage that says it in other words.
 */
import type { StoryIndex } from '../search/storyIndex.ts';

export interface PassageNearby {
  readonly passageId: string;
  /** Cosine of the unit vectors of the question and the passage. */
  readonly similarity: number;
}

/** Cosine of two unit vectors: their dot product. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/**
 * The `count` passages nearest the question, nearest first (ties by id, so that runs repeat). A scan of
 * every vector, linear in the corpus: an approximate index (HNSW) would replace it at a larger scale.
 */
export function nearestPassages(index: StoryIndex, questionVector: Float32Array, count: number): PassageNearby[] {
  const scored: PassageNearby[] = [];
  for (const [passageId, vector] of index.passageVectors) {
    scored.push({ passageId, similarity: cosine(vector, questionVector) });
  }
  scored.sort((a, b) => b.similarity - a.similarity || a.passageId.localeCompare(b.passageId));
  return scored.slice(0, count);
}
