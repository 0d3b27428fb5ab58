/**
 * Numbers written in digits or in words, French or English, so that `7`, `sept` and `seven` are the
 * same thing to search and to /count answers.
 *
 * `un`, `une` and `one` alone are not numbers here: they are far more often an article or a pronoun
 * ("un attentat", "one of them"). Inside a compound they count (`vingt-et-un` is 21).
 * Known homograph: `neuf` is also "new"; it still reads as 9.
 *
 * @example
 * cardinalValue('sept') // 7
 * cardinalValue('dix-sept') // 17
 * cardinalValue('quatre-vingt-dix') // 90
 * cardinalValue('une') // undefined
 */

const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['six', 6],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['onze', 11],
  ['douze', 12],
  ['treize', 13],
  ['quatorze', 14],
  ['quinze', 15],
  ['seize', 16],
  ['vingt', 20],
  ['vingts', 20],
  ['trente', 30],
  ['quarante', 40],
  ['cinquante', 50],
  ['soixante', 60],
  ['septante', 70],
  ['huitante', 80],
  ['octante', 80],
  ['nonante', 90],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

const ONE = new Set(['un', 'une', 'one']);
const HUNDRED = new Set(['cent', 'cents', 'hundred']);
const THOUSAND = new Set(['mille', 'thousand']);
const AND = new Set(['et', 'and']);

const DIGITS = /^[0-9]+$/;
const COMPOUND_SEPARATOR = /[\p{Pd}\s]+/u;

/** The value of a folded number word, compound (`dix-sept`, `twenty-one`) or digit string. */
export function cardinalValue(folded: string): number | undefined {
  if (DIGITS.test(folded)) {
    const value = Number(folded);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const words = folded.split(COMPOUND_SEPARATOR).filter((word) => word !== '');
  if (words.length === 1 && ONE.has(words[0] as string)) return undefined;
  return compoundValue(words);
}

function compoundValue(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let previous: number | undefined;
  for (const [position, word] of words.entries()) {
    if (AND.has(word)) {
      if (position === 0 || position === words.length - 1) return undefined;
      continue;
    }
    if (THOUSAND.has(word)) {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
    } else if (HUNDRED.has(word)) {
      current = (current === 0 ? 1 : current) * 100;
    } else {
      const value = ONE.has(word) ? 1 : SMALL_NUMBERS.get(word);
      if (value === undefined) return undefined;
      // quatre-vingts: the 4 already counted multiplies the 20 instead.
      current += value === 20 && previous === 4 ? 80 - 4 : value;
      previous = value;
      continue;
    }
    previous = undefined;
  }
  return total + current;
}
