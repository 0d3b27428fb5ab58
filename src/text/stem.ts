/**
 * French stems (Snowball, from `@orama/stemmers/french`) of accent-folded words, so that `arrêtés`,
 * `arrêté`, `arrêtée` and `arreter` all become `arret`.
 *
 * The stemmer runs on the folded word, not on the accented one: a question typed without accents
 * must meet the article's accented words, and Snowball's rules read accents (accented, `remercié`
 * gives `remerci` but `remercie` gives `remerc`; folded, both give `remerc`). Two folded endings are
 * given back their only possible accent first (`-ee(s)` → `-ée(s)`, `-iere(s)` → `-ière(s)`), or
 * `dernière` would stem to `dernier` while `dernier` gives `derni`. The stem is folded again.
 *
 * Guards around Snowball:
 * - digits and words of one or two letters are returned unchanged;
 * - a stem shorter than 3 letters is refused, because it merges unrelated words (`cia` → `ci`, which
 *   `celle-ci` also gives; `rue`, `vue`, `tué`, `via` → `ru`, `vu`, `tu`, `vi`). The word is kept
 *   instead, less a plural `s` and a feminine `e` after `e`, so `vie`/`vies`, `ans`/`an` and
 *   `tué`/`tuée`/`tués` still meet.
 *
 * Known gaps (search compensates with fuzzy matching on terms of 5+ letters):
 * - `remercier`, `remerciements`, `remerciait`, `remerciée` → `remerci`; `remercie`, `remercié`,
 *   `remerciés`, `remercions` → `remerc` (edit distance 1); `remercient` → `remercient`: Snowball
 *   leaves every present-tense `-ent` plural alone (`coopèrent` → `cooperent`, `indiquent`).
 * - `arrestation` → `arrest` but `arrêté` → `arret`; `coopération` → `cooper`.
 * - `tuer` → `tuer` but `tué` → `tue`.
 * - `communiqué` → `commun`, the stem of `commun` (Snowball strips `-ique` from the folded form).
 * - `sécurité` → `securit` (accented Snowball gives `secur`); consistent within this analysis.
 *
 * @example stem('remerciements') // 'remerci'
 */
import { stemmer } from '@orama/stemmers/french';
import { foldCase } from './normalize.ts';

/**
 * Endings whose accent folding cannot have lost anything but one accent, put back so that Snowball
 * sees the feminine participle and `-ière` nouns it has rules for (`dernière` → `derni` like
 * `dernier`, `arrêtée` → `arret` like `arrêté`). Bare `-e`/`-es` stays folded: `remercie` may be
 * `remercié` or the verb, and folded queries must meet accented articles.
 */
const ACCENTED_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/iere(s?)$/, 'ière$1'],
  [/ee(s?)$/, 'ée$1'],
];
const SHORTEST_STEM = 3;
const DIGITS = /^[0-9]+$/;
const CACHE_LIMIT = 50_000;

// Stemming dominates indexing time and news vocabulary repeats a lot; the cache is bounded so a
// long-running bot cannot grow it without end.
const cache = new Map<string, string>();

export function stem(folded: string): string {
  if (folded.length <= 2 || DIGITS.test(folded)) return folded;
  const cached = cache.get(folded);
  if (cached !== undefined) return cached;
  const stemmed = guardedStem(folded);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(folded, stemmed);
  return stemmed;
}

function guardedStem(folded: string): string {
  const stemmed = foldCase(stemmer(restoreEndingAccents(folded)));
  if (stemmed.length >= SHORTEST_STEM) return stemmed;
  const singular = folded.endsWith('s') ? folded.slice(0, -1) : folded;
  return singular.endsWith('ee') ? singular.slice(0, -1) : singular;
}

function restoreEndingAccents(folded: string): string {
  for (const [ending, accented] of ACCENTED_ENDINGS) {
    if (ending.test(folded)) return folded.replace(ending, accented);
  }
  return folded;
}
