/**
 * Case and accent folding shared by every step of the French analysis, so that `État`, `etat` and
 * `ETAT` meet, and so do `l’Élysée` typed with a curly or a straight apostrophe.
 *
 * @example foldCase('Œuvre à l’Élysée') // 'oeuvre a l'elysee'
 */

/** Characters that French text uses as an apostrophe; folding turns them all into `'`. */
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’', '‘', 'ʼ']);

const TYPOGRAPHIC_APOSTROPHE = /[’‘ʼ]/g;
const COMBINING_MARK = /\p{M}/gu;
// Scraped text sometimes keeps the soft hyphens of the page's line breaking inside a word.
const SOFT_HYPHEN = /\u00AD/g;

/** Text with nothing but ASCII, which folding only lowercases (no accent, ligature or curly apostrophe). */
const ASCII_ONLY = /^[\x00-\x7F]*$/u;

export function foldCase(text: string): string {
  // Most words of a French text are plain ASCII; decomposing them is the cost of indexing a corpus.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(SOFT_HYPHEN, '')
    .replace(TYPOGRAPHIC_APOSTROPHE, "'");
}
