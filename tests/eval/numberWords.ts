/**
 * The ways a count can be written in a quote: "7", "sept", "2 000", "quatre-vingt-dix", "seven".
 * Enough for news counts (0 to 100, and round thousands in digits); it is a checker, not a parser.
 */

const FRENCH_UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const FRENCH_TENS: Record<number, string> = { 2: 'vingt', 3: 'trente', 4: 'quarante', 5: 'cinquante', 6: 'soixante' };

const ENGLISH_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** French spellings of n (0–100), with both the hyphenated and the 1990-reform forms where they differ. */
export function frenchNumberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 100) return [];
  if (n === 100) return ['cent'];
  if (n <= 16) return [FRENCH_UNITS[n] ?? ''];
  if (n < 20) return [`dix-${FRENCH_UNITS[n - 10]}`];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  let words: string;
  if (n >= 80) {
    const rest = n - 80;
    words = rest === 0 ? 'quatre-vingts' : `quatre-vingt-${frenchNumberWords(rest)[0]}`;
  } else if (n >= 60) {
    const rest = n - 60;
    words =
      rest === 0
        ? 'soixante'
        : rest === 1
          ? 'soixante et un'
          : rest === 11
            ? 'soixante et onze'
            : `soixante-${frenchNumberWords(rest)[0]}`;
  } else {
    const ten = FRENCH_TENS[tens] ?? '';
    words = unit === 0 ? ten : unit === 1 ? `${ten} et un` : `${ten}-${FRENCH_UNITS[unit]}`;
  }
  const reformed = words.replace(/ et /g, '-et-');
  return reformed === words ? [words] : [words, reformed];
}

export function englishNumberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 100) return [];
  if (n === 100) return ['hundred', 'one hundred'];
  if (n < 20) return [ENGLISH_UNITS[n] ?? ''];
  const ten = ENGLISH_TENS[Math.floor(n / 10)] ?? '';
  return [n % 10 === 0 ? ten : `${ten}-${ENGLISH_UNITS[n % 10]}`];
}

/** Digits of a count as written in an answer ("2 000", "2000", "7") or null when it is not a number. */
export function countDigits(written: string): string | null {
  const compact = written.replace(/[\s\u00a0\u202f.]/g, '');
  if (!/^\d+$/.test(compact)) return null;
  return compact.replace(/^0+(?=\d)/, '');
}

/** A pattern that finds the count in a text, in digits (with thousands spaces) or in words. */
export function countPattern(digits: string): RegExp {
  const grouped = digits
    .split('')
    .map((digit, index) => ((digits.length - index) % 3 === 0 && index > 0 ? `[\\s\\u00a0\\u202f.]?${digit}` : digit))
    .join('');
  const n = Number(digits);
  const words = [...frenchNumberWords(n), ...englishNumberWords(n)].map((word) => word.replace(/-/g, '[- ]'));
  const alternatives = [grouped, ...words].join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}
