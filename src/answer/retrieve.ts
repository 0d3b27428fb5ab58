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
  /** How many units a passage can hold at most: the units less the common words no article uses. */
  readonly answerable: number;
}

/**
 * How many of a question's units a passage must hold: all of one or two; otherwise three in five, so
 * that a long question tolerates a word the articles put differently.
 */
export function requiredUnits(unitCount: number): number {
  return unitCount <= 2 ? unitCount : Math.ceil(unitCount * 0.6);
}

/**
 * A common word that no article uses ("prévu" when the articles say "devaient frapper") is the reader's
 * wording, not a fact: tolerated when the rest of the question matches. A name no article uses
 * ("la France") is never tolerated: without it the question is about something else.
 */
function tolerable(unit: QueryUnit): boolean {
  return /^\p{Ll}/u.test(unit.surface);
}

export function retrieve(index: StoryIndex, question: string, require: 'all' | 'any' = 'any'): Retrieval {
  const units = contentUnits(index.analyzer.queryUnits(question));
  if (units.length === 0) return { units, hits: [], unmatched: [], answerable: 0 };
  const all = index.search({ units, require: 'any' });
  const matchedAnywhere = new Set(all.flatMap((hit) => hit.matchedUnits));
  const unmatched = units.filter((_, unitIndex) => !matchedAnywhere.has(unitIndex));
  const tolerated = unmatched.filter(tolerable);
  const answerable =
    tolerated.length < units.length && tolerated.length * 2 <= units.length ? units.length - tolerated.length : units.length;
  const needed = require === 'all' ? answerable : requiredUnits(answerable);
  const hits = all.filter((hit) => hit.matchedUnits.length >= needed);
  return { units, hits, unmatched, answerable };
}

/** Share of the question's units a passage holds: 1 when it holds them all. */
export function coverage(hit: PassageHit, retrieval: Retrieval): number {
  return retrieval.answerable === 0 ? 0 : Math.min(1, hit.matchedUnits.length / retrieval.answerable);
}
