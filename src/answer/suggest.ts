/**
 * Autocomplete: corpus names that fit what the user has typed so far. Names that start with it come
 * before names with a word that starts with it, then names that merely contain it.
 */
import type { StoryIndex } from '../search/storyIndex.ts';
import { knownNames } from '../text/entities.ts';
import { foldCase } from '../text/normalize.ts';

export const MAX_SUGGESTIONS = 25;

/** Which corpus names a question option suggests. */
export type SuggestionSource = 'people' | 'places' | 'names' | 'outlets';

function candidates(index: StoryIndex, source: SuggestionSource): string[] {
  const outlets = () => index.articles.map((article) => article.outlet);
  switch (source) {
    case 'people':
      return [...knownNames(index.gazetteer, 'person'), ...knownNames(index.gazetteer, 'organisation')];
    case 'places':
      return knownNames(index.gazetteer, 'place');
    case 'names':
      return knownNames(index.gazetteer);
    case 'outlets':
      return [...outlets(), ...knownNames(index.gazetteer)];
  }
}

function rank(name: string, typed: string): number {
  const folded = foldCase(name);
  if (typed === '') return 3;
  if (folded.startsWith(typed)) return 0;
  if (folded.split(/[\s\-’']+/u).some((word) => word.startsWith(typed))) return 1;
  if (folded.includes(typed)) return 2;
  return -1;
}

export function suggestNames(
  index: StoryIndex,
  source: SuggestionSource,
  partial: string,
  limit = MAX_SUGGESTIONS,
): string[] {
  const typed = foldCase(partial.trim());
  const unique = [...new Set(candidates(index, source))];
  return unique
    .map((name) => ({ name, rank: rank(name, typed) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'fr'))
    .slice(0, Math.min(limit, MAX_SUGGESTIONS))
    .map((entry) => entry.name);
}
