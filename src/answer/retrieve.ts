/**
 * From a question to the passages that answer it: analysis, search, and the bar a passage must clear
 * to count as relevant, so that an unrelated passage is never dressed up as an answer.
 */
import type { QueryUnit } from '../text/analyzer.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { contentUnits } from './questionFrame.ts';

export interface Retrieval {
  /** What the question is about, after analysis. */
  readonly units: readonly QueryUnit[];
  /** Relevant passages, best first. */
  readonly hits: readonly PassageHit[];
  /** Units no passage of the corpus holds (a typo beyond tolerance, or something the corpus never says). */
  readonly unmatched: readonly QueryUnit[];
}

/**
 * How many of a question's units a passage must hold: all of one or two; otherwise three in five, so
 * that a long question tolerates a word the articles put differently.
 */
export function requiredUnits(unitCount: number): number {
  return unitCount <= 2 ? unitCount : Math.ceil(unitCount * 0.6);
}

export function retrieve(index: StoryIndex, question: string, require: 'all' | 'any' = 'any'): Retrieval {
  const units = contentUnits(index.analyzer.queryUnits(question));
  if (units.length === 0) return { units, hits: [], unmatched: [] };
  const all = index.search({ units, require });
  const matchedAnywhere = new Set(all.flatMap((hit) => hit.matchedUnits));
  const unmatched = units.filter((_, unitIndex) => !matchedAnywhere.has(unitIndex));
  const needed = requiredUnits(units.length);
  const hits = all.filter((hit) => hit.matchedUnits.length >= needed);
  return { units, hits, unmatched };
}

/** Share of the question's units a passage holds: 1 when it holds them all. */
export function coverage(hit: PassageHit, retrieval: Retrieval): number {
  return retrieval.units.length === 0 ? 0 : hit.matchedUnits.length / retrieval.units.length;
}
