/** A small seeded generator for the property tests: the same seed gives the same cases on every run. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Poutine',
  'Saint-Pétersbourg',
  'l’attentat',
  'CIA',
  '«',
  '»',
  'a',
  'déjoué',
  '**gras**',
  '_souligné_',
  '~~barré~~',
  '`code`',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '[lien](http://x.y)',
  '> cité',
  '# titre',
  '- liste',
  '1.',
  '||spoiler||',
  '\\',
  'Zoé',
  '🇷🇺',
  'émoji😀',
  'dix-sept',
  'M.',
  '2017',
  'FSB',
  'Daech',
  'très-très-longmotcomposé',
  'a\u00a0b',
];

/** A quote of about `words` words mixing French, Markdown, mentions and astral characters. */
export function randomQuote(random: () => number, words: number): string {
  const parts: string[] = [];
  for (let index = 0; index < words; index += 1) {
    const piece = PIECES[Math.floor(random() * PIECES.length)] ?? 'mot';
    const separator = random() < 0.05 ? '\n' : ' ';
    parts.push(index === 0 ? piece : separator + piece);
  }
  return parts.join('');
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Highlight spans of `text`, possibly overlapping, touching, empty or out of range. */
export function randomHighlights(random: () => number, text: string): { start: number; end: number }[] {
  const count = randomInt(random, 0, 6);
  return Array.from({ length: count }, () => {
    const start = randomInt(random, -5, text.length + 5);
    return { start, end: start + randomInt(random, -2, 40) };
  });
}
