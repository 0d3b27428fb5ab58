/**
 * Places written as common nouns, not names: "limité à la galerie de chargement", "les images d'une
 * station-service", "dans les locaux de la police judiciaire". They answer /where only when no named
 * place does, since most such phrases ("le port", "la salle") are the setting of a story, not its answer.
 *
 * @example commonPlacesIn('Le feu, limité à la galerie de chargement, a été éteint.')
 * // [{ start: 20, end: 41, surface: 'galerie de chargement' }]
 */
import { foldCase } from './normalize.ts';
import { SITE_NOUNS } from './entityWords.ts';
import { isStopWord } from './stopWords.ts';
import type { TextSpan } from './sentences.ts';

export interface CommonPlace extends TextSpan {
  /** The phrase as the article writes it. */
  readonly surface: string;
}

/** Nouns of buildings and rooms that say where something is or happened, beside the site nouns. */
// prettier-ignore
const ROOM_NOUNS = [
  'station-service', 'galerie', 'locaux', 'local', 'bâtiment', 'salle', 'bureau', 'parking', 'magasin', 'atelier',
  'couloir', 'étage', 'sous-sol', 'toit', 'cave', 'garage', 'appartement', 'école', 'mairie', 'prison',
  'commissariat', 'caserne', 'jardin', 'marché', 'centre', 'zone', 'site', 'domicile',
];

const ARTICLE = String.raw`(?:l['’]\s*|(?:le|la|les|un|une|son|sa|ses|leur|leurs|ce|cet|cette)\s+)`;
/**
 * What stands before a place written so: a preposition of place, or "de" with an article ("d'une
 * station-service"; "quatre ans de prison" is no place).
 */
const BEFORE = String.raw`(?:(?:à|au|aux|dans|sur|sous|devant|derrière|vers|depuis|chez|près\s+d(?:e|u|es)|du|des)\s+${ARTICLE}?|(?:de\s+|d['’]\s*)${ARTICLE})`;
const HEAD = `((?:${[...SITE_NOUNS, ...ROOM_NOUNS].join('|')})[sx]?)`;
/** One complement of common nouns: "de chargement", "de la police judiciaire". */
const COMPLEMENT = String.raw`(?:\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?([\p{Ll}-]+(?:\s+[\p{Ll}-]+)?))?`;
const COMMON_PLACE = new RegExp(`(?<![\\p{L}])${BEFORE}${HEAD}(?![\\p{L}-])${COMPLEMENT}`, 'dgiu');

export function commonPlacesIn(text: string): CommonPlace[] {
  const places: CommonPlace[] = [];
  for (const match of text.matchAll(COMMON_PLACE)) {
    const [start, headEnd] = match.indices![1]!;
    const end = start + phraseLength(text.slice(start, match.index + match[0].length), headEnd - start);
    places.push({ start, end, surface: text.slice(start, end) });
  }
  return places;
}

/**
 * Length of the phrase from its head: the complement is kept up to its last word that is no stop word
 * ("galerie de chargement a" is "galerie de chargement"), and dropped when nothing of it is left.
 */
function phraseLength(phrase: string, headLength: number): number {
  const words = [...phrase.slice(headLength).matchAll(/[\p{L}’'-]+/gu)];
  let end = headLength;
  let seenPreposition = false;
  for (const word of words) {
    const folded = foldCase(word[0].replace(/[’']$/u, ''));
    if (!seenPreposition) {
      seenPreposition = true;
      continue;
    }
    if (!isStopWord(folded)) end = headLength + word.index + word[0].length;
  }
  return end;
}
