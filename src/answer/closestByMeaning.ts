/**
 * When nothing in the corpus answers, the passages closest to the question in meaning (by the
 * embeddings of the multilingual model) are offered as passages to read, never as an answer: a
 * paraphrase or an English question may find what the words alone missed.
 */
import type { StoryIndex } from '../search/storyIndex.ts';
import { passageResult } from './passageResults.ts';
import type { PassageResult } from './types.ts';

/** Passages offered: as many as a reader checks at a glance. */
const PASSAGES_OFFERED = 3;

/** The passages nearest the question's vector (cosine of unit vectors), nearest first. */
export function closestByMeaning(index: StoryIndex, questionVector: Float32Array): PassageResult[] {
  const scored: { id: string; score: number }[] = [];
  for (const [id, vector] of index.passageVectors) {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i]! * questionVector[i]!;
    scored.push({ id, score: dot });
  }
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.slice(0, PASSAGES_OFFERED).flatMap(({ id, score }) => {
    const passage = index.passage(id);
    return passage ? [passageResult(passage, index.articleOf(passage), score)] : [];
  });
}
