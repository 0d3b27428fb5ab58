/**
 * Words that carry no meaning for search, dropped from documents and questions alike.
 *
 * The list is the `stopword` package's French (`fra`, 168 words) and English (`eng`, 108 words) lists,
 * plus question words, plus a few function words those lists lack, minus a keep-list of content words.
 * Every entry is compared accent-folded, so `où` and `ou`, `à` and `a`, `été` and `ete` are one entry.
 *
 * @example isStopWord('qui') // true
 * @example isStopWord('sept') // false: "7 membres" must stay searchable
 */
import { eng, fra } from 'stopword';
import { foldCase } from './normalize.ts';
import { cardinalValue } from './numbers.ts';

/** Dropped from questions ("Qui a …", "How many …") so that only the subject of the question is searched. */
// prettier-ignore
const QUESTION_WORDS = [
  'qui', 'quand', 'ou', 'où', 'combien', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'lesquels',
  'lesquelles', 'comment', 'pourquoi', 'quoi', 'who', 'when', 'where', 'what', 'which', 'how', 'many', 'much', 'why',
  'whom', 'whose',
];

/**
 * Function words missing from the package lists. A question word such as "selon" or "depuis" that
 * no passage has to contain would otherwise become a search unit of its own ("Depuis quand la CIA
 * coopère-t-elle ?"). Only prepositions, conjunctions, pronouns, determiners, titles and adverbs
 * of degree: no noun, verb or adjective, and no word that can be one.
 */
// prettier-ignore
const EXTRA_FUNCTION_WORDS = [
  'elles',
  // English "one" is mostly a pronoun ("one of the suspects"); as a count it is too vague to search for.
  'one', 'aussi', 'comme', 'si', 'tout', 'tous', 'toute', 'toutes', 'dont', 'lors', 'selon', 'entre', 'contre',
  'depuis', 'après', 'avant', 'sous', 'vers', 'chez', 'ainsi', 'alors', 'donc', 'car', 'ni', 'très', 'encore',
  'déjà', 'aucun', 'aucune', 'autre', 'autres', 'celui', 'celle', 'celles', 'ceux', 'ci', 'puis', 'quelque',
  'quelques', 'quelqu’un', 'quelqu’une', 'chaque', 'plusieurs', 'lorsque', 'puisque', 'quoique', 'parce', 'jusque',
  'afin', 'pendant', 'durant', 'plus', 'moins', 'peu', 'ça', 'mm', 'mme', 'mmes', 'mlle', 'etc', 'does', 'doing',
  'done', 'will', 'shall', 'its', 'us', 'not', 'no', 'so', 'against', 'during', 'without', 'within', 'upon',
  'having', 'anything', 'something', 'nothing', 'everything', 'anyone', 'someone', 'anybody', 'somebody', 'just',
  'even',
  // What is left of an English negative contraction once its apostrophe splits it ("couldn't": "couldn").
  // Not "don" (don't), a French noun, nor "won" (won't), a verb.
  'couldn', 'didn', 'doesn', 'wasn', 'weren', 'isn', 'aren', 'hasn', 'haven', 'hadn', 'wouldn', 'shouldn',
  'mustn', 'needn',
];

/**
 * Content words that must survive although a list above contains them (or might, after folding):
 * - `an` (year: "le Nouvel An", "un an") is the English article in `eng`; French text needs it more
 *   than English questions lose by it.
 * - `but` (French noun "goal": "le but de l'attentat") is the English conjunction in `eng`.
 * - `notre` (in `fra`) is part of names: "Notre-Dame-de-Kazan".
 * - `etat` (État islamique, chef de l'État) is in other French lists; folding must never merge it
 *   with a stop word.
 * - `sept`, `deux` … `dix` and every number word: counts answer count questions ("7 membres");
 *   `isStopWord` keeps any word `cardinalValue` reads as a number, so they need no entry here.
 * - `premier`, `dernier`: "en premier lieu", "la semaine dernière" are facts of order and time.
 * - `personne(s)`, `merci`, `mars`, `mai`: nouns and months, stop words in larger French lists.
 * Homographs left dropped on purpose, because the function word is far more frequent in news
 * text: `est` (is / east), `été` (been / summer), `son` (his / sound), `or` (now / gold),
 * `sommes` (are / sums), `fût` → `fut` (was / barrel), `sûr` → `sur`, `dû` → `du`, `maïs` → `mais`,
 * `thé` → `the`, `thèse` → `these`, `as` (have / ace), `are` (are / the unit), `if` (if / yew),
 * `came` (came / drugged).
 * The cost of the keep-list: an English question keeps `an` and `but` as units ("an attack"), which
 * a search that requires every unit would not find in French text.
 */
// prettier-ignore
const KEEP_WORDS = [
  'an', 'but', 'notre', 'état', 'premier', 'première', 'dernier', 'dernière', 'personne', 'personnes', 'merci',
  'mars', 'mai',
];

const STOP_WORDS: ReadonlySet<string> = buildStopWords();

function buildStopWords(): Set<string> {
  const words = new Set([...fra, ...eng, ...QUESTION_WORDS, ...EXTRA_FUNCTION_WORDS].map(foldCase));
  for (const word of KEEP_WORDS) words.delete(foldCase(word));
  return words;
}

/** Whether an accent-folded word (see `foldCase`) carries no meaning for search. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded) && cardinalValue(folded) === undefined;
}
