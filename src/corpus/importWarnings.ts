/**
 * What in an imported text deserves a second look but does not stop the import: a text that looks cut
 * off, and blocks that repeat. The file is still written; the moderator reads the warnings and decides.
 * Pure; the importer calls it on the article's paragraphs.
 */

/** A sentence ends with one of these, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?](?:[\s\u00a0\u202f]*[»"”’')\]])*\s*$/u;
/** A closing quote or bracket alone also ends the text: `… « coups de pouce »`, `(avec AFP)`. */
const CLOSING_MARK = /[»"”’)\]]\s*$/u;
/** "[…]", "[...]", "(…)": whoever copied the text, or the outlet, left a passage out. */
const ELISION = /[[(](?:…|\.\.\.)[\])]\s*$/u;
/** "…" or "..." closing the text: a teaser cut where the page stopped. */
const ELLIPSIS = /(?:…|\.\.\.)\s*$/u;
/** A repeated paragraph shorter than this ("Il a parlé.") may be the article's own. */
const REPEAT_MIN_LENGTH = 40;
const QUOTE_LENGTH = 50;

/**
 * @example
 * cutOffWarnings(['Titre', 'Le président a déclaré que'])
 * // ['the text looks cut off: it ends mid-sentence ("…Le président a déclaré que"); check the page for the rest']
 */
export function cutOffWarnings(paragraphs: readonly string[], paywallNotice: string | null = null): string[] {
  const warnings: string[] = [];
  if (paywallNotice !== null) {
    warnings.push(`the text looks cut off: a paywall notice ("${shorten(paywallNotice)}") was taken out; import the whole text if you have it`);
  }
  const last = paragraphs.at(-1)?.trim();
  if (last === undefined || last === '') return warnings;
  if (ELISION.test(last)) {
    warnings.push(`the text looks cut off: it ends with "[…]" ("${tail(last)}"); check the page for the rest`);
  } else if (ELLIPSIS.test(last)) {
    warnings.push(`the text looks cut off: it ends with "…" ("${tail(last)}"), as a teaser does; check the page for the rest`);
  } else if (!SENTENCE_END.test(last) && !CLOSING_MARK.test(last)) {
    warnings.push(`the text looks cut off: it ends mid-sentence ("${tail(last)}"); check the page for the rest`);
  }
  return warnings;
}

/**
 * Paragraphs that appear twice (spaces and case aside), and paragraphs that are the start of another
 * (a teaser, cut with "…" or not, above the paragraph it was taken from).
 *
 * @example
 * repeatedBlockWarnings(['Titre', 'Le Kremlin a salué la coopération avec la CIA.', 'Suite.', 'Le Kremlin a salué la coopération avec la CIA.'])
 * // ['paragraph 4 repeats paragraph 2 ("Le Kremlin a salué…"): a teaser or a block copied twice? …']
 */
export function repeatedBlockWarnings(paragraphs: readonly string[]): string[] {
  const warnings: string[] = [];
  const normalised = paragraphs.map(normalise);
  const reported = new Set<number>();
  normalised.forEach((text, index) => {
    if (text.length < REPEAT_MIN_LENGTH || reported.has(index)) return;
    const copies = normalised.flatMap((other, otherIndex) => (otherIndex > index && other === text ? [otherIndex] : []));
    for (const again of copies) {
      reported.add(again);
      warnings.push(
        `paragraph ${again + 1} repeats paragraph ${index + 1} ("${shorten(paragraphs[index] ?? '')}"): ` +
          'a teaser or a block copied twice? Delete one unless the outlet printed it twice',
      );
    }
    if (copies.length > 0) return;
    const stem = text.replace(/\s*(?:…|\.\.\.)$/u, '');
    const longer = normalised.findIndex((other, otherIndex) => otherIndex !== index && other.length > stem.length && other.startsWith(stem));
    if (stem.length >= REPEAT_MIN_LENGTH && longer >= 0) {
      reported.add(index);
      warnings.push(
        `paragraph ${index + 1} is the start of paragraph ${longer + 1} ("${shorten(paragraphs[index] ?? '')}"): ` +
          'a teaser copied with the text? Delete it unless the outlet printed it',
      );
    }
  });
  return warnings;
}

function normalise(paragraph: string): string {
  return paragraph.replace(/[\s\u00a0\u202f]+/gu, ' ').trim().toLowerCase();
}

function shorten(text: string): string {
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1)}…` : text;
}

function tail(text: string): string {
  return text.length > QUOTE_LENGTH ? `…${text.slice(-(QUOTE_LENGTH - 1))}` : text;
}
