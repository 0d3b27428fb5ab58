/**
 * When nothing in the corpus answers, the passages closest to the question in meaning (by the
 * embeddings of the multilingual model) are offered as passages to read, never as an answer: a
 * paraphrase or an English question may find what the words alone missed.
 */
import type { StoryIndex } from '../search/storyIndex.ts';
import { nearestPassages } from './meaningSearch.ts';
import { passageResult } from './passageResults.ts';
import type { PassageResult } from './types.ts';

/** Passages offered: as many as a reader checks at a glance. */
const PASSAGES_OFFERED = 3;

/** The passages nearest the question's vector, nearest first. */
export function closestByMeaning(index: StoryIndex, questionVector: Float32Array): PassageResult[] {
  return nearestPassages(index, questionVector, PASSAGES_OFFERED).flatMap(({ passageId, similarity }) => {
    const passage = index.passage(passageId);
    return passage ? [passageResult(passage, index.articleOf(passage), similarity)] : [];
  });
}
