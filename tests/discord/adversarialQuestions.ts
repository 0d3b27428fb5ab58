/**
 * Random and adversarial questions for the property tests: control characters, NUL, lone surrogates,
 * right-to-left marks, Markdown and mention syntax, regular-expression metacharacters, 10,000-character
 * strings, mixed with words the corpus uses so that some questions find passages to quote.
 */
import fc from 'fast-check';

const PIECES = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u202e',
  '\u200f',
  '\u061c',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '🇷🇺',
  'e\u0301',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '**',
  '__',
  '~~',
  '||',
  '`',
  '```',
  '> ',
  '# ',
  '- ',
  '1. ',
  '[lien](https://example.com)',
  '\\',
  '\\d+',
  '$^',
  '{2,}',
  '|',
  '.*',
  '(?:',
  '[^a]',
  '+?',
  'Poutine',
  'Trump',
  'FSB',
  'CIA',
  'Saint-Pétersbourg',
  'attentat',
  'remercié',
  'Qui',
  'Quand',
  'Où',
  'Combien',
  'who',
  'when',
  '2017',
  'deux',
  'sept',
  '7',
  'Telegram',
  'Kazan',
];

const piece = fc.constantFrom(...PIECES);

/** Questions the corpus answers, so that quotes, highlights and notes get rendered around the garbage. */
const ANSWERABLE = [
  'Qui a remercié Trump ?',
  'Quand Poutine a-t-il appelé Trump ?',
  'Où l’attentat était-il prévu ?',
  'Combien de membres de la cellule ont été arrêtés ?',
  'Who thanked Trump?',
  'Telegram',
];

/** Questions of every kind, from plausible to hostile. */
export const adversarialQuestion: fc.Arbitrary<string> = fc.oneof(
  // An answerable question with pieces put between its words.
  fc
    .tuple(fc.constantFrom(...ANSWERABLE), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 4 }))
    .map(([question, inserts]) => {
      const words = question.split(' ');
      for (const [at, part] of inserts) words.splice(at % (words.length + 1), 0, part);
      return words.join(' ');
    }),
  // Pieces and random words separated by spaces: often reach passages.
  fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(' ')),
  // Pieces glued together.
  fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
  // Any UTF-16 code units, lone surrogates and NUL included.
  fc.string({ unit: 'binary', maxLength: 320 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  // Long: up to 10,000 characters.
  fc
    .tuple(piece, fc.constantFrom(201, 301, 2_000, 10_000))
    .map(([part, length]) => part.repeat(Math.ceil(length / part.length)).slice(0, length)),
);

/** Discord's mention grammar, unescaped: what would ping if allowed_mentions did not forbid it. */
export const MENTION = /@(?:everyone|here)|(?<!\\)<(?:@[!&]?|#)\d+>/u;
