import { foldCase } from './normalize.ts';
import { cardinalValue } from './numbers.ts';
import { MONTH_PATTERN } from './datesRules.ts';

export interface CountMention {
  start: number;
  end: number;
  surface: string;
  value: number;
  /** The counted noun, folded: `membres`, `individus`, `ressortissants`. */
  noun: string;
}

/** French number words that may open a count; `un`, `une` and `et` only continue one (vingt et un). */
const NUMBER_WORD =
  'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|cents?|mille';
const L = '(?<![\\p{L}\\p{N}\\p{Pd}/.,])';
const DIGITS = '\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+(?![\\p{N}])|\\d+(?:,\\d+)?';
const WORDS = `(?:${NUMBER_WORD})(?:(?:[\\p{Pd} ]|\\s+et\\s+|-et-)(?:${NUMBER_WORD}|un|une|onze))*`;
const COUNT = new RegExp(
  `${L}(?<number>${DIGITS}|${WORDS})(?![\\p{L}\\p{N}]|[\\p{Pd}/]\\d)` +
    `(?:\\s+(?<scale>millions?|milliards?)\\s+(?:de|d['’]))?` +
    `(?<adjectives>(?:\\s+(?:autres|nouveaux|nouvelles|jeunes|premiers|premières|derniers|dernières|petits|petites|grands|grandes|anciens|anciennes|principaux|principales|seuls|seules|présumés|présumées))*)` +
    `(?:\\s+|(?<=['’]))(?<noun>\\p{L}[\\p{L}-]*)`,
  'giud',
);

/** Words that can follow a number without being what it counts. */
const NOT_A_NOUN = new Set([
  'et',
  'ou',
  'a',
  'au',
  'aux',
  'de',
  'des',
  'du',
  'd',
  'le',
  'la',
  'les',
  'l',
  'en',
  'sur',
  'sous',
  'par',
  'pour',
  'avec',
  'sans',
  'dans',
  'entre',
  'vers',
  'chez',
  'contre',
  'selon',
  'depuis',
  'pendant',
  'avant',
  'apres',
  'puis',
  'mais',
  'qui',
  'que',
  'dont',
  'ou',
  'ont',
  'est',
  'sont',
  'etait',
  'etaient',
  'avait',
  'avaient',
  'fut',
  'sera',
  'seront',
  'ne',
  'n',
  'se',
  's',
  'il',
  'elle',
  'ils',
  'elles',
  'on',
  'ce',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'un',
  'une',
  'cent',
]);
const MONTH = new RegExp(`^(?:${MONTH_PATTERN})$`, 'i');
/** A number right after these is an identifier or a year, not a count. */
const IDENTIFIER_BEFORE = /(?:(?<!\p{L})(?:no|numéro|article|art\.|loi|décret|page|chapitre|alinéa)\s*|n°\s*)$/iu;
const YEAR_BEFORE = new RegExp(`(?:(?<!\\p{L})(?:en|depuis|dès|année|an|fin|début|${MONTH_PATTERN})\\s*)$`, 'iu');
/** "à 7 heures" is a time. */
const CLOCK_BEFORE = /(?:(?<!\p{L})(?:à|vers|dès|avant|après|jusqu['’]à)\s*)$/iu;

/**
 * How many of something a passage states: "7 membres", "sept membres", "deux ressortissants russes",
 * "1,5 million de personnes". Dates ("13 décembre"), years, law numbers ("78-17"), ordinals ("2e") and
 * the article un/une are not counts.
 */
export function extractCounts(text: string): CountMention[] {
  const found: CountMention[] = [];
  for (const match of text.matchAll(COUNT)) {
    const groups = match.groups!;
    const numberText = groups['number']!;
    const nounText = groups['noun']!;
    const noun = foldCase(nounText);
    if (NOT_A_NOUN.has(noun) || MONTH.test(nounText) || noun === '%') continue;
    // Capitalised words count only as plural nouns ("deux Russes"), not as names ("7 Moscou").
    if (/^\p{Lu}/u.test(nounText) && !/[sx]$/.test(noun)) continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (IDENTIFIER_BEFORE.test(before)) continue;
    // A year is a count only of something plural ("2000 manifestants"), never right after a month.
    if (/^(19|20)\d\d$/.test(numberText) && (YEAR_BEFORE.test(before) || !/[sx]$/.test(noun))) continue;
    if (CLOCK_BEFORE.test(before) && /^(h|heures?)$/.test(noun)) continue;

    let value = numberValue(numberText);
    if (value === undefined) continue;
    const scale = groups['scale'];
    if (scale !== undefined) value *= scale.startsWith('milliard') ? 1e9 : 1e6;
    else if (!Number.isInteger(value)) continue;
    if (value < 2 && scale === undefined) continue;

    const start = match.index;
    const end = match.indices!.groups!['noun']![0] + nounText.length;
    found.push({ start, end, surface: text.slice(start, end), value, noun });
  }
  return found;
}

function numberValue(numberText: string): number | undefined {
  if (/^\d/.test(numberText)) {
    const value = Number(numberText.replace(/[\u00a0\u202f ]/g, '').replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
  }
  return cardinalValue(foldCase(numberText).replace(/\s+et\s+/g, '-et-'));
}
