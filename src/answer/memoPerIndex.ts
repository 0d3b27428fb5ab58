/**
 * Work that reads a whole corpus (the /outlets listing, the whole /timeline), done once per index and
 * locale and kept. An index never changes; a reload serves another index (built, derived from the serving
 * one, or loaded from the index cache), which starts with nothing kept and is listed anew on first use.
 */
import type { StoryIndex } from '../search/storyIndex.ts';
import type { Locale } from './types.ts';

/**
 * `make`, called at most once per index and locale. The index is held weakly: an index no longer
 * served takes what was kept for it along when it is collected.
 *
 * @example
 * const wholeTimeline = memoPerIndex((index, locale) => timelineOf(index, locale));
 */
export function memoPerIndex<T>(
  make: (index: StoryIndex, locale: Locale) => T,
): (index: StoryIndex, locale: Locale) => T {
  const kept = new WeakMap<StoryIndex, Map<Locale, T>>();
  return (index, locale) => {
    let byLocale = kept.get(index);
    if (!byLocale) {
      byLocale = new Map();
      kept.set(index, byLocale);
    }
    if (!byLocale.has(locale)) byLocale.set(locale, make(index, locale));
    return byLocale.get(locale)!;
  };
}
